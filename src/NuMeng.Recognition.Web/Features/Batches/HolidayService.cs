using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Auditing;
using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Data.Reference;
using NuMeng.Recognition.Domain.Calendar;
using NuMeng.Recognition.Domain.Rules;
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
public sealed class HolidayService(IDbContextFactory<RecognitionDbContext> factory, IAuditLog audit)
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
    public async Task<DepartmentOutcome> AddAsync(DateOnly? date, HolidayKind? kind, string name, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (DepartmentActor.Of(db.Actor) is null)
        {
            return DepartmentOutcome.Refused(DepartmentActor.NotDepartmentMessage);
        }
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
        if (errors.Count > 0)
        {
            return DepartmentOutcome.Invalid(errors);
        }
        var existing = await db.HolidayEntries.AsNoTracking().ToListAsync(cancellationToken);
        var entry = new HolidayRow { Date = date!.Value, Kind = kind!.Value, Name = (name ?? "").Trim() };
        var all = existing.Select(ToDomain).Append(ToDomain(entry)).ToList();
        var last = all.Count - 1;
        // Only the new entry's problems: the stored ones were checked when entered.
        errors.AddRange(HolidayCalendar.Validate(all)
            .Where(e => e.Field.StartsWith($"entries[{last}]", StringComparison.Ordinal))
            .Select(e => new InputError(e.Field[$"entries[{last}].".Length..] is { Length: > 0 } f ? f : "date", e.Message)));
        if (errors.Count > 0)
        {
            return DepartmentOutcome.Invalid(errors);
        }
        db.HolidayEntries.Add(entry);
        await audit.AppendAsync(db, new AuditEvent("holiday.add", "HolidayEntry", entry.Id.ToString("D"), new
        {
            date = entry.Date, kind = entry.Kind.ToString(), entry.Name,
        }), cancellationToken);
        return DepartmentOutcome.Done($"已添加{ChineseDates.FormatWithWeekday(entry.Date)}（{entry.Name}，{KindLabel(entry.Kind)}）", entry.Id);
    }

    /// <summary>Removes a day (a notice that was entered wrongly, or changed).</summary>
    public async Task<DepartmentOutcome> RemoveAsync(Guid id, Guid expectedStamp, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (DepartmentActor.Of(db.Actor) is null)
        {
            return DepartmentOutcome.Refused(DepartmentActor.NotDepartmentMessage);
        }
        var entry = await db.HolidayEntries.FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (entry is null)
        {
            return DepartmentOutcome.AlreadyDone("该日期已删除");
        }
        db.ExpectStamp(entry, expectedStamp);
        db.HolidayEntries.Remove(entry);
        try
        {
            await audit.AppendAsync(db, new AuditEvent("holiday.remove", "HolidayEntry", entry.Id.ToString("D"), new
            {
                date = entry.Date, kind = entry.Kind.ToString(), entry.Name,
            }), cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            return DepartmentOutcome.Conflict(ConcurrencyConflict.Describe(ex));
        }
        return DepartmentOutcome.Done($"已删除{ChineseDates.FormatWithWeekday(entry.Date)}（{entry.Name}，{KindLabel(entry.Kind)}）", id);
    }

    public static string KindLabel(HolidayKind kind) => kind == HolidayKind.MakeUpWorkday ? "调休上班" : "放假";

    private static DomainEntry ToDomain(HolidayRow row) =>
        new(row.Date, row.Name, row.Kind == HolidayKind.MakeUpWorkday ? HolidayEntryKind.MakeUpWorkingDay : HolidayEntryKind.DayOff);
}
