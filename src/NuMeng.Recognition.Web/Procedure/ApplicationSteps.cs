using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Applications;
using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Web;

/// <summary>The stages every step on an application shares: load it, ask the workflow table.</summary>
public static class ApplicationSteps
{
    /// <summary>The application through the tenancy filter, tracked (another organisation's is not found).</summary>
    public static Task<Application?> LoadAsync(StepContext step, Guid applicationId)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId, step.Cancellation);
    }

    /// <summary>
    /// The workflow's decision on <paramref name="action"/> for the acting user (with the role the table names for it):
    /// the refusal in Chinese, or the state change.
    /// </summary>
    public static Ruling Decide(StepContext step, Application application, ApplicationAction action, RevocationGround? ground = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(application);
        var role = step.User.RoleFor(application.State, action);
        if (RefusalOrNull(application.State, action, role, ground) is { } refusal)
        {
            return Ruling.Refuse(refusal);
        }
        var from = application.State;
        var to = ApplicationWorkflow.Transition(from, action, role, ground);
        return new Ruling(null, () => application.Apply(ApplicationWorkflow.Decide(from, action, [role], ground)), role, from.ToString(), to.ToString());
    }

    /// <summary>
    /// The workflow's refusal of <paramref name="action"/> in <paramref name="state"/> for <paramref name="role"/> (the
    /// message <see cref="WorkflowException"/> carries); null when allowed.
    /// </summary>
    public static string? RefusalOrNull(ApplicationState state, ApplicationAction action, ActorRole role, RevocationGround? ground = null)
    {
        WorkflowErrorKind? kind = ApplicationWorkflow.RolesFor(state, action).Count == 0 ? WorkflowErrorKind.NotAllowedInState
            : !ApplicationWorkflow.CanTransition(state, action, role) ? WorkflowErrorKind.RoleNotPermitted
            : action == ApplicationAction.Revoke && ground is null ? WorkflowErrorKind.RevocationGroundRequired
            : action != ApplicationAction.Revoke && ground is not null ? WorkflowErrorKind.RevocationGroundNotApplicable
            : null;
        return kind is { } k ? WorkflowException.MessageFor(state, action, role, k) : null;
    }
}
