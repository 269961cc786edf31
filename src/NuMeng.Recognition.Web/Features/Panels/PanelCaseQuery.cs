using NuMeng.Recognition.Web.Features.Batches;

namespace NuMeng.Recognition.Web.Features.Panels;

/// <summary>One expert of the panel as the manager sees them (never their points before the panel closes).</summary>
public sealed record PanelMember(PanelMemberRow Row, string Name, string? Title, string? Employer, string League,
    IReadOnlyList<ExpertConflict> ConflictsNow, PanelSuggestion? Replacement);

/// <summary>Counts of a panel's progress: what may be said before it closes.</summary>
public sealed record PanelProgress(int Assigned, int Declared, int Recused, int ScoresSubmitted, int ScoresExpected,
    bool ConsensusWritten, bool OnSiteDone, bool Closed);

/// <summary>One expert's submitted sheet in the summary.</summary>
public sealed record ScoreSheetView(string Expert, PanelRole Role, IReadOnlyList<ScoreItemView> Items, decimal Total,
    string? OverallComment, DateTimeOffset SubmittedAt);

/// <summary>One rubric item of a sheet: name and maximum from the batch's rubric.</summary>
public sealed record ScoreItemView(string Code, string Name, decimal? MaxPoints, decimal Points, string? Comment);

/// <summary>The scoring summary (评分汇总): only once the panel has closed (ADR 0008).</summary>
public sealed record PanelSummary(IReadOnlyList<ScoreSheetView> Sheets, AggregatedScore Aggregate, string RuleLabel,
    string LeaderName, string ConsensusOpinion, DateTimeOffset ConsensusSubmittedAt);

/// <summary>An on-site check (现场核查) of the application as the panel recorded it.</summary>
public sealed record OnSiteResult(Guid Id, string PanelName, DateOnly CheckedOn, string? LeaderName,
    IReadOnlyList<OnSiteCheckItem> Items, string Conclusion, bool? Passed, DateTimeOffset? SubmittedAt);

/// <summary>Everything the panel page shows.</summary>
public sealed record PanelCase(
    PanelApplication Application, string EnterpriseName, string? Industry, string BatchTitle, ScoreAggregationRule Rule,
    IReadOnlyList<PanelMember> Members, PanelProgress Progress, PanelPlan Plan, PanelSummary? Summary,
    IReadOnlyList<OnSiteResult> OnSite, string? StartBlocker, bool IsDepartment)
{
    public bool Editable => PanelData.FinishedMessage(Application.State) is null
        && Application.State != ApplicationState.OnSiteVerification && !Progress.Closed;

    public string PanelName => PanelData.PanelNameOf(Members.Select(m => m.Row).ToList());
}

/// <summary>
/// The panel page's read ("Scoring summary", "On-site verification results"). Points are read
/// only when the panel has closed — before that the page (and this service, whoever calls it) has counts and nothing
/// else: "each expert's scores (visible to the department only once the panel closes)".
/// </summary>
public sealed class PanelCaseQuery(IDbContextFactory<RecognitionDbContext> factory)
{
    public async Task<PanelCase?> LoadAsync(Guid applicationId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (ActingUser.Of(db.Actor) is not { } actor || !PanelDesk.IsManager(actor) || await PanelData.FindAsync(db, applicationId, cancellationToken) is not { } app)
        {
            return null;
        }
        var batch = await db.Batches.AsNoTracking().Where(b => b.Id == app.BatchId)
            .Select(b => new { b.Title, b.ScoreAggregation }).FirstAsync(cancellationToken);
        var profile = await PanelData.ProfileAsync(db, app, cancellationToken);
        var rows = await PanelData.MembersAsync(db, app.Id, cancellationToken);
        var pool = await PanelData.PoolAsync(db, cancellationToken);
        var load = await PanelData.BatchLoadAsync(db, app.BatchId, cancellationToken);
        var onPanel = rows.Select(r => r.ExpertId).ToHashSet();
        var plan = PanelPlanner.Suggest(profile, pool.Select(p => p.Profile).ToList(), onPanel, load);

        var members = rows.Select(r =>
        {
            var (expert, expertProfile) = pool.FirstOrDefault(p => p.Row.Id == r.ExpertId);
            var conflicts = expertProfile is null || r.Recused ? [] : ConflictDetector.Detect(expertProfile, profile);
            var replacement = r.Recused && expertProfile is not null
                ? PanelPlanner.SuggestReplacement(profile, expertProfile, pool.Select(p => p.Profile).ToList(), onPanel, load)
                : null;
            return new PanelMember(r, expert?.Name ?? "（专家）", expert?.Title, expert?.EmployerName,
                PanelPlanner.League(expert?.LeagueCode), conflicts, replacement);
        }).ToList();

        var closed = PanelData.IsClosed(rows);
        var onSite = await OnSiteAsync(db, app.Id, pool, cancellationToken);
        var active = rows.Where(r => !r.Recused).ToList();
        var progress = new PanelProgress(active.Count, active.Count(r => r.DeclaredAt is not null), rows.Count(r => r.Recused),
            active.Count(r => r.ScoreSubmitted), active.Count, active.Any(r => r.Role == PanelRole.Leader && r.ConsensusSubmittedAt is not null),
            onSite.Any(o => o.SubmittedAt is not null), closed);
        var summary = closed ? await SummaryAsync(db, app, batch.ScoreAggregation, members, cancellationToken) : null;
        return new PanelCase(app, profile.EnterpriseName, profile.Industry, batch.Title, batch.ScoreAggregation, members, progress,
            plan, summary, onSite, PanelData.StartBlocker(rows), actor.IsDepartment);
    }

    /// <summary>
    /// The summary of a closed panel: each non-recused expert's submitted sheet (item points and comments, total), the
    /// batch's rule applied to the totals (dropped scores shown), the leader's consensus opinion.
    /// </summary>
    private static async Task<PanelSummary> SummaryAsync(RecognitionDbContext db, PanelApplication app, ScoreAggregationRule rule,
        IReadOnlyList<PanelMember> members, CancellationToken cancellationToken)
    {
        var active = members.Where(m => !m.Row.Recused).ToList();
        var ids = active.Select(m => m.Row.AssignmentId).ToList();
        var sheets = await db.ExpertScores.AsNoTracking()
            .Where(s => ids.Contains(s.AssignmentId) && s.SubmittedAt != null)
            .ToListAsync(cancellationToken);
        var rubric = ScoreSheet.RubricFor(await RuleSetResolver.ForBatchAsync(db, app.BatchId, cancellationToken), app.Kind);
        var views = active
            .Select(m => (Member: m, Sheet: sheets.First(s => s.AssignmentId == m.Row.AssignmentId)))
            .Select(x => new ScoreSheetView(x.Member.Name, x.Member.Row.Role,
                x.Sheet.Items.Select(i =>
                {
                    var item = rubric.Items.FirstOrDefault(r => r.Code == i.RubricItemCode);
                    return new ScoreItemView(i.RubricItemCode, item?.Name ?? i.RubricItemCode, item?.MaxPoints, i.Points, i.Comment);
                }).ToList(),
                x.Sheet.TotalPoints, x.Sheet.OverallComment, x.Sheet.SubmittedAt!.Value))
            .ToList();
        var leader = active.First(m => m.Row.Role == PanelRole.Leader && m.Row.ConsensusSubmittedAt is not null);
        return new PanelSummary(views, ScoreAggregation.Aggregate(views.Select(v => v.Total).ToList(), rule), ScoreAggregation.Label(rule),
            leader.Name, leader.Row.ConsensusOpinion ?? string.Empty, leader.Row.ConsensusSubmittedAt!.Value);
    }

    private static async Task<List<OnSiteResult>> OnSiteAsync(RecognitionDbContext db, Guid applicationId,
        List<(Expert Row, ExpertProfile Profile)> pool, CancellationToken cancellationToken)
    {
        var checks = await db.OnSiteChecks.AsNoTracking().Where(c => c.ApplicationId == applicationId).ToListAsync(cancellationToken);
        return checks.OrderByDescending(c => c.CheckedOn)
            .Select(c => new OnSiteResult(c.Id, c.PanelName, c.CheckedOn,
                c.LeaderExpertId is { } l ? pool.FirstOrDefault(p => p.Row.Id == l).Row?.Name : null,
                c.Items, c.Conclusion, c.Passed, c.SubmittedAt))
            .ToList();
    }
}
