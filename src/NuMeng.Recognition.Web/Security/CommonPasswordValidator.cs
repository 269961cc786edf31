using System.Collections.Frozen;
using System.Text;

namespace NuMeng.Recognition.Web.Security;

/// <summary>
/// Refuses a new password that is a common one or one of the product's own (等保三级 口令复杂度): the
/// 10,000 most common passwords shipped as data (<c>PasswordLists/common-passwords.txt</c>, its source and licence beside
/// it) and <see cref="ProductWords"/> (the portal's, the region's and the department's names, the demo password). The
/// four-character-class rule alone lets "Password1!" through; so the check first normalises: lower case, the digits and
/// symbols stuck on the ends taken off ("Password2026!" → "password"), and the usual substitutions undone
/// ("P@ssw0rd" → "password"). Existing passwords (the demo accounts' included) are not affected: only new ones are checked.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string ErrorCode = "PasswordTooCommon";

    /// <summary>Words that make a password guessable for this product: refused when the normalised password contains one.</summary>
    public static IReadOnlyList<string> ProductWords { get; } =
    [
        "numeng", "nmgrz", "neimenggu", "neimeng", "innermongolia", "mongolia", "huhehaote", "hohhot", "baotou", "eerduosi",
        "gongxinting", "gongxin", "gongyehexinxihua", "miit", "renzheng", "zhinenggongchang", "shuzihuachejian", "zhizao",
        "recognition", "demo2026",
    ];

    /// <summary>Whole passwords (after normalising) that are refused: role and account names of the product.</summary>
    private static readonly string[] ProductPasswords =
    [
        "demo", "admin", "administrator", "sysadmin", "secadmin", "auditadmin", "enterprise", "expert", "agency", "bureau",
        "reviewer", "leader", "staff", "welcome", "changeme", "qwer", "asdf", "zxcv",
    ];

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    /// <summary>The number of common passwords known (at least 10,000).</summary>
    public static int CommonCount => Common.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(IsRefused(password)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = ErrorCode,
                Description = "密码过于常见或含有本平台名称、地名等易猜词语（如 Password1!、Demo@2026!、NuMeng、neimenggu），请换一个不易被猜到的密码",
            })
            : IdentityResult.Success);

    /// <summary>True when <paramref name="password"/> is common or product-specific after normalising.</summary>
    public static bool IsRefused(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return false;
        }
        var lower = password.ToLowerInvariant();
        foreach (var candidate in Candidates(lower))
        {
            if (candidate.Length >= 4 && (Common.Value.Contains(candidate) || ProductPasswords.Contains(candidate, StringComparer.Ordinal)))
            {
                return true;
            }
        }
        var letters = Unsubstitute(lower);
        return ProductWords.Any(word => lower.Contains(word, StringComparison.Ordinal) || letters.Contains(word, StringComparison.Ordinal)
            || Compact(lower).Contains(word, StringComparison.Ordinal));
    }

    /// <summary>The forms a password is compared in: as typed, with digits/symbols off the ends, substitutions undone.</summary>
    private static IEnumerable<string> Candidates(string lower)
    {
        var symbolsOff = lower.Trim(Symbols);
        var digitsAndSymbolsOff = lower.Trim(DigitsAndSymbols);
        foreach (var form in new[] { lower, symbolsOff, digitsAndSymbolsOff })
        {
            yield return form;
            yield return Unsubstitute(form);
            // Substitutions inside, then the ends: "P@ssw0rd2026!" → "p@ssw0rd" → "password".
            yield return Unsubstitute(form).Trim(DigitsAndSymbols);
        }
        // Only the letters and digits of a common password with separators between ("pass-word", "1q2w3e!").
        yield return Compact(lower);
    }

    private static readonly char[] Symbols = " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".ToCharArray();

    private static readonly char[] DigitsAndSymbols = [.. Symbols, .. "0123456789"];

    /// <summary>Undoes the usual substitutions of letters by digits and symbols.</summary>
    private static string Unsubstitute(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '@' or '4' => 'a',
                '3' => 'e',
                '0' => 'o',
                '1' or '!' => 'i',
                '$' or '5' => 's',
                '7' or '+' => 't',
                _ => c,
            });
        }
        return builder.ToString();
    }

    private static string Compact(string text) => new([.. text.Where(char.IsAsciiLetterOrDigit)]);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"缺少内嵌的常见密码表 {ResourceName}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim().ToLowerInvariant();
            if (word.Length > 0)
            {
                set.Add(word);
            }
        }
        return set.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The embedded list (see the project file).</summary>
    public const string ResourceName = "NuMeng.Recognition.Web.Security.PasswordLists.common-passwords.txt";
}
