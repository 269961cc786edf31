using NuMeng.Recognition.Documents.Procedure;
using NuMeng.Recognition.Web.Api.Records;
using NuMeng.Recognition.Web.Features.Batches;
using NuMeng.Recognition.Web.Features.Documents;

namespace NuMeng.Recognition.Web.Features.Applications;

/// <summary>
/// 申报书: the application form of a submitted version.
/// Each reads its record through the caller's tenancy filters (<see cref="DocumentLoader"/>); the endpoint is
/// <see cref="DocumentEndpoints"/>.
/// </summary>
public sealed class ApplicationDocuments(RecognitionDbContext db, DocumentOptions options, TimeProvider clock) : DocumentLoader(db, options, clock)
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
        var version = await Db.ApplicationVersions.AsNoTracking()
            .Where(v => v.ApplicationId == applicationId && v.Number == number)
            .Select(v => new { v.Id, v.Number, v.SubmittedAt, v.ContentHash, v.ContentJson })
            .FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return null;
        }
        var files = await Db.Set<Data.Applications.ApplicationVersionAttachment>().AsNoTracking()
            .Where(a => a.ApplicationVersionId == version.Id)
            .OrderBy(a => a.ItemKey).ThenBy(a => a.OriginalFileName)
            .Select(a => new { a.ItemKey, a.OriginalFileName, a.SizeBytes, a.Sha256 })
            .ToListAsync(cancellationToken);

        var content = ApplicationContent.ReadDraft(version.ContentJson, out var problem);
        var submittedOn = DateOnly.FromDateTime(version.SubmittedAt.ToOffset(TimeSpan.FromHours(8)).DateTime);
        // Under the rule-set version the batch names (its stored snapshot), never the code's current one (ADR 0009).
        var rules = await RuleSetResolver.ForBatchAsync(Db, app.BatchId, cancellationToken);
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
        var stamp = Stamp("申报书", "application", $"SBS-{ShortHash(version.ContentHash)}-V{version.Number}", version.ContentHash);
        return new PrintedDocument(typeof(ApplicationFormDocument), model, stamp, PageSetup.Portrait, $"申报书-{app.Name}-第{version.Number}版.pdf");
    }
}
