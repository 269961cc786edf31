namespace NuMeng.Recognition.Web.Features.Notifications;

/// <summary>Registration of the notifications feature (one line in DependencyInjection.cs).</summary>
public static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="NotificationService"/>, <see cref="NotificationRecipients"/>, <see cref="DeadlineReminders"/> (scoped)
    /// and the daily <see cref="DeadlineReminderService"/> (configuration <c>Notifications:DeadlineReminders</c>:
    /// <c>Enabled</c>, default true; <c>HourOfDay</c>, default 8, Beijing time).
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<NotificationRecipients>();
        services.AddScoped<NotificationService>();
        services.AddScoped<DeadlineReminders>();
        services.AddOptions<DeadlineReminderOptions>().BindConfiguration(DeadlineReminderOptions.Section);
        services.AddHostedService<DeadlineReminderService>();
        return services;
    }
}
