using static NuMeng.Recognition.Domain.Workflow.ActorRole;

namespace NuMeng.Recognition.Domain.Workflow;

/// <summary>State of a rename request (更名申请). Stored by name; never rename a member.</summary>
public enum RenameRequestState
{
    /// <summary>待盟市转报: the enterprise asked; its bureau has not acted yet.</summary>
    Submitted,
    /// <summary>盟市已转报: forwarded to the department with the bureau's opinion.</summary>
    Forwarded,
    /// <summary>盟市不予转报: the bureau declined, with its opinion.</summary>
    DeclinedByBureau,
    /// <summary>工信厅已同意更名: the certificate record keeps the previous name in its history.</summary>
    Approved,
    /// <summary>工信厅不同意更名.</summary>
    Rejected,
}

/// <summary>What the bureau and the department do to a rename request.</summary>
public enum RenameRequestAction
{
    /// <summary>转报: the bureau forwards it with its opinion.</summary>
    Forward,
    /// <summary>不予转报: the bureau declines, with its opinion.</summary>
    Decline,
    /// <summary>同意更名: the department approves (the recognition is renamed: <see cref="ApplicationAction.Rename"/>).</summary>
    Approve,
    /// <summary>不同意更名: the department refuses, with its reasons.</summary>
    Reject,
}

/// <summary>
/// The rename request's procedure (管理办法 第十条: after renaming or restructuring, the league/city bureau applies to the
/// department for the name change). The enterprise files it (待盟市转报); its bureau, reviewer or leader, forwards or
/// declines it; the department decides on a forwarded one. Approval renames the recognition, which the applications'
/// table gives to 经办人 only; a refusal renames nothing, and either department role may record it.
/// </summary>
public static class RenameRequestWorkflow
{
    /// <summary>The state a new request starts in (filed by the enterprise).</summary>
    public const RenameRequestState Initial = RenameRequestState.Submitted;

    /// <summary>Every legal step.</summary>
    public static TransitionTable<RenameRequestState, RenameRequestAction> Table { get; } = new(
    [
        new(RenameRequestState.Submitted, RenameRequestAction.Forward, BureauReviewer, RenameRequestState.Forwarded),
        new(RenameRequestState.Submitted, RenameRequestAction.Forward, BureauLeader, RenameRequestState.Forwarded),
        new(RenameRequestState.Submitted, RenameRequestAction.Decline, BureauReviewer, RenameRequestState.DeclinedByBureau),
        new(RenameRequestState.Submitted, RenameRequestAction.Decline, BureauLeader, RenameRequestState.DeclinedByBureau),
        new(RenameRequestState.Forwarded, RenameRequestAction.Approve, DepartmentStaff, RenameRequestState.Approved),
        new(RenameRequestState.Forwarded, RenameRequestAction.Reject, DepartmentStaff, RenameRequestState.Rejected),
        new(RenameRequestState.Forwarded, RenameRequestAction.Reject, DepartmentLeader, RenameRequestState.Rejected),
    ], Label, Label);

    /// <summary>The step for a user holding <paramref name="roles"/>, or the Chinese refusal.</summary>
    public static Decision<RenameRequestState, RenameRequestAction> Decide(RenameRequestState state, RenameRequestAction action, IEnumerable<ActorRole> roles) =>
        Table.Decide(state, action, roles);

    /// <summary>True while the request waits for the bureau or the department (the enterprise cannot file another).</summary>
    public static bool IsOpen(RenameRequestState state) => !Table.IsFinal(state);

    /// <summary>The state's label as the bureau and department pages show it.</summary>
    public static string Label(RenameRequestState state) => state switch
    {
        RenameRequestState.Submitted => "待盟市转报",
        RenameRequestState.Forwarded => "盟市已转报，待工信厅办理",
        RenameRequestState.DeclinedByBureau => "盟市不予转报",
        RenameRequestState.Approved => "工信厅已同意更名",
        RenameRequestState.Rejected => "工信厅不同意更名",
        _ => state.ToString(),
    };

    /// <summary>转报, 不予转报, 同意更名, 不同意更名.</summary>
    public static string Label(RenameRequestAction action) => action switch
    {
        RenameRequestAction.Forward => "转报",
        RenameRequestAction.Decline => "不予转报",
        RenameRequestAction.Approve => "同意更名",
        RenameRequestAction.Reject => "不同意更名",
        _ => action.ToString(),
    };
}
