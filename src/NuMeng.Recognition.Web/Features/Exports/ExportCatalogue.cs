using NuMeng.Recognition.Web.Security;
using NuMeng.Recognition.Web.Infrastructure;

namespace NuMeng.Recognition.Web.Features.Exports;

/// <summary>
/// One exportable list: its address name (<c>/exports/{Name}.xlsx</c>), its Chinese title (sheet and file name), the ASCII
/// file name for old clients, and who may export it — exactly who may see the list (null: anyone, it is public).
/// </summary>
/// <param name="Roles">The roles of the list's policy <c>Export.{Name}</c>; empty = any signed-in user; null = public.</param>
/// <param name="PersonalData">Rows name people (contacts, objectors, account holders): the export is audited with that flag.</param>
public sealed record ExportList(string Name, string Title, IReadOnlyList<ActorRole>? Roles, bool PersonalData,
    Func<ExportQueries, ListFilter, ListPaging, CancellationToken, Task<ExportFile>> Build)
{
    /// <summary>The list's own authorisation policy (registered by <see cref="ExportsFeature.AddExportsFeature"/>).</summary>
    public string Policy => "Export." + Name;

    /// <summary>/exports/applications.xlsx.</summary>
    public string Path => $"/exports/{Name}.xlsx";
}

/// <summary>
/// Every list of the portal that exports to Excel, and who
/// may export it. The roles repeat the list pages' own policies; the rows are then what the tenancy filter shows that actor.
/// </summary>
public static class ExportCatalogue
{
    private static readonly ActorRole[] Department = [.. Policies.Roles[Policies.Department]];

    /// <summary>The lists, in the order the workspace shows them.</summary>
    public static IReadOnlyList<ExportList> All { get; } =
    [
        // Every business role has applications; the tenancy filter gives each its own scope.
        new("applications", "申报列表", Policies.Roles[Policies.Business], PersonalData: false, (q, f, p, c) => q.ApplicationsAsync(f, p, c)),
        new("review-queue", "盟市初审队列", Policies.Roles[Policies.Bureau], PersonalData: false, (q, f, p, c) => q.ReviewQueueAsync(f, p, c)),
        // The enterprise follows its own requests, the bureau forwards them, the department decides.
        new("renames", "更名申请", [ActorRole.EnterpriseApplicant, .. Policies.Roles[Policies.Bureau], .. Department], PersonalData: false,
            (q, f, p, c) => q.RenamesAsync(f, p, c)),
        new("batches", "申报批次", Department, PersonalData: false, (q, f, p, c) => q.BatchesAsync(f, p, c)),
        new("experts", "评审专家库", Policies.Roles[Policies.ExpertReviewManagement], PersonalData: true, (q, f, p, c) => q.ExpertsAsync(f, p, c)),
        new("assignments", "专家分配", Policies.Roles[Policies.ExpertReviewManagement], PersonalData: true, (q, f, p, c) => q.AssignmentsAsync(f, p, c)),
        // Department or the agency of the batch (its filter), never experts, and only closed panels (ExportQueries.ScoresAsync).
        new("scores", "专家评分", Policies.Roles[Policies.ExpertReviewManagement], PersonalData: true, (q, f, p, c) => q.ScoresAsync(f, p, c)),
        // Published notices are public (/notices needs no account); drafts only reach the department through the filter.
        new("notices", "公示名单", null, PersonalData: false, (q, f, p, c) => q.NoticesAsync(f, p, c)),
        // The objector's identity is confidential (docs/rule-reference.md §9): the department only.
        new("objections", "异议案件", Department, PersonalData: true, (q, f, p, c) => q.ObjectionsAsync(f, p, c)),
        new("certificates", "认定证书", Department, PersonalData: false, (q, f, p, c) => q.CertificatesAsync(f, p, c)),
        new("expiring", "即将到期的认定", Department, PersonalData: false, (q, f, p, c) => q.ExpiringAsync(f, p, c)),
        new("national", "可推荐国家级示范工厂名单", Department, PersonalData: false, (q, f, p, c) => q.NationalAsync(f, p, c)),
        // Anyone signed in: their own notifications (the filter shows nobody else's).
        new("notifications", "我的通知", [], PersonalData: true, (q, f, p, c) => q.NotificationsAsync(f, p, c)),
    ];

    /// <summary>The list called <paramref name="name"/>, or null.</summary>
    public static ExportList? Find(string? name) => All.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.Ordinal));
}
