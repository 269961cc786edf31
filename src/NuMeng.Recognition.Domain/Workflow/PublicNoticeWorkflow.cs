using static NuMeng.Recognition.Domain.Workflow.ActorRole;

namespace NuMeng.Recognition.Domain.Workflow;

/// <summary>State of a public notice (公示). Stored by name; never rename a member.</summary>
public enum PublicNoticeState
{
    /// <summary>草稿: not yet public.</summary>
    Draft,
    /// <summary>公示中.</summary>
    Open,
    /// <summary>公示期满.</summary>
    Closed,
}

/// <summary>What the department does to a public notice.</summary>
public enum PublicNoticeAction
{
    /// <summary>发布公示: 草稿 → 公示中 (the portal publishes a notice as it creates it).</summary>
    Open,
    /// <summary>结束公示: 公示中 → 公示期满, when the department publishes the recognition after the period (行文公布).</summary>
    Close,
}

/// <summary>
/// The public notice's procedure (管理办法 第八条: 公示 5 天, 无异议后行文公布): 草稿 → 公示中 → 公示期满, by the
/// department's 经办人, who starts the notice and publishes the result (the same role as the applications' rows
/// <see cref="ApplicationAction.StartPublicNotice"/> and <see cref="ApplicationAction.Publish"/>). That the period has
/// ended is the caller's guard: it has the dates (<c>NoticePeriod</c>).
/// </summary>
public static class PublicNoticeWorkflow
{
    /// <summary>Every legal step.</summary>
    public static TransitionTable<PublicNoticeState, PublicNoticeAction> Table { get; } = new(
    [
        new(PublicNoticeState.Draft, PublicNoticeAction.Open, DepartmentStaff, PublicNoticeState.Open),
        new(PublicNoticeState.Open, PublicNoticeAction.Close, DepartmentStaff, PublicNoticeState.Closed),
    ], Label, Label);

    /// <summary>The step for a user holding <paramref name="roles"/>, or the Chinese refusal.</summary>
    public static Decision<PublicNoticeState, PublicNoticeAction> Decide(PublicNoticeState state, PublicNoticeAction action, IEnumerable<ActorRole> roles) =>
        Table.Decide(state, action, roles);

    /// <summary>草稿, 公示中, 公示期满.</summary>
    public static string Label(PublicNoticeState state) => state switch
    {
        PublicNoticeState.Draft => "草稿",
        PublicNoticeState.Open => "公示中",
        PublicNoticeState.Closed => "公示期满",
        _ => state.ToString(),
    };

    /// <summary>发布公示, 结束公示.</summary>
    public static string Label(PublicNoticeAction action) => action switch
    {
        PublicNoticeAction.Open => "发布公示",
        PublicNoticeAction.Close => "结束公示",
        _ => action.ToString(),
    };
}
