namespace NuMeng.Recognition.Web.Features.Notices;

/// <summary>Moments in Beijing time on the pages of this feature: "2026年11月21日 10:05".</summary>
internal static class NoticesFormat
{
    public static string Moment(DateTimeOffset at)
    {
        var local = at.ToOffset(TimeSpan.FromHours(8));
        return $"{local.Year}年{local.Month}月{local.Day}日 {local.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    public static string? Moment(DateTimeOffset? at) => at is { } a ? Moment(a) : null;
}
