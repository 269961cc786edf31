namespace NuMeng.Recognition.Web.Features.ExpertDesk;

/// <summary>Registration of the ExpertDesk feature: one line each in DependencyInjection.cs.</summary>
public static class ExpertDeskFeature
{
    /// <summary>The feature's services.</summary>
    public static IServiceCollection AddExpertDeskFeature(this IServiceCollection services)
    {
        return services;
    }

    /// <summary>The feature's minimal-API endpoints (pages are routed by the Razor components themselves).</summary>
    public static IEndpointRouteBuilder MapExpertDeskEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
