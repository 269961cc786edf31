namespace NuMeng.Recognition.Web.Features.Batches;

/// <summary>Registration of the Batches feature: one line each in DependencyInjection.cs.</summary>
public static class BatchesFeature
{
    /// <summary>The feature's services.</summary>
    public static IServiceCollection AddBatchesFeature(this IServiceCollection services)
    {
        return services;
    }

    /// <summary>The feature's minimal-API endpoints (pages are routed by the Razor components themselves).</summary>
    public static IEndpointRouteBuilder MapBatchesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
