using System.Buffers.Binary;
using System.Security.Cryptography;

namespace NuMeng.Recognition.Web.Tests.Infrastructure;

/// <summary>
/// RFC 6238 time-based one-time passwords with HMAC-SHA-1 (what authenticator apps and ASP.NET Core Identity's
/// authenticator token provider use): the code a person would type from their phone, computed from the account's
/// base32 authenticator key. Tested against the RFC's own test vectors (TotpTests).
/// </summary>
public static class Totp
{
    /// <summary>The step of authenticator apps: 30 seconds.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, long> LastStepUsed = new(StringComparer.Ordinal);
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>
    /// A code the portal at <paramref name="portal"/> has not accepted yet for <paramref name="userName"/>: the portal takes
    /// each time step once (SingleUseAuthenticatorTokenProvider) and allows two steps of clock drift either way, so a test
    /// that signs the same account in again within 30 s gets the next step's code, and waits for the clock when it has
    /// used the steps up to two ahead — as a person would wait for the app to show a new code.
    /// </summary>
    public static async Task<string> FreshCodeAsync(Uri portal, string userName, string base32Key)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var key = portal.Authority + "|" + userName;
        await Gate.WaitAsync();
        try
        {
            var nowStep = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / (long)Step.TotalSeconds;
            var step = LastStepUsed.TryGetValue(key, out var last) ? Math.Max(nowStep, last + 1) : nowStep;
            while (step > DateTimeOffset.UtcNow.ToUnixTimeSeconds() / (long)Step.TotalSeconds + 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
            LastStepUsed[key] = step;
            return Compute(Base32Decode(base32Key), DateTimeOffset.FromUnixTimeSeconds(step * (long)Step.TotalSeconds), 6);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The 6-digit code for <paramref name="base32Key"/> at <paramref name="time"/>.</summary>
    public static string Code(string base32Key, DateTimeOffset time) => Compute(Base32Decode(base32Key), time, 6);

    /// <summary>RFC 6238 with SHA-1: T = floor(unix seconds / 30), HOTP(K, T) truncated to <paramref name="digits"/>.</summary>
    public static string Compute(byte[] key, DateTimeOffset time, int digits)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 6);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 8);
        var counter = time.ToUnixTimeSeconds() / (long)Step.TotalSeconds;
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA-1; this is a test of that protocol.
        HMACSHA1.HashData(key, message, hash);
#pragma warning restore CA5350
        // RFC 4226 §5.3 dynamic truncation.
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        var modulo = (int)Math.Pow(10, digits);
        return (binary % modulo).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>RFC 4648 base32 (A–Z, 2–7); case, spaces and '=' padding are ignored, as authenticator apps do.</summary>
    public static byte[] Base32Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal)
            .TrimEnd('=').ToUpperInvariant();
        var output = new List<byte>(clean.Length * 5 / 8);
        var buffer = 0;
        var bits = 0;
        foreach (var c in clean)
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"不是 base32 字符：'{c}'");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. output];
    }
}
