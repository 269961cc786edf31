using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Auditing;
using NuMeng.Recognition.Data.Keys;

namespace NuMeng.Recognition.Web.Tests.Infrastructure;

/// <summary>
/// The secrets kept outside the database (ADR 0010) for test hosts that build their own services instead of the portal:
/// one generated certificate for the run (RSA key generation is slow) and a checkpoint directory of the host's own.
/// </summary>
public static class TestSecrets
{
    private static readonly Lazy<X509Certificate2> Shared = new(PortalCertificate.Generate);

    public static X509Certificate2 Certificate => Shared.Value;

    public static IServiceCollection AddTestSecrets(this IServiceCollection services, string anchorDirectory) =>
        services.AddRecognitionSecrets(Certificate, new AuditOptions(), anchorDirectory);
}
