using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Data.Tests.Infrastructure;

namespace NuMeng.Recognition.Data.Tests.Tenancy;

/// <summary>
/// ADR 0008: a score sheet is its own expert's until the panel closes — then the department's and the
/// agency's too, and only if submitted. Closure: every member who did not recuse submitted and the leader submitted the
/// consensus opinion. The rule lives in the one <c>ExpertScore</c> filter, so every channel (record API, PDFs, exports,
/// pages) inherits it. Demo A8 (专家评审中): expert 1 leader with a draft sheet, expert 2 member not yet declared, expert
/// 9 recused. These tests walk it to closure on a fresh copy of the demo and read the sheets as each role.
/// </summary>
public abstract class ScoreSheetSecrecyTests(ITestDatabaseProvider databases)
{
    private static readonly Guid A8 = DemoSeeder.ApplicationId("A8");

    private static Guid Assignment(int expert) => WellKnownIds.For($"demo:assignment:{A8}:{expert}");

    [ProviderFact]
    public async Task ExpertScores_DraftsAndOpenPanel_OnlyTheirOwnExpertSeesThem()
    {
        await using var database = await databases.CreateSeededAsync();
        // A8 as seeded: the leader's sheet is a draft. Nobody but expert 1 sees it — not the department, not the agency.
        Assert.Equal("1", await VisibleAsync(database, DemoActors.For("expert")));
        Assert.Equal("-", await VisibleAsync(database, DemoActors.For("dept.staff")));
        Assert.Equal("-", await VisibleAsync(database, DemoActors.For("dept.leader")));
        Assert.Equal("-", await VisibleAsync(database, DemoActors.For("agency")));

        // Both members submit; the leader has not yet written the consensus: still open.
        await SubmitAsync(database, 1, 88m);
        await SubmitAsync(database, 2, 84m);
        await RecusedDraftAsync(database);
        Assert.Equal("1", await VisibleAsync(database, DemoActors.For("expert")));
        Assert.Equal("2", await VisibleAsync(database, DemoActors.For("expert2")));
        Assert.Equal("9", await VisibleAsync(database, DemoActors.Expert(9)));
        Assert.Equal("-", await VisibleAsync(database, DemoActors.Expert(3)));
        Assert.Equal("-", await VisibleAsync(database, DemoActors.For("dept.staff")));
        Assert.Equal("-", await VisibleAsync(database, DemoActors.For("agency")));
        Assert.Equal("-", await VisibleAsync(database, DemoActors.For("enterprise")));
        Assert.Equal("-", await VisibleAsync(database, DemoActors.For("bureau.leader")));
    }

    [ProviderFact]
    public async Task ExpertScores_PanelClosed_DepartmentAndAgencySeeSubmittedSheetsOnly()
    {
        await using var database = await databases.CreateSeededAsync();
        await SubmitAsync(database, 1, 88m);
        await SubmitAsync(database, 2, 84m);
        await RecusedDraftAsync(database);

        await ConsensusAsync(database);

        // Closed: the department and the agency read the two submitted sheets; the recused expert's draft stays hidden.
        Assert.Equal("1,2", await VisibleAsync(database, DemoActors.For("dept.staff")));
        Assert.Equal("1,2", await VisibleAsync(database, DemoActors.For("dept.leader")));
        Assert.Equal("1,2", await VisibleAsync(database, DemoActors.For("agency")));
        // Experts still see their own sheet only (the leader reads the panel's through UnfilteredQueries).
        Assert.Equal("1", await VisibleAsync(database, DemoActors.For("expert")));
        Assert.Equal("2", await VisibleAsync(database, DemoActors.For("expert2")));
        Assert.Equal("-", await VisibleAsync(database, DemoActors.Expert(3)));
        // Never the enterprise, the bureau or an administrator.
        Assert.Equal("-", await VisibleAsync(database, DemoActors.For("enterprise")));
        Assert.Equal("-", await VisibleAsync(database, DemoActors.For("bureau.leader")));
        Assert.Equal("-", await VisibleAsync(database, DemoActors.For("sysadmin")));
        Assert.Equal("-", await VisibleAsync(database, DemoActors.For("auditadmin")));
    }

    [ProviderFact]
    public async Task ScoreSheetStates_OpenPanel_ManagersSeeProgressButNoPoints()
    {
        await using var database = await databases.CreateSeededAsync();
        await SubmitAsync(database, 2, 84m);

        await using var asDepartment = database.Context(DemoActors.For("dept.staff"));
        var states = await UnfilteredQueries.ScoreSheetStatesAsync(asDepartment, [Assignment(1), Assignment(2), Assignment(9)]);
        await using var asAgency = database.Context(DemoActors.For("agency"));
        var agency = await UnfilteredQueries.ScoreSheetStatesAsync(asAgency, [Assignment(1), Assignment(2)]);
        await using var asEnterprise = database.Context(DemoActors.For("enterprise"));
        var enterprise = await UnfilteredQueries.ScoreSheetStatesAsync(asEnterprise, [Assignment(1), Assignment(2)]);
        await using var asOtherExpert = database.Context(DemoActors.Expert(3));
        var otherExpert = await UnfilteredQueries.ScoreSheetStatesAsync(asOtherExpert, [Assignment(1), Assignment(2)]);

        // The leader's draft and the member's submitted sheet are both known (expert 9 has none); the points stay behind
        // the filter.
        Assert.Equal(2, states.Count);
        Assert.Null(states[Assignment(1)]);
        Assert.NotNull(states[Assignment(2)]);
        Assert.False(states.ContainsKey(Assignment(9)));
        Assert.Equal(0, await asDepartment.ExpertScores.CountAsync(s => s.AssignmentId == Assignment(2)));
        Assert.Equal(2, agency.Count);
        // Whoever cannot see the assignments learns nothing: not the enterprise, not an expert off the panel.
        Assert.Empty(enterprise);
        Assert.Empty(otherExpert);
    }

    /// <summary>The experts (numbers) whose A8 sheets <paramref name="actor"/> reads through the filter, "-" for none.</summary>
    private static async Task<string> VisibleAsync(TestDatabase database, ICurrentActor actor)
    {
        await using var db = database.Context(actor);
        var ids = await db.ExpertScores.Select(s => s.AssignmentId).ToListAsync();
        var experts = new[] { 1, 2, 3, 9 }.Where(n => ids.Contains(Assignment(n))).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return experts.Count == 0 ? "-" : string.Join(",", experts);
    }

    private static async Task SubmitAsync(TestDatabase database, int expert, decimal total)
    {
        await using var db = database.SystemContext();
        var assignment = await db.ExpertAssignments.SingleAsync(x => x.Id == Assignment(expert));
        assignment.DeclaredAt ??= DateTimeOffset.UtcNow;
        var sheet = await db.ExpertScores.SingleOrDefaultAsync(s => s.AssignmentId == assignment.Id);
        if (sheet is null)
        {
            sheet = new ExpertScore { AssignmentId = assignment.Id };
            db.ExpertScores.Add(sheet);
        }
        sheet.Items = [new ExpertScoreItem { RubricItemCode = "equipment", Points = total, Comment = "符合要求" }];
        sheet.TotalPoints = total;
        sheet.SubmittedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
    }

    /// <summary>The recused expert 9 had started a sheet before the conflict came to light: a draft that never counts.</summary>
    private static async Task RecusedDraftAsync(TestDatabase database)
    {
        await using var db = database.SystemContext();
        db.ExpertScores.Add(new ExpertScore { AssignmentId = Assignment(9), TotalPoints = 70m });
        await db.SaveChangesAsync();
    }

    private static async Task ConsensusAsync(TestDatabase database)
    {
        await using var db = database.SystemContext();
        var leader = await db.ExpertAssignments.SingleAsync(x => x.Id == Assignment(1));
        leader.ConsensusOpinion = "专家组同意进入现场核查";
        leader.ConsensusSubmittedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
    }
}

public sealed class SqliteScoreSheetSecrecyTests() : ScoreSheetSecrecyTests(SqliteDatabases.Instance);

[RequiresPostgres]
[Collection(PostgresServer.CollectionName)]
public sealed class PostgresScoreSheetSecrecyTests(PostgresServer server) : ScoreSheetSecrecyTests(PostgresDatabases.For(server));
