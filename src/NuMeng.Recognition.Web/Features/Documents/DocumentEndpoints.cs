using System.Reflection;
using NuMeng.Recognition.Documents.Pdf;
using NuMeng.Recognition.Documents.Procedure;
using NuMeng.Recognition.Web.Features.Applications;
using NuMeng.Recognition.Web.Features.Certificates;
using NuMeng.Recognition.Web.Features.Notices;
using NuMeng.Recognition.Web.Features.Panels;
using NuMeng.Recognition.Web.Features.Review;
using NuMeng.Recognition.Web.Infrastructure;

namespace NuMeng.Recognition.Web.Features.Documents;

/// <summary>
/// GET /documents/… : every paper of the procedure as an A4 PDF, served inline with a Chinese file name. Each is
/// authorised like the record it prints: the roles that own such a record, then the tenancy filter (a record the caller
/// cannot see is 404, never 403, so its existence is not revealed); 公示 and 认定名单 are public. Without Chromium the
/// answer is 503 with the Chinese message saying what to install.
/// </summary>
public static class DocumentEndpoints
{
    private static readonly ActorRole[] Business =
    [
        ActorRole.EnterpriseApplicant, ActorRole.BureauReviewer, ActorRole.BureauLeader, ActorRole.DepartmentStaff,
        ActorRole.DepartmentLeader, ActorRole.AgencyCoordinator, ActorRole.Expert,
    ];

    private static readonly ActorRole[] Department = [ActorRole.DepartmentStaff, ActorRole.DepartmentLeader];

    private static readonly ActorRole[] BureauOrDepartment = [ActorRole.BureauReviewer, ActorRole.BureauLeader, .. Department];

    private static readonly ActorRole[] ExpertReviewManagement = [.. Department, ActorRole.AgencyCoordinator];

    private static readonly ActorRole[] ExpertReview = [.. ExpertReviewManagement, ActorRole.Expert];

    /// <summary>The document URLs, for the pages that link to them.</summary>
    public static string ApplicationForm(Guid applicationId, int number) => $"/documents/applications/{applicationId:D}/versions/{number}/application.pdf";

    public static string BureauOpinion(Guid applicationId) => $"/documents/applications/{applicationId:D}/bureau-opinion.pdf";

    public static string BureauSummary(Guid batchId, string? league = null) =>
        $"/documents/batches/{batchId:D}/bureau-summary.pdf" + (league is null ? string.Empty : $"?league={Uri.EscapeDataString(league)}");

    public static string ScoreSheet(Guid assignmentId) => $"/documents/assignments/{assignmentId:D}/score-sheet.pdf";

    public static string ScoreSummary(Guid applicationId) => $"/documents/applications/{applicationId:D}/score-summary.pdf";

    public static string OnSiteCheck(Guid applicationId) => $"/documents/applications/{applicationId:D}/onsite-check.pdf";

    public static string PreSelection(Guid batchId) => $"/documents/batches/{batchId:D}/preselection.pdf";

    public static string PublicNotice(Guid noticeId) => $"/documents/notices/{noticeId:D}/notice.pdf";

    public static string PublicationList(Guid publicationId) => $"/documents/publications/{publicationId:D}/list.pdf";

    public static string Certificate(Guid certificateId) => $"/documents/certificates/{certificateId:D}/certificate.pdf";

    public static string RevocationNotice(Guid revocationId) => $"/documents/revocations/{revocationId:D}/notice.pdf";

    /// <summary>Maps the eleven document endpoints.</summary>
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var documents = endpoints.MapGroup("/documents").WithTags("文档");
        documents.MapGet("/applications/{applicationId:guid}/versions/{number:int}/application.pdf",
            (Guid applicationId, int number, HttpContext http, ApplicationDocuments loader, CancellationToken ct) =>
                ServeAsync(http, Business, () => loader.ApplicationFormAsync(applicationId, number, ct), ct))
            .WithSummary("申报书（PDF）");
        documents.MapGet("/applications/{applicationId:guid}/bureau-opinion.pdf",
            (Guid applicationId, HttpContext http, ReviewDocuments loader, CancellationToken ct) =>
                ServeAsync(http, Business, () => loader.BureauOpinionAsync(applicationId, ct), ct))
            .WithSummary("盟市初审推荐意见（PDF）");
        documents.MapGet("/batches/{batchId:guid}/bureau-summary.pdf",
            (Guid batchId, string? league, HttpContext http, ReviewDocuments loader, CancellationToken ct) =>
                ServeAsync(http, BureauOrDepartment, () => loader.BureauSummaryAsync(batchId, league, ct), ct))
            .WithSummary("推荐汇总表（PDF）");
        documents.MapGet("/assignments/{assignmentId:guid}/score-sheet.pdf",
            (Guid assignmentId, HttpContext http, PanelDocuments loader, CancellationToken ct) =>
                ServeAsync(http, ExpertReview, () => loader.ScoreSheetAsync(assignmentId, ct), ct))
            .WithSummary("专家评分表（PDF）");
        documents.MapGet("/applications/{applicationId:guid}/score-summary.pdf",
            (Guid applicationId, HttpContext http, PanelDocuments loader, CancellationToken ct) =>
                ServeAsync(http, ExpertReviewManagement, () => loader.ScoreSummaryAsync(applicationId, ct), ct))
            .WithSummary("评分汇总表（PDF）");
        documents.MapGet("/applications/{applicationId:guid}/onsite-check.pdf",
            (Guid applicationId, HttpContext http, PanelDocuments loader, CancellationToken ct) =>
                ServeAsync(http, ExpertReview, () => loader.OnSiteCheckAsync(applicationId, ct), ct))
            .WithSummary("现场核查表（PDF）");
        documents.MapGet("/batches/{batchId:guid}/preselection.pdf",
            (Guid batchId, HttpContext http, NoticeDocuments loader, CancellationToken ct) =>
                ServeAsync(http, Department, () => loader.PreSelectionAsync(batchId, ct), ct))
            .WithSummary("预选名单（PDF）");
        documents.MapGet("/notices/{noticeId:guid}/notice.pdf",
            (Guid noticeId, HttpContext http, NoticeDocuments loader, CancellationToken ct) =>
                ServeAsync(http, null, () => loader.PublicNoticeAsync(noticeId, ct), ct))
            .WithSummary("公示（PDF，公开）").AllowAnonymous();
        documents.MapGet("/publications/{publicationId:guid}/list.pdf",
            (Guid publicationId, HttpContext http, CertificateDocuments loader, CancellationToken ct) =>
                ServeAsync(http, null, () => loader.PublicationListAsync(publicationId, ct), ct))
            .WithSummary("认定名单（PDF，公开）").AllowAnonymous();
        documents.MapGet("/certificates/{certificateId:guid}/certificate.pdf",
            (Guid certificateId, HttpContext http, CertificateDocuments loader, CancellationToken ct) =>
                ServeAsync(http, Business, () => loader.CertificateAsync(certificateId, ct), ct))
            .WithSummary("证书（PDF）");
        documents.MapGet("/revocations/{revocationId:guid}/notice.pdf",
            (Guid revocationId, HttpContext http, CertificateDocuments loader, CancellationToken ct) =>
                ServeAsync(http, Business, () => loader.RevocationNoticeAsync(revocationId, ct), ct))
            .WithSummary("撤销通知（PDF）");
    }

    /// <summary>The message of a 404: the same whether the record is missing or hidden from the caller.</summary>
    public const string NotFoundMessage = "未找到该文档，或您无权查看。";

    private static readonly MethodInfo Render = typeof(ProcedureDocuments).GetMethod(nameof(ProcedureDocuments.RenderPdfAsync))!;

    private static async Task<IResult> ServeAsync(HttpContext http, ActorRole[]? roles, Func<Task<PrintedDocument?>> load, CancellationToken cancellationToken)
    {
        if (roles is not null)
        {
            if (http.User.Identity?.IsAuthenticated != true)
            {
                // The sign-in page, then back to the document.
                return Results.Challenge();
            }
            if (!roles.Any(role => http.User.IsInRole(RoleNames.Of(role))))
            {
                return NotFound();
            }
        }
        var document = await load();
        if (document is null)
        {
            return NotFound();
        }
        var documents = http.RequestServices.GetRequiredService<ProcedureDocuments>();
        byte[] pdf;
        try
        {
            var task = (Task<byte[]>)Render.MakeGenericMethod(document.Component)
                .Invoke(documents, [document.Model, document.Stamp, document.Page, cancellationToken])!;
            pdf = await task;
        }
        catch (PdfRendererUnavailableException ex)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DocumentEndpoints).FullName!)
                .LogError(ex, "PDF renderer unavailable ({Path})", ex.ExecutablePath);
            return Results.Text("PDF 生成服务暂不可用：" + ex.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        return FileResponses.Inline(pdf, "application/pdf", document.FileName);
    }

    private static IResult NotFound() =>
        Results.Text(NotFoundMessage, "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
}
