namespace NuMeng.Recognition.Web.Features.Dashboard;

/// <summary>Registration of the Dashboard feature: one line each in DependencyInjection.cs.</summary>
public static class DashboardFeature
{
    /// <summary>The feature's services.</summary>
    public static IServiceCollection AddDashboardFeature(this IServiceCollection services)
    {
        return services;
    }

    /// <summary>The feature's minimal-API endpoints (pages are routed by the Razor components themselves).</summary>
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
