namespace NuMeng.Recognition.Data.Common;

/// <summary>Moment handling shared by every provider.</summary>
public static class Timestamps
{
    /// <summary>
    /// UTC truncated to whole microseconds: PostgreSQL keeps microseconds, SQL Server and SQLite (as ticks) keep more, so
    /// a truncated value reads back exactly everywhere (hashes and equality survive the round trip). Npgsql also refuses
    /// a non-zero offset for timestamptz.
    /// </summary>
    public static DateTimeOffset Normalise(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }
}
