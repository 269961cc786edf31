namespace NuMeng.Recognition.Web.Features.Panels;

/// <summary>Registration of the Panels feature: one line each in DependencyInjection.cs.</summary>
public static class PanelsFeature
{
    /// <summary>The feature's services (scoped: they act for the scope's user through the tenancy filter).</summary>
    public static IServiceCollection AddPanelsFeature(this IServiceCollection services)
    {
        services.AddScoped<PanelNotifications>();
        services.AddScoped<PanelBoard>();
        services.AddScoped<PanelCaseQuery>();
        services.AddProcedure();
        services.AddScoped<PanelService>();
        services.AddScoped<ExpertPool>();
        return services;
    }

    /// <summary>The feature's minimal-API endpoints (pages are routed by the Razor components themselves).</summary>
    public static IEndpointRouteBuilder MapPanelsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
