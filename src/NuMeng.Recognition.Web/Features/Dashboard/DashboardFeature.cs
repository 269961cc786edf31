namespace NuMeng.Recognition.Web.Features.Dashboard;

/// <summary>Registration of the Dashboard feature: one line each in DependencyInjection.cs.</summary>
public static class DashboardFeature
{
    /// <summary>The feature's services.</summary>
    public static IServiceCollection AddDashboardFeature(this IServiceCollection services)
    {
        services.AddScoped<DashboardQueries>();
        // The workspace has no registration of its own (its queries are registered with the account pages); its tiles
        // are the dashboard's sibling, so they are registered here.
        services.AddScoped<Workspace.WorkspaceTiles>();
        return services;
    }

    /// <summary>The feature's minimal-API endpoints (the page is routed by its Razor component).</summary>
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
