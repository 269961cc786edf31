namespace NuMeng.Recognition.Web.Features.Certificates;

/// <summary>Registration of the Certificates feature: one line each in DependencyInjection.cs.</summary>
public static class CertificatesFeature
{
    /// <summary>The feature's services.</summary>
    public static IServiceCollection AddCertificatesFeature(this IServiceCollection services)
    {
        return services;
    }

    /// <summary>The feature's minimal-API endpoints (pages are routed by the Razor components themselves).</summary>
    public static IEndpointRouteBuilder MapCertificatesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
