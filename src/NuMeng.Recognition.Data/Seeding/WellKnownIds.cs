namespace NuMeng.Recognition.Data.Seeding;

/// <summary>
/// Deterministic ids of seeded rows (the department, the bureaus, demo rows), so seeding is idempotent row by row and
/// tests and the web app can name them.
/// </summary>
public static class WellKnownIds
{
    /// <summary>内蒙古自治区工业和信息化厅.</summary>
    public static Guid Department { get; } = For("organisation:department");

    /// <summary>The bureau of a 盟市 code (e.g. "1501").</summary>
    public static Guid Bureau(string leagueCode) => For($"organisation:bureau:{leagueCode}");

    /// <summary>A stable Guid from a key (first 16 bytes of SHA-256, version bits set to 8 = custom).</summary>
    public static Guid For(string key)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes("numeng-recognition:" + key)).AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
