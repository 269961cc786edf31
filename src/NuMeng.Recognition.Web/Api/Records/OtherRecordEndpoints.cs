using NuMeng.Recognition.Web.Features.Batches;
using NuMeng.Recognition.Web.Features.Notifications;
using NuMeng.Recognition.Web.Security;

namespace NuMeng.Recognition.Web.Api.Records;

/// <summary>A certificate (授牌), as the holder and the authorities see it.</summary>
public sealed record CertificateInfo(
    Guid Id,
    string Number,
    Guid ApplicationId,
    Guid EnterpriseId,
    RecognitionKind Kind,
    string KindLabel,
    string EnterpriseName,
    string WorkshopOrFactoryName,
    DateOnly AwardedOn,
    DateOnly ValidUntil,
    CertificateStatus Status,
    string StatusLabel);

/// <summary>A batch (申报批次), as the department's batch list shows it.</summary>
public sealed record BatchInfo(
    Guid Id,
    int Year,
    int Round,
    string RoundLabel,
    string Title,
    RecognitionKind Kind,
    string KindLabel,
    BatchState State,
    string StateLabel,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    DateOnly? BureauReviewDeadline,
    DateOnly? ExpertReviewDeadline,
    string RuleSet,
    string? SceneCatalogue,
    string? AgencyName,
    int? PerLeagueCap,
    int Applications,
    int Submitted);

/// <summary>A message to the signed-in user.</summary>
public sealed record NotificationInfo(Guid Id, string Text, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>One event of the hash-chained audit log.</summary>
public sealed record AuditEntryInfo(
    long Sequence,
    DateTimeOffset At,
    Guid? ActorUserId,
    string ActorDisplayName,
    string? ActorOrganisationName,
    string Action,
    string EntityType,
    string? EntityId,
    JsonElement Summary,
    string PreviousHash,
    string Hash);

/// <summary>Certificates (business roles), the user's own notifications (anyone signed in), the audit log (auditors).</summary>
internal static class OtherRecordEndpoints
{
    public static void Map(RouteGroupBuilder records)
    {
        var business = records.MapGroup("").RequireAuthorization(RecordPolicies.BusinessData);
        business.MapGet("/certificates", ListCertificatesAsync)
            .WithName("ListCertificates").WithSummary("证书列表")
            .Produces<RecordList<CertificateInfo>>();
        business.MapGet("/certificates/{id:guid}", GetCertificateAsync)
            .WithName("GetCertificate").WithSummary("证书详情")
            .Produces<CertificateInfo>().Produces<RecordProblem>(StatusCodes.Status404NotFound, RecordResults.ProblemContentType);

        // Batches: the department's list (its page and export are the department's too).
        records.MapGet("/batches", ListBatchesAsync).RequireAuthorization(Policies.Department)
            .WithName("ListBatches").WithSummary("申报批次（工信厅）")
            .Produces<RecordList<BatchInfo>>();

        // Every signed-in user has notifications; the data layer returns only the user's own.
        records.MapGet("/notifications", ListNotificationsAsync)
            .WithName("ListNotifications").WithSummary("我的消息")
            .Produces<RecordList<NotificationInfo>>();
        records.MapGet("/notifications/{id:guid}", GetNotificationAsync)
            .WithName("GetNotification").WithSummary("消息详情")
            .Produces<NotificationInfo>().Produces<RecordProblem>(StatusCodes.Status404NotFound, RecordResults.ProblemContentType);

        var audit = records.MapGroup("/audit").RequireAuthorization(RecordPolicies.AuditLog);
        audit.MapGet("", ListAuditAsync)
            .WithName("ListAuditEntries").WithSummary("审计日志（审计管理员、工信厅）")
            .Produces<RecordList<AuditEntryInfo>>();
        audit.MapGet("/{sequence:long}", GetAuditEntryAsync)
            .WithName("GetAuditEntry").WithSummary("审计日志条目")
            .Produces<AuditEntryInfo>().Produces<RecordProblem>(StatusCodes.Status404NotFound, RecordResults.ProblemContentType);
    }

    private static IQueryable<CertificateInfo> Certificates(IQueryable<Certificate> certificates) =>
        certificates.AsNoTracking().Select(c => new CertificateInfo(
            c.Id, c.Number, c.ApplicationId, c.EnterpriseId, c.Kind, string.Empty, c.EnterpriseName, c.WorkshopOrFactoryName,
            c.AwardedOn, c.ValidUntil, c.Status, string.Empty));

    private static CertificateInfo Labelled(CertificateInfo c) =>
        c with { KindLabel = RecognitionKinds.Label(c.Kind), StatusLabel = Labels.Certificate(c.Status) };

    private static async Task<IResult> ListCertificatesAsync(RecognitionDbContext db, string? skip, string? take, CancellationToken cancellationToken)
    {
        if (!Paging.TryRead(skip, take, out var paging, out var problem))
        {
            return problem!;
        }
        var total = await db.Certificates.CountAsync(cancellationToken);
        var items = await Certificates(db.Certificates.OrderBy(c => c.Number).Skip(paging.Skip).Take(paging.Take))
            .ToListAsync(cancellationToken);
        return RecordResults.Ok(new RecordList<CertificateInfo>(total, paging.Skip, paging.Take, items.ConvertAll(Labelled)));
    }

    private static async Task<IResult> GetCertificateAsync(Guid id, RecognitionDbContext db, CancellationToken cancellationToken)
    {
        var certificate = await Certificates(db.Certificates.Where(c => c.Id == id)).FirstOrDefaultAsync(cancellationToken);
        return certificate is null ? RecordResults.NotFound("证书") : RecordResults.Ok(Labelled(certificate));
    }

    /// <summary>The batches list: the same read model, filters and order as the batch page and the Excel export.</summary>
    private static async Task<IResult> ListBatchesAsync(HttpRequest request, RecognitionDbContext db, CancellationToken cancellationToken)
    {
        if (!Paging.TryRead(request, out var filter, out var paging, out var problem))
        {
            return problem!;
        }
        var page = await BatchList.ReadAsync(db, filter, paging.List, cancellationToken);
        return RecordResults.Ok(new RecordList<BatchInfo>(page.Total, paging.Skip, paging.Take, [.. page.Rows.Select(b => new BatchInfo(
            b.Id, b.Year, b.Round, b.RoundLabel, b.Title, b.Kind, b.KindLabel, b.State, b.StateLabel, b.OpensOn, b.ClosesOn,
            b.BureauReviewDeadline, b.ExpertReviewDeadline, b.RuleSetKey, b.SceneCatalogueKey, b.AgencyName, b.PerLeagueCap,
            b.Applications, b.Submitted))]));
    }

    /// <summary>The notifications list: the same read model, order and <c>unread</c> filter as the page and the export.</summary>
    private static async Task<IResult> ListNotificationsAsync(HttpRequest request, RecognitionDbContext db, CancellationToken cancellationToken)
    {
        if (!Paging.TryRead(request, out var filter, out var paging, out var problem))
        {
            return problem!;
        }
        var page = await NotificationList.ReadAsync(db, filter.UnreadOnly, paging.List, cancellationToken);
        return RecordResults.Ok(new RecordList<NotificationInfo>(page.Total, paging.Skip, paging.Take,
            [.. page.Rows.Select(n => new NotificationInfo(n.Id, n.Text, n.Link, n.CreatedAt, n.ReadAt))]));
    }

    private static async Task<IResult> GetNotificationAsync(Guid id, RecognitionDbContext db, CancellationToken cancellationToken)
    {
        var item = await db.Notifications.AsNoTracking()
            .Where(n => n.Id == id)
            .Select(n => new NotificationInfo(n.Id, n.Text, n.Link, n.CreatedAt, n.ReadAt))
            .FirstOrDefaultAsync(cancellationToken);
        return item is null ? RecordResults.NotFound("消息") : RecordResults.Ok(item);
    }

    private sealed record AuditRow(
        long Sequence, DateTimeOffset At, Guid? ActorUserId, string ActorDisplayName, string? ActorOrganisationName,
        string Action, string EntityType, string? EntityId, string SummaryJson, string PreviousHash, string Hash);

    private static IQueryable<AuditRow> AuditRows(IQueryable<Data.Auditing.AuditEntry> entries) =>
        entries.AsNoTracking().Select(e => new AuditRow(
            e.Sequence, e.At, e.ActorUserId, e.ActorDisplayName, e.ActorOrganisationName, e.Action, e.EntityType, e.EntityId,
            e.SummaryJson, e.PreviousHash, e.Hash));

    private static AuditEntryInfo Audit(AuditRow e)
    {
        using var summary = JsonDocument.Parse(string.IsNullOrWhiteSpace(e.SummaryJson) ? "{}" : e.SummaryJson);
        return new AuditEntryInfo(e.Sequence, e.At, e.ActorUserId, e.ActorDisplayName, e.ActorOrganisationName, e.Action,
            e.EntityType, e.EntityId, summary.RootElement.Clone(), e.PreviousHash, e.Hash);
    }

    private static async Task<IResult> ListAuditAsync(RecognitionDbContext db, string? skip, string? take, CancellationToken cancellationToken)
    {
        if (!Paging.TryRead(skip, take, out var paging, out var problem))
        {
            return problem!;
        }
        var total = await db.AuditEntries.CountAsync(cancellationToken);
        // Newest first: auditors read what just happened.
        var rows = await AuditRows(db.AuditEntries.OrderByDescending(e => e.Sequence).Skip(paging.Skip).Take(paging.Take))
            .ToListAsync(cancellationToken);
        return RecordResults.Ok(new RecordList<AuditEntryInfo>(total, paging.Skip, paging.Take, rows.ConvertAll(Audit)));
    }

    private static async Task<IResult> GetAuditEntryAsync(long sequence, RecognitionDbContext db, CancellationToken cancellationToken)
    {
        var row = await AuditRows(db.AuditEntries.Where(e => e.Sequence == sequence)).FirstOrDefaultAsync(cancellationToken);
        return row is null ? RecordResults.NotFound("审计日志条目") : RecordResults.Ok(Audit(row));
    }
}
