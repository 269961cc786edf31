using System.Numerics;

namespace NuMeng.Recognition.Domain.Certificates;

/// <summary>What a typed verification code looks like before any database is asked.</summary>
public enum VerificationCodeShape
{
    /// <summary>Eleven characters of the alphabet whose check character matches.</summary>
    Valid,
    /// <summary>Empty.</summary>
    Empty,
    /// <summary>Not eleven characters, or a character outside the alphabet: not a code of this scheme (it may be an older one).</summary>
    Foreign,
    /// <summary>Right length and alphabet but the check character does not match: a typo.</summary>
    CheckFailed,
}

/// <summary>
/// 验证码 printed on the certificate (and in its QR code) for the public verification page (docs/rule-reference.md §10). Ten random
/// characters and one check character from an alphabet without the characters people confuse when reading a plaque or
/// typing (no 0/O, 1/I/L): <c>23456789ABCDEFGHJKMNPQRSTUVWXYZ</c>, 31 characters. Shown in groups (K7QM-R3XA-9TZ), stored
/// without separators.
/// </summary>
/// <remarks>
/// The check character is Σ (i+1)·value(cᵢ) mod 31 over the ten data characters. 31 is prime and the weights 1…10 are
/// distinct and non-zero modulo 31, so every single wrong character and every swap of two characters changes the sum: the
/// page can say "校验位不符" instead of "not found". Ten characters of 31 give about 49.5 bits, far beyond guessing.
/// </remarks>
public static class VerificationCode
{
    /// <summary>The alphabet (31 characters; 31 is prime, see remarks).</summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>Random characters before the check character.</summary>
    public const int DataLength = 10;

    /// <summary>Length stored (data + check).</summary>
    public const int Length = DataLength + 1;

    /// <summary>Random bytes needed at least (8 bytes = 64 bits ≥ the 49.5 bits of ten characters).</summary>
    public const int RandomBytes = 8;

    /// <summary>A code from <paramref name="random"/> (at least <see cref="RandomBytes"/> bytes from a CSPRNG).</summary>
    /// <exception cref="ArgumentException">Fewer than <see cref="RandomBytes"/> bytes.</exception>
    public static string Create(ReadOnlySpan<byte> random)
    {
        if (random.Length < RandomBytes)
        {
            throw new ArgumentException($"生成验证码至少需要 {RandomBytes} 个随机字节", nameof(random));
        }
        var value = new BigInteger(random, isUnsigned: true, isBigEndian: true);
        var chars = new char[Length];
        for (var i = DataLength - 1; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value % Alphabet.Length)];
            value /= Alphabet.Length;
        }
        chars[DataLength] = CheckCharacter(chars.AsSpan(0, DataLength));
        return new string(chars);
    }

    /// <summary>The check character of ten data characters of the alphabet.</summary>
    /// <exception cref="ArgumentException">A character outside the alphabet or a wrong length.</exception>
    public static char CheckCharacter(ReadOnlySpan<char> data)
    {
        if (data.Length != DataLength)
        {
            throw new ArgumentException($"验证码数据位应为 {DataLength} 位", nameof(data));
        }
        var sum = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var v = Alphabet.IndexOf(data[i], StringComparison.Ordinal);
            if (v < 0)
            {
                throw new ArgumentException($"验证码中不能有字符“{data[i]}”", nameof(data));
            }
            sum += (i + 1) * v;
        }
        return Alphabet[sum % Alphabet.Length];
    }

    /// <summary>What a person typed, without blanks and hyphens, in capitals (the stored form).</summary>
    public static string Normalize(string? typed) =>
        new((typed ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '－' && c != '—').Select(char.ToUpperInvariant).ToArray());

    /// <summary>Checks the shape of a typed code (after <see cref="Normalize"/>).</summary>
    public static VerificationCodeShape Check(string? typed)
    {
        var code = Normalize(typed);
        if (code.Length == 0)
        {
            return VerificationCodeShape.Empty;
        }
        if (code.Length != Length || code.Any(c => Alphabet.IndexOf(c, StringComparison.Ordinal) < 0))
        {
            return VerificationCodeShape.Foreign;
        }
        return CheckCharacter(code.AsSpan(0, DataLength)) == code[DataLength] ? VerificationCodeShape.Valid : VerificationCodeShape.CheckFailed;
    }

    /// <summary>K7QM-R3XA-9TZ: groups of four for reading aloud and printing (other codes are returned unchanged).</summary>
    public static string Display(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length != Length)
        {
            return code;
        }
        return $"{code[..4]}-{code[4..8]}-{code[8..]}";
    }

    /// <summary>The Chinese message for a shape that cannot be a valid code; null for <see cref="VerificationCodeShape.Valid"/> and <see cref="VerificationCodeShape.Foreign"/> (the database decides those).</summary>
    public static string? Message(VerificationCodeShape shape) => shape switch
    {
        VerificationCodeShape.Empty => "请输入证书编号或验证码",
        VerificationCodeShape.CheckFailed => "验证码校验位不符，可能有字符输入错误，请对照证书重新输入",
        _ => null,
    };
}
