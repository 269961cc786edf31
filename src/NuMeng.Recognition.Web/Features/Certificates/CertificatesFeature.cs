using NuMeng.Recognition.Web.Security;

namespace NuMeng.Recognition.Web.Features.Certificates;

/// <summary>Registration of the Certificates feature: one line each in DependencyInjection.cs.</summary>
public static class CertificatesFeature
{
    /// <summary>The feature's services (scoped: they act for the scope's user; the rate limiter is shared).</summary>
    public static IServiceCollection AddCertificatesFeature(this IServiceCollection services)
    {
        services.AddProcedure();
        services.AddScoped<PublicationService>();
        services.AddScoped<AwardService>();
        services.AddScoped<CertificateQueries>();
        services.AddScoped<RevocationService>();
        services.AddScoped<RenameDecisions>();
        services.AddScoped<PublicVerification>();
        services.AddSingleton<VerificationRateLimiter>();
        return services;
    }

    /// <summary>The feature's minimal-API endpoints (pages are routed by the Razor components themselves).</summary>
    public static IEndpointRouteBuilder MapCertificatesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The evidence file of a revocation, inline (department only; the service checks the role again).
        endpoints.MapGet("/certificates/revocations/{id:guid}/evidence", async (Guid id, RevocationService revocations, CancellationToken cancellationToken) =>
            await revocations.OpenEvidenceAsync(id, cancellationToken) is { } found
                ? Infrastructure.FileResponses.Attachment(found.Content, found.File.ContentType, found.File.OriginalFileName)
                : Results.NotFound())
            .RequireAuthorization(Policies.Department);
        return endpoints;
    }
}
