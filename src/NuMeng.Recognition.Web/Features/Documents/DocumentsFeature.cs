using NuMeng.Recognition.Web.Features.Applications;
using NuMeng.Recognition.Web.Features.Certificates;
using NuMeng.Recognition.Web.Features.Notices;
using NuMeng.Recognition.Web.Features.Panels;
using NuMeng.Recognition.Web.Features.Review;

namespace NuMeng.Recognition.Web.Features.Documents;

/// <summary>Registration of the Documents feature: one line each in DependencyInjection.cs.</summary>
public static class DocumentsFeature
{
    /// <summary>
    /// The document loaders, each beside the feature whose record it prints, reading through the caller's tenancy filters.
    /// </summary>
    public static IServiceCollection AddDocumentsFeature(this IServiceCollection services)
    {
        services.AddScoped<ApplicationDocuments>();
        services.AddScoped<ReviewDocuments>();
        services.AddScoped<PanelDocuments>();
        services.AddScoped<NoticeDocuments>();
        services.AddScoped<CertificateDocuments>();
        return services;
    }

    /// <summary>The feature's minimal-API endpoints: GET /documents/… for every paper of the procedure (DocumentEndpoints).</summary>
    public static IEndpointRouteBuilder MapDocumentsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        DocumentEndpoints.Map(endpoints);
        return endpoints;
    }
}
