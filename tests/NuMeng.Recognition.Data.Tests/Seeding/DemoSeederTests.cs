using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data.Identity;
using NuMeng.Recognition.Data.Organisations;
using NuMeng.Recognition.Data.Recognition;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Data.Tests.Infrastructure;
using NuMeng.Recognition.Domain.Applications;
using NuMeng.Recognition.Domain.Eligibility;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.RuleSets;
using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Data.Tests.Seeding;

/// <summary>
/// the department, the 12 bureaus, the agency, ≥ 10 enterprises across several 盟市 and all three
/// manufacturing types, ≥ 8 experts, an open batch of each kind, applications in a spread of states, one account per
/// role; seeding twice adds nothing.
/// </summary>
public abstract class DemoSeederTests(ITestDatabaseProvider databases)
{
    [ProviderFact]
    public async Task Seed_RunTwice_AddsNothingTheSecondTime()
    {
        await using var database = await databases.CreateSeededAsync();
        var before = await CountsAsync(database);

        await database.Services.InitializeRecognitionDatabaseAsync(seedDemo: true);
        var after = await CountsAsync(database);

        Assert.Equal(before, after);
        Assert.True((await database.AuditLog().VerifyChainAsync()).IsIntact);
    }

    [ProviderFact]
    public async Task Seed_Content_CoversEveryRequiredKind()
    {
        var database = await databases.SharedSeededAsync();
        await using var db = database.SystemContext();
        var organisations = await db.Organisations.ToListAsync();
        var enterprises = organisations.Where(o => o.Kind == OrganisationKind.Enterprise).ToList();

        Assert.Single(organisations, o => o.Kind == OrganisationKind.Department);
        Assert.Equal(12, organisations.Count(o => o.Kind == OrganisationKind.Bureau));
        Assert.Single(organisations, o => o.Kind == OrganisationKind.Agency);
        Assert.True(enterprises.Count >= 10);
        Assert.True(enterprises.Select(e => e.LeagueCode).Distinct().Count() >= 5);
        Assert.Equal(3, enterprises.Select(e => e.ManufacturingType).Distinct().Count());
        Assert.True(await db.Experts.CountAsync() >= 8);
        foreach (var kind in Enum.GetValues<RecognitionKind>())
        {
            Assert.True(await db.Batches.AnyAsync(b => b.Kind == kind && b.State == BatchState.Open), $"open batch of {kind}");
        }
        var states = await db.Applications.Select(a => a.State).Distinct().ToListAsync();
        foreach (var state in new[] { ApplicationState.Draft, ApplicationState.Submitted, ApplicationState.Returned,
                     ApplicationState.BureauRecommended, ApplicationState.UnderExpertReview, ApplicationState.InPublicNotice,
                     ApplicationState.Recognised, ApplicationState.Revoked })
        {
            Assert.Contains(state, states);
        }
        Assert.Equal(await db.Applications.CountAsync(a => a.State != ApplicationState.Draft), await db.ApplicationVersions.CountAsync());
    }

    [ProviderFact]
    public async Task Seed_ApplicationContent_CurrentShapeEverywhereAndA2PassesTheLiveCheck()
    {
        var database = await databases.SharedSeededAsync();
        await using var db = database.SystemContext();
        var apps = await db.Applications.AsNoTracking().ToListAsync();
        var versions = await db.ApplicationVersions.AsNoTracking().ToListAsync();

        // Read strictly (unknown fields are errors): the form opens every demo draft filled, never "empty with a notice".
        foreach (var (what, json) in apps.Select(a => (a.WorkshopOrFactoryName, a.CurrentDraftJson))
                     .Concat(versions.Select(v => ($"version {v.ApplicationId}/{v.Number}", v.ContentJson))))
        {
            var content = ApplicationContent.Read(json, out var errors);
            Assert.True(content is not null, $"{what}: {string.Join("；", errors)}");
        }
        var a1 = apps.Single(a => a.Id == DemoSeeder.ApplicationId("A1"));
        var a1Content = ApplicationContent.Read(a1.CurrentDraftJson, out _)!;
        Assert.Equal((a1.WorkshopOrFactoryName, DemoSeeder.CreditCodeOf(1)), (a1Content.Project!.Name, a1Content.Enterprise!.CreditCode));
        Assert.Null(a1Content.Commitment); // a draft: the commitment is accepted only at submission

        // A2 (智能工厂, submitted) passes the live check of the pre-check engine: every bar and the eligibility.
        var a2 = apps.Single(a => a.Id == DemoSeeder.ApplicationId("A2"));
        var report = ApplicationContent.Read(a2.CurrentDraftJson, out _)!.Evaluate(a2.Kind, new DateOnly(2026, 11, 22), RuleSetCatalog.Current).Report;
        Assert.NotNull(report);
        var failures = report.Requirements.Failures.Concat(report.Eligibility?.Failures ?? []).Select(f => $"{f.Code} {f.Explanation}");
        Assert.True(report.Passed, string.Join("\n", failures));
    }

    [ProviderFact]
    public async Task Seed_RenameRequests_OneWaitingForHohhotOneForwardedByTongliao()
    {
        var database = await databases.SharedSeededAsync();
        await using var db = database.SystemContext();
        var renames = await db.RenameRequests.AsNoTracking().ToListAsync();

        var waiting = Assert.Single(renames, r => r.State == RenameRequestState.Submitted);
        Assert.Equal((DemoSeeder.ApplicationId("A13"), WellKnownIds.Bureau("1501")), (waiting.ApplicationId, waiting.RequestedByBureauId));
        Assert.Null(waiting.BureauOpinion);
        var forwarded = Assert.Single(renames, r => r.State == RenameRequestState.Forwarded);
        Assert.Equal((DemoSeeder.ApplicationId("A10"), WellKnownIds.Bureau("1505")), (forwarded.ApplicationId, forwarded.RequestedByBureauId));
        Assert.False(string.IsNullOrEmpty(forwarded.BureauOpinion));
        Assert.NotNull(forwarded.ForwardedAt);
        Assert.All(renames, r => Assert.NotNull(r.RequestedByUserId));
    }

    [ProviderFact]
    public async Task Seed_CreditCodes_HaveValidCheckCharacterAndTheirLeague()
    {
        // GB 32100-2015: weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28 over the 31-character set; check =
        // 31 − (Σ mod 31), 31 → 0. Computed here independently of the domain, and checked with the domain too.
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        const string charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var database = await databases.SharedSeededAsync();
        await using var db = database.SystemContext();
        var enterprises = await db.Organisations.Where(o => o.Kind == OrganisationKind.Enterprise).ToListAsync();

        foreach (var e in enterprises)
        {
            var code = e.CreditCode!;
            var sum = Enumerable.Range(0, 17).Sum(i => charset.IndexOf(code[i], StringComparison.Ordinal) * weights[i]);
            var check = 31 - (sum % 31);
            Assert.Equal(charset[check == 31 ? 0 : check], code[17]);
            Assert.True(CreditCode.IsValid(code), code);
            Assert.StartsWith("15", code[2..8], StringComparison.Ordinal);
            Assert.Equal(e.LeagueCode, code[2..6]);
        }
    }

    [ProviderFact]
    public async Task Seed_Accounts_OnePerRoleAndPasswordsVerifyWithIdentity()
    {
        var database = await databases.SharedSeededAsync();
        await using var scope = database.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        foreach (var role in RoleNames.AccountRoles)
        {
            Assert.NotEmpty(await users.GetUsersInRoleAsync(RoleNames.Of(role)));
        }
        foreach (var account in DemoSeeder.Accounts.Where(a => !a.UserName.Contains('.', StringComparison.Ordinal) || a.UserName.StartsWith("bureau", StringComparison.Ordinal) || a.UserName.StartsWith("dept", StringComparison.Ordinal)))
        {
            var user = await users.FindByNameAsync(account.UserName);
            Assert.NotNull(user);
            Assert.True(await users.CheckPasswordAsync(user, DemoSeeder.DemoPassword), account.UserName);
            Assert.False(await users.CheckPasswordAsync(user, "wrong-Password1!"));
        }
    }

    [ProviderFact]
    public async Task ClaimsPrincipalFactory_BureauLeader_ActorCarriesOrganisationAndLeague()
    {
        // The web app signs users in with AppUserClaimsPrincipalFactory and builds the actor with FromPrincipal.
        var database = await databases.SharedSeededAsync();
        await using var scope = database.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var factory = ActivatorUtilities.CreateInstance<AppUserClaimsPrincipalFactory>(scope.ServiceProvider);

        var leader = await factory.CreateAsync((await users.FindByNameAsync("bureau.leader"))!);
        var expert = await factory.CreateAsync((await users.FindByNameAsync("expert"))!);
        var actor = CurrentActor.FromPrincipal(leader);
        var expertActor = CurrentActor.FromPrincipal(expert);

        Assert.True(actor.IsAuthenticated);
        Assert.Equal(DemoSeeder.UserId("bureau.leader"), actor.UserId);
        Assert.Equal(WellKnownIds.Bureau("1501"), actor.OrganisationId);
        Assert.Equal("呼和浩特市工业和信息化局", actor.OrganisationName);
        Assert.Equal("1501", actor.LeagueCode);
        Assert.Equal([ActorRole.BureauLeader], actor.Roles);
        Assert.Equal(DemoSeeder.ExpertId(1), expertActor.ExpertId);
        Assert.Null(expertActor.OrganisationId);
        Assert.Same(CurrentActor.Anonymous, CurrentActor.FromPrincipal(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    [ProviderFact]
    public async Task Seed_SubmittedVersions_HashesVerifyAndAuditChainIsIntact()
    {
        var database = await databases.SharedSeededAsync();
        await using var db = database.SystemContext();
        var versions = await db.ApplicationVersions.Include(v => v.Attachments).ToListAsync();

        Assert.All(versions, v => Assert.Equal(v.ContentHash, v.ComputeHash()));
        Assert.All(versions, v => Assert.Single(v.Attachments));
        var attachments = await db.Attachments.ToListAsync();
        Assert.All(attachments, a => Assert.Equal(a.Sha256, Hashing.Sha256Hex.Of(DemoSeeder.DemoAttachmentBytes(a.StoredName))));
        var report = await database.AuditLog().VerifyChainAsync();
        Assert.True(report.IsIntact, report.Describe());
        Assert.True(report.EntriesChecked > 10);
    }

    private static async Task<string> CountsAsync(TestDatabase database)
    {
        await using var db = database.SystemContext();
        var counts = new[]
        {
            await db.Organisations.CountAsync(), await db.Users.CountAsync(), await db.Roles.CountAsync(),
            await db.Experts.CountAsync(), await db.Batches.CountAsync(), await db.Applications.CountAsync(),
            await db.ApplicationVersions.CountAsync(), await db.Attachments.CountAsync(), await db.BureauReviews.CountAsync(),
            await db.ExpertAssignments.CountAsync(), await db.ExpertScores.CountAsync(), await db.Certificates.CountAsync(),
            await db.HolidayEntries.CountAsync(), await db.AuditEntries.CountAsync(),
            await db.Notifications.IgnoreQueryFilters().CountAsync(), await db.PublicNotices.CountAsync(),
        };
        return string.Join(",", counts);
    }
}

public sealed class SqliteDemoSeederTests() : DemoSeederTests(SqliteDatabases.Instance);

[RequiresPostgres]
[Collection(PostgresServer.CollectionName)]
public sealed class PostgresDemoSeederTests(PostgresServer server) : DemoSeederTests(PostgresDatabases.For(server));
