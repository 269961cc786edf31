using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Batches;

/// <summary>
/// Every /department page and form is the department's (Policies.Department), enforced on the server: bureau, enterprise,
/// agency and expert accounts are sent to access-denied for GET and POST alike, and a POST changes nothing.
/// </summary>
public sealed class DepartmentPageAccessTests(PortalFactory fixture) : IClassFixture<PortalFactory>
{
    private static readonly string[] Users = ["bureau.reviewer", "bureau.leader", "enterprise", "agency", "expert"];

    private static readonly string[] Paths =
    [
        "/department/batches", "/department/batches/new", $"/department/batches/{DemoSeeder.BatchId(2026, 1, RecognitionKind.DigitalWorkshop):D}",
        "/department/intake", "/department/rulesets", "/department/calendar", "/department/scenes", "/department/scenes/template.xlsx",
        // ADR 0009: viewing a version, the copy form, the difference with activation.
        $"/department/rulesets?version={Tech1:D}", $"/department/rulesets?new={Tech1:D}", $"/department/rulesets?compare={Tech1:D}",
    ];

    private static readonly Guid Tech1 = WellKnownIds.For("ruleset:NM-2024-TECH@1");

    public static TheoryData<string, string> UserPaths()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in Users)
        {
            foreach (var path in Paths)
            {
                data.Add(user, path);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(UserPaths))]
    public async Task Get_OtherRole_AccessDenied(string user, string path)
    {
        var client = await fixture.ClientAsync(user);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        AssertDenied(response);
    }

    [Theory]
    [MemberData(nameof(UserPaths))]
    public async Task Post_OtherRole_AccessDeniedAndNothingChanged(string user, string path)
    {
        var client = await fixture.ClientAsync(user);
        var before = await SnapshotAsync();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "batch", ["year"] = "2030", ["round"] = "1", ["kind"] = "DigitalWorkshop", ["title"] = "越权批次",
            ["ruleSet"] = "NM-2024-TECH@1", ["opensOn"] = "2030-01-01", ["closesOn"] = "2030-02-01", ["scoreAggregation"] = "Mean",
            ["confirm"] = "yes", ["op"] = "close",
            ["version"] = "9", ["name"] = "越权版本", ["effectiveDate"] = "2030-01-01", ["f.factory.equipmentNcRate"] = "99",
        });

        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.True((int)response.StatusCode is 302 or 400 or 403 or 405, $"{user} POST {path} 返回 {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Contains("/account/access-denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("/department/batches")]
    [InlineData("/department/intake")]
    [InlineData("/department/scenes")]
    public async Task Get_Anonymous_SentToLogin(string path)
    {
        using var client = HttpSignIn.NewClient(fixture);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static void AssertDenied(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            return;
        }
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>What a forbidden POST could have changed: batches (count and states), holidays, scene editions, application states.</summary>
    private async Task<string> SnapshotAsync()
    {
        using var scope = fixture.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<RecognitionDbContext>>();
        await using var db = new RecognitionDbContext(options, CurrentActor.System("测试"));
        var batches = await db.Batches.OrderBy(b => b.Id).Select(b => b.Id + ":" + b.State + ":" + b.ConcurrencyStamp).ToListAsync();
        var holidays = await db.HolidayEntries.CountAsync();
        var scenes = await db.SceneCatalogueRecords.CountAsync();
        var apps = await db.Applications.OrderBy(a => a.Id).Select(a => a.State.ToString()).ToListAsync();
        var ruleSets = (await db.RuleSetRecords.Select(r => new { r.Code, r.Version, r.PayloadSha256, r.ActivatedAt }).ToListAsync())
            .OrderBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.Version, StringComparer.Ordinal)
            .Select(r => $"{r.Code}@{r.Version}:{r.PayloadSha256}:{r.ActivatedAt:O}");
        return string.Join("|", batches) + $"#{holidays}#{scenes}#" + string.Join(",", apps) + "#" + string.Join(",", ruleSets);
    }
}
