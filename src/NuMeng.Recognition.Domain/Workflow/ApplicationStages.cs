using static NuMeng.Recognition.Domain.Workflow.ApplicationState;

namespace NuMeng.Recognition.Domain.Workflow;

/// <summary>
/// Named sets of <see cref="ApplicationState"/>: the stages of the procedure that lists, filters and pages ask about
/// (管理办法 第七条 组织申报, 第八条 评审认定与公示, 第十条, 第十二条). Each is a read-only list in procedure order, so it
/// can be used in memory and in a database query alike (<c>ApplicationStages.FromAcceptance.Contains(a.State)</c>
/// translates to SQL <c>IN</c>).
/// </summary>
public static class ApplicationStages
{
    /// <summary>The enterprise may still edit: 草稿, 退回修改.</summary>
    public static IReadOnlyList<ApplicationState> EditableByEnterprise { get; } = [Draft, Returned];

    /// <summary>
    /// Not (or no longer) recommended by the bureau (第七条): with the enterprise or waiting for the bureau, withdrawn, or
    /// rejected by the bureau. An application in these states is not on its bureau's recommendation list.
    /// </summary>
    public static IReadOnlyList<ApplicationState> BeforeBureauRecommendation { get; } =
        [Draft, Submitted, Returned, Withdrawn, BureauRejected];

    /// <summary>Under the panel's care (第八条 专家评审): accepted, centralised review, on-site verification.</summary>
    public static IReadOnlyList<ApplicationState> UnderPanelCare { get; } =
        [Accepted, UnderExpertReview, OnSiteVerification];

    /// <summary>
    /// After the expert review (第八条 预选名单、党组会、公示、公布 and what follows, 第十条、第十二条): the panel's work is
    /// done and stays readable, but nothing about it changes any more.
    /// </summary>
    public static IReadOnlyList<ApplicationState> AfterExpertReview { get; } =
        [PreSelected, NotSelected, PartyGroupApproved, InPublicNotice, RemovedAfterObjection, Published, Recognised, Revoked, Expired];

    /// <summary>From the on-site verification on: what the department's selection pages (预选名单、党组会、公示) show.</summary>
    public static IReadOnlyList<ApplicationState> FromOnSiteVerification { get; } = [OnSiteVerification, .. AfterExpertReview];

    /// <summary>
    /// From the department's formal acceptance (工信厅已受理) on: <see cref="UnderPanelCare"/> and
    /// <see cref="AfterExpertReview"/>. The entrusted third-party agency sees the applications of its batches in these
    /// twelve states (it forms the panel of an accepted application and starts the review).
    /// </summary>
    public static IReadOnlyList<ApplicationState> FromAcceptance { get; } = [.. UnderPanelCare, .. AfterExpertReview];

    /// <summary>Nothing can happen any more (no row of <see cref="ApplicationWorkflow.Table"/> leaves these states).</summary>
    public static IReadOnlyList<ApplicationState> Final { get; } =
        [.. Enum.GetValues<ApplicationState>().Where(ApplicationWorkflow.IsFinal)];
}
