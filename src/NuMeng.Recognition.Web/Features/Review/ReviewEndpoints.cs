using NuMeng.Recognition.Web.Infrastructure;
using NuMeng.Recognition.Web.Infrastructure.Attachments;
using NuMeng.Recognition.Web.Security;

namespace NuMeng.Recognition.Web.Features.Review;

/// <summary>
/// The review page's inline file view: <c>GET /review/files/{id}</c> serves an attachment of an application the bureau
/// may see (the tenancy filter decides; anything else is 404) with <c>Content-Disposition: inline</c>, so PDFs and images
/// open in the page's frame instead of downloading. The bytes are checked against their SHA-256 by the store.
/// </summary>
public static class ReviewEndpoints
{
    public static string InlineUrl(Guid attachmentId) => $"/review/files/{attachmentId:D}";

    /// <summary>Maps the endpoint (one line in DependencyInjection.UseRecognitionWeb).</summary>
    public static IEndpointRouteBuilder MapReviewEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/review/files/{id:guid}", OpenInlineAsync)
            .RequireAuthorization(Policies.Bureau)
            .ExcludeFromDescription();
        return endpoints;
    }

    private static readonly HashSet<string> InlineTypes = ["application/pdf", "image/jpeg", "image/png"];

    private static async Task<IResult> OpenInlineAsync(Guid id, HttpContext http, IDbContextFactory<RecognitionDbContext> factory,
        IAttachmentStore store, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (ActingUser.Of(db.Actor) is not { IsBureau: true })
        {
            return Results.NotFound();
        }
        var file = await db.Attachments.AsNoTracking()
            .Where(a => a.Id == id && a.ApplicationId != null)
            .Select(a => new { a.StoredName, a.SizeBytes, a.Sha256, a.ContentType, a.OriginalFileName })
            .FirstOrDefaultAsync(cancellationToken);
        if (file is null || !InlineTypes.Contains(file.ContentType))
        {
            return Results.Text("未找到该附件，或您无权查看。", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }
        Stream content;
        try
        {
            content = await store.OpenReadAsync(new StoredFileReference(file.StoredName, file.SizeBytes, file.Sha256), cancellationToken);
        }
        catch (AttachmentUnavailableException ex)
        {
            return Results.Text(ex.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        return FileResponses.Inline(content, file.ContentType, file.OriginalFileName, enableRangeProcessing: true);
    }
}
