namespace NuMeng.Recognition.Web.Features.Documents;

/// <summary>Registration of the Documents feature: one line each in DependencyInjection.cs.</summary>
public static class DocumentsFeature
{
    /// <summary>The feature's services.</summary>
    public static IServiceCollection AddDocumentsFeature(this IServiceCollection services)
    {
        return services;
    }

    /// <summary>The feature's minimal-API endpoints (pages are routed by the Razor components themselves).</summary>
    public static IEndpointRouteBuilder MapDocumentsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
