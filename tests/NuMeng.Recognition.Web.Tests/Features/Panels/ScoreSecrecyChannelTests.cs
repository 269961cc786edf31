using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Web.Tests.Features.Documents;
using NuMeng.Recognition.Web.Tests.Features.Exports;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Panels;

/// <summary>
///  (ADR 0008): before a panel closes, the department and the agency read no expert's score — on any
/// channel: the record API (list and by id), the 专家评分表 and 评分汇总表 PDFs, the score export, the panel page. Once it
/// closes (every member submitted, the leader's consensus submitted) every channel prints the scores. Demo A8 (专家评审中)
/// is walked to closure on this class's own portal: experts 1 (leader) and 2 submit; then the leader's consensus.
/// </summary>
public sealed class ScoreSecrecyChannelTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly Guid A8 = DemoSeeder.ApplicationId("A8");
    private static readonly Guid Leader = WellKnownIds.For($"demo:assignment:{A8}:1");
    private static readonly Guid Member = WellKnownIds.For($"demo:assignment:{A8}:2");
    private static readonly Guid LeaderSheet = WellKnownIds.For($"demo:score:{A8}:1");
    private static readonly string[] Managers = ["dept.staff", "agency"];

    [DocumentFact]
    public async Task ScoreChannels_BeforeAndAfterPanelCloses_ManagersSeeScoresOnlyAfter()
    {
        var clients = new Dictionary<string, HttpClient>();
        foreach (var user in new[] { "dept.staff", "agency", "expert", "expert2" })
        {
            clients[user] = await HttpSignIn.SignInAsync(portal, user, _ => DemoSeeder.DemoAuthenticatorKey);
        }
        try
        {
            var memberSheet = await SubmitBothSheetsAsync();

            // ---- Open panel: both sheets submitted, no consensus yet ----
            foreach (var user in Managers)
            {
                var client = clients[user];
                var list = await JsonAsync(client, "/api/v1/expert-scores?take=100");
                Assert.DoesNotContain(Ids(list), id => id == LeaderSheet || id == memberSheet);
                Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, $"/api/v1/expert-scores/{LeaderSheet:D}"));
                Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, $"/api/v1/expert-scores/{memberSheet:D}"));
                Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, $"/documents/assignments/{Leader:D}/score-sheet.pdf"));
                Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, $"/documents/assignments/{Member:D}/score-sheet.pdf"));
                Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, $"/documents/applications/{A8:D}/score-summary.pdf"));
                using (var scores = await SheetAsync(client, "/exports/scores.xlsx"))
                {
                    Assert.DoesNotContain(scores.Records, r => r["车间/工厂名称"] == "煤制烯烃智能工厂");
                }
                // The progress is still there, in counts: who has submitted, and that the panel is not closed.
                using (var assignments = await SheetAsync(client, "/exports/assignments.xlsx"))
                {
                    var a8 = assignments.Records.Where(r => r["车间/工厂名称"] == "煤制烯烃智能工厂" && r["是否回避"] == "否").ToList();
                    Assert.Equal(2, a8.Count);
                    Assert.All(a8, r => Assert.Equal("已提交", r["评分状态"]));
                    Assert.All(a8, r => Assert.Equal("否", r["评审组已结束评分"]));
                }
                var page = await TextAsync(client, $"/panels/{A8:D}");
                Assert.Contains("points-hidden", page, StringComparison.Ordinal);
                Assert.Contains("已提交 2/2 份评分表", page, StringComparison.Ordinal);
                Assert.DoesNotContain("summary-table", page, StringComparison.Ordinal);
            }
            // Each expert still reads their own sheet, never the colleague's.
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(clients["expert2"], $"/api/v1/expert-scores/{memberSheet:D}"));
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(clients["expert2"], $"/api/v1/expert-scores/{LeaderSheet:D}"));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(clients["expert"], $"/api/v1/expert-scores/{LeaderSheet:D}"));

            await ConsensusAsync();

            // ---- Closed panel: every channel prints the scores ----
            foreach (var user in Managers)
            {
                var client = clients[user];
                var list = await JsonAsync(client, "/api/v1/expert-scores?take=100");
                Assert.Contains(LeaderSheet, Ids(list));
                Assert.Contains(memberSheet, Ids(list));
                var byId = await JsonAsync(client, $"/api/v1/expert-scores/{memberSheet:D}");
                Assert.Equal(84m, byId.GetProperty("totalPoints").GetDecimal());
                var sheetPdf = await PdfTextAsync(client, $"/documents/assignments/{Member:D}/score-sheet.pdf", $"{user}-member-sheet");
                Assert.Contains("专家评分表", sheetPdf, StringComparison.Ordinal);
                Assert.Contains("84", sheetPdf, StringComparison.Ordinal);
                var summaryPdf = await PdfTextAsync(client, $"/documents/applications/{A8:D}/score-summary.pdf", $"{user}-summary");
                Assert.Contains("评分汇总表", summaryPdf, StringComparison.Ordinal);
                Assert.Contains("88", summaryPdf, StringComparison.Ordinal);
                Assert.Contains("84", summaryPdf, StringComparison.Ordinal);
                Assert.Contains("86", summaryPdf, StringComparison.Ordinal); // (88 + 84) / 2
                using (var scores = await SheetAsync(client, "/exports/scores.xlsx"))
                {
                    var a8 = scores.Records.Where(r => r["车间/工厂名称"] == "煤制烯烃智能工厂").ToList();
                    Assert.Equal(new[] { 84m, 88m }, a8.Select(r => decimal.Parse(r["专家评分"], System.Globalization.CultureInfo.InvariantCulture)).Order());
                }
                var page = await TextAsync(client, $"/panels/{A8:D}");
                Assert.Contains("summary-table", page, StringComparison.Ordinal);
            }
            // Closure does not open a colleague's sheet to an expert.
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(clients["expert2"], $"/api/v1/expert-scores/{LeaderSheet:D}"));
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(clients["expert2"], $"/documents/assignments/{Leader:D}/score-sheet.pdf"));
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    [Fact]
    public async Task PanelPage_AfterReviewInPublicNotice_ReadableWithScoresAndNoChanges()
    {
        // Demo A9 is 公示中: its panel closed long ago. The page answered 页面不存在 once the application left on-site
        // verification; it must still show the members, the scoring summary and the on-site result — read-only.
        using var agency = await HttpSignIn.SignInAsync(portal, "agency", _ => null);
        var a9 = DemoSeeder.ApplicationId("A9");

        using var response = await agency.GetAsync(new Uri($"/panels/{a9:D}", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("页面不存在", html, StringComparison.Ordinal);
        Assert.Contains("铜冶炼智能工厂", html, StringComparison.Ordinal);
        Assert.Contains("summary-table", html, StringComparison.Ordinal);
        Assert.Contains("现场核查情况与申报材料一致", html, StringComparison.Ordinal);
        Assert.DoesNotContain("assign-form", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onsite-submit", html, StringComparison.Ordinal);
    }

    /// <summary>Expert 2 declares and submits 84; the leader's draft is completed and submitted at 88. Returns the member's sheet id.</summary>
    private async Task<Guid> SubmitBothSheetsAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await using var db = SystemContext(scope);
        var member = await db.ExpertAssignments.SingleAsync(x => x.Id == Member);
        member.DeclaredAt = DateTimeOffset.UtcNow;
        member.Conflict = ConflictDeclaration.None;
        var memberSheet = new ExpertScore
        {
            AssignmentId = Member, TotalPoints = 84m, OverallComment = "基本达到要求", SubmittedAt = DateTimeOffset.UtcNow,
            Items = [new ExpertScoreItem { RubricItemCode = "equipment", Points = 84m, Comment = "符合要求" }],
        };
        db.ExpertScores.Add(memberSheet);
        var leader = await db.ExpertScores.SingleAsync(s => s.Id == LeaderSheet);
        leader.Items = [new ExpertScoreItem { RubricItemCode = "equipment", Points = 88m, Comment = "符合要求" }];
        leader.TotalPoints = 88m;
        leader.OverallComment = "达到智能工厂认定要求";
        leader.SubmittedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
        return memberSheet.Id;
    }

    private async Task ConsensusAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await using var db = SystemContext(scope);
        var leader = await db.ExpertAssignments.SingleAsync(x => x.Id == Leader);
        leader.ConsensusOpinion = "专家组同意进入现场核查";
        leader.ConsensusSubmittedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
    }

    private static RecognitionDbContext SystemContext(AsyncServiceScope scope) =>
        new(scope.ServiceProvider.GetRequiredService<DbContextOptions<RecognitionDbContext>>(), CurrentActor.System("评分保密测试"));

    private static List<Guid> Ids(JsonElement list) =>
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return response.StatusCode;
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    private static async Task<string> TextAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<XlsxSheet> SheetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new XlsxSheet(await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task<string> PdfTextAsync(HttpClient client, string url, string name)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var directory = Path.Combine(Path.GetTempPath(), "numeng-documents", "secrecy");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".pdf");
        await File.WriteAllBytesAsync(path, body);
        return DocumentPortal.Poppler("pdftotext", "-raw", path, "-").Replace(" ", string.Empty, StringComparison.Ordinal);
    }
}
