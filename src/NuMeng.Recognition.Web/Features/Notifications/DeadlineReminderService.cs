namespace NuMeng.Recognition.Web.Features.Notifications;

/// <summary>Configuration section <c>Notifications:DeadlineReminders</c>.</summary>
public sealed class DeadlineReminderOptions
{
    public const string Section = "Notifications:DeadlineReminders";

    /// <summary>Off in a deployment that runs the reminders from an external scheduler instead.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Hour of the Beijing day (0–23) of the daily run; there is also one run at start-up.</summary>
    public int HourOfDay { get; set; } = 8;
}

/// <summary>
/// Runs <see cref="DeadlineReminders.SendDueAsync"/> once at start-up and then daily at
/// <see cref="DeadlineReminderOptions.HourOfDay"/> Beijing time, with the registered <see cref="TimeProvider"/> (a fake
/// clock in tests). Several instances may run it: each deadline is reminded of once (the audit key), at worst twice
/// when two instances race in the same second.
/// </summary>
public sealed class DeadlineReminderService(
    IServiceScopeFactory scopes, TimeProvider clock, Microsoft.Extensions.Options.IOptions<DeadlineReminderOptions> options,
    ILogger<DeadlineReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunOnceAsync(stoppingToken);
            try
            {
                await Task.Delay(UntilNextRun(ChinaTime.Now(clock), options.Value.HourOfDay), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One run; a failure is logged and the next day tries again (the reminders are idempotent).</summary>
    public async Task<ReminderRun?> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var run = await scope.ServiceProvider.GetRequiredService<DeadlineReminders>()
                .SendDueAsync(ChinaTime.Today(clock), cancellationToken);
            if (run.Deadlines > 0 && logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("截止提醒：{Deadlines} 个截止日期，发送 {Notifications} 条通知", run.Deadlines, run.Notifications);
            }
            return run;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "截止提醒发送失败，将于下次运行时重试");
            return null;
        }
    }

    /// <summary>Time from <paramref name="nowBeijing"/> to the next <paramref name="hour"/>:00 Beijing time.</summary>
    public static TimeSpan UntilNextRun(DateTimeOffset nowBeijing, int hour)
    {
        var h = Math.Clamp(hour, 0, 23);
        var next = new DateTimeOffset(nowBeijing.Date.AddHours(h), nowBeijing.Offset);
        if (next <= nowBeijing)
        {
            next = next.AddDays(1);
        }
        return next - nowBeijing;
    }
}
