using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data.Auditing;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Admin;

/// <summary>
/// §3 in the running portal: the key ring is useless without the certificate kept outside the database,
/// a second instance with the certificate shares sessions, Production refuses to start without it, and /admin/audit
/// names the range a database administrator removed after a checkpoint.
/// </summary>
public sealed class SecretsOutsideTheDatabaseTests
{
    private static string? Authenticator(string _) => DemoSeeder.DemoAuthenticatorKey;

    [Fact]
    public async Task CopiedDatabase_SecondInstanceWithoutTheCertificate_ProducesNoCookieTheFirstAccepts()
    {
        using var first = new PortalFactory();
        using var firstClient = await HttpSignIn.SignInAsync(first, "enterprise", Authenticator);
        var copy = Path.Combine(Path.GetTempPath(), "numeng-copy-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            CopyDatabase(first.DatabasePath, copy);
            // The attacker's instance: the public code, a copy of the database (a backup), but not the certificate.
            using var second = new PortalFactory(new PortalOptions { ConnectionString = $"Data Source={copy}", SeedDemo = false });
            using var secondClient = await HttpSignIn.SignInAsync(second, "enterprise", Authenticator);

            var firstOwn = await firstClient.GetAsync(new Uri(first.RootUri, "/workspace"));
            var secondOwn = await secondClient.GetAsync(new Uri(second.RootUri, "/workspace"));
            var secondsCookieAtFirst = await secondClient.GetAsync(new Uri(first.RootUri, "/workspace"));
            var firstsCookieAtSecond = await firstClient.GetAsync(new Uri(second.RootUri, "/workspace"));

            Assert.Equal(HttpStatusCode.OK, firstOwn.StatusCode);
            Assert.Equal(HttpStatusCode.OK, secondOwn.StatusCode);
            AssertSentToSignIn(secondsCookieAtFirst);
            AssertSentToSignIn(firstsCookieAtSecond);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(copy);
        }
    }

    [Fact]
    public async Task SecondInstance_WithTheCertificate_SharesSessionsBothWays()
    {
        using var first = new PortalFactory();
        using var firstClient = await HttpSignIn.SignInAsync(first, "enterprise", Authenticator);
        using var second = new PortalFactory(new PortalOptions
        {
            ConnectionString = first.ConnectionString,
            SeedDemo = false,
            CertificatePath = first.CertificatePath,
            AnchorDirectory = first.AnchorDirectory,
        });
        using var secondClient = await HttpSignIn.SignInAsync(second, "dept.staff", Authenticator);

        var firstsCookieAtSecond = await firstClient.GetAsync(new Uri(second.RootUri, "/workspace"));
        var secondsCookieAtFirst = await secondClient.GetAsync(new Uri(first.RootUri, "/workspace"));

        Assert.Equal(HttpStatusCode.OK, firstsCookieAtSecond.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondsCookieAtFirst.StatusCode);
    }

    [Fact]
    public void Production_WithoutTheCertificate_RefusesToStartNamingTheSetting()
    {
        using var portal = new PortalFactory();
        using var production = portal.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            // Production refuses the demo first (its own test); without it, the missing certificate must stop the start.
            b.UseSetting("Demo:Seed", "false");
            b.UseSetting("Secrets:CertificatePath", "");
        });

        var error = Assert.ThrowsAny<Exception>(() => production.Services);

        var messages = string.Join(" | ", Flatten(error).Select(e => e.Message));
        Assert.Contains("生产环境必须配置门户密钥证书：请设置 Secrets:CertificatePath", messages, StringComparison.Ordinal);
        Assert.Contains("Production requires the portal secrets certificate", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_TailTruncatedAfterACheckpoint_NamesTheMissingRange()
    {
        using var portal = new PortalFactory();
        using var auditor = await HttpSignIn.SignInAsync(portal, "auditadmin", Authenticator);
        var checkpoint = await CheckpointAsync(portal);

        var intact = await auditor.GetStringAsync(new Uri(portal.RootUri, "/admin/audit"));
        await using (var connection = new SqliteConnection($"Data Source={portal.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var delete = connection.CreateCommand();
            delete.CommandText = $"""DELETE FROM "AuditEntries" WHERE "Sequence" >= {checkpoint.Sequence - 1}""";
            await delete.ExecuteNonQueryAsync();
        }
        var truncated = await auditor.GetStringAsync(new Uri(portal.RootUri, "/admin/audit"));

        Assert.Contains("链完整", intact, StringComparison.Ordinal);
        Assert.Contains($"最近检查点：第 {checkpoint.Sequence} 条", intact, StringComparison.Ordinal);
        var verdict = Verdict(truncated);
        Assert.True(verdict.Contains("链已断开", StringComparison.Ordinal), verdict);
        // "第 S-1 至 S 条记录缺失" — or "第 S 条记录缺失" when the portal appended an entry of its own after the deletion.
        Assert.True(verdict.Contains($"{checkpoint.Sequence} 条记录缺失", StringComparison.Ordinal), verdict);
        Assert.Contains("末尾被截断", verdict, StringComparison.Ordinal);
    }

    private static async Task<AuditCheckpoint> CheckpointAsync(PortalFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<IAuditLog>();
        var outcome = await log.CheckpointAsync();
        // The portal's own checkpoint service may have anchored the head already.
        return outcome.Written ?? outcome.Report.LatestCheckpoint
            ?? (await scope.ServiceProvider.GetRequiredService<AuditIntegrity>().ReadAnchorsAsync()).Latest
            ?? throw new InvalidOperationException(outcome.Report.Describe());
    }

    private static string Verdict(string html) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("[data-testid=audit-chain]")?.TextContent.Trim() ?? html;

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static void CopyDatabase(string from, string to)
    {
        using var source = new SqliteConnection($"Data Source={from}");
        using var target = new SqliteConnection($"Data Source={to}");
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }
}
