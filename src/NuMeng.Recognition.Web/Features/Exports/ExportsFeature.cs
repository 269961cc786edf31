namespace NuMeng.Recognition.Web.Features.Exports;

/// <summary>Registration of the Exports feature: one line each in DependencyInjection.cs.</summary>
public static class ExportsFeature
{
    /// <summary>The feature's services.</summary>
    public static IServiceCollection AddExportsFeature(this IServiceCollection services)
    {
        return services;
    }

    /// <summary>The feature's minimal-API endpoints (pages are routed by the Razor components themselves).</summary>
    public static IEndpointRouteBuilder MapExportsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
