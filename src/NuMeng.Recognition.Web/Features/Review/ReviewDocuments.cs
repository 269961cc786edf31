using NuMeng.Recognition.Documents.Procedure;
using NuMeng.Recognition.Web.Api.Records;
using NuMeng.Recognition.Web.Features.Batches;
using NuMeng.Recognition.Web.Features.Documents;

namespace NuMeng.Recognition.Web.Features.Review;

/// <summary>
/// The bureau's papers: its opinion on one application and its summary table of a batch.
/// Each reads its record through the caller's tenancy filters (<see cref="DocumentLoader"/>); the endpoint is
/// <see cref="DocumentEndpoints"/>.
/// </summary>
public sealed class ReviewDocuments(RecognitionDbContext db, DocumentOptions options, TimeProvider clock) : DocumentLoader(db, options, clock)
{
    /// <summary>
    /// 盟市初审推荐意见: the latest recommendation or rejection of the application (signed or prepared for signing), with
    /// its ranking among the bureau's recommendations in the batch.
    /// </summary>
    public async Task<PrintedDocument?> BureauOpinionAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        var app = await ApplicationAsync(applicationId, cancellationToken);
        if (app is null)
        {
            return null;
        }
        var review = await Db.BureauReviews.AsNoTracking()
            .Where(r => r.ApplicationId == applicationId && r.Decision != BureauDecision.Return)
            .OrderByDescending(r => r.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (review is null)
        {
            return null;
        }
        var version = await VersionAsync(applicationId, review.ApplicationVersionId, cancellationToken);
        if (version is null)
        {
            return null;
        }
        // How many the bureau recommended in this batch (signed), for "第 n 位（共推荐 m 项）".
        var recommended = await Db.BureauReviews.AsNoTracking()
            .Where(r => r.BureauOrganisationId == review.BureauOrganisationId && r.Decision == BureauDecision.Recommend && r.SignedAt != null
                && Db.Applications.Any(a => a.Id == r.ApplicationId && a.BatchId == app.BatchId))
            .Select(r => r.ApplicationId).Distinct().CountAsync(cancellationToken);
        var bureau = await OrganisationNameAsync(review.BureauOrganisationId, cancellationToken) ?? "盟市工业和信息化主管部门";
        var model = new BureauOpinionModel(
            await ApplicantAsync(app, cancellationToken),
            Line(version),
            bureau,
            RecordLabels.Decision(review.Decision),
            review.OpinionText,
            [.. review.ItemReasons.Select(r => (ApplicationItems.Label(r.ItemKey), r.Reason))],
            review.Ranking,
            Math.Max(recommended, review.Ranking ?? 0),
            await UserNameAsync(review.ReviewedByUserId, cancellationToken) ?? "（经办人）",
            review.SignedAt is null ? null : await UserNameAsync(review.SignedByLeaderUserId, cancellationToken) ?? "（已签发）",
            review.SignedAt,
            review.StampedScanAttachmentId is not null);
        var stamp = Stamp("盟市初审推荐意见", "bureau-opinion", $"CSYJ-{app.LeagueCode}-{ShortHash(version.Hash)}", version.Hash);
        return new PrintedDocument(typeof(BureauOpinionDocument), model, stamp, PageSetup.Portrait, $"盟市初审推荐意见-{app.Name}.pdf");
    }

    /// <summary>
    /// 推荐汇总表 of one 盟市 for a batch: its signed recommendations, ranked. A bureau user gets its own 盟市 (asking for
    /// another is not found); the department names the 盟市 (<c>?league=1502</c>).
    /// </summary>
    public async Task<PrintedDocument?> BureauSummaryAsync(Guid batchId, string? league, CancellationToken cancellationToken)
    {
        var actor = Db.Actor;
        var isBureau = actor.Roles.Contains(ActorRole.BureauReviewer) || actor.Roles.Contains(ActorRole.BureauLeader);
        var code = isBureau ? actor.LeagueCode : league;
        if (string.IsNullOrEmpty(code) || (isBureau && league is { Length: > 0 } && league != code))
        {
            return null;
        }
        var batch = await Db.Batches.AsNoTracking().Where(b => b.Id == batchId)
            .Select(b => new { b.Title, b.Kind, b.PerLeagueCap, b.Year, b.Round }).FirstOrDefaultAsync(cancellationToken);
        if (batch is null)
        {
            return null;
        }
        var rows = await Db.BureauReviews.AsNoTracking()
            .Where(r => r.Decision == BureauDecision.Recommend && r.SignedAt != null)
            .Join(Db.Applications.Where(a => a.BatchId == batchId && a.LeagueCode == code), r => r.ApplicationId, a => a.Id,
                (r, a) => new { r.Ranking, r.OpinionText, r.SignedAt, r.ApplicationVersionId, r.BureauOrganisationId, a.EnterpriseId, a.WorkshopOrFactoryName, a.Kind })
            .ToListAsync(cancellationToken);
        var versionIds = rows.Select(r => r.ApplicationVersionId).ToList();
        var hashes = await Db.ApplicationVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id))
            .Select(v => new { v.Id, v.ContentHash }).ToDictionaryAsync(v => v.Id, v => v.ContentHash, cancellationToken);
        var enterpriseIds = rows.Select(r => r.EnterpriseId).Distinct().ToList();
        var enterprises = await Db.Organisations.AsNoTracking().Where(o => enterpriseIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.CreditCode }).ToDictionaryAsync(o => o.Id, cancellationToken);
        var bureauName = await Db.Organisations.AsNoTracking()
            .Where(o => o.Kind == Data.Organisations.OrganisationKind.Bureau && o.LeagueCode == code)
            .Select(o => o.Name).FirstOrDefaultAsync(cancellationToken) ?? $"{League(code)}工业和信息化主管部门";
        var lines = rows
            .OrderBy(r => r.Ranking ?? int.MaxValue).ThenBy(r => r.SignedAt)
            .Select(r => new BureauSummaryRow(r.Ranking, enterprises.GetValueOrDefault(r.EnterpriseId)?.Name ?? "—",
                enterprises.GetValueOrDefault(r.EnterpriseId)?.CreditCode, r.WorkshopOrFactoryName, r.Kind, r.OpinionText, r.SignedAt,
                hashes.GetValueOrDefault(r.ApplicationVersionId) ?? "—"))
            .ToList();
        var model = new BureauSummaryModel(bureauName, League(code), batch.Title, batch.Kind,
            await RuleSetResolver.PerLeagueCapAsync(Db, batchId, cancellationToken), lines);
        var hash = ProcedureDocuments.ListHash(lines.Select(l => $"{l.Ranking}|{l.CreditCode}|{l.WorkshopOrFactoryName}|{l.VersionSha256}"));
        var stamp = Stamp("推荐汇总表", "bureau-summary", $"TJHZ-{code}-{batch.Year}-{batch.Round}-{ShortHash(hash)}", hash, "名单数据");
        return new PrintedDocument(typeof(BureauSummaryDocument), model, stamp, PageSetup.Portrait, $"推荐汇总表-{League(code)}-{batch.Title}.pdf");
    }
}
