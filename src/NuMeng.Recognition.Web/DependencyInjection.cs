using NuMeng.Recognition.Web.Features.Dashboard;
using NuMeng.Recognition.Web.Features.Exports;
using NuMeng.Recognition.Web.Features.Batches;
using NuMeng.Recognition.Web.Features.Panels;
using NuMeng.Recognition.Web.Features.ExpertDesk;
using NuMeng.Recognition.Web.Features.Notices;
using NuMeng.Recognition.Web.Features.Certificates;
using NuMeng.Recognition.Web.Features.Documents;
using NuMeng.Recognition.Web.Features.Notifications;
using NuMeng.Recognition.Web.Features.Review;
using Microsoft.AspNetCore.DataProtection;
using NuMeng.Recognition.Data.Keys;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Web.Api;
using NuMeng.Recognition.Web.Components;
using NuMeng.Recognition.Web.Features.Account;
using NuMeng.Recognition.Web.Features.Applications;
using NuMeng.Recognition.Web.Security;

namespace NuMeng.Recognition.Web;

/// <summary>Program.cs reads as a table of contents: services here, pipeline below.</summary>
public static class DependencyInjection
{
    public static WebApplicationBuilder AddRecognitionWeb(this WebApplicationBuilder builder)
    {
        RefuseDemoInProduction(builder.Environment, builder.Configuration);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddSecurityHeaders();
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents();
        builder.Services.AddRecognitionApi();
        // One validator per form model (Components/Forms/FluentValidationValidator runs them inside EditForm).
        builder.Services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, includeInternalTypes: true);
        builder.Services.AddApplicationFeatures();
        builder.Services.AddBureauReview();
        builder.Services.AddNotifications();
        builder.Services.AddDashboardFeature();
        builder.Services.AddExportsFeature();
        builder.Services.AddBatchesFeature();
        builder.Services.AddPanelsFeature();
        builder.Services.AddExpertDeskFeature();
        builder.Services.AddNoticesFeature();
        builder.Services.AddCertificatesFeature();
        builder.Services.AddDocumentsFeature();
        builder.Services.AddRecognitionDocuments(builder.Configuration);
        // The API writes JSON exactly as the domain reads it (camelCase, enums by name): one format everywhere.
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            foreach (var converter in NuMeng.Recognition.Domain.PreCheck.JsonInput.Options.Converters)
            {
                options.SerializerOptions.Converters.Add(converter);
            }
        });

        builder.AddRecognitionIdentity();
        // One key ring for every instance (README "Deploy"): cookies, antiforgery tokens and circuits made by
        // one instance are read by the others. Keys live in the shared database (Data/Keys), readable by the System actor
        // only, and encrypted at rest with the portal certificate kept OUTSIDE the database (ADR 0010): a copy of the
        // database alone cannot mint a sign-in cookie. The same certificate keys the audit chain and signs its checkpoints.
        // Outside Production a certificate is generated under App_Data on first start; Production refuses to start without one.
        var mayGenerateSecrets = !builder.Environment.IsProduction();
        var certificate = NuMeng.Recognition.Data.Keys.PortalCertificate.LoadOrCreate(
            NuMeng.Recognition.Data.Keys.SecretsOptions.FromConfiguration(builder.Configuration), builder.Environment.ContentRootPath, mayGenerateSecrets);
        var auditOptions = NuMeng.Recognition.Data.Auditing.AuditOptions.FromConfiguration(builder.Configuration);
        builder.Services.AddDataProtection().SetApplicationName("NuMeng.Recognition")
            .PersistKeysToRecognitionDatabase()
            .ProtectKeysWithCertificate(certificate);
        builder.Services.AddRecognitionSecrets(certificate, auditOptions,
            auditOptions.ResolveAnchorDirectory(builder.Environment.ContentRootPath, mayGenerateSecrets));
        builder.Services.AddRecognitionData(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// The demo (known accounts, one published password and authenticator key) must never reach a production database:
    /// start-up fails with a clear message when the Production environment is given <c>Demo:Seed=true</c>.
    /// </summary>
    internal static void RefuseDemoInProduction(IHostEnvironment environment, IConfiguration configuration)
    {
        if (environment.IsProduction() && configuration.GetValue<bool>("Demo:Seed"))
        {
            throw new InvalidOperationException(
                "生产环境禁止加载演示数据：请删除 Demo:Seed=true（环境变量 Demo__Seed）后再启动。 "
                + "Demo:Seed=true is refused in the Production environment: the demo accounts share a published password.");
        }
    }

    /// <summary>
    /// Accounts: ASP.NET Core Identity over the data layer's <see cref="RecognitionDbContext"/>, the application cookie,
    /// role policies, the tenancy actor of each scope, idle timeout and the password and lockout policy.
    /// </summary>
    private static void AddRecognitionIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<SecurityOptions>(builder.Configuration.GetSection(SecurityOptions.Section));
        var security = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();

        // The actor whose view of the data every DbContext of the scope gives (Data README "Wiring"): HTTP requests
        // read HttpContext.User, interactive circuits the circuit's authentication state (CircuitActorHandler).
        services.AddHttpContextAccessor();
        services.AddScoped<CircuitPrincipal>();
        services.AddScoped<ICurrentActor, PrincipalCurrentActor>();
        services.AddScoped<CircuitHandler, CircuitActorHandler>();
        services.AddScoped<CircuitHandler, IdleCircuitHandler>();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<SecurityAudit>();
        services.AddScoped<AccountRedirect>();
        services.AddScoped<EnterpriseRegistration>();
        services.AddScoped<NuMeng.Recognition.Web.Features.Workspace.WorkspaceQueries>();
        services.AddScoped<NuMeng.Recognition.Web.Features.Admin.UserAdministration>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.ReturnUrlParameter = "returnUrl";
            options.Cookie.Name = "numeng.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Idle timeout (等保三级 会话超时): the cookie lives IdleTimeoutMinutes after the last request, sliding.
            options.ExpireTimeSpan = security.IdleTimeout;
            options.SlidingExpiration = true;
            SessionLifetime.Configure(options);
        });
        // Sign-out, a deactivated account or a reset of two-factor sign-in renews the security stamp: SessionLifetime
        // compares it on every request (the session ends at once) and enforces Security:AbsoluteSessionHours; Identity's
        // validator refreshes the claims every minute.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            SessionLifetime.KeepSignInTime(o);
        });

        services.AddScoped<AppUserClaimsPrincipalFactory>();
        services.AddIdentityCore<AppUser>(options =>
            {
                // length ≥ 8 with mixed character classes.
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Password.RequiredUniqueChars = 4;
                // lockout after 5 failures (docs/platform-notes.md §10: the template turns it off). 15 minutes.
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.SignIn.RequireConfirmedAccount = false;
                // Each authenticator code is accepted once (SingleUseAuthenticatorTokenProvider).
                options.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.Name;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<RecognitionDbContext>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddSignInManager<PortalSignInManager>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.Name)
            .AddPasswordValidator<CommonPasswordValidator>();

        services.AddAuthorizationBuilder().AddRecognitionPolicies();
        services.AddRecognitionRateLimits(builder.Configuration);
        services.AddRefusedAccessAudit();
    }

    public static WebApplication UseRecognitionWeb(this WebApplication app)
    {
        app.UseSecurityHeaders();
        // Behind nginx (deploy/linux/nginx-numeng.conf) the client address and scheme come from X-Forwarded-* headers,
        // trusted only from the proxies named in ReverseProxy:KnownProxies: the objection form's per-address limit and the
        // audit log need the real client address, not the proxy's.
        var proxies = app.Configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [];
        if (proxies.Length > 0)
        {
            var forwarded = new ForwardedHeadersOptions
            {
                ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor
                    | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
            };
            foreach (var proxy in proxies)
            {
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
            app.UseForwardedHeaders(forwarded);
        }
        // Per-address limits on sign-in, the 2FA step, registration and the pre-check API (RateLimits:*; 429 in Chinese).
        app.UseRateLimiter();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            // HSTS (one year, Production, HTTPS only) is sent by UseSecurityHeaders.
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseRefusedAccessAudit();
        app.UseAuthorization();
        app.UseAccountGate();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRecognitionApi();
        app.MapRecognitionDocuments();
        app.MapReviewEndpoints();
        app.MapDashboardEndpoints();
        app.MapExportsEndpoints();
        app.MapBatchesEndpoints();
        app.MapPanelsEndpoints();
        app.MapExpertDeskEndpoints();
        app.MapNoticesEndpoints();
        app.MapCertificatesEndpoints();
        app.MapDocumentsEndpoints();
        app.MapAccountEndpoints();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>
    /// Prepares the database: migrations, roles and reference data, and the demo only when <c>Demo:Seed=true</c>
    /// (appsettings.Development.json; production never seeds); then the configured first administrators.
    /// </summary>
    public static async Task InitializeRecognitionAsync(this WebApplication app)
    {
        await app.Services.InitializeRecognitionDatabaseAsync(seedDemo: app.Configuration.GetValue<bool>("Demo:Seed"));
        // A production installation gets its first administrators from configuration (Security:Bootstrap).
        await AdministratorBootstrap.RunAsync(app.Services, app.Configuration);
    }
}
