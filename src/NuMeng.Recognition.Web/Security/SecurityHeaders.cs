using Microsoft.AspNetCore.Antiforgery;

namespace NuMeng.Recognition.Web.Security;

/// <summary>
/// The security headers of every response (deploy/linux/nginx-numeng.conf adds the same at the proxy):
/// a Content-Security-Policy that lets the Blazor Web App run from its own origin only, nosniff, a referrer policy, a
/// permissions policy that keeps the camera for the expert's on-site photos, <c>Cache-Control: no-store</c> on the API
/// and on everything answered to a signed-in user (static assets keep their own caching), and HSTS for one year in
/// Production over HTTPS. Also: no <c>Server</c> header, and the antiforgery cookie is Secure whenever the request is.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// What the pages need and no more: the Blazor script and the stylesheets from this origin (no inline script; inline
    /// <c>style</c> attributes are used by components and charts), the interactive circuit's WebSocket, QR codes as
    /// <c>data:</c> images, evidence PDFs previewed in same-origin frames; framing only by this origin.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self' ws: wss:; frame-src 'self'; object-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

    /// <summary>Powerful features off, except the camera for this origin (the on-site checklist's photo input).</summary>
    public const string PermissionsPolicy =
        "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), magnetometer=(), gyroscope=(), accelerometer=()";

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>One year, as the issue asks; sent only in Production and only over HTTPS (behind nginx: X-Forwarded-Proto).</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    /// <summary>Kestrel without its <c>Server</c> header; the antiforgery cookie Secure behind TLS.</summary>
    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
        builder.Services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return builder;
    }

    /// <summary>Registers the middleware; call it first so that every response, errors and static files included, has the headers.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var production = app.Environment.IsProduction();
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context, production);
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    private static void Apply(HttpContext context, bool production)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = ReferrerPolicy;
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers.XFrameOptions = "SAMEORIGIN";
        headers.Remove("Server");
        if (production && context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }
        // The record API always; a signed-in user's pages, documents and exports unless the endpoint chose its own caching
        // (static assets: MapStaticAssets sets Cache-Control on each, fingerprinted ones immutable).
        if (context.Request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase))
        {
            headers.CacheControl = "no-store";
        }
        else if (context.User.Identity?.IsAuthenticated == true && string.IsNullOrEmpty(headers.CacheControl) && !IsStaticAsset(context))
        {
            headers.CacheControl = "no-store";
        }
    }

    private static bool IsStaticAsset(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null;
}
