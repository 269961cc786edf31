using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Features.Notifications;
using NuMeng.Recognition.Web.Tests.Features.Review;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Notifications;

/// <summary>In-app notifications: addressed to a user or to the users of an organisation with a role; each user reads and marks only their own.</summary>
public sealed class NotificationServiceTests
{
    [Theory]
    [InlineData(new[] { ActorRole.BureauReviewer }, "bureau.reviewer")]
    [InlineData(new[] { ActorRole.BureauLeader }, "bureau.leader")]
    [InlineData(new[] { ActorRole.BureauReviewer, ActorRole.BureauLeader }, "bureau.leader,bureau.reviewer")]
    [InlineData(new[] { ActorRole.EnterpriseApplicant }, "")]
    public async Task SendToOrganisationAsync_Roles_OnlyUsersWithThoseRoles(ActorRole[] roles, string expected)
    {
        await using var test = await ServiceHost.CreateAsync();

        var count = await test.As<NotificationService>("enterprise")
            .SendToOrganisationAsync(WellKnownIds.Bureau("1501"), roles, "测试通知", "/review");

        var users = expected.Split(',', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(users.Length, count);
        foreach (var user in new[] { "bureau.reviewer", "bureau.leader" })
        {
            Assert.Equal(users.Contains(user) ? 1 : 0, await test.As<NotificationService>(user).UnreadCountAsync());
        }
    }

    [Fact]
    public async Task ListMineAsync_OwnOnlyNewestFirst()
    {
        await using var test = await ServiceHost.CreateAsync();
        var sender = test.As<NotificationService>("bureau.reviewer");
        await sender.SendToUserAsync(DemoSeeder.UserId("enterprise2"), "第一条", null);
        test.Clock.Advance(TimeSpan.FromMinutes(5));
        await sender.SendToUserAsync(DemoSeeder.UserId("enterprise2"), "第二条", "/applications");

        var mine = await test.As<NotificationService>("enterprise2").ListMineAsync();
        var others = await test.As<NotificationService>("bureau2.reviewer").ListMineAsync();

        Assert.Equal(["第二条", "第一条"], mine.Select(n => n.Text));
        Assert.Empty(others);
    }

    [Fact]
    public async Task MarkReadAsync_OwnNotification_ReadOnceAndCountDrops()
    {
        await using var test = await ServiceHost.CreateAsync();
        // The demo has one notification for "enterprise" (A7 recommended).
        var service = test.As<NotificationService>("enterprise");
        var note = Assert.Single(await service.ListMineAsync());
        Assert.Equal(1, await service.UnreadCountAsync());

        var read = await service.MarkReadAsync(note.Id);
        test.Clock.Advance(TimeSpan.FromHours(1));
        var again = await service.MarkReadAsync(note.Id);

        Assert.Equal(note.Link, read!.Link);
        Assert.Equal(read.ReadAt, again!.ReadAt);
        Assert.Equal(0, await service.UnreadCountAsync());
    }

    [Fact]
    public async Task MarkReadAsync_SomeoneElsesNotification_NullAndStillUnread()
    {
        await using var test = await ServiceHost.CreateAsync();
        var note = Assert.Single(await test.As<NotificationService>("enterprise").ListMineAsync());

        var result = await test.As<NotificationService>("enterprise2").MarkReadAsync(note.Id);

        Assert.Null(result);
        Assert.Equal(1, await test.As<NotificationService>("enterprise").UnreadCountAsync());
    }

    [Fact]
    public async Task MarkAllReadAsync_OnlyOwn()
    {
        await using var test = await ServiceHost.CreateAsync();
        var sender = test.As<NotificationService>("bureau.reviewer");
        await sender.SendToUserAsync(DemoSeeder.UserId("enterprise"), "另一条", null);
        await sender.SendToUserAsync(DemoSeeder.UserId("enterprise2"), "别人的", null);

        var marked = await test.As<NotificationService>("enterprise").MarkAllReadAsync();

        Assert.Equal(2, marked);
        Assert.Equal(0, await test.As<NotificationService>("enterprise").UnreadCountAsync());
        Assert.Equal(1, await test.As<NotificationService>("enterprise2").UnreadCountAsync());
    }

    [Theory]
    [InlineData("https://evil.example/", false)]
    [InlineData("//evil.example/", false)]
    [InlineData("/\\evil.example/", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/review/1", true)]
    [InlineData("/", true)]
    public void IsLocalPath_Links_OnlyPathsInsideThePortal(string link, bool local) =>
        Assert.Equal(local, NotificationText.IsLocalPath(link));

    [Fact]
    public async Task SendToUserAsync_ExternalLink_Refused()
    {
        await using var test = await ServiceHost.CreateAsync();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            test.As<NotificationService>("bureau.reviewer").SendToUserAsync(DemoSeeder.UserId("enterprise"), "点此", "https://evil.example/"));

        Assert.StartsWith("通知链接必须是本平台内的路径", ex.Message);
        // Only the demo's own notification: nothing was written.
        await using var db = test.ContextAs("enterprise");
        Assert.Equal(1, await db.Notifications.CountAsync());
    }
}
