using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data.Keys;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Data.Tests.Infrastructure;
using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Data.Tests.Keys;

/// <summary>
/// README "Deploy": several instances share one Data Protection key ring in the database, so a cookie or an
/// antiforgery token made by one instance is read by another. the ring is encrypted at rest with a
/// certificate kept outside the database, so a copy of the database alone protects and unprotects nothing.
/// </summary>
public sealed class KeyRingTests
{
    private static readonly Lazy<X509Certificate2> OtherCertificate = new(PortalCertificate.Generate);

    [Fact]
    public async Task KeyRing_SecondInstanceWithTheCertificate_UnprotectsWhatTheFirstProtected()
    {
        await using var database = await SqliteDatabases.Instance.CreateEmptyAsync();
        await using var first = Instance(database, TestDatabase.Certificate.Value);
        await using var second = Instance(database, TestDatabase.Certificate.Value);

        var token = Protector(first).Protect("会话");

        Assert.Equal("会话", Protector(second).Unprotect(token));
        await using var db = database.SystemContext();
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
    }

    [Fact]
    public async Task KeyRing_StoredXml_IsEncryptedWithTheCertificate()
    {
        await using var database = await SqliteDatabases.Instance.CreateEmptyAsync();
        await using var first = Instance(database, TestDatabase.Certificate.Value);
        Protector(first).Protect("会话");

        await using var db = database.SystemContext();
        var xml = (await db.DataProtectionKeys.SingleAsync()).Xml!;

        Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
        Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyRing_CopyOfTheDatabaseWithoutTheCertificate_CannotUnprotectAndMintsNothingTheFirstAccepts()
    {
        await using var database = await SqliteDatabases.Instance.CreateEmptyAsync();
        await using var first = Instance(database, TestDatabase.Certificate.Value);
        var token = Protector(first).Protect("会话");

        // The attacker's instance: the same database, any certificate but the portal's.
        await using var attacker = Instance(database, OtherCertificate.Value);
        var forged = Protector(attacker).Protect("伪造的会话");

        Assert.ThrowsAny<CryptographicException>(() => Protector(attacker).Unprotect(token));
        Assert.ThrowsAny<CryptographicException>(() => Protector(first).Unprotect(forged));
    }

    [Theory]
    [InlineData(ActorRole.DepartmentStaff)]
    [InlineData(ActorRole.DepartmentLeader)]
    [InlineData(ActorRole.SystemAdministrator)]
    [InlineData(ActorRole.AuditAdministrator)]
    public async Task KeyRing_ReadByAUserRole_IsEmpty(ActorRole role)
    {
        await using var database = await SqliteDatabases.Instance.CreateEmptyAsync();
        await using (var first = Instance(database, TestDatabase.Certificate.Value))
        {
            Protector(first).Protect("会话");
        }

        await using var db = database.Context(new CurrentActor
        {
            IsAuthenticated = true,
            UserId = Guid.NewGuid(),
            Roles = new HashSet<ActorRole> { role },
        });

        Assert.Equal(0, await db.DataProtectionKeys.CountAsync());
    }

    /// <summary>One portal instance's Data Protection, wired as the portal wires it (its scopes' actor is anonymous).</summary>
    private static ServiceProvider Instance(TestDatabase database, X509Certificate2 certificate)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRecognitionData(new RecognitionDatabaseOptions(database.Provider, database.ConnectionString, MigrateOnStartup: false));
        services.AddDataProtection().SetApplicationName("NuMeng.Recognition")
            .PersistKeysToRecognitionDatabase()
            .ProtectKeysWithCertificate(certificate);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static IDataProtector Protector(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
}
