using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace NuMeng.Recognition.Web.Security;

/// <summary>One fixed-window limit: <see cref="PermitLimit"/> requests per client address per <see cref="WindowSeconds"/>.</summary>
public sealed class RateLimitWindow
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }

    public TimeSpan Window => TimeSpan.FromSeconds(Math.Max(1, WindowSeconds));
}

/// <summary>
/// Configuration section <c>RateLimits</c>: per client address, the sign-in form, the two-factor step,
/// enterprise registration and the public pre-check API; and how many failed sign-ins one address may make against one
/// account before its further attempts are refused without being checked (so a stranger cannot keep an account locked).
/// The objection form keeps its own limit (<c>Notices:ObjectionRateLimit</c>).
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary><c>RateLimits:SignIn</c>: POST /account/login, default 20 a minute per address.</summary>
    public RateLimitWindow SignIn { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };

    /// <summary><c>RateLimits:TwoFactor</c>: POST /account/login-2fa, default 10 a minute per address.</summary>
    public RateLimitWindow TwoFactor { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary><c>RateLimits:Registration</c>: POST /account/register, default 5 an hour per address.</summary>
    public RateLimitWindow Registration { get; set; } = new() { PermitLimit = 5, WindowSeconds = 3600 };

    /// <summary><c>RateLimits:PreCheck</c>: POST /api/v1/precheck, default 60 a minute per address.</summary>
    public RateLimitWindow PreCheck { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>
    /// <c>RateLimits:SignInFailures</c>: failed sign-ins of one address against one user name, default 3 per 15 minutes —
    /// fewer than the 5 that lock an account, so no single address can lock one.
    /// </summary>
    public RateLimitWindow SignInFailures { get; set; } = new() { PermitLimit = 3, WindowSeconds = 900 };
}

/// <summary>The limits on the wire: ASP.NET Core's rate-limiting middleware, partitioned by client address.</summary>
public static class RateLimits
{
    public static IServiceCollection AddRecognitionRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, settings) =>
        {
            var limits = settings.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var (name, window) = Limited(context, limits);
                if (window is null)
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }
                var address = ClientAddress(context);
                return RateLimitPartition.GetFixedWindowLimiter(name + "|" + address, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, window.PermitLimit),
                    Window = window.Window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : (int)Math.Ceiling((Limited(context.HttpContext, limits).Window?.Window ?? TimeSpan.FromMinutes(1)).TotalSeconds);
                var response = context.HttpContext.Response;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync(RefusalMessage(Limited(context.HttpContext, limits).Name, seconds), cancellationToken);
            };
        });
        return services;
    }

    /// <summary>The limit that applies to a request: (policy name, window), or (empty, null).</summary>
    public static (string Name, RateLimitWindow? Window) Limited(HttpContext context, RateLimitOptions limits)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(limits);
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return (string.Empty, null);
        }
        var path = context.Request.Path;
        return path.Equals("/account/login", StringComparison.OrdinalIgnoreCase) ? ("signin", limits.SignIn)
            : path.Equals("/account/login-2fa", StringComparison.OrdinalIgnoreCase) ? ("2fa", limits.TwoFactor)
            : path.Equals("/account/register", StringComparison.OrdinalIgnoreCase) ? ("register", limits.Registration)
            : path.Equals("/api/v1/precheck", StringComparison.OrdinalIgnoreCase) ? ("precheck", limits.PreCheck)
            : (string.Empty, null);
    }

    /// <summary>The client address (after ForwardedHeaders, when a proxy is configured).</summary>
    public static string ClientAddress(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    /// <summary>The Chinese body of a 429.</summary>
    public static string RefusalMessage(string policy, int seconds)
    {
        var what = policy switch
        {
            "signin" => "登录",
            "2fa" => "验证码提交",
            "register" => "企业注册",
            "precheck" => "自评估接口调用",
            _ => "请求",
        };
        return $"{what}过于频繁，请 {seconds} 秒后再试。";
    }
}

/// <summary>
/// Failed sign-ins per (client address, user name) within <see cref="RateLimitOptions.SignInFailures"/>: once an address
/// has used its failures against a user name, its further attempts for that name are refused before the password is
/// checked, so they do not count towards the account's lockout (5 failures). A stranger at one address therefore cannot
/// keep someone's account locked; the account stays usable from the owner's address. Unknown and known user names are
/// treated alike. In memory, per instance (as the rate limiter).
/// </summary>
public sealed class SignInThrottle(IOptions<RateLimitOptions> options, TimeProvider time)
{
    private const int MaxKeys = 100_000;
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    private RateLimitWindow Limit => options.Value.SignInFailures;

    /// <summary>How long the address must wait before trying this user name again, or null when it may try now.</summary>
    public TimeSpan? RetryAfter(string address, string userName)
    {
        if (!_failures.TryGetValue(Key(address, userName), out var list))
        {
            return null;
        }
        var now = time.GetUtcNow();
        lock (list)
        {
            list.RemoveAll(t => now - t >= Limit.Window);
            return list.Count >= Math.Max(1, Limit.PermitLimit) ? list[0] + Limit.Window - now : null;
        }
    }

    /// <summary>Counts one failed sign-in of <paramref name="address"/> for <paramref name="userName"/>.</summary>
    public void RecordFailure(string address, string userName)
    {
        var now = time.GetUtcNow();
        if (_failures.Count >= MaxKeys)
        {
            foreach (var (key, old) in _failures)
            {
                lock (old)
                {
                    if (old.All(t => now - t >= Limit.Window))
                    {
                        _failures.TryRemove(key, out _);
                    }
                }
            }
        }
        var list = _failures.GetOrAdd(Key(address, userName), _ => []);
        lock (list)
        {
            list.Add(now);
        }
    }

    /// <summary>A successful sign-in clears the address's failures for that user name.</summary>
    public void Reset(string address, string userName) => _failures.TryRemove(Key(address, userName), out _);

    private static string Key(string address, string userName) => address + "|" + userName.Trim().ToUpperInvariant();
}
