using System.Threading.RateLimiting;

namespace NuMeng.Recognition.Web.Features.Notices;

/// <summary>Settings of the objection form's rate limit (section <c>Notices:ObjectionRateLimit</c>).</summary>
public sealed class ObjectionRateLimitOptions
{
    public const string Section = "Notices:ObjectionRateLimit";

    /// <summary>Submissions per client address and window (default 5).</summary>
    public int PermitLimit { get; set; } = 5;

    /// <summary>The window in minutes (default 60).</summary>
    public int WindowMinutes { get; set; } = 60;
}

/// <summary>
/// The public objection form is the portal's only anonymous write: it is limited per client address, default 5 submissions per hour, with ASP.NET Core's rate limiting primitives
/// (<see cref="PartitionedRateLimiter"/>, fixed window per IP). It is applied by the form itself on POST rather than by
/// the rate-limiting middleware, so it covers exactly this endpoint and nothing else of the portal (the middleware is not
/// in the shared pipeline). Behind a reverse proxy the proxy must forward the client address (ForwardedHeaders).
/// </summary>
public sealed class ObjectionRateLimiter : IDisposable
{
    /// <summary>The page's message with the 429.</summary>

    private readonly PartitionedRateLimiter<string> _limiter;

    public ObjectionRateLimiter(IOptions<ObjectionRateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, Options.PermitLimit),
                Window = TimeSpan.FromMinutes(Math.Max(1, Options.WindowMinutes)),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public ObjectionRateLimitOptions Options { get; }

    /// <summary>The refusal text with the configured limit.</summary>
    public string RefusalMessage =>
        $"提交过于频繁：同一网络地址每 {Options.WindowMinutes} 分钟最多提交 {Options.PermitLimit} 次异议，请稍后再试。如情况紧急，请按公示所列联系方式与自治区工业和信息化厅联系。";

    /// <summary>Takes one permit for <paramref name="clientAddress"/>; false when the address is over its limit.</summary>
    public bool TryAcquire(string? clientAddress)
    {
        using var lease = _limiter.AttemptAcquire(string.IsNullOrEmpty(clientAddress) ? "unknown" : clientAddress);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
