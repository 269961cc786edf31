using NuMeng.Recognition.Web.Features.Applications;
using NuMeng.Recognition.Web.Infrastructure;
using NuMeng.Recognition.Web.Infrastructure.Attachments;

namespace NuMeng.Recognition.Web.Api.Records;

/// <summary>An application in a list.</summary>
public sealed record ApplicationSummary(
    Guid Id,
    Guid EnterpriseId,
    string EnterpriseName,
    Guid BatchId,
    string BatchTitle,
    RecognitionKind Kind,
    string KindLabel,
    string WorkshopOrFactoryName,
    ApplicationState State,
    string StateLabel,
    string LeagueCode,
    string LeagueName,
    int LatestVersionNumber,
    DateTimeOffset? LastSubmittedAt);

/// <summary>One application: the list fields plus what the detail page needs.</summary>
public sealed record ApplicationDetail(
    Guid Id,
    Guid EnterpriseId,
    string EnterpriseName,
    Guid BatchId,
    string BatchTitle,
    RecognitionKind Kind,
    string KindLabel,
    string WorkshopOrFactoryName,
    ApplicationState State,
    string StateLabel,
    string LeagueCode,
    string LeagueName,
    int LatestVersionNumber,
    DateTimeOffset? LastSubmittedAt,
    string? ConsultancyName,
    DateTimeOffset CreatedAt);

/// <summary>A submitted version in a list.</summary>
public sealed record VersionSummary(Guid Id, Guid ApplicationId, int Number, string ContentHash, DateTimeOffset SubmittedAt, int AttachmentCount);

/// <summary>
/// A submitted (frozen) version: content, attachments as frozen, the stored hash and whether recomputing it from the stored
/// rows gives the same value (docs/architecture.md principle 6).
/// </summary>
public sealed record VersionDetail(
    Guid Id,
    Guid ApplicationId,
    int Number,
    string ContentHash,
    bool ContentHashVerified,
    DateTimeOffset SubmittedAt,
    JsonElement Content,
    IReadOnlyList<FrozenAttachment> Attachments);

/// <summary>An attachment as frozen in a version.</summary>
public sealed record FrozenAttachment(Guid AttachmentId, string ItemKey, string FileName, long SizeBytes, string Sha256, string DownloadUrl);

/// <summary>Metadata of an attachment (the bytes: <see cref="AttachmentInfo.DownloadUrl"/>).</summary>
public sealed record AttachmentInfo(
    Guid Id,
    Guid? ApplicationId,
    string ItemKey,
    string FileName,
    string ContentType,
    long SizeBytes,
    string Sha256,
    DateTimeOffset UploadedAt,
    bool Removed,
    string DownloadUrl);

/// <summary>
/// Applications, their versions and attachments. Every query goes through <see cref="RecognitionDbContext"/>'s tenancy
/// filters (no bypass): a row the user may not see is simply not found.
/// </summary>
internal static class ApplicationRecordEndpoints
{
    public static void Map(RouteGroupBuilder records)
    {
        var business = records.MapGroup("").RequireAuthorization(RecordPolicies.BusinessData);

        business.MapGet("/applications", ListApplicationsAsync)
            .WithName("ListApplications").WithSummary("申报列表（仅限本人可见范围）")
            .Produces<RecordList<ApplicationSummary>>();
        business.MapGet("/applications/{id:guid}", GetApplicationAsync)
            .WithName("GetApplication").WithSummary("申报详情")
            .Produces<ApplicationDetail>().Produces<RecordProblem>(StatusCodes.Status404NotFound, RecordResults.ProblemContentType);
        business.MapGet("/applications/{id:guid}/versions", ListVersionsAsync)
            .WithName("ListApplicationVersions").WithSummary("申报的已提交版本")
            .Produces<RecordList<VersionSummary>>().Produces<RecordProblem>(StatusCodes.Status404NotFound, RecordResults.ProblemContentType);
        business.MapGet("/applications/{id:guid}/attachments", ListAttachmentsAsync)
            .WithName("ListApplicationAttachments").WithSummary("申报的附件")
            .Produces<RecordList<AttachmentInfo>>().Produces<RecordProblem>(StatusCodes.Status404NotFound, RecordResults.ProblemContentType);
        business.MapGet("/versions/{id:guid}", GetVersionAsync)
            .WithName("GetVersion").WithSummary("已提交版本（内容、附件、内容哈希）")
            .Produces<VersionDetail>().Produces<RecordProblem>(StatusCodes.Status404NotFound, RecordResults.ProblemContentType);
        business.MapGet("/attachments/{id:guid}", GetAttachmentAsync)
            .WithName("GetAttachment").WithSummary("附件信息")
            .Produces<AttachmentInfo>().Produces<RecordProblem>(StatusCodes.Status404NotFound, RecordResults.ProblemContentType);
        business.MapGet("/attachments/{id:guid}/content", DownloadAttachmentAsync)
            .WithName("DownloadAttachment").WithSummary("下载附件（SHA-256 校验后提供）")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces<RecordProblem>(StatusCodes.Status404NotFound, RecordResults.ProblemContentType);
    }

    private static ApplicationSummary Summary(ApplicationListRow r) => new(
        r.Id, r.EnterpriseId, r.EnterpriseName, r.BatchId, r.BatchTitle, r.Kind, r.KindLabel, r.Name, r.State, r.StateLabel,
        r.LeagueCode, r.LeagueName, r.LatestVersionNumber, r.LastSubmittedAt);

    /// <summary>The applications list: the same read model, filters and order as 我的申报 and the Excel export.</summary>
    private static async Task<IResult> ListApplicationsAsync(HttpRequest request, RecognitionDbContext db, CancellationToken cancellationToken)
    {
        if (!Paging.TryRead(request, out var filter, out var paging, out var problem))
        {
            return problem!;
        }
        var page = await ApplicationList.ReadAsync(db, filter, paging.List, cancellationToken);
        return RecordResults.Ok(new RecordList<ApplicationSummary>(page.Total, paging.Skip, paging.Take, [.. page.Rows.Select(Summary)]));
    }

    private static async Task<IResult> GetApplicationAsync(Guid id, RecognitionDbContext db, CancellationToken cancellationToken)
    {
        var r = await ApplicationList.FindAsync(db, id, cancellationToken);
        if (r is null)
        {
            return RecordResults.NotFound("申报");
        }
        var consultancy = await db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => a.ConsultancyName).FirstOrDefaultAsync(cancellationToken);
        return RecordResults.Ok(new ApplicationDetail(
            r.Id, r.EnterpriseId, r.EnterpriseName, r.BatchId, r.BatchTitle, r.Kind, r.KindLabel, r.Name, r.State, r.StateLabel,
            r.LeagueCode, r.LeagueName, r.LatestVersionNumber, r.LastSubmittedAt, consultancy, r.CreatedAt));
    }

    private static async Task<IResult> ListVersionsAsync(Guid id, RecognitionDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Applications.AnyAsync(a => a.Id == id, cancellationToken))
        {
            return RecordResults.NotFound("申报");
        }
        var versions = await db.ApplicationVersions.AsNoTracking()
            .Where(v => v.ApplicationId == id)
            .OrderBy(v => v.Number)
            .Select(v => new VersionSummary(v.Id, v.ApplicationId, v.Number, v.ContentHash, v.SubmittedAt, v.Attachments.Count))
            .ToListAsync(cancellationToken);
        return RecordResults.Ok(new RecordList<VersionSummary>(versions.Count, 0, versions.Count, versions));
    }

    private static async Task<IResult> GetVersionAsync(Guid id, RecognitionDbContext db, CancellationToken cancellationToken)
    {
        // The entity (not a projection): the hash is recomputed from exactly the stored rows.
        var version = await db.ApplicationVersions.AsNoTracking()
            .Include(v => v.Attachments)
            .FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (version is null)
        {
            return RecordResults.NotFound("申报版本");
        }
        using var content = JsonDocument.Parse(version.ContentJson);
        return RecordResults.Ok(new VersionDetail(
            version.Id,
            version.ApplicationId,
            version.Number,
            version.ContentHash,
            string.Equals(version.ComputeHash(), version.ContentHash, StringComparison.Ordinal),
            version.SubmittedAt,
            content.RootElement.Clone(),
            [.. version.Attachments
                .OrderBy(a => a.ItemKey, StringComparer.Ordinal).ThenBy(a => a.Sha256, StringComparer.Ordinal)
                .Select(a => new FrozenAttachment(a.AttachmentId, a.ItemKey, a.OriginalFileName, a.SizeBytes, a.Sha256, ContentUrl(a.AttachmentId)))]));
    }

    /// <summary>Attachment metadata; <see cref="AttachmentInfo.DownloadUrl"/> is filled in memory.</summary>
    private static IQueryable<AttachmentInfo> AttachmentInfos(IQueryable<Data.Applications.Attachment> attachments) =>
        attachments.AsNoTracking().Select(a => new AttachmentInfo(
            a.Id, a.ApplicationId, a.ItemKey, a.OriginalFileName, a.ContentType, a.SizeBytes, a.Sha256, a.UploadedAt,
            a.RemovedAt != null, string.Empty));

    private static async Task<IResult> ListAttachmentsAsync(Guid id, RecognitionDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Applications.AnyAsync(a => a.Id == id, cancellationToken))
        {
            return RecordResults.NotFound("申报");
        }
        var items = (await AttachmentInfos(db.Attachments.Where(a => a.ApplicationId == id).OrderBy(a => a.ItemKey).ThenBy(a => a.UploadedAt))
            .ToListAsync(cancellationToken))
            .ConvertAll(a => a with { DownloadUrl = ContentUrl(a.Id) });
        return RecordResults.Ok(new RecordList<AttachmentInfo>(items.Count, 0, items.Count, items));
    }

    private static async Task<IResult> GetAttachmentAsync(Guid id, RecognitionDbContext db, CancellationToken cancellationToken)
    {
        var info = await AttachmentInfos(db.Attachments.Where(a => a.Id == id)).FirstOrDefaultAsync(cancellationToken);
        return info is null ? RecordResults.NotFound("附件") : RecordResults.Ok(info with { DownloadUrl = ContentUrl(info.Id) });
    }

    private static async Task<IResult> DownloadAttachmentAsync(
        Guid id, RecognitionDbContext db, IAttachmentStore store, CancellationToken cancellationToken)
    {
        // Metadata through the tenancy filter first: a hidden attachment is never opened, let alone sent.
        var file = await db.Attachments.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new { a.StoredName, a.SizeBytes, a.Sha256, a.OriginalFileName, a.ContentType })
            .FirstOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return RecordResults.NotFound("附件");
        }
        Stream stream;
        try
        {
            stream = await store.OpenReadAsync(new StoredFileReference(file.StoredName, file.SizeBytes, file.Sha256), cancellationToken);
        }
        catch (AttachmentUnavailableException ex)
        {
            return ex.Fault == AttachmentFault.Missing
                ? RecordResults.Problem(StatusCodes.Status404NotFound, "附件文件缺失", ex.Message)
                : RecordResults.Problem(StatusCodes.Status500InternalServerError, "附件文件校验失败", ex.Message);
        }
        // Evidence is confidential: downloaded, not cached, never sniffed into another type.
        return FileResponses.Attachment(stream, file.ContentType, file.OriginalFileName);
    }

    private static string ContentUrl(Guid attachmentId) => $"/api/v1/attachments/{attachmentId:D}/content";
}
