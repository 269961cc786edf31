using NuMeng.Recognition.Data.Tenancy;

namespace NuMeng.Recognition.Web.Security;

/// <summary>
/// The first administrators of a production installation (which never seeds the demo): configuration section
/// <c>Security:Bootstrap</c> names an account for each of the three administrator roles and one initial password
/// (give it by environment variable, <c>Security__Bootstrap__InitialPassword</c>, never in a file). At start-up, for each
/// role that has no account yet, the named account is created in the department with that password; it must change the
/// password and set up two-factor sign-in at its first sign-in (<see cref="AccountGate"/>). Once a role has an account
/// nothing happens, so the setting can stay. The system administrator then opens every other staff account.
/// </summary>
public static class AdministratorBootstrap
{
    public const string Section = "Security:Bootstrap";

    private static readonly (ActorRole Role, string Key)[] Roles =
    [
        (ActorRole.SystemAdministrator, "SystemAdministrator"),
        (ActorRole.SecurityAdministrator, "SecurityAdministrator"),
        (ActorRole.AuditAdministrator, "AuditAdministrator"),
    ];

    /// <summary>Creates the configured administrators that are missing; returns the user names created.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var password = section["InitialPassword"];
        var wanted = Roles.Where(r => !string.IsNullOrWhiteSpace(section[r.Key])).ToList();
        if (wanted.Count == 0)
        {
            return [];
        }
        await using var scope = services.CreateAsyncScope();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdministratorBootstrap));
        if (string.IsNullOrWhiteSpace(password))
        {
            logger.LogWarning("{Section} names administrator accounts but has no InitialPassword: none created.", Section);
            return [];
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var created = new List<string>();
        foreach (var (role, key) in wanted)
        {
            if ((await users.GetUsersInRoleAsync(RoleNames.Of(role))).Count > 0)
            {
                continue;
            }
            var userName = section[key]!.Trim();
            var user = new AppUser
            {
                UserName = userName,
                DisplayName = WorkflowLabels.Role(role),
                OrganisationId = WellKnownIds.Department,
                PasswordChangedAt = null,
                LockoutEnabled = true,
            };
            var result = await users.CreateAsync(user, password);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, RoleNames.Of(role));
            }
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    $"无法创建初始管理员 {userName}：" + string.Join("；", result.Errors.Select(e => e.Description)));
            }
            await using (var db = new RecognitionDbContext(
                scope.ServiceProvider.GetRequiredService<DbContextOptions<RecognitionDbContext>>(),
                CurrentActor.System("初始管理员"),
                scope.ServiceProvider.GetRequiredService<TimeProvider>()))
            {
                await scope.ServiceProvider.GetRequiredService<IAuditLog>().AppendAsync(db,
                    new AuditEvent("user.bootstrap", "User", user.Id.ToString("D"), new { userName, role = role.ToString() }), cancellationToken);
            }
            logger.LogWarning("Created the initial {Role} account {UserName}: it must change its password and set up two-factor sign-in.", role, userName);
            created.Add(userName);
        }
        return created;
    }
}
