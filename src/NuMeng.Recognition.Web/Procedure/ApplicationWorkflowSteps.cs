namespace NuMeng.Recognition.Web;

/// <summary>The stages every step on an application shares: load it, ask the workflow table.</summary>
public static class ApplicationWorkflowSteps
{
    /// <summary>The application through the tenancy filter, tracked (another organisation's is not found).</summary>
    public static Task<Application?> LoadAsync(StepContext step, Guid applicationId)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId, step.Cancellation);
    }

    /// <summary>
    /// The workflow's decision on <paramref name="action"/> for the acting user (<see cref="ApplicationWorkflow.Decide"/>
    /// with every role the user holds): the refusal in Chinese, or the state change.
    /// </summary>
    public static Ruling Decide(StepContext step, Application application, ApplicationAction action, RevocationGround? ground = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(application);
        var decision = ApplicationWorkflow.Decide(application.State, action, step.User.Roles, ground);
        return Ruling.Of(decision, () => application.Apply(decision));
    }

    /// <summary>The workflow's refusal of <paramref name="action"/> in <paramref name="state"/> for the user's roles; null when allowed.</summary>
    public static string? RefusalOrNull(ActingUser user, ApplicationState state, ApplicationAction action)
    {
        ArgumentNullException.ThrowIfNull(user);
        return ApplicationWorkflow.Decide(state, action, user.Roles).Refusal;
    }

    /// <summary>The workflow's refusal of <paramref name="action"/> in <paramref name="state"/> for one role; null when allowed.</summary>
    public static string? RefusalOrNull(ApplicationState state, ApplicationAction action, ActorRole role) =>
        ApplicationWorkflow.Decide(state, action, [role]).Refusal;
}
