using NuMeng.Recognition.Data.Tenancy;

namespace NuMeng.Recognition.Web.Features.Panels;

/// <summary>The /panels filters (the same query words as the exports: batch, state, league, kind).</summary>
public sealed record PanelFilter(Guid? BatchId = null, ApplicationState? State = null, string? LeagueCode = null, RecognitionKind? Kind = null);

/// <summary>One application under panel care with its panel's progress (counts only).</summary>
public sealed record PanelBoardRow(Guid ApplicationId, string Name, string EnterpriseName, string League, RecognitionKind Kind,
    ApplicationState State, PanelProgress Progress, string? Leader);

/// <summary>The applications of one batch.</summary>
public sealed record PanelBoardBatch(Guid BatchId, string Title, ScoreAggregationRule Rule, DateOnly? Deadline, IReadOnlyList<PanelBoardRow> Rows);

/// <summary>The board: batches with their applications, the batches to filter by, counts per state.</summary>
public sealed record PanelBoardResult(IReadOnlyList<PanelBoardBatch> Batches, IReadOnlyList<(Guid Id, string Title)> BatchChoices,
    IReadOnlyDictionary<ApplicationState, int> CountsByState);

/// <summary>
/// /panels: the applications under the department's or agency's care (工信厅已受理, 专家评审中, 现场核查中) by batch,
/// with each panel's progress — assigned, declared, recused, scores submitted n/m, consensus written, on-site done.
/// Through the tenancy filter: the agency sees only its entrusted batches (and, by that filter, only from expert review on).
/// </summary>
public sealed class PanelBoard(IDbContextFactory<RecognitionDbContext> factory)
{
    public async Task<PanelBoardResult?> LoadAsync(PanelFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!PanelDesk.Admits(db.Actor))
        {
            return null;
        }
        var all = await db.Applications.AsNoTracking()
            .Where(a => PanelData.States.Contains(a.State))
            .Select(a => new { a.Id, a.BatchId, a.EnterpriseId, a.Kind, a.State, a.WorkshopOrFactoryName, a.LeagueCode })
            .ToListAsync(cancellationToken);
        var batchIds = all.Select(a => a.BatchId).Distinct().ToList();
        var batches = await db.Batches.AsNoTracking().Where(b => batchIds.Contains(b.Id))
            .Select(b => new { b.Id, b.Title, b.ScoreAggregation, b.ExpertReviewDeadline, b.Year, b.Round })
            .ToListAsync(cancellationToken);
        var counts = all.GroupBy(a => a.State).ToDictionary(g => g.Key, g => g.Count());

        var apps = all.Where(a => (filter.BatchId is null || a.BatchId == filter.BatchId)
                && (filter.State is null || a.State == filter.State)
                && (filter.LeagueCode is null || a.LeagueCode == filter.LeagueCode)
                && (filter.Kind is null || a.Kind == filter.Kind))
            .ToList();
        var ids = apps.Select(a => a.Id).ToList();
        var enterpriseIds = apps.Select(a => a.EnterpriseId).Distinct().ToList();
        var enterprises = await db.Organisations.AsNoTracking().Where(o => enterpriseIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var assignments = await db.ExpertAssignments.AsNoTracking()
            .Where(x => ids.Contains(x.ApplicationId))
            .Select(x => new
            {
                x.Id, x.ApplicationId, x.ExpertId, x.Role, x.DeclaredAt, x.Recused, x.ConsensusSubmittedAt,
            })
            .ToListAsync(cancellationToken);
        // Submitted or not, never a point (the score-sheet filter hides the sheets until the panel closes: ADR 0008).
        var sheets = await UnfilteredQueries.ScoreSheetStatesAsync(db, assignments.ConvertAll(x => x.Id), cancellationToken);
        var experts = await db.Experts.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        var onSiteDone = await db.OnSiteChecks.AsNoTracking()
            .Where(c => ids.Contains(c.ApplicationId) && c.SubmittedAt != null)
            .Select(c => c.ApplicationId).Distinct().ToListAsync(cancellationToken);

        bool Submitted(Guid assignmentId) => sheets.GetValueOrDefault(assignmentId) is not null;
        var rows = apps.Select(a =>
        {
            var panel = assignments.Where(x => x.ApplicationId == a.Id).ToList();
            var active = panel.Where(x => !x.Recused).ToList();
            var consensus = active.Any(x => x.Role == PanelRole.Leader && x.ConsensusSubmittedAt != null);
            var progress = new PanelProgress(active.Count, active.Count(x => x.DeclaredAt != null), panel.Count(x => x.Recused),
                active.Count(x => Submitted(x.Id)), active.Count, consensus, onSiteDone.Contains(a.Id),
                active.Count > 0 && active.All(x => Submitted(x.Id)) && consensus);
            var leader = active.FirstOrDefault(x => x.Role == PanelRole.Leader) is { } l ? experts.GetValueOrDefault(l.ExpertId) : null;
            return (a.BatchId, Row: new PanelBoardRow(a.Id, a.WorkshopOrFactoryName, enterprises.GetValueOrDefault(a.EnterpriseId) ?? "申报企业",
                PanelPlanner.League(a.LeagueCode), a.Kind, a.State, progress, leader));
        }).ToList();

        var grouped = batches
            .OrderByDescending(b => b.Year).ThenByDescending(b => b.Round).ThenBy(b => b.Title, StringComparer.Ordinal)
            .Select(b => new PanelBoardBatch(b.Id, b.Title, b.ScoreAggregation, b.ExpertReviewDeadline,
                rows.Where(r => r.BatchId == b.Id).Select(r => r.Row)
                    .OrderBy(r => r.State).ThenBy(r => r.EnterpriseName, StringComparer.Ordinal).ThenBy(r => r.ApplicationId).ToList()))
            .Where(b => b.Rows.Count > 0)
            .ToList();
        var choices = batches.OrderByDescending(b => b.Year).ThenByDescending(b => b.Round).Select(b => (b.Id, b.Title)).ToList();
        return new PanelBoardResult(grouped, choices, counts);
    }
}
