using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace NuMeng.Recognition.Domain.Eligibility;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015《法人和其他组织统一社会信用代码编码规则》): 18 characters —
/// 第 1 位 登记管理部门码, 第 2 位 机构类别码, 第 3–8 位 登记管理机关行政区划码, 第 9–17 位 主体标识码（组织机构代码）,
/// 第 18 位 校验码. "Parse, don't validate": an instance exists only for a code whose structure and check character are right.
/// </summary>
/// <remarks>
/// The check character is the standard's own algorithm and is authoritative: C18 = 31 − (Σ Ci × Wi mod 31), 31 → 0,
/// with weights Wi = 3^(i−1) mod 31 and the 31-character set below. The 主体标识码 carries its own GB 11714 check digit;
/// it is not verified here because the standard defines the code's validity by character 18 only.
/// </remarks>
public sealed record CreditCode
{
    /// <summary>The 31 characters of the code, in value order 0–30 (GB 32100-2015 表 1: no I, O, S, V, Z).</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Letters the standard leaves out (easily confused with digits, or unused).</summary>
    public const string ForbiddenLetters = "IOSVZ";

    /// <summary>Length of a code.</summary>
    public const int Length = 18;

    // GB 32100-2015 4.2: 各位置序号上的加权因子 (3^(i−1) mod 31).
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    // GB 32100-2015 附录 A (代码的使用) as commonly published: the registration authorities and their categories.
    // Informational only; an authority not listed here does not make a code invalid.
    private static readonly Dictionary<char, (string Authority, Dictionary<char, string> Categories)> Authorities = new()
    {
        ['1'] = ("机构编制", new() { ['1'] = "机关", ['2'] = "事业单位", ['3'] = "中央编办直接管理机构编制的群众团体", ['9'] = "其他" }),
        ['5'] = ("民政", new() { ['1'] = "社会团体", ['2'] = "民办非企业单位", ['3'] = "基金会", ['9'] = "其他" }),
        ['9'] = ("工商（市场监督管理）", new() { ['1'] = "企业", ['2'] = "个体工商户", ['3'] = "农民专业合作社" }),
        ['Y'] = ("其他", new() { ['1'] = "其他" }),
    };

    private CreditCode(string value)
    {
        Value = value;
    }

    /// <summary>The 18 characters, upper case.</summary>
    public string Value { get; }

    /// <summary>第 1 位 登记管理部门码 (9 = 工商/市场监督管理).</summary>
    public char RegistrationAuthorityCode => Value[0];

    /// <summary>第 2 位 机构类别码 (with 9: 1 企业, 2 个体工商户, 3 农民专业合作社).</summary>
    public char CategoryCode => Value[1];

    /// <summary>第 3–8 位: administrative-division code (GB/T 2260) of the registering authority.</summary>
    public string RegionCode => Value.Substring(2, 6);

    /// <summary>第 9–17 位 主体标识码（组织机构代码）.</summary>
    public string SubjectCode => Value.Substring(8, 9);

    /// <summary>第 18 位 校验码.</summary>
    public char CheckCharacter => Value[17];

    /// <summary>Chinese name of the registration authority (e.g. 工商（市场监督管理）), or null when not in the table.</summary>
    public string? RegistrationAuthorityLabel => Authorities.TryGetValue(RegistrationAuthorityCode, out var a) ? a.Authority : null;

    /// <summary>Chinese name of the organisation category (e.g. 企业), or null when not in the table.</summary>
    public string? CategoryLabel =>
        Authorities.TryGetValue(RegistrationAuthorityCode, out var a) && a.Categories.TryGetValue(CategoryCode, out var c) ? c : null;

    /// <summary>True for 9 + 1: an enterprise registered with the market regulator (branches of enterprises included).</summary>
    public bool IsEnterprise => RegistrationAuthorityCode == '9' && CategoryCode == '1';

    /// <summary>True when the registering authority is in Inner Mongolia (characters 3–4 are 15).</summary>
    public bool IsInnerMongolia => RegionCode.StartsWith(InnerMongoliaRegions.ProvincePrefix, StringComparison.Ordinal);

    /// <summary>The league/city (盟市) of the registering authority; null outside Inner Mongolia or at the regional level (150000).</summary>
    public Region? League => IsInnerMongolia ? InnerMongoliaRegions.LeagueOf(RegionCode) : null;

    /// <summary>Where in Inner Mongolia the registering authority is (league and direct-reporting city); null outside.</summary>
    public RegionLocation? Location => IsInnerMongolia ? InnerMongoliaRegions.Locate(RegionCode) : null;

    /// <summary>Trims, converts full-width characters to ASCII (NFKC: users type Ｍ and ９ with a Chinese IME) and upper-cases.</summary>
    public static string Normalise(string? text) =>
        (text ?? string.Empty).Normalize(NormalizationForm.FormKC).Trim().ToUpperInvariant();

    /// <summary>
    /// Computes the check character (第 18 位) of the first 17 characters.
    /// </summary>
    /// <exception cref="ArgumentException">Not 17 characters of <see cref="Alphabet"/>.</exception>
    public static char ComputeCheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException($"计算校验码需要前 17 位，实为 {first17.Length} 位", nameof(first17));
        }
        var sum = 0;
        for (var i = 0; i < Length - 1; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException(InvalidCharacterMessage(i + 1, first17[i]), nameof(first17));
            }
            sum += value * Weights[i];
        }
        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>
    /// Parses a code after <see cref="Normalise"/>. On failure <paramref name="error"/> is one Chinese sentence:
    /// "统一社会信用代码应为 18 位，实为 N 位", "第 N 位字符“X”不是有效字符…", "第 3–8 位…", "校验码错误：应为“K”，实为“X”".
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out CreditCode? code, out string error)
    {
        code = null;
        var value = Normalise(text);
        if (value.Length == 0)
        {
            error = "请填写统一社会信用代码";
            return false;
        }
        if (value.Length != Length)
        {
            error = $"统一社会信用代码应为 18 位，实为 {value.Length} 位";
            return false;
        }
        for (var i = 0; i < Length; i++)
        {
            if (Alphabet.IndexOf(value[i], StringComparison.Ordinal) < 0)
            {
                error = InvalidCharacterMessage(i + 1, value[i]);
                return false;
            }
        }
        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                error = $"第 3–8 位应为登记管理机关行政区划码（6 位数字），第 {i + 1} 位“{value[i]}”不是数字";
                return false;
            }
        }
        var expected = ComputeCheckCharacter(value[..17]);
        if (expected != value[17])
        {
            error = $"校验码错误：应为“{expected}”，实为“{value[17]}”";
            return false;
        }
        code = new CreditCode(value);
        error = string.Empty;
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> with the Chinese reason.</summary>
    public static CreditCode Parse(string? text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    /// <summary>True when <paramref name="text"/> parses.</summary>
    public static bool IsValid(string? text) => TryParse(text, out _, out _);

    public override string ToString() => Value;

    private static string InvalidCharacterMessage(int position, char c) =>
        ForbiddenLetters.Contains(c, StringComparison.Ordinal)
            ? $"第 {position} 位字符“{c}”不是有效字符（统一社会信用代码不使用字母 I、O、S、V、Z）"
            : $"第 {position} 位字符“{c}”不是有效字符";
}
