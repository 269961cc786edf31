using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Documents.Html;
using NuMeng.Recognition.Documents.Procedure;
using NuMeng.Recognition.Domain.Applications;
using NuMeng.Recognition.Web.Api.Records;
using NuMeng.Recognition.Web.Features.Batches;

namespace NuMeng.Recognition.Web.Features.Documents;

public sealed partial class DocumentLoader
{
    /// <summary>
    /// 申报书 of version <paramref name="number"/>: the frozen content (ApplicationVersion → canonical JSON → Domain
    /// ApplicationContent), the engine's verdict on it under the batch's rule set as of the submission day, the KPI
    /// appendix, the attachments frozen with it, and its hash.
    /// </summary>
    public async Task<PrintedDocument?> ApplicationFormAsync(Guid applicationId, int number, CancellationToken cancellationToken)
    {
        var app = await ApplicationAsync(applicationId, cancellationToken);
        if (app is null)
        {
            return null;
        }
        var version = await db.ApplicationVersions.AsNoTracking()
            .Where(v => v.ApplicationId == applicationId && v.Number == number)
            .Select(v => new { v.Id, v.Number, v.SubmittedAt, v.ContentHash, v.ContentJson })
            .FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return null;
        }
        var files = await db.Set<Data.Applications.ApplicationVersionAttachment>().AsNoTracking()
            .Where(a => a.ApplicationVersionId == version.Id)
            .OrderBy(a => a.ItemKey).ThenBy(a => a.OriginalFileName)
            .Select(a => new { a.ItemKey, a.OriginalFileName, a.SizeBytes, a.Sha256 })
            .ToListAsync(cancellationToken);

        var content = ApplicationContent.ReadDraft(version.ContentJson, out var problem);
        var submittedOn = DateOnly.FromDateTime(version.SubmittedAt.ToOffset(TimeSpan.FromHours(8)).DateTime);
        // Under the rule-set version the batch names (its stored snapshot), never the code's current one (ADR 0009).
        var rules = await RuleSetResolver.ForBatchAsync(db, app.BatchId, cancellationToken);
        var outcome = content.Evaluate(app.Kind, submittedOn, rules);
        var model = new ApplicationFormModel(
            await ApplicantAsync(app, cancellationToken),
            new VersionLine(version.Number, version.SubmittedAt, version.ContentHash),
            rules.RuleSetFor(app.Kind),
            content.Project?.Address,
            content.Project?.Summary,
            content.Consultancy,
            content.Commitment is { Accepted: true } commitment ? commitment.SignerName ?? "（未署名）" : null,
            ContentFields.Of(version.ContentJson),
            outcome.Report,
            [.. outcome.Errors.Select(e => e.ToString())],
            problem is null ? null : "本版本按较早的表单格式保存，系统按现行格式读取了能识别的内容；下表仍完整列出原始填报内容。",
            [.. files.Select(f => new AttachmentLine(f.ItemKey, ApplicationItems.Label(f.ItemKey), f.OriginalFileName, f.SizeBytes, f.Sha256))]);
        var stamp = Stamp("申报书", "application", $"SBS-{Short(version.ContentHash)}-V{version.Number}", version.ContentHash);
        return new PrintedDocument(typeof(ApplicationFormDocument), model, stamp, PageSetup.Portrait, $"申报书-{app.Name}-第{version.Number}版.pdf");
    }

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
        var review = await db.BureauReviews.AsNoTracking()
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
        var recommended = await db.BureauReviews.AsNoTracking()
            .Where(r => r.BureauOrganisationId == review.BureauOrganisationId && r.Decision == BureauDecision.Recommend && r.SignedAt != null
                && db.Applications.Any(a => a.Id == r.ApplicationId && a.BatchId == app.BatchId))
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
        var stamp = Stamp("盟市初审推荐意见", "bureau-opinion", $"CSYJ-{app.LeagueCode}-{Short(version.Hash)}", version.Hash);
        return new PrintedDocument(typeof(BureauOpinionDocument), model, stamp, PageSetup.Portrait, $"盟市初审推荐意见-{app.Name}.pdf");
    }
}
