namespace NuMeng.Recognition.Web.Features.Review;

/// <summary>Dates, moments and sizes as the review pages write them (yyyy年M月d日, Beijing time).</summary>
public static class ReviewFormat
{
    public static string Date(DateOnly date) => ChineseDates.Format(date);

    public static string Date(DateOnly? date) => date is { } d ? ChineseDates.Format(d) : "未设定";

    /// <summary>2026年11月21日 10:05 (Beijing time).</summary>
    public static string Moment(DateTimeOffset at)
    {
        var beijing = at.ToOffset(TimeSpan.FromHours(8));
        return $"{ChineseDates.Format(DateOnly.FromDateTime(beijing.DateTime))} {beijing:HH:mm}";
    }

    public static string Moment(DateTimeOffset? at) => at is { } a ? Moment(a) : "—";

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} 字节",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024m:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024m / 1024m:0.##} MB"),
    };

    /// <summary>The first 12 characters of a hash, for tables (the full hash is in the title).</summary>
    public static string ShortHash(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;

    /// <summary>Days left to a deadline in words: 还剩 3 天 / 今天截止 / 已超期 2 天.</summary>
    public static string DaysLeft(int days) => days switch
    {
        0 => "今天截止",
        > 0 => $"还剩 {days} 天",
        _ => $"已超期 {-days} 天",
    };
}
