namespace NuMeng.Recognition.Web.Features.Notices;

/// <summary>Registration of the Notices feature: one line each in DependencyInjection.cs.</summary>
public static class NoticesFeature
{
    /// <summary>The feature's services.</summary>
    public static IServiceCollection AddNoticesFeature(this IServiceCollection services)
    {
        return services;
    }

    /// <summary>The feature's minimal-API endpoints (pages are routed by the Razor components themselves).</summary>
    public static IEndpointRouteBuilder MapNoticesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
