using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NuMeng.Recognition.Web.Tests.Features.Account;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Api;

/// <summary>
///  “Bad input never crashes”, over real HTTP: the issue's figures get a 400 (API) or a message beside the
/// field (/precheck), never a 500; a form posted without its fields gets a Chinese message, never a 500.
/// </summary>
[Collection(BrowserCollection.Name)]
public class BadInputHttpTests(PortalFactory portal)
{
    private const string Technical = """
        "technical": { "equipmentTotal": 30, "digitalEquipment": 21, "keyProcessTotal": 10, "digitalKeyProcesses": 8, "uploadRate": 96.5 }
        """;

    private static string Workshop(string kpi) => $$"""{ "kind": "digitalWorkshop", {{Technical}}, "kpi": { "baseline": "renovation", {{kpi}} } }""";

    public static TheoryData<string, string, string> ApiCases => new()
    {
        {
            Workshop(""" "energyEfficiency": { "rateAfter": 83.77, "boilerBefore": { "steamTonnes": 7.9e25, "steamEnthalpyKjPerKg": 3485.4, "feedWaterEnthalpyKjPerKg": 856.9, "fuels": [ { "name": "原煤", "tonnes": 363375.85, "heatValueKcalPerKg": 5771 } ] } } """),
            "kpi.energyEfficiency.boilerBefore.steamTonnes", "产蒸汽量超出允许范围"
        },
        { Workshop(""" "operatingCost": { "unitCostBefore": 6836.43, "unitCostAfter": -7.9e28 } """), "kpi.operatingCost.unitCostAfter", "改造后（本项目）单位成本超出允许范围" },
        {
            Workshop(""" "productionEfficiency": { "outputBefore": 1e20, "headcountBefore": 1e-20, "outputAfter": 1928, "headcountAfter": 648 } """),
            "kpi.productionEfficiency.headcountBefore", "实施前（行业平均）人数超出允许范围"
        },
        {
            """{ "kind": "digitalWorkshop", "technical": { "equipmentTotal": 99999999999 } }""",
            "technical.equipmentTotal", "超出允许范围"
        },
    };

    [Theory]
    [MemberData(nameof(ApiCases))]
    public async Task PostPreCheck_IssueFigures_Returns400NamingTheFieldNever500(string body, string field, string words)
    {
        using var client = portal.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync(new Uri("/api/v1/precheck", UriKind.Relative), content);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateArray().ToList();
        var error = Assert.Single(errors, e => e.GetProperty("field").GetString() == field);
        Assert.Contains(words, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("应为整数", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreCheckForm_OutputAndHeadcountOutOfRange_MessageBesideEachField()
    {
        using var client = new AccountClient(portal);
        var page = await client.SubmitAsync("/precheck?kind=digitalWorkshop", "technical.equipmentTotal", new Dictionary<string, string>
        {
            ["technical.equipmentTotal"] = "30",
            ["technical.digitalEquipment"] = "99999999999",
            ["kpi.baseline"] = "renovation",
            ["kpi.productionEfficiency.outputBefore"] = "1e20",
            ["kpi.productionEfficiency.headcountBefore"] = "1e-20",
            ["kpi.productionEfficiency.outputAfter"] = "1928",
            ["kpi.productionEfficiency.headcountAfter"] = "648",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        string? Beside(string name) =>
            page.Document.QuerySelector($"input[name='{name}']")?.ParentElement?.QuerySelector(".field-error")?.TextContent;
        Assert.Contains("超出允许范围", Beside("technical.digitalEquipment"), StringComparison.Ordinal);
        Assert.Contains("超出允许范围", Beside("kpi.productionEfficiency.outputBefore"), StringComparison.Ordinal);
        Assert.Contains("超出允许范围", Beside("kpi.productionEfficiency.headcountBefore"), StringComparison.Ordinal);
    }

    // The issue: “A change-password POST without the old-password field answers 500”.
    [Theory]
    [InlineData("old password left out", "当前密码：请填写当前密码")]
    [InlineData("new password left out", "新密码：请填写新密码")]
    public async Task ChangePassword_PostedWithoutAField_ChineseMessageNot500(string scenario, string message)
    {
        using var client = new AccountClient(portal);
        await client.SignInAsync("enterprise");
        var fields = scenario == "old password left out"
            ? new Dictionary<string, string> { ["Input.NewPassword"] = "Changed@2026!x", ["Input.ConfirmPassword"] = "Changed@2026!x" }
            : new Dictionary<string, string> { ["Input.OldPassword"] = NuMeng.Recognition.Data.Seeding.DemoSeeder.DemoPassword };

        var page = await client.SubmitAsync("/account/change-password", "change-password", fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.Text("[data-testid=password-errors]"), StringComparison.Ordinal);
    }

    // Every other form posted with nothing but its token and handler: a page (validation message or the form again), never a 500.
    [Theory]
    [InlineData("enterprise", "/account/change-password", "change-password")]
    [InlineData("enterprise", "/enterprise/users", "add-enterprise-user")]
    [InlineData(null, "/precheck?kind=digitalWorkshop", "precheck")]
    [InlineData(null, "/account/register", "register")]
    [InlineData(null, "/account/login", "login")]
    public async Task Form_PostedEmpty_AnswersBelow500(string? user, string path, string handler)
    {
        using var client = new AccountClient(portal);
        if (user is not null)
        {
            await client.SignInAsync(user);
        }
        var page = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var form = page.Document.Forms.First(f => f.QuerySelector($"input[name='_handler'][value='{handler}']") is not null);
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => (Name: i.GetAttribute("name"), Value: i.GetAttribute("value") ?? ""))
            .Where(f => f.Name is "_handler" or "__RequestVerificationToken")
            .ToDictionary(f => f.Name!, f => f.Value);
        var target = form.GetAttribute("action") is { Length: > 0 } action ? action : path;

        var posted = await client.PostRawAsync(target, fields);

        Assert.True((int)posted.Status < 500, $"{path}: {(int)posted.Status}");
        if (posted.Status == HttpStatusCode.OK)
        {
            Assert.Matches("请|不能|应|须", posted.MainText);
        }
    }
}
