using NuMeng.Recognition.Web.Infrastructure;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Web.Infrastructure.Attachments;
using NuMeng.Recognition.Web.Security;

namespace NuMeng.Recognition.Web.Features.ExpertDesk;

/// <summary>Registration of the ExpertDesk feature: one line each in DependencyInjection.cs.</summary>
public static class ExpertDeskFeature
{
    /// <summary>The feature's services.</summary>
    public static IServiceCollection AddExpertDeskFeature(this IServiceCollection services)
    {
        services.AddScoped<ExpertDeskQuery>();
        services.AddScoped<ExpertDeskService>();
        services.AddScoped<ScoreSheetService>();
        services.AddScoped<OnSiteService>();
        return services;
    }

    /// <summary>
    /// The feature's minimal-API endpoints (pages are routed by the Razor components themselves): <c>GET /expert/photos/{id}</c>
    /// serves an on-site photo inline to the panel that may see the application (anything else is 404).
    /// </summary>
    public static IEndpointRouteBuilder MapExpertDeskEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/expert/photos/{id:guid}", OpenPhotoAsync)
            .RequireAuthorization(Policies.Expert)
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> OpenPhotoAsync(Guid id, HttpContext http, IDbContextFactory<RecognitionDbContext> factory,
        IAttachmentStore store, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var photo = await UnfilteredQueries.OnSitePhotoForExpertAsync(db, id, cancellationToken);
        if (photo is null)
        {
            return Results.Text("未找到该照片，或您无权查看。", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }
        Stream content;
        try
        {
            content = await store.OpenReadAsync(new StoredFileReference(photo.StoredName, photo.SizeBytes, photo.Sha256), cancellationToken);
        }
        catch (AttachmentUnavailableException ex)
        {
            return Results.Text(ex.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        return FileResponses.Inline(content, photo.ContentType, photo.FileName);
    }
}
