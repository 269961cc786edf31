using NuMeng.Recognition.Web.Infrastructure;
using NuMeng.Recognition.Web.Infrastructure.Attachments;
using NuMeng.Recognition.Web.Security;

namespace NuMeng.Recognition.Web.Features.Notices;

/// <summary>
/// Registration of the Notices feature (管理办法 第八条: pre-selection, party-group decision, public notice, objections):
/// one line each in DependencyInjection.cs.
/// </summary>
public static class NoticesFeature
{
    /// <summary>The feature's services.</summary>
    public static IServiceCollection AddNoticesFeature(this IServiceCollection services)
    {
        services.AddOptions<ObjectionRateLimitOptions>().BindConfiguration(ObjectionRateLimitOptions.Section);
        services.AddSingleton<ObjectionRateLimiter>();
        services.AddProcedure();
        services.AddScoped<PublicNoticeQueries>();
        services.AddScoped<ObjectionIntakeService>();
        services.AddScoped<SelectionQueries>();
        services.AddScoped<SelectionService>();
        services.AddScoped<ObjectionCaseService>();
        services.AddScoped<ObjectionResponseService>();
        return services;
    }

    /// <summary>The feature's minimal-API endpoints (pages are routed by the Razor components themselves).</summary>
    public static IEndpointRouteBuilder MapNoticesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The objector's signed or sealed scan: department only (policy here, and the attachment filter, which shows a
        // department-owned file without application to the department alone).
        endpoints.MapGet("/selection/objections/{id:guid}/scan", OpenScanAsync).RequireAuthorization(Policies.Department);
        return endpoints;
    }

    private static async Task<IResult> OpenScanAsync(Guid id, HttpContext http, IDbContextFactory<RecognitionDbContext> factory,
        IAttachmentStore store, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var file = await (
                from o in db.Objections.AsNoTracking()
                where o.Id == id
                join f in db.Attachments on o.SignedScanAttachmentId equals f.Id
                select new { f.StoredName, f.SizeBytes, f.Sha256, f.ContentType, f.OriginalFileName })
            .FirstOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return Results.Text("未找到该扫描件，或您无权查看。", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
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
        return FileResponses.Inline(content, file.ContentType, file.OriginalFileName);
    }
}
