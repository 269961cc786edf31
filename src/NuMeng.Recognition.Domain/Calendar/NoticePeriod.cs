namespace NuMeng.Recognition.Domain.Calendar;

/// <summary>The computed public-notice period (公示期): shown, never typed (docs/rule-reference.md §9).</summary>
/// <param name="Published">The day the notice was published (not counted).</param>
/// <param name="Length">The length, e.g. 5.</param>
/// <param name="Unit">Calendar or working days.</param>
/// <param name="Start">The day after publication: the period runs from here (民法典 第二百零一条).</param>
/// <param name="CountedDays">The <paramref name="Length"/> days counted, in order (working days only when counted in working days).</param>
/// <param name="NominalEnd">The last counted day.</param>
/// <param name="End">The last day of the period: <paramref name="NominalEnd"/>, or the first working day after it when it is a rest day (第二百零三条). Objections are accepted until 24:00 of this day.</param>
/// <param name="Explanation">The computation in Chinese.</param>
/// <param name="Warnings">Years in the span whose holiday notice is not entered: the result must then be checked.</param>
public sealed record NoticePeriodResult(
    DateOnly Published,
    int Length,
    PeriodUnit Unit,
    DateOnly Start,
    IReadOnlyList<DateOnly> CountedDays,
    DateOnly NominalEnd,
    DateOnly End,
    string Explanation,
    IReadOnlyList<string> Warnings)
{
    /// <summary>True when the last counted day was a rest day and the end moved (第二百零三条).</summary>
    public bool Extended => End != NominalEnd;

    /// <summary>The first counted day (for working days it may be later than <see cref="Start"/>).</summary>
    public DateOnly FirstCountedDay => CountedDays[0];

    /// <summary>True when every year of the span is covered by the calendar.</summary>
    public bool IsReliable => Warnings.Count == 0;

    /// <summary>True when <paramref name="date"/> lies in the period (Start … End inclusive).</summary>
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>True once the period is over, i.e. on the day after <see cref="End"/> (its last day runs to 24:00).</summary>
    public bool HasEnded(DateOnly today) => today > End;

    /// <summary>"2026年2月14日至2026年2月24日".</summary>
    public string Range => ChineseDates.FormatRange(Start, End);
}

/// <summary>
/// Computes a period counted in days from an event (the public notice's publication), following 民法典:
/// 第二百零一条 the day of the event is not counted, counting starts the next day;
/// 第二百零三条 when the last day is a 法定休假日 (statutory holiday or weekly rest day, make-up working days excepted),
/// the period ends on the day after the rest ends, i.e. the first working day after it.
/// </summary>
public static class NoticePeriod
{
    /// <summary>民法典 第二百零一条.</summary>
    public static Clause StartClause { get; } = new("中华人民共和国民法典", "第二百零一条",
        "按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算。");

    /// <summary>民法典 第二百零三条.</summary>
    public static Clause EndOnRestDayClause { get; } = new("中华人民共和国民法典", "第二百零三条",
        "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。期间的最后一日的截止时间为二十四时。");

    /// <summary>Computes the period with the length and unit of a rule set (管理办法 第八条: 公示期 5 天).</summary>
    public static NoticePeriodResult Compute(DateOnly published, ProcedureRules rules, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return Compute(published, rules.NoticeLength, rules.NoticeUnit, calendar);
    }

    /// <summary>
    /// Computes the period. Calendar days: the <paramref name="length"/> days after publication, the end moved to the
    /// next working day when it is a rest day. Working days: the first <paramref name="length"/> working days after
    /// publication (the end is a working day by construction).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Length below 1, or an unknown unit.</exception>
    public static NoticePeriodResult Compute(DateOnly published, int length, PeriodUnit unit, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (length < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "期间长度应至少为 1 天");
        }
        var start = published.AddDays(1);
        var counted = new List<DateOnly>(length);
        switch (unit)
        {
            case PeriodUnit.CalendarDays:
                for (var i = 0; i < length; i++)
                {
                    counted.Add(start.AddDays(i));
                }
                break;
            case PeriodUnit.WorkingDays:
                for (var d = start; counted.Count < length; d = d.AddDays(1))
                {
                    if (calendar.IsWorkingDay(d))
                    {
                        counted.Add(d);
                    }
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(unit), unit, "未知的期间计算单位");
        }

        var nominalEnd = counted[^1];
        var end = calendar.IsRestDay(nominalEnd) ? calendar.NextWorkingDayAfter(nominalEnd) : nominalEnd;

        var warnings = calendar.UncoveredYears(published, end)
            .Select(y => $"{y}年的节假日安排尚未录入日历，本期间仅按周六、周日计算休息日，须核对后使用")
            .ToList();

        var explanation = Explain(published, length, unit, calendar, start, counted, nominalEnd, end);
        return new NoticePeriodResult(published, length, unit, start, counted.AsReadOnly(), nominalEnd, end, explanation, warnings.AsReadOnly());
    }

    /// <summary>Chinese label of a unit: 自然日 / 工作日.</summary>
    public static string UnitLabel(PeriodUnit unit) => unit switch
    {
        PeriodUnit.CalendarDays => "自然日",
        PeriodUnit.WorkingDays => "工作日",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "未知的期间计算单位"),
    };

    private static string Explain(DateOnly published, int length, PeriodUnit unit, HolidayCalendar calendar,
        DateOnly start, List<DateOnly> counted, DateOnly nominalEnd, DateOnly end)
    {
        var lengthText = unit == PeriodUnit.WorkingDays ? $"{length}个工作日" : $"{length}天（按自然日计算）";
        var text = $"公示期{lengthText}，{ChineseDates.FormatWithWeekday(published)}发布，"
            + $"发布当日不计入，自次日{ChineseDates.Format(start)}起算（民法典第二百零一条）";
        if (unit == PeriodUnit.WorkingDays)
        {
            var skipped = EachDay(start, nominalEnd).Where(calendar.IsRestDay).ToList();
            var makeUps = counted.Where(calendar.IsMakeUpWorkingDay).ToList();
            text += $"；计入的工作日为{string.Join("、", counted.Select(ChineseDates.FormatMonthDay))}";
            if (makeUps.Count > 0)
            {
                text += $"（其中{string.Join("、", makeUps.Select(ChineseDates.FormatMonthDay))}为调休上班日）";
            }
            if (skipped.Count > 0)
            {
                text += $"，{string.Join("、", skipped.Select(ChineseDates.FormatMonthDay))}为休息日不计入";
            }
        }
        else
        {
            text += $"；第{length}日为{calendar.Describe(nominalEnd)}";
        }
        if (end != nominalEnd)
        {
            text += $"，为法定休假日，依民法典第二百零三条顺延至休假日结束的次日{calendar.Describe(end)}";
        }
        text += $"。公示期至{ChineseDates.Format(end)}二十四时届满。";
        return text;
    }

    private static IEnumerable<DateOnly> EachDay(DateOnly first, DateOnly last)
    {
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            yield return d;
        }
    }
}
