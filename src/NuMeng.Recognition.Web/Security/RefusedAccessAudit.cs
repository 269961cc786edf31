namespace NuMeng.Recognition.Web.Security;

/// <summary>
/// Refused access to records: a signed-in user who asks for a record by id and gets 403 or 404 (another
/// tenant's record, or a kind the role may not see) is counted per user and hour; each hour's count is written as ONE
/// audit entry (<see cref="Action"/>) per user, so the auditor sees probing without a row per request. The counts are
/// flushed by <see cref="RefusedAccessFlusher"/> once their hour is over (and at shutdown), on the portal's
/// <see cref="TimeProvider"/>.
/// </summary>
public sealed class RefusedAccessCounter(IServiceScopeFactory scopes, TimeProvider time)
{
    public const string Action = "access.refused.hourly";
    private const int SamplePaths = 10;

    private readonly ConcurrentDictionary<(Guid User, DateTimeOffset Hour), Bucket> _buckets = new();

    /// <summary>Counts one refused request of <paramref name="userId"/> now.</summary>
    public void Record(Guid userId, string userName, string path, int status)
    {
        var bucket = _buckets.GetOrAdd((userId, HourOf(time.GetUtcNow())), _ => new Bucket(userName));
        lock (bucket)
        {
            bucket.Count++;
            bucket.Statuses[status] = bucket.Statuses.GetValueOrDefault(status) + 1;
            if (bucket.Paths.Count < SamplePaths)
            {
                bucket.Paths.Add(path);
            }
        }
    }

    /// <summary>Refused requests counted and not yet written (for tests and the flusher).</summary>
    public int Pending => _buckets.Values.Sum(b => b.Count);

    /// <summary>
    /// Writes one audit entry per user for every hour that is over (all hours when <paramref name="all"/>, at shutdown).
    /// Returns the number of entries written.
    /// </summary>
    public async Task<int> FlushAsync(bool all = false, CancellationToken cancellationToken = default)
    {
        var current = HourOf(time.GetUtcNow());
        var written = 0;
        foreach (var key in _buckets.Keys.Where(k => all || k.Hour < current).OrderBy(k => k.Hour).ToList())
        {
            if (!_buckets.TryRemove(key, out var bucket))
            {
                continue;
            }
            object summary;
            lock (bucket)
            {
                summary = new
                {
                    userName = bucket.UserName,
                    hourStart = key.Hour,
                    hourEnd = key.Hour.AddHours(1),
                    count = bucket.Count,
                    statuses = bucket.Statuses.ToDictionary(s => s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), s => s.Value),
                    paths = bucket.Paths.ToList(),
                };
            }
            await using var scope = scopes.CreateAsyncScope();
            await using var db = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().CreateSystemContext("越权访问统计");
            var audit = scope.ServiceProvider.GetRequiredService<IAuditLog>();
            await audit.AppendAsync(db, new AuditEvent(Action, "User", key.User.ToString("D"), summary), cancellationToken);
            written++;
        }
        return written;
    }

    private static DateTimeOffset HourOf(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    private sealed class Bucket(string userName)
    {
        public string UserName { get; } = userName;
        public int Count { get; set; }
        public Dictionary<int, int> Statuses { get; } = [];
        public List<string> Paths { get; } = [];
    }
}

/// <summary>Writes the hourly counts of <see cref="RefusedAccessCounter"/> every minute, and the rest at shutdown.</summary>
public sealed class RefusedAccessFlusher(RefusedAccessCounter counter, TimeProvider time, ILogger<RefusedAccessFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushSafelyAsync(all: false, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushSafelyAsync(all: true, cancellationToken);
    }

    private async Task FlushSafelyAsync(bool all, CancellationToken cancellationToken)
    {
        try
        {
            await counter.FlushAsync(all, cancellationToken);
        }
#pragma warning disable CA1031 // A failed write (database away) must not stop the portal; it is logged (that hour's count is lost).
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogError(exception, "越权访问统计写入审计日志失败");
        }
    }
}

/// <summary>Registration and the middleware that counts.</summary>
public static class RefusedAccessAudit
{
    public static IServiceCollection AddRefusedAccessAudit(this IServiceCollection services)
    {
        services.AddSingleton<RefusedAccessCounter>();
        services.AddHostedService<RefusedAccessFlusher>();
        return services;
    }

    /// <summary>
    /// After authentication: counts a 403 or 404 answered to a signed-in user on a route that names a record (a route
    /// value that is an id: a GUID or a number).
    /// </summary>
    public static IApplicationBuilder UseRefusedAccessAudit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        var status = context.Response.StatusCode;
        if (status is not (StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound)
            || context.User.Identity?.IsAuthenticated != true
            || !Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || !NamesRecord(context))
        {
            return;
        }
        context.RequestServices.GetRequiredService<RefusedAccessCounter>()
            .Record(userId, context.User.Identity.Name ?? string.Empty, context.Request.Path.Value ?? string.Empty, status);
    });

    private static bool NamesRecord(HttpContext context) =>
        context.Request.RouteValues.Any(v => v.Value is Guid
            || (v.Value is string text && (Guid.TryParse(text, out _) || (text.Length > 0 && text.All(char.IsAsciiDigit)))));
}
