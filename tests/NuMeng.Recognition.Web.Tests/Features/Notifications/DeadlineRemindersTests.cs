using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Web.Features.Notifications;
using NuMeng.Recognition.Web.Tests.Features.Review;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Notifications;

/// <summary>
/// 申报截止前 3 天 and 初审截止前 3 天. Demo: the 2026 第一批 batches close for applications
/// on 2026年12月31日 (drafts A1 of "enterprise", A6 of enterprise.11; A3 returned to "enterprise2") and for the bureau
/// review on 2027年1月31日 (A2 waits in 1501, whose users are bureau.reviewer and bureau.leader; A5 waits in 1503, which
/// has no accounts).
/// </summary>
public sealed class DeadlineRemindersTests
{
    [Theory]
    // "前 3 天": from three days before (inclusive) to the deadline day itself.
    [InlineData("2026-12-27", 0)]
    [InlineData("2026-12-28", 3)]
    [InlineData("2026-12-31", 3)]
    [InlineData("2027-01-01", 0)]
    public async Task SendDueAsync_ApplicationDeadline_DraftAndReturnedApplicantsWithinThreeDays(string today, int expected)
    {
        await using var test = await ServiceHost.CreateAsync();

        var run = await test.As<DeadlineReminders>("enterprise").SendDueAsync(Day(today));

        Assert.Equal(expected, run.Notifications);
        if (expected > 0)
        {
            var returned = Assert.Single(await test.As<NotificationService>("enterprise2").ListMineAsync());
            Assert.StartsWith("申报截止提醒：“2026年第一批数字化车间认定（演示）”将于2026年12月31日截止申报", returned.Text);
            Assert.EndsWith("已退回修改，请修改后重新提交。", returned.Text);
            Assert.Contains(await test.As<NotificationService>("enterprise").ListMineAsync(), n => n.Text.EndsWith("尚未提交，请在截止前提交。", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("2027-01-27", 0)]
    [InlineData("2027-01-28", 2)]
    [InlineData("2027-01-31", 2)]
    [InlineData("2027-02-01", 0)]
    public async Task SendDueAsync_ReviewDeadline_BureauUsersWithWaitingApplications(string today, int expected)
    {
        await using var test = await ServiceHost.CreateAsync();

        var run = await test.As<DeadlineReminders>("enterprise").SendDueAsync(Day(today));

        Assert.Equal(expected, run.Notifications);
        if (expected > 0)
        {
            var note = Assert.Single(await test.As<NotificationService>("bureau.leader").ListMineAsync());
            Assert.Contains("的盟市初审将于2027年1月31日截止", note.Text);
            Assert.EndsWith("本盟市尚有 1 件申报待初审。", note.Text);
            Assert.StartsWith("/review?batch=", note.Link);
        }
    }

    [Fact]
    public async Task SendDueAsync_RunTwiceAndNextDay_EachDeadlineOnce()
    {
        await using var test = await ServiceHost.CreateAsync();
        var reminders = test.As<DeadlineReminders>("enterprise");

        var first = await reminders.SendDueAsync(Day("2026-12-28"));
        var again = await reminders.SendDueAsync(Day("2026-12-28"));
        var nextDay = await reminders.SendDueAsync(Day("2026-12-29"));

        Assert.Equal(3, first.Notifications);
        Assert.Equal(new ReminderRun(0, 0), again);
        Assert.Equal(new ReminderRun(0, 0), nextDay);
        await using var db = test.SystemContext();
        // One audit entry per batch closing in the window (every 2026 batch), whether or not anyone needed a reminder.
        Assert.Equal(first.Deadlines, await db.AuditEntries.CountAsync(e => e.Action == DeadlineReminders.AuditAction));
        Assert.True(first.Deadlines >= 1);
    }

    [Theory]
    [InlineData("2026-11-21T07:59:00", 8, 1)]
    [InlineData("2026-11-21T08:00:00", 8, 24 * 60)]
    [InlineData("2026-11-21T08:01:00", 8, 24 * 60 - 1)]
    [InlineData("2026-11-21T23:30:00", 0, 30)]
    public void UntilNextRun_BeijingClock_NextRunAtTheHour(string nowBeijing, int hour, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), DeadlineReminderService.UntilNextRun(
            new DateTimeOffset(DateTime.Parse(nowBeijing, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(8)), hour));

    private static DateOnly Day(string day) => DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
}
