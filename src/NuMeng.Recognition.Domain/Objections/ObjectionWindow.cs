namespace NuMeng.Recognition.Domain.Objections;

/// <summary>Where a day stands relative to the objection window.</summary>
public enum ObjectionWindowStatus
{
    /// <summary>The notice is not yet published.</summary>
    NotYetOpen,
    /// <summary>Objections are accepted.</summary>
    Open,
    /// <summary>The period has ended (after 24:00 of its last day).</summary>
    Closed,
}

/// <summary>
/// The days on which the public may object to a notice: from the day of publication (the notice is public at once and an
/// objection that arrives early harms no one) through the computed last day of the notice period, both inclusive.
/// 民法典 第二百零一条: the day of publication is not counted in the period's length, counting starts the next day;
/// 第二百零三条: when the last day is a 法定休假日 the period ends on the day after the holiday, and the last day runs to 24:00.
/// So with a 5-day notice published on 2026-02-13 (calendar days, see HOLIDAYS.md): open 2026-02-13 … 2026-02-24; closed
/// from 2026-02-25 00:00 (Beijing time).
/// </summary>
/// <param name="Period">The computed notice period.</param>
public sealed record ObjectionWindow(NoticePeriodResult Period)
{
    /// <summary>First day an objection is accepted: the publication day.</summary>
    public DateOnly Opens => Period.Published;

    /// <summary>Last day an objection is accepted (until 24:00): the period's computed end.</summary>
    public DateOnly Closes => Period.End;

    /// <summary>The window of a notice computed from its publication day, rule set and holiday calendar.</summary>
    public static ObjectionWindow For(DateOnly published, ProcedureRules rules, HolidayCalendar calendar) =>
        new(NoticePeriod.Compute(published, rules, calendar));

    /// <summary>The window of a stored notice: publication day, length and unit (the end is recomputed, never typed).</summary>
    public static ObjectionWindow For(DateOnly published, int length, PeriodUnit unit, HolidayCalendar calendar) =>
        new(NoticePeriod.Compute(published, length, unit, calendar));

    /// <summary>
    /// Where <paramref name="today"/> (Beijing date) stands: before publication, open (publication day … end day inclusive),
    /// or closed (the day after the end day; 第二百零三条: the last day runs to 24:00).
    /// </summary>
    public ObjectionWindowStatus StatusOn(DateOnly today) =>
        today < Opens ? ObjectionWindowStatus.NotYetOpen
        : today <= Closes ? ObjectionWindowStatus.Open
        : ObjectionWindowStatus.Closed;

    /// <summary>True when an objection submitted on <paramref name="today"/> is accepted.</summary>
    public bool IsOpenOn(DateOnly today) => StatusOn(today) == ObjectionWindowStatus.Open;

    /// <summary>Every day an objection is accepted, in order.</summary>
    public IReadOnlyList<DateOnly> OpenDays()
    {
        var days = new List<DateOnly>();
        for (var d = Opens; d <= Closes; d = d.AddDays(1))
        {
            days.Add(d);
        }
        return days.AsReadOnly();
    }

    /// <summary>"2026年2月13日至2026年2月24日24时" with the rule behind it, for the public pages.</summary>
    public string Describe() =>
        $"受理异议时间：{ChineseDates.Format(Opens)}（公示发布当日）起至{ChineseDates.Format(Closes)}二十四时止。"
        + $"公示期自发布次日{ChineseDates.Format(Period.Start)}起算（民法典第二百零一条）"
        + (Period.Extended
            ? $"，第{Period.Length}日{ChineseDates.Format(Period.NominalEnd)}为法定休假日，顺延至{ChineseDates.Format(Closes)}（民法典第二百零三条）。"
            : $"，至{ChineseDates.Format(Closes)}届满（民法典第二百零三条：最后一日的截止时间为二十四时）。");

    /// <summary>The Chinese message for a day outside the window (null when it is open).</summary>
    public string? RefusalOn(DateOnly today) => StatusOn(today) switch
    {
        ObjectionWindowStatus.NotYetOpen => $"该公示尚未发布，{ChineseDates.Format(Opens)}起方可提出异议。",
        ObjectionWindowStatus.Closed => $"公示期已于{ChineseDates.Format(Closes)}二十四时届满，不再受理异议。如有问题，请按公示所列联系方式与自治区工业和信息化厅联系。",
        _ => null,
    };
}
