namespace NuMeng.Recognition.Data.Hashing;

/// <summary>SHA-256 as 64 lower-case hex characters, the form stored and printed everywhere in the portal.</summary>
public static class Sha256Hex
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Of(Encoding.UTF8.GetBytes(text));
    }

    public static string Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static async Task<string> OfAsync(Stream stream, CancellationToken cancellationToken = default) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
}
