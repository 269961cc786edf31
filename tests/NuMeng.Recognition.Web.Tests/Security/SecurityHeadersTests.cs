using System.Net;
using System.Net.Http.Headers;
using System.Text;
using NuMeng.Recognition.Web.Security;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Security;

/// <summary>
/// every response carries the Content-Security-Policy, nosniff, Referrer-Policy and Permissions-Policy
/// (camera kept for this origin); the API and signed-in pages are not stored; static assets keep their caching; no
/// Server header; HSTS only in Production over HTTPS; the antiforgery cookie is Secure behind TLS.
/// </summary>
[Collection(BrowserCollection.Name)]
public class SecurityHeadersTests(PortalFactory portal)
{
    private static void AssertCommonHeaders(HttpResponseMessage response, string what)
    {
        string? One(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
                ? Assert.Single(values)
                : null;
        var csp = One("Content-Security-Policy");
        Assert.True(csp is not null, $"{what}: no Content-Security-Policy");
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self' ws: wss:", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", One("X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", One("Referrer-Policy"));
        Assert.Contains("camera=(self)", One("Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("microphone=()", One("Permissions-Policy"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"), $"{what}: Server header {string.Join(",", response.Headers.Server)}");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{what}: HSTS outside Production");
    }

    private static string? CacheControl(HttpResponseMessage response) => response.Headers.CacheControl?.ToString();

    [Theory]
    [InlineData("/")]
    [InlineData("/precheck")]
    [InlineData("/verify")]
    [InlineData("/no-such-page")]
    public async Task PublicPage_HasSecurityHeadersAndNoServerHeader(string path)
    {
        using var client = HttpSignIn.NewClient(portal);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        AssertCommonHeaders(response, path);
    }

    [Fact]
    public async Task SignedInPage_HasSecurityHeadersAndNoStore()
    {
        using var client = await HttpSignIn.SignInAsync(portal, "enterprise", _ => null);

        using var response = await client.GetAsync(new Uri("/applications", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertCommonHeaders(response, "/applications");
        Assert.Contains("no-store", CacheControl(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_HasSecurityHeadersAndNoStore()
    {
        using var client = HttpSignIn.NewClient(portal);
        using var content = new StringContent(Examples.Read("precheck-digital-workshop.json"), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var precheck = await client.PostAsync(new Uri("/api/v1/precheck", UriKind.Relative), content);
        using var records = await client.GetAsync(new Uri("/api/v1/applications", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, precheck.StatusCode);
        AssertCommonHeaders(precheck, "POST /api/v1/precheck");
        Assert.Contains("no-store", CacheControl(precheck), StringComparison.Ordinal);
        AssertCommonHeaders(records, "GET /api/v1/applications");
        Assert.Contains("no-store", CacheControl(records), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaticAsset_SignedIn_HasSecurityHeadersAndKeepsItsCaching()
    {
        using var client = await HttpSignIn.SignInAsync(portal, "enterprise", _ => null);

        using var response = await client.GetAsync(new Uri("/app.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertCommonHeaders(response, "/app.css");
        Assert.DoesNotContain("no-store", CacheControl(response) ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task AntiforgeryCookie_BehindTls_IsSecure()
    {
        await using var proxied = new PortalFactory(new PortalOptions { Settings = new Dictionary<string, string?> { ["ReverseProxy:KnownProxies:0"] = "127.0.0.1" } });
        using var client = HttpSignIn.NewClient(proxied);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/account/login", UriKind.Relative));
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        var antiforgery = Assert.Single(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS outside Production");
    }

    [Fact]
    public async Task Production_OverTls_SendsHstsForOneYear()
    {
        await using var production = new PortalFactory(new PortalOptions
        {
            Environment = "Production",
            // Production refuses the demo data (SignInLimitsTests); this portal starts empty.
            SeedDemo = false,
            // Production never generates the portal certificate (ADR 0010): the operator provides it.
            ProvideCertificate = true,
            Settings = new Dictionary<string, string?> { ["ReverseProxy:KnownProxies:0"] = "127.0.0.1" },
        });
        using var client = HttpSignIn.NewClient(production);
        using var tls = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        tls.Headers.Add("X-Forwarded-Proto", "https");

        using var overTls = await client.SendAsync(tls);
        using var plain = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(SecurityHeaders.StrictTransportSecurity, Assert.Single(overTls.Headers.GetValues("Strict-Transport-Security")));
        Assert.Equal("max-age=31536000", SecurityHeaders.StrictTransportSecurity);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.False(overTls.Headers.Contains("Server"));
    }
}
