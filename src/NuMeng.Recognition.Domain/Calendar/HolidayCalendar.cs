namespace NuMeng.Recognition.Domain.Calendar;

/// <summary>What a <see cref="HolidayEntry"/> declares about its date.</summary>
public enum HolidayEntryKind
{
    /// <summary>放假: a day off of a statutory holiday (may fall on a weekend, e.g. 国庆 on a Saturday).</summary>
    DayOff,
    /// <summary>调休上班: a weekend day declared a working day.</summary>
    MakeUpWorkingDay,
}

/// <summary>One day of the State Council's annual holiday notice, as the department enters it.</summary>
/// <param name="Date">The day.</param>
/// <param name="Name">The holiday it belongs to, e.g. 春节 (a make-up day names the holiday it makes up for).</param>
/// <param name="Kind">A day off, or a make-up working day.</param>
public sealed record HolidayEntry(DateOnly Date, string Name, HolidayEntryKind Kind)
{
    /// <summary>A day off of a statutory holiday.</summary>
    public static HolidayEntry DayOff(DateOnly date, string name) => new(date, name, HolidayEntryKind.DayOff);

    /// <summary>A weekend day declared a working day (调休上班).</summary>
    public static HolidayEntry MakeUp(DateOnly date, string name) => new(date, name, HolidayEntryKind.MakeUpWorkingDay);
}

/// <summary>
/// Working days and rest days, as data the department maintains (HOLIDAYS.md): a day is a working day if it is
/// Monday–Friday and not a holiday day off, or if it is a make-up working day (调休上班) even on a weekend.
/// </summary>
/// <remarks>
/// 民法典 第二百零三条 speaks of 法定休假日; it is read as the statutory holidays and the weekly rest days, except weekend
/// days declared make-up working days (docs/rule-reference.md §9; the same reading as the former 《民通意见》第198条, which counted
/// 星期日 as a 法定休假日 and followed the actual, adjusted rest days). So a rest day is exactly a day that is not a working day.
/// A year whose notice has not been entered is not "covered" (<see cref="Covers"/>): its weekends still count as rest
/// days, but its holidays are unknown, and callers must warn rather than pretend.
/// </remarks>
public sealed class HolidayCalendar
{
    private readonly Dictionary<DateOnly, HolidayEntry> _byDate;

    private HolidayCalendar(IReadOnlyList<HolidayEntry> entries)
    {
        Entries = entries;
        _byDate = entries.ToDictionary(e => e.Date);
        CoveredYears = entries.Where(e => e.Kind == HolidayEntryKind.DayOff).Select(e => e.Date.Year).Distinct().Order().ToList().AsReadOnly();
    }

    /// <summary>Every entered day, in date order.</summary>
    public IReadOnlyList<HolidayEntry> Entries { get; }

    /// <summary>The years for which the holiday notice is entered (at least one holiday day off in that year).</summary>
    public IReadOnlyList<int> CoveredYears { get; }

    /// <summary>An empty calendar: weekends only. Covers no year.</summary>
    public static HolidayCalendar WeekendsOnly { get; } = new([]);

    /// <summary>
    /// Builds a calendar from department-maintained entries.
    /// </summary>
    /// <exception cref="ArgumentException">The entries have problems (see <see cref="Validate"/>); the message lists them in Chinese.</exception>
    public static HolidayCalendar FromEntries(IEnumerable<HolidayEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        var errors = Validate(list);
        if (errors.Count > 0)
        {
            throw new ArgumentException("节假日数据有误：" + string.Join("；", errors.Select(e => e.ToString())), nameof(entries));
        }
        return new HolidayCalendar(list.OrderBy(e => e.Date).ToList().AsReadOnly());
    }

    /// <summary>
    /// Checks department-entered entries; paths are <c>entries[i].date</c> / <c>entries[i].name</c>.
    /// A date entered twice, an empty name, and a make-up working day on a weekday (it would change nothing) are errors.
    /// </summary>
    public static IReadOnlyList<InputError> Validate(IReadOnlyList<HolidayEntry> entries, string prefix = "entries")
    {
        ArgumentNullException.ThrowIfNull(entries);
        var errors = new List<InputError>();
        var seen = new Dictionary<DateOnly, int>();
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var path = $"{prefix}[{i}]";
            if (e is null)
            {
                errors.Add(new InputError(path, "节假日条目不能为空"));
                continue;
            }
            if (string.IsNullOrWhiteSpace(e.Name))
            {
                errors.Add(new InputError($"{path}.name", "请填写节日名称"));
            }
            if (!Enum.IsDefined(e.Kind))
            {
                errors.Add(new InputError($"{path}.kind", "类别应为“放假”或“调休上班”"));
            }
            if (e.Kind == HolidayEntryKind.MakeUpWorkingDay && !IsWeekend(e.Date))
            {
                errors.Add(new InputError($"{path}.date",
                    $"调休上班日应为星期六或星期日，{ChineseDates.FormatWithWeekday(e.Date)}本就是工作日"));
            }
            if (seen.TryGetValue(e.Date, out var first))
            {
                errors.Add(new InputError($"{path}.date", $"{ChineseDates.Format(e.Date)}已在第 {first + 1} 条录入，不能重复"));
            }
            else
            {
                seen[e.Date] = i;
            }
        }
        return errors;
    }

    /// <summary>True when the holiday notice for <paramref name="year"/> is entered. The UI warns when it is not.</summary>
    public bool Covers(int year) => CoveredYears.Contains(year);

    /// <summary>The years from <paramref name="first"/> to <paramref name="last"/> that are not covered.</summary>
    public IReadOnlyList<int> UncoveredYears(DateOnly first, DateOnly last) =>
        Enumerable.Range(first.Year, last.Year - first.Year + 1).Where(y => !Covers(y)).ToList().AsReadOnly();

    /// <summary>The entry for a date, if any.</summary>
    public HolidayEntry? EntryFor(DateOnly date) => _byDate.GetValueOrDefault(date);

    /// <summary>True for a statutory-holiday day off.</summary>
    public bool IsHoliday(DateOnly date) => EntryFor(date)?.Kind == HolidayEntryKind.DayOff;

    /// <summary>True for a weekend day declared a working day (调休上班).</summary>
    public bool IsMakeUpWorkingDay(DateOnly date) => EntryFor(date)?.Kind == HolidayEntryKind.MakeUpWorkingDay;

    /// <summary>Monday–Friday and not a holiday, or a make-up working day.</summary>
    public bool IsWorkingDay(DateOnly date) => EntryFor(date) switch
    {
        { Kind: HolidayEntryKind.MakeUpWorkingDay } => true,
        { Kind: HolidayEntryKind.DayOff } => false,
        _ => !IsWeekend(date),
    };

    /// <summary>A statutory holiday or a weekly rest day that is not a make-up working day (法定休假日).</summary>
    public bool IsRestDay(DateOnly date) => !IsWorkingDay(date);

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDayAfter(DateOnly date)
    {
        var d = date.AddDays(1);
        while (IsRestDay(d))
        {
            d = d.AddDays(1);
        }
        return d;
    }

    /// <summary>Chinese description of a day, e.g. "2026年2月18日（星期三，春节假期）" or "2026年9月20日（星期日，调休上班）".</summary>
    public string Describe(DateOnly date)
    {
        var weekday = ChineseDates.Weekday(date.DayOfWeek);
        var note = EntryFor(date) switch
        {
            { Kind: HolidayEntryKind.DayOff } e => $"，{e.Name}假期",
            { Kind: HolidayEntryKind.MakeUpWorkingDay } => "，调休上班",
            _ => IsWeekend(date) ? "，休息日" : string.Empty,
        };
        return $"{ChineseDates.Format(date)}（{weekday}{note}）";
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
