namespace NuMeng.Recognition.Domain.Certificates;

/// <summary>A parsed certificate number: prefix of the kind, award year, sequence within that year and kind.</summary>
/// <param name="Kind">The recognition kind the prefix names.</param>
/// <param name="Year">The award (授牌) year.</param>
/// <param name="Sequence">1, 2, … within the year and kind.</param>
public sealed record CertificateNumber(RecognitionKind Kind, int Year, int Sequence)
{
    /// <summary>NMDW-2025-0001.</summary>
    public override string ToString() => CertificateNumbering.Format(Kind, Year, Sequence);
}

/// <summary>
/// 证书编号. The documents prescribe none; the portal's scheme is <c>{prefix}-{year}-{sequence}</c>, e.g. NMDW-2025-0001 (the
/// demo's first 数字化车间 of 2025): NM for 内蒙古, two letters of the kind's pinyin initials, the award year, and a sequence
/// counted per year and per kind (at least four digits; a 10,000th certificate simply gets five).
/// </summary>
/// <remarks>
/// Why the award year: validity runs from the award date (管理办法 第十二条), and the number is printed on the plaque at the
/// award. Why a sequence per kind: the six kinds are separate titles (two of the 2024 measures, four tiers of 2025) and
/// each has its own list.
/// </remarks>
public static class CertificateNumbering
{
    /// <summary>Digits of the sequence at least (zero-padded).</summary>
    public const int SequenceDigits = 4;

    /// <summary>The prefix of a kind: NMDW 数字化车间, NMZF 智能工厂, NMJC 基础级, NMXJ 先进级, NMZY 卓越级, NMLH 领航级.</summary>
    public static string Prefix(RecognitionKind kind) => kind switch
    {
        RecognitionKind.DigitalWorkshop => "NMDW",  // 数字 (W)车间: kept as the demo numbers it
        RecognitionKind.SmartFactory => "NMZF",     // 智(Z)能工(F)厂
        RecognitionKind.TierBasic => "NMJC",        // 基(J)础(C)级
        RecognitionKind.TierAdvanced => "NMXJ",     // 先(X)进(J)级
        RecognitionKind.TierExcellent => "NMZY",    // 卓(Z)越(Y)级
        RecognitionKind.TierLeading => "NMLH",      // 领(L)航(H)级
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "未知的认定类型"),
    };

    /// <summary>NMDW-2025-0001.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A year outside 2000–9999 or a sequence below 1.</exception>
    public static string Format(RecognitionKind kind, int year, int sequence)
    {
        if (year is < 2000 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "授牌年份应为 2000 至 9999 年");
        }
        if (sequence < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "证书序号从 1 开始");
        }
        return $"{Prefix(kind)}-{year.ToString(CultureInfo.InvariantCulture)}-{sequence.ToString("D" + SequenceDigits, CultureInfo.InvariantCulture)}";
    }

    /// <summary>Reads a number (case and surrounding blanks ignored); false for anything that is not of the scheme.</summary>
    public static bool TryParse(string? text, out CertificateNumber? number)
    {
        number = null;
        var parts = text?.Trim().ToUpperInvariant().Split('-');
        if (parts is not { Length: 3 } || parts[1].Length != 4 || parts[2].Length < SequenceDigits
            || !parts[1].All(char.IsAsciiDigit) || !parts[2].All(char.IsAsciiDigit))
        {
            return false;
        }
        var kind = Enum.GetValues<RecognitionKind>().Cast<RecognitionKind?>().FirstOrDefault(k => Prefix(k!.Value) == parts[0]);
        if (kind is null
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1)
        {
            return false;
        }
        number = new CertificateNumber(kind.Value, year, sequence);
        return true;
    }

    /// <summary>
    /// The next number of <paramref name="kind"/> in <paramref name="year"/>: one above the highest sequence already issued
    /// for that kind and year (other kinds, other years and numbers of other schemes are ignored), so a gap left by a
    /// revoked certificate is never reused.
    /// </summary>
    public static string Next(RecognitionKind kind, int year, IEnumerable<string> existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var highest = existing
            .Select(n => TryParse(n, out var parsed) ? parsed : null)
            .Where(n => n is not null && n.Kind == kind && n.Year == year)
            .Select(n => n!.Sequence)
            .DefaultIfEmpty(0)
            .Max();
        return Format(kind, year, highest + 1);
    }

    /// <summary>
    /// <paramref name="count"/> consecutive numbers after the ones already issued (for awarding a whole list at once, in
    /// list order).
    /// </summary>
    public static IReadOnlyList<string> NextMany(RecognitionKind kind, int year, IEnumerable<string> existing, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var first = TryParse(Next(kind, year, existing), out var n) ? n!.Sequence : 1;
        return Enumerable.Range(first, count).Select(s => Format(kind, year, s)).ToList().AsReadOnly();
    }
}
