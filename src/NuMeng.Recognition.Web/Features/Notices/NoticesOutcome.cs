using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Auditing;
using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Web.Features.Notices;

/// <summary>How a department action ended.</summary>
public enum NoticesOutcomeKind
{
    Done,
    Invalid,
    Refused,
    Conflict,
    NotFound,
}

/// <summary>The result of a department or enterprise action of this feature: a message and the field errors.</summary>
public sealed record NoticesOutcome(NoticesOutcomeKind Kind, string? Message, IReadOnlyList<InputError> Errors, Guid? Id = null)
{
    public bool Succeeded => Kind == NoticesOutcomeKind.Done;

    public static NoticesOutcome Done(string message, Guid? id = null) => new(NoticesOutcomeKind.Done, message, [], id);

    public static NoticesOutcome Invalid(IReadOnlyList<InputError> errors) => new(NoticesOutcomeKind.Invalid, null, errors);

    public static NoticesOutcome Invalid(string field, string message) => new(NoticesOutcomeKind.Invalid, null, [new InputError(field, message)]);

    public static NoticesOutcome Refused(string message) => new(NoticesOutcomeKind.Refused, message, []);

    public static NoticesOutcome Conflict(string message) => new(NoticesOutcomeKind.Conflict, message, []);

    public static NoticesOutcome NotFound() => new(NoticesOutcomeKind.NotFound, "未找到该记录", []);
}

/// <summary>
/// The department user behind a call. Pages are authorised by <c>Policies.Department</c>; services check again and ask
/// the workflow with the role the table names for the step (工信厅经办人 for pre-selection, notice and objections,
/// 工信厅负责人 for the party-group decision).
/// </summary>
internal sealed record DepartmentUser(Guid UserId, string DisplayName, IReadOnlySet<ActorRole> Roles)
{
    public const string NotDepartmentMessage = "只有自治区工业和信息化厅的经办人和负责人可以办理";

    public static DepartmentUser? Of(ICurrentActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAuthenticated || actor.UserId is not { } user
            || !(actor.Roles.Contains(ActorRole.DepartmentStaff) || actor.Roles.Contains(ActorRole.DepartmentLeader)))
        {
            return null;
        }
        return new DepartmentUser(user, actor.DisplayName, actor.Roles.ToHashSet());
    }

    /// <summary>The role the workflow table names for <paramref name="action"/> in <paramref name="state"/>, if this user holds it; else the user's first department role.</summary>
    public ActorRole RoleFor(ApplicationState state, ApplicationAction action)
    {
        foreach (var role in ApplicationWorkflow.RolesFor(state, action))
        {
            if (Roles.Contains(role))
            {
                return role;
            }
        }
        return Roles.Contains(ActorRole.DepartmentStaff) ? ActorRole.DepartmentStaff : ActorRole.DepartmentLeader;
    }

    /// <summary>The workflow's refusal of the step for this user, or null when allowed.</summary>
    public string? Refusal(ApplicationState state, ApplicationAction action)
    {
        try
        {
            ApplicationWorkflow.Transition(state, action, RoleFor(state, action));
            return null;
        }
        catch (WorkflowException ex)
        {
            return ex.Message;
        }
    }
}

/// <summary>Saving with the audit entry; a lost race becomes a message.</summary>
internal static class NoticesSave
{
    public static async Task<NoticesOutcome> SaveAsync(IAuditLog audit, RecognitionDbContext db, AuditEvent auditEvent, string message,
        Guid? id, CancellationToken cancellationToken)
    {
        try
        {
            await audit.AppendAsync(db, auditEvent, cancellationToken);
            return NoticesOutcome.Done(message, id);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            return NoticesOutcome.Conflict(ConcurrencyConflict.Describe(ex));
        }
        catch (ImmutableRowException ex)
        {
            return NoticesOutcome.Refused(ex.Message);
        }
    }
}
