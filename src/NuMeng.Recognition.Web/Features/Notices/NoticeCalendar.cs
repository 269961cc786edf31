using NuMeng.Recognition.Web.Features.Applications;
using CalendarEntry = NuMeng.Recognition.Domain.Calendar.HolidayEntry;
using NuMeng.Recognition.Web.Features.Batches;

namespace NuMeng.Recognition.Web.Features.Notices;

/// <summary>
/// The notice period's inputs: the holiday calendar the department maintains (the <c>HolidayEntries</c> table) and the
/// procedure rules of the batch's rule set (公示期 length and unit). The end date is always computed by the domain
/// (<see cref="NoticePeriod"/>), never typed (docs/rule-reference.md §9 "Periods").
/// </summary>
internal static class NoticeCalendar
{
    /// <summary>The calendar from the table (public reference data: no tenancy filter).</summary>
    public static async Task<HolidayCalendar> LoadAsync(RecognitionDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.HolidayEntries.AsNoTracking()
            .Select(h => new { h.Date, h.Kind, h.Name })
            .ToListAsync(cancellationToken);
        return HolidayCalendar.FromEntries(rows.Select(r => r.Kind == HolidayKind.MakeUpWorkday
            ? CalendarEntry.MakeUp(r.Date, r.Name)
            : CalendarEntry.DayOff(r.Date, r.Name)));
    }

    /// <summary>公示期 of the batch's rule set (管理办法 第八条: 5 天).</summary>
    public static async Task<ProcedureRules> RulesForAsync(RecognitionDbContext db, Batch batch, CancellationToken cancellationToken) =>
        (await RuleSetResolver.ForBatchAsync(db, batch, cancellationToken)).ProcedureFor(batch.Kind);

    /// <summary>
    /// The objection window of a stored notice. The period is recomputed for its explanation; the stored end date (computed
    /// at publication) stays authoritative should the calendar have been edited since.
    /// </summary>
    public static ObjectionWindow WindowOf(DateOnly publishedOn, int length, PeriodUnit unit, DateOnly storedEnd, HolidayCalendar calendar)
    {
        var period = NoticePeriod.Compute(publishedOn, length, unit, calendar);
        return new ObjectionWindow(period.End == storedEnd ? period : period with { End = storedEnd });
    }
}
