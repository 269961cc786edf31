using DomainEntry = NuMeng.Recognition.Domain.Calendar.HolidayEntry;
using HolidayRow = NuMeng.Recognition.Data.Reference.HolidayEntry;

namespace NuMeng.Recognition.Web.Features.Batches;

/// <summary>One day of the calendar as the page lists it.</summary>
public sealed record CalendarDay(Guid Id, Guid Stamp, DateOnly Date, HolidayKind Kind, string Name);

/// <summary>
/// The holiday calendar the department maintains (HOLIDAYS.md: the State Council's notice for a year appears in November
/// of the year before): days off and 调休 make-up working days, from the HolidayEntries table. The public notice's end
/// date is computed from it (民法典 第二百零一条、第二百零三条) by <see cref="NoticePeriod"/>.
/// </summary>
public sealed class HolidayService(IDbContextFactory<RecognitionDbContext> factory, Procedure procedure)
{
    /// <summary>The years that have entries, and the days of <paramref name="year"/>.</summary>
    public async Task<(IReadOnlyList<int> Years, IReadOnlyList<CalendarDay> Days)> ListAsync(int year, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var dates = await db.HolidayEntries.AsNoTracking().Select(h => h.Date).ToListAsync(cancellationToken);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var days = await db.HolidayEntries.AsNoTracking().Where(h => h.Date >= first && h.Date <= last)
            .Select(h => new CalendarDay(h.Id, h.ConcurrencyStamp, h.Date, h.Kind, h.Name))
            .ToListAsync(cancellationToken);
        return (dates.Select(d => d.Year).Distinct().Order().ToList(), days.OrderBy(d => d.Date).ToList());
    }

    /// <summary>The calendar as the domain reads it (every entry in the table).</summary>
    public async Task<HolidayCalendar> CalendarAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.HolidayEntries.AsNoTracking().ToListAsync(cancellationToken);
        return HolidayCalendar.FromEntries(rows.Select(ToDomain));
    }

    /// <summary>Computes the end of a public notice published on <paramref name="published"/> under the rule set of <paramref name="kind"/>.</summary>
    public async Task<NoticePeriodResult> NoticeEndAsync(DateOnly published, ProcedureRules rules, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return NoticePeriod.Compute(published, rules, await CalendarAsync(cancellationToken));
    }

    /// <summary>Adds a day off or a make-up working day; the domain's checks apply (a date once, a make-up day on a weekend, a name).</summary>
    public Task<StepOutcome> AddAsync(DateOnly? date, HolidayKind? kind, string name, CancellationToken cancellationToken = default) =>
        procedure.RunAsync(new Step<HolidayRow>
        {
            Desk = Desk.Department,
            Id = entry => entry.Id,
            Load = _ => Task.FromResult<HolidayRow?>(new HolidayRow { Date = date ?? default, Kind = kind ?? default, Name = (name ?? "").Trim() }),
            Validate = _ => InputErrors(date, kind, name),
            Work = async (s, entry) =>
            {
                var existing = await s.Db.HolidayEntries.AsNoTracking().ToListAsync(s.Cancellation);
                var all = existing.Select(ToDomain).Append(ToDomain(entry)).ToList();
                var last = all.Count - 1;
                // Only the new entry's problems: the stored ones were checked when entered.
                var errors = HolidayCalendar.Validate(all)
                    .Where(e => e.Field.StartsWith($"entries[{last}]", StringComparison.Ordinal))
                    .Select(e => new InputError(e.Field[$"entries[{last}].".Length..] is { Length: > 0 } f ? f : "date", e.Message)).ToList();
                if (errors.Count > 0)
                {
                    return StepOutcome.Invalid(errors);
                }
                s.Db.HolidayEntries.Add(entry);
                return null;
            },
            Audit = (_, entry) => [AuditKinds.HolidayAdd.For(entry.Id, new { date = entry.Date, kind = entry.Kind.ToString(), entry.Name })],
            Done = entry => $"已添加{ChineseDates.FormatWithWeekday(entry.Date)}（{entry.Name}，{KindLabel(entry.Kind)}）",
        }, cancellationToken);

    /// <summary>Removes a day (a notice that was entered wrongly, or changed).</summary>
    public Task<StepOutcome> RemoveAsync(Guid id, Guid expectedStamp, CancellationToken cancellationToken = default) =>
        procedure.RunAsync(new Step<HolidayRow>
        {
            Desk = Desk.Department,
            Id = _ => id,
            Load = s => s.Db.HolidayEntries.FirstOrDefaultAsync(h => h.Id == id, s.Cancellation),
            NotFound = StepOutcome.AlreadyDone("该日期已删除"),
            Stamp = expectedStamp,
            Work = (s, entry) =>
            {
                s.Db.HolidayEntries.Remove(entry);
                return Task.FromResult<StepOutcome?>(null);
            },
            Audit = (_, entry) => [AuditKinds.HolidayRemove.For(entry.Id, new { date = entry.Date, kind = entry.Kind.ToString(), entry.Name })],
            Done = entry => $"已删除{ChineseDates.FormatWithWeekday(entry.Date)}（{entry.Name}，{KindLabel(entry.Kind)}）",
        }, cancellationToken);

    private static List<InputError> InputErrors(DateOnly? date, HolidayKind? kind, string name)
    {
        var errors = new List<InputError>();
        if (date is null)
        {
            errors.Add(new("date", "请填写日期"));
        }
        if (kind is null)
        {
            errors.Add(new("kind", "请选择类别：放假或调休上班"));
        }
        if ((name ?? "").Trim().Length > 100)
        {
            errors.Add(new("name", "节日名称不能超过 100 个字"));
        }
        return errors;
    }

    public static string KindLabel(HolidayKind kind) => kind == HolidayKind.MakeUpWorkday ? "调休上班" : "放假";

    private static DomainEntry ToDomain(HolidayRow row) =>
        new(row.Date, row.Name, row.Kind == HolidayKind.MakeUpWorkday ? HolidayEntryKind.MakeUpWorkingDay : HolidayEntryKind.DayOff);
}
