using System.Net;
using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Web.Tests.Features.Review;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Notices;

/// <summary>
/// The public objection form on the running portal: open only during the notice period (publication day through the
/// computed end, inclusive — 民法典 第二百零一条、第二百零三条), the POST itself refused after it; anonymous refused; the
/// department pages need a department account.
/// </summary>
public sealed class ObjectionFormHttpTests(ClockedPortal portal) : IClassFixture<ClockedPortal>
{
    [Fact]
    public async Task Post_AfterPeriod_RefusedAndNothingRecorded()
    {
        var notice = await portal.DemoNoticeAsync();
        portal.SetDay(notice.EndsOn, hour: 23);                         // the last day, until 24:00
        using var client = HttpSignIn.NewClient(portal);
        var hidden = await NoticesHttp.FormFieldsAsync(client, notice.Id);
        Assert.NotNull(hidden);                                          // the form is shown on the last day

        portal.SetDay(notice.EndsOn.AddDays(1), hour: 0);               // 00:00 of the day after: the period is over
        var (status, html) = await NoticesHttp.PostAsync(client, notice.Id, hidden, NoticesArrange.A9);
        html = WebUtility.HtmlDecode(html);       // Blazor writes text as numeric character references
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("不再受理异议", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"case-number\"", html, StringComparison.Ordinal);
        await using (var db = portal.SystemContext())
        {
            Assert.False(await db.Objections.AnyAsync(o => o.PublicNoticeId == notice.Id && o.ObjectorName == "张明远"));
        }

        // A GET after the period: the message and no form.
        Assert.Null(await NoticesHttp.FormFieldsAsync(client, notice.Id));
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/notices/{notice.Id:D}/objection", UriKind.Relative)));
        Assert.Contains($"公示期已于{notice.EndsOn.Year}年{notice.EndsOn.Month}月{notice.EndsOn.Day}日二十四时届满", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_DuringPeriod_AnonymousRefused_NamedAccepted()
    {
        var notice = await portal.DemoNoticeAsync();
        portal.SetDay(notice.PublishedOn);                               // the publication day is open
        using var client = HttpSignIn.NewClient(portal);
        var hidden = await NoticesHttp.FormFieldsAsync(client, notice.Id);
        Assert.NotNull(hidden);

        var (status, html) = await NoticesHttp.PostAsync(client, notice.Id, hidden, NoticesArrange.A9, name: "匿名");
        html = WebUtility.HtmlDecode(html);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("不受理匿名异议：个人提出异议须署真实姓名", html, StringComparison.Ordinal);

        (status, html) = await NoticesHttp.PostAsync(client, notice.Id, hidden, NoticesArrange.A9, name: "李文斌");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches(@"data-testid=""case-number"">YY-\d{4}-\d{4}<", html);
        await using var db = portal.SystemContext();
        Assert.True(await db.Objections.AnyAsync(o => o.ObjectorName == "李文斌"));
        Assert.False(await db.Objections.AnyAsync(o => o.ObjectorName == "匿名"));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Refused()
    {
        var notice = await portal.DemoNoticeAsync();
        portal.SetDay(notice.PublishedOn);
        using var client = HttpSignIn.NewClient(portal);
        var (status, _) = await NoticesHttp.PostAsync(client, notice.Id, new Dictionary<string, string> { ["_handler"] = "objection" }, NoticesArrange.A9, name: "赵一鸣");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        await using var db = portal.SystemContext();
        Assert.False(await db.Objections.AnyAsync(o => o.ObjectorName == "赵一鸣"));
    }

    [Theory]
    [InlineData("/selection", null)]
    [InlineData("/selection/objections", null)]
    [InlineData("/objection-responses", null)]
    [InlineData("/selection", "enterprise")]
    [InlineData("/selection/objections", "bureau.leader")]
    [InlineData("/objection-responses", "bureau.leader")]
    public async Task DepartmentAndEnterprisePages_OtherRoles_SentAway(string path, string? userName)
    {
        using var client = HttpSignIn.NewClient(portal);
        if (userName is not null)
        {
            var (s, location, _) = await ReviewHttp.PostFormAsync(client, "/account/login", "Input.UserName", new Dictionary<string, string>
            {
                ["Input.UserName"] = userName,
                ["Input.Password"] = Data.Seeding.DemoSeeder.DemoPassword,
                ["Input.RememberMe"] = "false",
            });
            Assert.True(s is HttpStatusCode.Redirect or HttpStatusCode.Found, $"{userName}: {(int)s} {location}");
        }
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(userName is null ? "/account/login" : "/account/access-denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicPages_NoAccount_ShowTheNotice()
    {
        var notice = await portal.DemoNoticeAsync();
        portal.SetDay(notice.PublishedOn.AddDays(1));
        using var client = HttpSignIn.NewClient(portal);
        var list = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/notices", UriKind.Relative)));
        Assert.Contains(notice.Title, list, StringComparison.Ordinal);
        var detail = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/notices/{notice.Id:D}", UriKind.Relative)));
        Assert.Contains("铜冶炼智能工厂", detail, StringComparison.Ordinal);
        Assert.Contains("赤峰市", detail, StringComparison.Ordinal);
        Assert.Contains("民法典第二百零一条", detail, StringComparison.Ordinal);
        using var unknown = await client.GetAsync(new Uri($"/notices/{Guid.NewGuid():D}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}

/// <summary>The rate limit per client address: over the limit a 429 with a Chinese message, nothing recorded.</summary>
public sealed class ObjectionRateLimitHttpTests(ObjectionLimitPortal portal) : IClassFixture<ObjectionLimitPortal>
{
    [Fact]
    public async Task Post_OverLimit_429WithChineseMessage()
    {
        var notice = await portal.DemoNoticeAsync();
        portal.SetDay(notice.PublishedOn);
        using var client = HttpSignIn.NewClient(portal);
        var hidden = (await NoticesHttp.FormFieldsAsync(client, notice.Id))!;
        Assert.Equal(HttpStatusCode.OK, (await NoticesHttp.PostAsync(client, notice.Id, hidden, NoticesArrange.A9, name: "周一")).Status);
        Assert.Equal(HttpStatusCode.OK, (await NoticesHttp.PostAsync(client, notice.Id, hidden, NoticesArrange.A9, name: "周二")).Status);
        var (status, html) = await NoticesHttp.PostAsync(client, notice.Id, hidden, NoticesArrange.A9, name: "周三");
        html = WebUtility.HtmlDecode(html);
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Contains("提交过于频繁", html, StringComparison.Ordinal);
        await using var db = portal.SystemContext();
        Assert.False(await db.Objections.AnyAsync(o => o.ObjectorName == "周三"));
        Assert.Equal(2, await db.Objections.CountAsync(o => o.ObjectorName == "周一" || o.ObjectorName == "周二"));
    }
}

/// <summary>A portal on a clock the test sets, with a limit of 2 objections per hour and address.</summary>
public sealed class ObjectionLimitPortal() : PortalFactory(PortalOptions.Clocked() with
{
    RateLimits = new Dictionary<string, int> { ["Objection"] = 2 },
});
