using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Data.Tests.Infrastructure;

namespace NuMeng.Recognition.Data.Tests.Tenancy;

/// <summary>
/// one global rule decides what each user may see. These tests read the demo data set through the
/// DbContext as every demo actor and assert exactly which rows of each kind come back. Demo applications
/// (DemoSeeder): A1 enterprise 1 (1501) Draft · A2 ent 2 (1501) Submitted · A3 ent 3 (1502) Returned · A4 ent 4 (1502)
/// BureauRecommended · A5 ent 5 (1503) Submitted · A6 ent 11 (1508) Draft · A7 ent 1 (1501) BureauRecommended ·
/// A8 ent 8 (1506) UnderExpertReview (experts 1 declared, 2 not yet, 9 recused) · A9 ent 6 (1504) InPublicNotice
/// (experts 1, 3) · A10 ent 7 (1505) Recognised · A11 ent 10 (1507) Revoked · A13 ent 1 (1501) Recognised.
/// Every batch is entrusted to the demo agency.
/// </summary>
public abstract class TenancyTests(ITestDatabaseProvider databases)
{
    private static readonly string[] Keys = ["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10", "A11", "A13"];
    private static readonly Dictionary<Guid, string> KeyOf = Keys.ToDictionary(DemoSeeder.ApplicationId, k => k);
    private static readonly Dictionary<Guid, string> ExpertOf =
        Enumerable.Range(1, 10).ToDictionary(DemoSeeder.ExpertId, n => n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    // Expected values: a comma-separated list of keys, "-" for none.
    [ProviderTheory]
    // An enterprise sees its own organisation's applications, drafts included.
    [InlineData("enterprise", "A1,A13,A7")]
    [InlineData("enterprise2", "A3")]
    // A bureau sees the submitted (not draft) applications of its 盟市: A1 (1501, draft) is hidden from 呼和浩特.
    [InlineData("bureau.reviewer", "A13,A2,A7")]
    [InlineData("bureau.leader", "A13,A2,A7")]
    [InlineData("bureau2.reviewer", "A3,A4")]
    // The department sees everything.
    [InlineData("dept.staff", "A1,A10,A11,A13,A2,A3,A4,A5,A6,A7,A8,A9")]
    [InlineData("dept.leader", "A1,A10,A11,A13,A2,A3,A4,A5,A6,A7,A8,A9")]
    // The agency: batches entrusted to it, from expert review on.
    [InlineData("agency", "A10,A11,A13,A8,A9")]
    // An expert: assigned AND declared no conflict; expert 2 has not declared yet on A8.
    [InlineData("expert", "A8,A9")]
    [InlineData("expert2", "-")]
    // The three administrators and anonymous visitors see no business data.
    [InlineData("sysadmin", "-")]
    [InlineData("secadmin", "-")]
    [InlineData("auditadmin", "-")]
    [InlineData("anonymous", "-")]
    public async Task Applications_EachActor_SeesExactlyItsRows(string user, string expected)
    {
        await using var db = await ContextAsync(DemoActors.For(user));
        var ids = await db.Applications.Select(a => a.Id).ToListAsync();
        Assert.Equal(expected, Join(ids.Select(id => KeyOf[id])));
    }

    [ProviderTheory]
    // Versions, attachments, bureau reviews and certificates follow the application they belong to.
    [InlineData("enterprise", "Versions", "A13,A7")]
    [InlineData("enterprise", "Attachments", "A13,A7")]
    [InlineData("enterprise", "BureauReviews", "A13,A7")]
    [InlineData("enterprise", "Certificates", "A13")]
    [InlineData("enterprise2", "Versions", "A3")]
    [InlineData("enterprise2", "BureauReviews", "A3")]
    [InlineData("enterprise2", "Certificates", "-")]
    [InlineData("bureau.reviewer", "Versions", "A13,A2,A7")]
    [InlineData("bureau.reviewer", "Attachments", "A13,A2,A7")]
    [InlineData("bureau.reviewer", "BureauReviews", "A13,A7")]
    [InlineData("bureau.reviewer", "Certificates", "A13")]
    [InlineData("bureau2.reviewer", "BureauReviews", "A3,A4")]
    [InlineData("bureau2.reviewer", "Certificates", "-")]
    [InlineData("agency", "Versions", "A10,A11,A13,A8,A9")]
    [InlineData("agency", "Certificates", "A10,A11,A13")]
    [InlineData("expert", "Versions", "A8,A9")]
    [InlineData("expert", "Attachments", "A8,A9")]
    [InlineData("expert", "BureauReviews", "A8,A9")]
    [InlineData("expert", "Certificates", "-")]
    [InlineData("expert2", "Versions", "-")]
    [InlineData("dept.staff", "Certificates", "A10,A11,A13")]
    [InlineData("dept.staff", "Versions", "A10,A11,A13,A2,A3,A4,A5,A7,A8,A9")]
    [InlineData("sysadmin", "Versions", "-")]
    [InlineData("sysadmin", "Attachments", "-")]
    [InlineData("sysadmin", "Certificates", "-")]
    [InlineData("auditadmin", "Versions", "-")]
    [InlineData("auditadmin", "BureauReviews", "-")]
    [InlineData("anonymous", "Attachments", "-")]
    [InlineData("anonymous", "Certificates", "-")]
    public async Task ApplicationChildren_EachActor_FollowTheApplicationRule(string user, string kind, string expected)
    {
        await using var db = await ContextAsync(DemoActors.For(user));
        var applicationIds = kind switch
        {
            "Versions" => await db.ApplicationVersions.Select(v => v.ApplicationId).ToListAsync(),
            "Attachments" => await db.Attachments.Select(a => a.ApplicationId!.Value).ToListAsync(),
            "BureauReviews" => await db.BureauReviews.Select(r => r.ApplicationId).ToListAsync(),
            "Certificates" => await db.Certificates.Select(c => c.ApplicationId).ToListAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        Assert.Equal(expected, Join(applicationIds.Select(id => KeyOf[id])));
    }

    [ProviderTheory]
    // Expert review is never visible to the enterprise or the bureau; an expert sees their own assignments always
    // (to declare) and only their own score sheets (drafts too); the agency sees its entrusted batches' assignments, the
    // department all — and of the score sheets both only the submitted ones of a closed panel (A9's; A8's leader holds a
    // draft and the panel is open: ADR 0008).
    [InlineData("expert", "A8:1,A9:1", "A8:1,A9:1")]
    [InlineData("expert2", "A8:2", "-")]
    [InlineData("agency", "A8:1,A8:2,A8:9,A9:1,A9:3", "A9:1,A9:3")]
    [InlineData("dept.staff", "A8:1,A8:2,A8:9,A9:1,A9:3", "A9:1,A9:3")]
    [InlineData("dept.leader", "A8:1,A8:2,A8:9,A9:1,A9:3", "A9:1,A9:3")]
    [InlineData("enterprise", "-", "-")]
    [InlineData("bureau.reviewer", "-", "-")]
    [InlineData("sysadmin", "-", "-")]
    [InlineData("auditadmin", "-", "-")]
    [InlineData("anonymous", "-", "-")]
    public async Task ExpertReview_EachActor_SeesOnlyPermittedAssignmentsAndScores(string user, string assignments, string scores)
    {
        await using var db = await ContextAsync(DemoActors.For(user));
        var visibleAssignments = await db.ExpertAssignments.Select(x => new { x.ApplicationId, x.ExpertId, x.Id }).ToListAsync();
        var byId = await db.ExpertAssignments.IgnoreQueryFilters().ToDictionaryAsync(x => x.Id, x => $"{KeyOf[x.ApplicationId]}:{ExpertOf[x.ExpertId]}");
        var visibleScores = await db.ExpertScores.Select(s => s.AssignmentId).ToListAsync();

        Assert.Equal(assignments, Join(visibleAssignments.Select(x => $"{KeyOf[x.ApplicationId]}:{ExpertOf[x.ExpertId]}")));
        Assert.Equal(scores, Join(visibleScores.Select(id => byId[id])));
    }

    [ProviderFact]
    public async Task ExpertReview_RecusedExpertWithDetectedConflict_SeesAssignmentButNotApplication()
    {
        // 专家 9 is linked to the consultancy that prepared A8: conflict detected, recused.
        await using var db = await ContextAsync(DemoActors.Expert(9));
        Assert.Equal(1, await db.ExpertAssignments.CountAsync());
        Assert.Equal(0, await db.Applications.CountAsync());
        Assert.Equal(0, await db.ApplicationVersions.CountAsync());
    }

    [ProviderTheory]
    // The audit administrator reads the audit log and no business data; the system administrator cannot read it.
    [InlineData("auditadmin", true)]
    [InlineData("dept.staff", true)]
    [InlineData("sysadmin", false)]
    [InlineData("secadmin", false)]
    [InlineData("enterprise", false)]
    [InlineData("bureau.leader", false)]
    [InlineData("agency", false)]
    [InlineData("expert", false)]
    [InlineData("anonymous", false)]
    public async Task AuditLog_EachActor_ReadsAllOrNothing(string user, bool readsAll)
    {
        await using var db = await ContextAsync(DemoActors.For(user));
        var total = await db.AuditEntries.IgnoreQueryFilters().CountAsync();
        Assert.True(total > 10, $"the demo writes audit entries ({total})");
        Assert.Equal(readsAll ? total : 0, await db.AuditEntries.CountAsync());
    }

    [ProviderTheory]
    // Users: administrators (system, security) and the department see all; others their own organisation's accounts
    // (and themselves); anonymous sign-in must find accounts by name.
    [InlineData("sysadmin", "*")]
    [InlineData("secadmin", "*")]
    [InlineData("dept.staff", "*")]
    [InlineData("anonymous", "*")]
    [InlineData("auditadmin", "auditadmin")]
    [InlineData("enterprise", "enterprise")]
    [InlineData("bureau.reviewer", "bureau.leader,bureau.reviewer")]
    [InlineData("expert", "expert")]
    [InlineData("agency", "agency")]
    public async Task Users_EachActor_SeesPermittedAccounts(string user, string expected)
    {
        await using var db = await ContextAsync(DemoActors.For(user));
        var names = await db.Users.Select(u => u.UserName!).ToListAsync();
        var all = await db.Users.IgnoreQueryFilters().Select(u => u.UserName!).ToListAsync();
        Assert.Equal(expected == "*" ? Join(all) : expected, Join(names));
    }

    [ProviderTheory]
    // 14 public bodies (department, 12 bureaus, agency) and 12 demo enterprises.
    [InlineData("sysadmin", 26, 12)]
    [InlineData("dept.staff", 26, 12)]
    [InlineData("enterprise", 15, 1)]
    [InlineData("bureau.reviewer", 16, 2)]   // enterprises 1 and 2 are in 1501
    [InlineData("agency", 19, 5)]            // enterprises of A8, A9, A10, A11, A13
    [InlineData("expert", 16, 2)]            // enterprises of A8 and A9
    [InlineData("auditadmin", 0, 0)]
    [InlineData("anonymous", 0, 0)]
    public async Task Organisations_EachActor_SeesPublicBodiesAndPermittedEnterprises(string user, int total, int enterprises)
    {
        await using var db = await ContextAsync(DemoActors.For(user));
        Assert.Equal(total, await db.Organisations.CountAsync());
        Assert.Equal(enterprises, await db.Organisations.CountAsync(o => o.Kind == Organisations.OrganisationKind.Enterprise));
    }

    [ProviderTheory]
    // Department-internal decisions and objections (the objector's identity is confidential): department only.
    [InlineData("dept.staff", 1, 1, 10)]
    [InlineData("enterprise", 0, 0, 0)]
    [InlineData("bureau.reviewer", 0, 0, 0)]
    [InlineData("agency", 0, 0, 10)]
    [InlineData("expert", 0, 0, 1)]
    [InlineData("sysadmin", 0, 0, 0)]
    [InlineData("auditadmin", 0, 0, 0)]
    public async Task DepartmentDecisionsAndExperts_EachActor_SeesPermittedRows(string user, int preSelection, int partyGroup, int experts)
    {
        await using var db = await ContextAsync(DemoActors.For(user));
        Assert.Equal(preSelection, await db.PreSelectionLists.CountAsync());
        Assert.Equal(preSelection, await db.PreSelectionEntries.CountAsync());
        Assert.Equal(partyGroup, await db.PartyGroupDecisions.CountAsync());
        Assert.Equal(partyGroup, await db.PartyGroupDecisionEntries.CountAsync());
        Assert.Equal(experts, await db.Experts.CountAsync());
    }

    [ProviderTheory]
    [InlineData("anonymous")]
    [InlineData("enterprise2")]
    [InlineData("auditadmin")]
    public async Task PublicNotice_Open_IsPublic(string user)
    {
        // 公示 is public: anyone may read an open notice and its list.
        await using var db = await ContextAsync(DemoActors.For(user));
        Assert.Equal(1, await db.PublicNotices.CountAsync());
        Assert.Equal(1, await db.PublicNoticeEntries.CountAsync());
        Assert.Equal(8, await db.Batches.CountAsync());
    }

    [ProviderTheory]
    [InlineData("enterprise", 1)]
    [InlineData("enterprise2", 0)]
    [InlineData("dept.staff", 0)]
    public async Task Notifications_EachUser_SeesOnlyOwn(string user, int expected)
    {
        await using var db = await ContextAsync(DemoActors.For(user));
        Assert.Equal(expected, await db.Notifications.CountAsync());
    }

    [ProviderFact]
    public async Task UnfilteredQueries_PublicCertificateLookup_FindsTheCodeNotAWrongOne()
    {
        await using var db = await ContextAsync(CurrentActor.Anonymous);
        var all = await db.Certificates.IgnoreQueryFilters().OrderBy(c => c.Number).ToListAsync();
        var first = all[0];

        // The lookup of the public /verify page (PublicVerification), by the code printed on the certificate.
        var verified = await UnfilteredQueries.FindCertificateForPublicAsync(db, null, first.VerificationCode);
        var wrongCode = await UnfilteredQueries.FindCertificateForPublicAsync(db, null, "WRONGCODE");

        Assert.NotNull(verified);
        Assert.Equal(first.EnterpriseName, verified.EnterpriseName);
        Assert.Equal(first.ValidUntil, verified.ValidUntil);
        Assert.Null(wrongCode);
        Assert.Equal(0, await db.Certificates.CountAsync());
    }

    [ProviderFact]
    public async Task UnfilteredQueries_CreditCodeTaken_AnswersWithoutRevealingTheOrganisation()
    {
        await using var db = await ContextAsync(CurrentActor.Anonymous);
        Assert.True(await UnfilteredQueries.CreditCodeTakenAsync(db, DemoSeeder.CreditCodeOf(3).ToLowerInvariant()));
        Assert.False(await UnfilteredQueries.CreditCodeTakenAsync(db, "91150102MA0000000X"));
        Assert.Equal(0, await db.Organisations.CountAsync());
    }

    [ProviderFact]
    public async Task Filters_ActorChangesBetweenQueries_EachQueryUsesTheCurrentActor()
    {
        // The filter inputs are read when a query runs, not when the model is built (one cached model, many actors).
        var database = await databases.SharedSeededAsync();
        await using var asEnterprise = database.Context(DemoActors.For("enterprise"));
        await using var asBureau = database.Context(DemoActors.For("bureau2.reviewer"));
        Assert.Equal(3, await asEnterprise.Applications.CountAsync());
        Assert.Equal(2, await asBureau.Applications.CountAsync());
        Assert.Equal(3, await asEnterprise.Applications.CountAsync());
    }

    private async Task<RecognitionDbContext> ContextAsync(ICurrentActor actor) =>
        (await databases.SharedSeededAsync()).Context(actor);

    private static string Join(IEnumerable<string> items)
    {
        var list = items.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "-" : string.Join(",", list);
    }
}

public sealed class SqliteTenancyTests() : TenancyTests(SqliteDatabases.Instance);

[RequiresPostgres]
[Collection(PostgresServer.CollectionName)]
public sealed class PostgresTenancyTests(PostgresServer server) : TenancyTests(PostgresDatabases.For(server));
