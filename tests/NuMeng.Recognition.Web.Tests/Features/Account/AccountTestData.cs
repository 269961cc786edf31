using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Identity;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Eligibility;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Account;

/// <summary>Accounts and database look-ups made directly through the portal's services (not through pages).</summary>
internal static class AccountTestData
{
    /// <summary>A password that meets the policy.</summary>
    public const string Password = "Test@2026!ok";

    /// <summary>Creates an account as an administrator would, with the given password date.</summary>
    public static async Task<AppUser> CreateUserAsync(
        PortalFactory portal, string userName, ActorRole role, Guid? organisationId, DateTimeOffset? passwordChangedAt, Guid? expertId = null)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = userName,
            DisplayName = "测试用户 " + userName,
            OrganisationId = organisationId,
            ExpertId = expertId,
            PasswordChangedAt = passwordChangedAt,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("；", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, RoleNames.Of(role))).Succeeded);
        return user;
    }

    /// <summary>Runs <paramref name="query"/> on a context of the System actor (sees everything, for assertions only).</summary>
    public static async Task<T> QueryAsync<T>(PortalFactory portal, Func<RecognitionDbContext, Task<T>> query)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().CreateSystemContext("测试断言");
        return await query(db);
    }

    /// <summary>The newest audit entry with <paramref name="action"/>.</summary>
    public static Task<Data.Auditing.AuditEntry?> LastAuditAsync(PortalFactory portal, string action) =>
        QueryAsync(portal, db => db.AuditEntries.AsNoTracking().Where(e => e.Action == action)
            .OrderByDescending(e => e.Sequence).FirstOrDefaultAsync());

    /// <summary>A valid enterprise credit code registered in <paramref name="region"/> (6 digits), unique per <paramref name="serial"/>.</summary>
    public static string CreditCodeIn(string region, string serial)
    {
        var first17 = $"91{region}MA{serial}";
        Assert.Equal(17, first17.Length);
        return first17 + CreditCode.ComputeCheckCharacter(first17);
    }
}
