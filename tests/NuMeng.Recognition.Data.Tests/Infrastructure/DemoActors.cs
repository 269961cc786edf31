using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Domain.Regions;
using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Data.Tests.Infrastructure;

/// <summary>The actors of the demo accounts, as the web app will build them from the sign-in principal.</summary>
public static class DemoActors
{
    public static CurrentActor For(string userName)
    {
        if (userName == "anonymous")
        {
            return CurrentActor.Anonymous;
        }
        var account = DemoSeeder.Accounts.Single(a => a.UserName == userName);
        var league = InnerMongoliaRegions.Leagues
            .FirstOrDefault(l => account.OrganisationId == WellKnownIds.Bureau(l.Code))?.Code;
        return new CurrentActor
        {
            IsAuthenticated = true,
            UserId = WellKnownIds.For($"demo:user:{userName}"),
            DisplayName = account.DisplayName,
            OrganisationId = account.OrganisationId,
            Roles = new HashSet<ActorRole> { account.Role },
            LeagueCode = league,
            ExpertId = account.ExpertId,
        };
    }

    /// <summary>An expert with no account in the demo (e.g. the recused expert 9).</summary>
    public static CurrentActor Expert(int n) => new()
    {
        IsAuthenticated = true,
        UserId = Guid.NewGuid(),
        DisplayName = $"专家{n}",
        Roles = new HashSet<ActorRole> { ActorRole.Expert },
        ExpertId = DemoSeeder.ExpertId(n),
    };
}
