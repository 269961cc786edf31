using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace NuMeng.Recognition.Data.Keys;

/// <summary>
/// The Data Protection key ring in the shared database, through the framework's own
/// <see cref="EntityFrameworkCoreXmlRepository{TContext}"/> (package Microsoft.AspNetCore.DataProtection.EntityFrameworkCore),
/// so every instance behind the proxy reads the same ring. What <c>PersistKeysToDbContext</c> does, with one difference:
/// the repository resolves its context from a fresh scope, and a scope of this portal carries the actor of whatever
/// request triggered the key-ring load (the tenancy filter would then hide the keys and the portal would mint a new key
/// on every load). Here the scope's <see cref="RecognitionDbContext"/> is always one of the System actor.
/// Encrypt the XML at rest with <c>ProtectKeysWithCertificate</c> (ADR 0010).
/// </summary>
public static class KeyRingStorage
{
    public static IDataProtectionBuilder PersistKeysToRecognitionDatabase(this IDataProtectionBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
        {
            var loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
            return new ConfigureOptions<KeyManagementOptions>(options =>
                options.XmlRepository = new EntityFrameworkCoreXmlRepository<RecognitionDbContext>(new SystemActorServices(services), loggerFactory));
        });
        return builder;
    }

    /// <summary>The root provider, except that its scopes resolve <see cref="RecognitionDbContext"/> as the System actor.</summary>
    internal sealed class SystemActorServices(IServiceProvider root) : IServiceProvider, IServiceScopeFactory
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(IServiceScopeFactory) ? this : root.GetService(serviceType);

        public IServiceScope CreateScope() => new SystemScope(root.CreateScope());

        private sealed class SystemScope(IServiceScope inner) : IServiceScope, IServiceProvider
        {
            private RecognitionDbContext? _context;

            public IServiceProvider ServiceProvider => this;

            public object? GetService(Type serviceType)
            {
                if (serviceType != typeof(RecognitionDbContext))
                {
                    return inner.ServiceProvider.GetService(serviceType);
                }
                return _context ??= new RecognitionDbContext(
                    inner.ServiceProvider.GetRequiredService<DbContextOptions<RecognitionDbContext>>(),
                    CurrentActor.System("数据保护密钥"),
                    inner.ServiceProvider.GetService<TimeProvider>());
            }

            public void Dispose()
            {
                _context?.Dispose();
                inner.Dispose();
            }
        }
    }
}
