using NuMeng.Recognition.Web.Features.Batches;

namespace NuMeng.Recognition.Web.Features.Review;

/// <summary>One place on a bureau's recommendation list for a batch.</summary>
/// <param name="IsSigned">Signed by the leader (on the list); false = a draft still to be signed.</param>
public sealed record RecommendationEntry(Guid ApplicationId, string Name, int? Ranking, bool IsSigned);

/// <summary>
/// A bureau's recommendation list for one batch (docs/rule-reference.md §10: "A batch may cap how many applications each 盟市 may
/// recommend; the bureau's ranking orders its list"). On the list: the signed recommendation of the latest version of
/// every application the bureau recommended and that is still past the bureau (not returned, withdrawn or rejected).
/// Drafts of recommendations of applications still waiting (待盟市初审) hold their ranking too, so two reviewers cannot
/// prepare the same place. A ranking is unique in the list; with a cap, rankings run from 1 to the cap and no more than
/// cap applications can be signed.
/// </summary>
internal static class RecommendationList
{
    /// <summary>States in which an application is not (or no longer) on its bureau's list.</summary>
    private static IReadOnlyList<ApplicationState> OffList => ApplicationStages.BeforeBureauRecommendation;

    public static async Task<IReadOnlyList<RecommendationEntry>> ForBatchAsync(
        RecognitionDbContext db, Guid batchId, string leagueCode, CancellationToken cancellationToken)
    {
        var rows = await (
                from r in db.BureauReviews.AsNoTracking()
                join a in db.Applications.AsNoTracking() on r.ApplicationId equals a.Id
                where a.BatchId == batchId && a.LeagueCode == leagueCode && r.Decision == BureauDecision.Recommend
                    && db.ApplicationVersions.Any(v => v.Id == r.ApplicationVersionId && v.Number == a.LatestVersionNumber)
                    && ((r.SignedAt != null && !OffList.Contains(a.State))
                        || (r.SignedAt == null && a.State == ApplicationState.Submitted))
                select new RecommendationEntry(a.Id, a.WorkshopOrFactoryName, r.Ranking, r.SignedAt != null))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(e => e.Ranking ?? int.MaxValue).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Checks <paramref name="ranking"/> for <paramref name="application"/> against the list and the batch's cap.
    /// Errors are on the field <c>ranking</c>.
    /// </summary>
    public static async Task<IReadOnlyList<InputError>> CheckAsync(
        RecognitionDbContext db, Application application, int ranking, CancellationToken cancellationToken)
    {
        var cap = await RuleSetResolver.PerLeagueCapAsync(db, application.BatchId, cancellationToken);
        var others = (await ForBatchAsync(db, application.BatchId, application.LeagueCode, cancellationToken))
            .Where(e => e.ApplicationId != application.Id)
            .ToList();
        return RecommendationRanking.Check(cap, ranking, others.Select(e => new RankedRecommendation(e.Name, e.Ranking, e.IsSigned)));
    }
}
