using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace NuMeng.Recognition.Web.Tests.Infrastructure;

/// <summary>
/// Hosts the real portal in-process on Kestrel (a free loopback port), so HTTP tests and Chromium drive the same server.
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    public PortalFactory()
    {
        UseKestrel(0);
    }

    /// <summary>The portal's address, e.g. http://127.0.0.1:41234.</summary>
    public Uri RootUri
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
            var address = addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
            return new Uri(address);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Static web assets (app.css, the Blazor script) are served from the project only in Development unless asked.
        builder.UseStaticWebAssets();
        builder.UseSetting("urls", "http://127.0.0.1:0");
    }
}
