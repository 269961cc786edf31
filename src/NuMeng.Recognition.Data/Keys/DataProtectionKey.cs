namespace NuMeng.Recognition.Data.Keys;

/// <summary>
/// One ASP.NET Core Data Protection key (XML), kept in the shared database so every instance of the portal behind the
/// proxy reads the same key ring (ARCHITECTURE.md "Deployment": one shared key ring in the database). Antiforgery tokens,
/// the sign-in cookie and circuit state are protected with it. Only the System actor can read the table.
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    /// <summary>The key's name as Data Protection gives it (key-{guid}).</summary>
    public string? FriendlyName { get; set; }

    /// <summary>The key's XML, encrypted at rest only if an XML encryptor is configured (see README "Deploy").</summary>
    public string Xml { get; set; } = string.Empty;
}
