namespace NuMeng.Recognition.Web.Features.Documents;

/// <summary>Registration of the Documents feature: one line each in DependencyInjection.cs.</summary>
public static class DocumentsFeature
{
    /// <summary>The feature's services: the loader that reads each printed record through the caller's tenancy filters.</summary>
    public static IServiceCollection AddDocumentsFeature(this IServiceCollection services)
    {
        services.AddScoped<DocumentLoader>();
        return services;
    }

    /// <summary>The feature's minimal-API endpoints: GET /documents/… for every paper of the procedure (DocumentEndpoints).</summary>
    public static IEndpointRouteBuilder MapDocumentsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        DocumentEndpoints.Map(endpoints);
        return endpoints;
    }
}
