namespace NuMeng.Recognition.Domain.Objections;

/// <summary>
/// Case numbers given to an objector on submission, e.g. YY-2026-0001 (异议 = YY, the year of receipt, a running
/// number within the year). The objector quotes it to ask about the case; it says nothing about who objected.
/// </summary>
public static class ObjectionCaseNumber
{
    /// <summary>The prefix: 异议 (YìYì).</summary>
    public const string Prefix = "YY";

    /// <summary>"YY-2026-0001". Four digits, more when a year has more than 9999 cases.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Year outside 2000–9999 or sequence below 1.</exception>
    public static string Format(int year, int sequence)
    {
        if (year is < 2000 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "年份应在 2000–9999 之间");
        }
        if (sequence < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "案件序号应从 1 开始");
        }
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{year}-{sequence:0000}");
    }

    /// <summary>Reads a case number; null when it is not one.</summary>
    public static (int Year, int Sequence)? Parse(string? number)
    {
        var parts = (number ?? string.Empty).Trim().Split('-');
        if (parts.Length != 3 || !string.Equals(parts[0], Prefix, StringComparison.OrdinalIgnoreCase)
            || parts[1].Length != 4 || parts[2].Length < 4
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            || year < 2000 || seq < 1)
        {
            return null;
        }
        return (year, seq);
    }

    /// <summary>The next number of <paramref name="year"/> after the numbers already given (others' years are ignored).</summary>
    public static string Next(int year, IEnumerable<string> existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var max = existing.Select(Parse).Where(p => p is { } x && x.Year == year).Select(p => p!.Value.Sequence).DefaultIfEmpty(0).Max();
        return Format(year, max + 1);
    }
}
