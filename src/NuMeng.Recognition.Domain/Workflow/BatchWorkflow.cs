using static NuMeng.Recognition.Domain.Workflow.ActorRole;

namespace NuMeng.Recognition.Domain.Workflow;

/// <summary>State of a batch's application window (申报批次). Stored by name; never rename a member.</summary>
public enum BatchState
{
    /// <summary>草稿: being prepared by the department.</summary>
    Draft,
    /// <summary>申报中.</summary>
    Open,
    /// <summary>已截止.</summary>
    Closed,
}

/// <summary>What the department does to a batch.</summary>
public enum BatchAction
{
    /// <summary>开放申报: 草稿 → 申报中; enterprises may then apply in it.</summary>
    Open,
    /// <summary>截止申报: 申报中 → 已截止; no new application can be started or submitted in it.</summary>
    Close,
}

/// <summary>
/// The batch's procedure (管理办法 第七条: the department issues the notice of application, 申报通知, and closes it):
/// 草稿 → 申报中 → 已截止, each step by the department's 经办人 or 负责人. A closed batch is final.
/// </summary>
public static class BatchWorkflow
{
    /// <summary>Every legal step.</summary>
    public static TransitionTable<BatchState, BatchAction> Table { get; } = new(
    [
        new(BatchState.Draft, BatchAction.Open, DepartmentStaff, BatchState.Open),
        new(BatchState.Draft, BatchAction.Open, DepartmentLeader, BatchState.Open),
        new(BatchState.Open, BatchAction.Close, DepartmentStaff, BatchState.Closed),
        new(BatchState.Open, BatchAction.Close, DepartmentLeader, BatchState.Closed),
    ], Label, Label);

    /// <summary>The step for a user holding <paramref name="roles"/>, or the Chinese refusal.</summary>
    public static Decision<BatchState, BatchAction> Decide(BatchState state, BatchAction action, IEnumerable<ActorRole> roles) =>
        Table.Decide(state, action, roles);

    /// <summary>
    /// True when a batch takes applications on <paramref name="today"/>: it is 申报中 and the day lies within its window
    /// <paramref name="opensOn"/>..<paramref name="closesOn"/>, both days included (管理办法 第七条: the notice of
    /// application sets the period). Days are Beijing dates (the caller passes today in China, UTC+8).
    /// </summary>
    public static bool TakesApplications(BatchState state, DateOnly opensOn, DateOnly closesOn, DateOnly today) =>
        state == BatchState.Open && today >= opensOn && today <= closesOn;

    /// <summary>草稿, 申报中, 已截止.</summary>
    public static string Label(BatchState state) => state switch
    {
        BatchState.Draft => "草稿",
        BatchState.Open => "申报中",
        BatchState.Closed => "已截止",
        _ => state.ToString(),
    };

    /// <summary>开放申报, 截止申报.</summary>
    public static string Label(BatchAction action) => action switch
    {
        BatchAction.Open => "开放申报",
        BatchAction.Close => "截止申报",
        _ => action.ToString(),
    };
}
