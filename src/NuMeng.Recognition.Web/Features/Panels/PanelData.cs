using NuMeng.Recognition.Data.Tenancy;

namespace NuMeng.Recognition.Web.Features.Panels;

/// <summary>The columns of an application a panel needs (never the enterprise's unsubmitted draft: Data README, tenancy).</summary>
public sealed record PanelApplication(
    Guid Id, Guid EnterpriseId, Guid BatchId, RecognitionKind Kind, ApplicationState State, string Name, string LeagueCode,
    string? ConsultancyName, int LatestVersionNumber, Guid Stamp);

/// <summary>One assignment of a panel with what may be said of it before the panel closes (no points).</summary>
public sealed record PanelMemberRow(
    Guid AssignmentId, Guid ExpertId, PanelRole Role, string PanelName, DateTimeOffset? DeclaredAt, ConflictDeclaration Conflict,
    string? ConflictReason, bool Recused, bool HasSheet, DateTimeOffset? ScoreSubmittedAt, string? ConsensusOpinion,
    DateTimeOffset? ConsensusSubmittedAt)
{
    public bool ScoreSubmitted => ScoreSubmittedAt is not null;
}

/// <summary>
/// Reads shared by the panel services. Everything goes through the tenancy filter: the agency reaches only applications
/// of batches entrusted to it (and only from expert review on), the department every application.
/// </summary>
internal static class PanelData
{
    /// <summary>The states in which an application is under the department's or agency's panel care.</summary>
    public static IReadOnlyList<ApplicationState> States => ApplicationStages.UnderPanelCare;

    /// <summary>
    /// The states after on-site verification: the panel's work is done and stays readable (members, scoring summary,
    /// on-site results) but nothing changes any more. Without them the panel page answered 页面不存在 once the
    /// application left on-site verification.
    /// </summary>
    public static IReadOnlyList<ApplicationState> AfterReview => ApplicationStages.AfterExpertReview;

    /// <summary>Every state in which the panel page can be read: under panel care, or after the review.</summary>
    public static IReadOnlyList<ApplicationState> Readable => ApplicationStages.FromAcceptance;

    /// <summary>Why a panel can no longer change in this state; null while it is under panel care.</summary>
    public static string? FinishedMessage(ApplicationState state) =>
        States.Contains(state) ? null : "该申报已结束专家评审，评审组不能再调整";

    /// <summary>Fewest experts (not recused) a panel must have before the review starts: three, an odd number with a leader.</summary>
    public const int MinimumPanel = 3;

    public static Task<PanelApplication?> FindAsync(RecognitionDbContext db, Guid applicationId, CancellationToken cancellationToken) =>
        db.Applications.AsNoTracking()
            .Where(a => a.Id == applicationId && Readable.Contains(a.State))
            .Select(a => new PanelApplication(a.Id, a.EnterpriseId, a.BatchId, a.Kind, a.State, a.WorkshopOrFactoryName,
                a.LeagueCode, a.ConsultancyName, a.LatestVersionNumber, a.ConcurrencyStamp))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// A stub of the application attached for update with the stamp the user saw. Every panel change touches it, so two
    /// people changing one panel at once cannot both succeed (the second save finds another stamp).
    /// </summary>
    public static Application Touch(RecognitionDbContext db, PanelApplication app, Guid expectedStamp)
    {
        var stub = db.Applications.AttachStored(new Application
        {
            Id = app.Id, EnterpriseId = app.EnterpriseId, BatchId = app.BatchId, Kind = app.Kind,
            WorkshopOrFactoryName = app.Name, LeagueCode = app.LeagueCode, ConcurrencyStamp = expectedStamp,
        }, app.State);
        db.Entry(stub).Property(a => a.UpdatedAt).IsModified = true;
        return stub;
    }

    public static async Task<ApplicationProfile> ProfileAsync(RecognitionDbContext db, PanelApplication app, CancellationToken cancellationToken)
    {
        var enterprise = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == app.EnterpriseId)
            .Select(o => new { o.Name, o.CreditCode, o.ParentCreditCode, o.ParentGroupName, o.Industry })
            .FirstOrDefaultAsync(cancellationToken);
        return new ApplicationProfile(app.Id, app.EnterpriseId, enterprise?.Name ?? "申报企业", enterprise?.CreditCode,
            enterprise?.ParentCreditCode, enterprise?.ParentGroupName, app.ConsultancyName, enterprise?.Industry, app.Kind, app.LeagueCode);
    }

    /// <summary>The pool as the domain sees it, with each employer's registered credit code and parent when visible.</summary>
    public static async Task<List<(Expert Row, ExpertProfile Profile)>> PoolAsync(RecognitionDbContext db, CancellationToken cancellationToken)
    {
        var experts = await db.Experts.AsNoTracking().ToListAsync(cancellationToken);
        var employerIds = experts.Where(e => e.EmployerOrganisationId is not null).Select(e => e.EmployerOrganisationId!.Value).Distinct().ToList();
        var employers = await db.Organisations.AsNoTracking()
            .Where(o => employerIds.Contains(o.Id))
            .Select(o => new { o.Id, o.CreditCode, o.ParentCreditCode })
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        return experts.Select(e =>
        {
            var employer = e.EmployerOrganisationId is { } id ? employers.GetValueOrDefault(id) : null;
            return (e, new ExpertProfile(e.Id, e.Name, e.EmployerName, e.EmployerOrganisationId,
                e.EmployerCreditCode ?? employer?.CreditCode, employer?.ParentCreditCode, e.Fields, e.LeagueCode, e.ConsultancyLinks, e.IsActive));
        }).ToList();
    }

    /// <summary>Balanced load: non-recused assignments per expert in the batch.</summary>
    public static Task<Dictionary<Guid, int>> BatchLoadAsync(RecognitionDbContext db, Guid batchId, CancellationToken cancellationToken) =>
        db.ExpertAssignments.AsNoTracking()
            .Where(x => x.BatchId == batchId && !x.Recused)
            .GroupBy(x => x.ExpertId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// <summary>The panel's assignments with whether a score sheet exists and when it was submitted — never its points.</summary>
    public static async Task<List<PanelMemberRow>> MembersAsync(RecognitionDbContext db, Guid applicationId, CancellationToken cancellationToken)
    {
        var rows = await db.ExpertAssignments.AsNoTracking()
            .Where(x => x.ApplicationId == applicationId)
            .Select(x => new
            {
                x.Id, x.ExpertId, x.Role, x.PanelName, x.DeclaredAt, x.Conflict, x.ConflictReason, x.Recused,
                x.ConsensusOpinion, x.ConsensusSubmittedAt, x.CreatedAt,
            })
            .ToListAsync(cancellationToken);
        // Whether a sheet exists and when it was submitted, never its points: the score-sheet filter hides the sheets
        // themselves from the department and the agency until the panel closes (ADR 0008).
        var sheets = await UnfilteredQueries.ScoreSheetStatesAsync(db, rows.ConvertAll(r => r.Id), cancellationToken);
        return rows.OrderBy(r => r.Role).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new PanelMemberRow(r.Id, r.ExpertId, r.Role, r.PanelName, r.DeclaredAt, r.Conflict, r.ConflictReason,
                r.Recused, sheets.ContainsKey(r.Id), sheets.GetValueOrDefault(r.Id), r.ConsensusOpinion, r.ConsensusSubmittedAt))
            .ToList();
    }

    /// <summary>
    /// ADR 0008: a panel is closed when every expert who did not recuse has submitted a score sheet and the leader (not
    /// recused) has submitted the consensus opinion. Derived from the rows, never a flag.
    /// </summary>
    public static bool IsClosed(IReadOnlyList<PanelMemberRow> members)
    {
        var active = members.Where(m => !m.Recused).ToList();
        return active.Count > 0
            && active.All(m => m.ScoreSubmitted)
            && active.Any(m => m.Role == PanelRole.Leader && m.ConsensusSubmittedAt is not null);
    }

    /// <summary>Why the review cannot start with this panel; null when it can.</summary>
    public static string? StartBlocker(IReadOnlyList<PanelMemberRow> members)
    {
        var active = members.Where(m => !m.Recused).ToList();
        var leaders = active.Count(m => m.Role == PanelRole.Leader);
        if (active.Count < MinimumPanel)
        {
            return $"评审组至少需要 {MinimumPanel} 位未回避的专家（当前 {active.Count} 位）";
        }
        return leaders == 1 ? null : leaders == 0 ? "请先指定一位组长" : $"评审组只能有一位组长（当前 {leaders} 位）";
    }

    public static string PanelNameOf(IReadOnlyList<PanelMemberRow> members) =>
        members.Select(m => m.PanelName).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? DefaultPanelName;

    public const string DefaultPanelName = "第一评审组";

    public static string Link(Guid applicationId) => $"/panels/{applicationId:D}";

    public static string ExpertLink(Guid assignmentId) => $"/expert/assignments/{assignmentId:D}";
}
