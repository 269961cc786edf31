using System.Security.Cryptography;

namespace NuMeng.Recognition.Documents;

/// <summary>
/// What every page of a generated document carries in its footer, so a stamped paper copy can be checked against the
/// system (docs/architecture.md principle 5: "every document made from a submitted version carries that version's hash and a
/// verification code"). Documents made from a submitted version pass its SHA-256; the pre-check report passes the hash
/// of the data it was computed from.
/// </summary>
public sealed record DocumentStamp
{
    /// <summary>Document title as printed, e.g. 申报前自评估报告.</summary>
    public required string Title { get; init; }

    /// <summary>Document number, e.g. ZPG-20261121-3F2A9C1D; null when the document has none.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>When the document was generated; printed in Beijing time.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>SHA-256 (64 lowercase hex digits) of the source the document was made from; null when there is none.</summary>
    public string? SourceSha256 { get; init; }

    /// <summary>What <see cref="SourceSha256"/> is the hash of, printed before it, e.g. 申报版本 or 自评估数据.</summary>
    public string SourceLabel { get; init; } = "申报版本";

    /// <summary>Code a reader enters on the verification page; null when the document cannot be verified.</summary>
    public string? VerificationCode { get; init; }

    /// <summary>Where the code is checked (printed beside it), e.g. https://…/verify; null to print only the code.</summary>
    public string? VerificationUrl { get; init; }

    /// <summary>Generated-at as printed: 2026年11月21日 09:05（北京时间）.</summary>
    public string GeneratedAtText => BeijingTime.Format(GeneratedAt);

    /// <summary>The footer's first line: title, number, time.</summary>
    public string IdentityLine => DocumentNumber is null
        ? $"{Title}　生成时间：{GeneratedAtText}"
        : $"{Title}　编号：{DocumentNumber}　生成时间：{GeneratedAtText}";

    /// <summary>The footer's verification line: source hash and verification code; empty when the document has neither.</summary>
    public string VerificationLine
    {
        get
        {
            var parts = new List<string>();
            if (SourceSha256 is not null)
            {
                parts.Add($"{SourceLabel} SHA-256：{SourceSha256}");
            }
            if (VerificationCode is not null)
            {
                parts.Add(VerificationUrl is null ? $"核验码：{VerificationCode}" : $"核验码：{VerificationCode}（{VerificationUrl}）");
            }
            return string.Join("　", parts);
        }
    }

    /// <summary>SHA-256 of a text as UTF-8, in lowercase hex: the hash printed for data that has no stored version.</summary>
    public static string Sha256Hex(string text) => Sha256Hex(Encoding.UTF8.GetBytes(text));

    /// <summary>SHA-256 of bytes, in lowercase hex.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

/// <summary>
/// Verification codes: ten characters from an alphabet without look-alikes (no 0/O, 1/I/L, U), grouped 5-5 so they are
/// easy to read out and type, e.g. 7FK3Q-9XM2P. Derived from the document's identity, so the system can recompute and
/// check a code without storing it; with a secret key the codes cannot be guessed from public data.
/// </summary>
public static class VerificationCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>The code for a document: HMAC-SHA-256 (or plain SHA-256 without a key) of kind, number and source hash.</summary>
    public static string Derive(string documentKind, string documentNumber, string? sourceSha256, ReadOnlySpan<byte> key = default)
    {
        var message = Encoding.UTF8.GetBytes($"{documentKind}\n{documentNumber}\n{sourceSha256}");
        var digest = key.IsEmpty ? SHA256.HashData(message) : HMACSHA256.HashData(key, message);
        var builder = new StringBuilder(11);
        for (var i = 0; i < 10; i++)
        {
            if (i == 5)
            {
                builder.Append('-');
            }
            builder.Append(Alphabet[digest[i] % Alphabet.Length]);
        }
        return builder.ToString();
    }

    /// <summary>Whether a code typed by a reader (any case, with or without the dash or spaces) is the document's code.</summary>
    public static bool Matches(string typed, string expected) =>
        string.Equals(Normalise(typed), Normalise(expected), StringComparison.Ordinal);

    private static string Normalise(string code) =>
        new(code.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
}

/// <summary>Dates on paper are Beijing time (UTC+8), whatever the server's zone.</summary>
internal static class BeijingTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset From(DateTimeOffset moment) => moment.ToOffset(Offset);

    public static string Format(DateTimeOffset moment) =>
        From(moment).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture) + "（北京时间）";

    public static string FormatDate(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
