using System.Net;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Applications;

/// <summary>
/// The application pages are authorised on the server (the UI hiding a link is never the control): anonymous visitors
/// go to the login page, other roles are denied, and an enterprise cannot start in a closed batch.
/// </summary>
public sealed class ApplicationPageAccessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    public static TheoryData<string> Pages => new()
    {
        "/applications",
        "/applications/new",
        $"/applications/{DemoSeeder.ApplicationId("A1")}",
        $"/applications/{DemoSeeder.ApplicationId("A1")}/edit",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_Anonymous_RedirectedToLogin(string path)
    {
        using var client = HttpSignIn.NewClient(portal);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_BureauReviewer_AccessDenied(string path)
    {
        using var client = await HttpSignIn.SignInAsync(portal, "bureau.reviewer", _ => null);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Enterprise_ShowsOwnApplicationsAndTheOpenBatches()
    {
        using var client = await HttpSignIn.SignInAsync(portal, "enterprise", _ => null);

        // Razor encodes Chinese as character references: compare the decoded text.
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/applications"));

        Assert.Contains("液态奶灌装数字化车间", html, StringComparison.Ordinal);   // A1, its own draft
        Assert.DoesNotContain("重型装备焊接数字化车间", html, StringComparison.Ordinal); // A3, another enterprise's
        Assert.Contains("2026年第一批数字化车间认定（演示）", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_ClosedBatch_OffersTheOpenOnesInstead()
    {
        using var client = await HttpSignIn.SignInAsync(portal, "enterprise", _ => null);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/applications/new?batch={DemoSeeder.BatchId(2025, 1, Domain.Rules.RecognitionKind.DigitalWorkshop)}"));

        Assert.Contains("该批次不在申报期内", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"start\"", html, StringComparison.Ordinal);
    }
}
