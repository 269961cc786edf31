using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Reference;
using NuMeng.Recognition.Domain.RuleSets;
using NuMeng.Recognition.Web.Features.Batches;
using NuMeng.Recognition.Web.Tests.Features.Review;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Batches;

/// <summary>
/// The holiday calendar from the HolidayEntries table (2025 and 2026 seeded) and the notice end computed from it
/// (民法典 第二百零一条: 开始的当日不计入; 第二百零三条: 最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日).
/// </summary>
public sealed class HolidayServiceTests
{
    private const string Staff = "dept.staff";

    [Fact]
    public async Task NoticeEndAsync_PublishedBeforeSpringFestival_MovesToFirstWorkingDayFromTheTable()
    {
        await using var test = await ServiceHost.CreateAsync();
        var service = test.Create<HolidayService>(Staff);
        var rules = RuleSetCatalog.Current.Technical.Procedure;

        // HOLIDAYS.md: published Fri 2026-02-13; day 5 is 2026-02-18, in 春节 (15–23) → ends 2026-02-24.
        var before = await service.NoticeEndAsync(new DateOnly(2026, 2, 13), rules);
        Assert.Equal((new DateOnly(2026, 2, 24), true), (before.End, before.Extended));

        // The department deletes 2026-02-18 from the table: the 5th day is an ordinary Wednesday and the period ends there.
        var (_, days) = await service.ListAsync(2026);
        var day = days.Single(d => d.Date == new DateOnly(2026, 2, 18));
        Assert.Equal(DepartmentOutcomeKind.Done, (await service.RemoveAsync(day.Id, day.Stamp)).Kind);
        var after = await service.NoticeEndAsync(new DateOnly(2026, 2, 13), rules);
        Assert.Equal((new DateOnly(2026, 2, 18), false), (after.End, after.Extended));

        await using var db = test.SystemContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "holiday.remove" && e.EntityId == day.Id.ToString("D")));
    }

    [Fact]
    public async Task AddAsync_MakeUpDayOnSaturday_SavedAndAudited()
    {
        await using var test = await ServiceHost.CreateAsync();
        var service = test.Create<HolidayService>(Staff);

        var outcome = await service.AddAsync(new DateOnly(2027, 2, 20), HolidayKind.MakeUpWorkday, "春节");

        Assert.Equal("已添加2027年2月20日（星期六）（春节，调休上班）", outcome.Message);
        var (years, days) = await service.ListAsync(2027);
        Assert.Contains(2027, years);
        Assert.Equal(HolidayKind.MakeUpWorkday, Assert.Single(days).Kind);
        await using var db = test.SystemContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "holiday.add" && e.EntityId == outcome.Id!.Value.ToString("D")));
    }

    public static TheoryData<DateOnly?, HolidayKind?, string, string, string> BadDays => new()
    {
        // A make-up working day on a weekday changes nothing (HolidayCalendar.Validate).
        { new DateOnly(2027, 2, 17), HolidayKind.MakeUpWorkday, "春节", "date", "调休上班日应为星期六或星期日，2027年2月17日（星期三）本就是工作日" },
        // 2026-10-01 is already entered (国庆节).
        { new DateOnly(2026, 10, 1), HolidayKind.Holiday, "国庆节", "date", "2026年10月1日已在第" },
        { new DateOnly(2027, 1, 1), HolidayKind.Holiday, " ", "name", "请填写节日名称" },
        { null, HolidayKind.Holiday, "元旦", "date", "请填写日期" },
        { new DateOnly(2027, 1, 1), null, "元旦", "kind", "请选择类别：放假或调休上班" },
    };

    [Theory]
    [MemberData(nameof(BadDays))]
    public async Task AddAsync_BadDay_RefusedWithMessage(DateOnly? date, HolidayKind? kind, string name, string field, string message)
    {
        await using var test = await ServiceHost.CreateAsync();

        var outcome = await test.Create<HolidayService>(Staff).AddAsync(date, kind, name);

        Assert.Equal(DepartmentOutcomeKind.Invalid, outcome.Kind);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(field, error.Field);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoveAsync_StaleStamp_Conflict()
    {
        await using var test = await ServiceHost.CreateAsync();
        var service = test.Create<HolidayService>(Staff);
        var day = (await service.ListAsync(2026)).Days[0];

        var outcome = await service.RemoveAsync(day.Id, Guid.NewGuid());

        Assert.Equal(DepartmentOutcomeKind.Conflict, outcome.Kind);
        Assert.Contains(day.Date, (await service.ListAsync(2026)).Days.Select(d => d.Date));
    }

    [Fact]
    public async Task AddAsync_Bureau_Refused()
    {
        await using var test = await ServiceHost.CreateAsync();

        var outcome = await test.Create<HolidayService>("bureau.leader").AddAsync(new DateOnly(2027, 1, 1), HolidayKind.Holiday, "元旦");

        Assert.Equal(DepartmentOutcomeKind.Refused, outcome.Kind);
    }
}
