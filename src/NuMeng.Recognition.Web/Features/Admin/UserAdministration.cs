using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Web.Security;

namespace NuMeng.Recognition.Web.Features.Admin;

/// <summary>One account in a user list.</summary>
public sealed record UserRow(
    Guid Id, string UserName, string DisplayName, IReadOnlyList<ActorRole> Roles, string? OrganisationName,
    bool IsActive, DateTimeOffset? LockedUntil, bool TwoFactorEnabled, DateTimeOffset CreatedAt);

/// <summary>What an administrator or an enterprise applicant types to create an account.</summary>
public sealed class NewUserInput
{
    public string UserName { get; set; } = string.Empty;
    public string DisplayName { get; set; } = string.Empty;
    /// <summary><see cref="ActorRole"/> name (administrators only).</summary>
    public string Role { get; set; } = string.Empty;
    /// <summary>Organisation id (bureau, department or agency; administrators only).</summary>
    public string OrganisationId { get; set; } = string.Empty;
    /// <summary>Expert accounts: employer and title of the new expert record.</summary>
    public string ExpertEmployer { get; set; } = string.Empty;
    public string ExpertTitle { get; set; } = string.Empty;
    public string InitialPassword { get; set; } = string.Empty;
}

/// <summary>
/// Account administration (三员分立): the system administrator creates bureau,
/// department, agency and expert accounts and (de)activates them, but never touches an administrator's account; the
/// security administrator alone manages credentials (unlock, reset two-factor sign-in) and the administrator accounts'
/// status; every act and every refusal is audited;
/// an enterprise applicant adds and disables accounts of its own enterprise. Every method checks the actor's role itself
/// (pages hiding buttons is never the control) and records an audit entry. Reads go through the tenancy filters: an
/// enterprise applicant only ever finds accounts of its own organisation.
/// </summary>
public sealed class UserAdministration(
    RecognitionDbContext db,
    UserManager<AppUser> users,
    IAuditLog audit,
    ICurrentActor actor,
    TimeProvider clock)
{
    /// <summary>Roles the system administrator may give (never an administrator role, never an enterprise).</summary>
    public static IReadOnlyList<ActorRole> StaffRoles { get; } =
    [
        ActorRole.BureauReviewer, ActorRole.BureauLeader, ActorRole.DepartmentStaff, ActorRole.DepartmentLeader,
        ActorRole.AgencyCoordinator, ActorRole.Expert,
    ];

    /// <summary>The organisation kind an account of <paramref name="role"/> belongs to; null for experts.</summary>
    public static OrganisationKind? OrganisationKindOf(ActorRole role) => role switch
    {
        ActorRole.BureauReviewer or ActorRole.BureauLeader => OrganisationKind.Bureau,
        ActorRole.DepartmentStaff or ActorRole.DepartmentLeader => OrganisationKind.Department,
        ActorRole.AgencyCoordinator => OrganisationKind.Agency,
        _ => null,
    };

    private bool Is(ActorRole role) => actor.IsAuthenticated && actor.Roles.Contains(role);

    /// <summary>Accounts visible to the actor (filtered), newest first; <paramref name="search"/> matches user or display name.</summary>
    public async Task<IReadOnlyList<UserRow>> ListAsync(string? search = null, int take = 200, CancellationToken cancellationToken = default)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            query = query.Where(u => u.UserName!.Contains(s) || u.DisplayName.Contains(s));
        }
        var list = await query.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.UserName).Take(take)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.OrganisationId, u.IsActive, u.LockoutEnd, u.TwoFactorEnabled, u.CreatedAt })
            .ToListAsync(cancellationToken);
        var ids = list.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var organisationIds = list.Where(u => u.OrganisationId != null).Select(u => u.OrganisationId!.Value).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var now = clock.GetUtcNow();
        return list.Select(u => new UserRow(
            u.Id, u.UserName ?? string.Empty, u.DisplayName,
            roles.Where(r => r.UserId == u.Id).Select(r => RoleNames.TryParse(r.Name, out var role) ? role : (ActorRole?)null)
                .OfType<ActorRole>().OrderBy(r => r).ToList(),
            u.OrganisationId is { } o && organisations.TryGetValue(o, out var name) ? name : null,
            u.IsActive, u.LockoutEnd > now ? u.LockoutEnd : null, u.TwoFactorEnabled, u.CreatedAt)).ToList();
    }

    /// <summary>Bureaus, the department and the agency, for the system administrator's organisation select.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name, OrganisationKind Kind)>> StaffOrganisationsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Organisations.AsNoTracking().Where(o => o.Kind != OrganisationKind.Enterprise)
            .OrderBy(o => o.Kind).ThenBy(o => o.LeagueCode).ThenBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.Kind }).ToListAsync(cancellationToken);
        return rows.Select(o => (o.Id, o.Name, o.Kind)).ToList();
    }

    /// <summary>System administrator: a bureau, department, agency or expert account with an initial password.</summary>
    public async Task<IReadOnlyList<string>> CreateStaffAsync(NewUserInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Is(ActorRole.SystemAdministrator))
        {
            return ["只有系统管理员可以开设账户"];
        }
        var errors = new List<string>();
        if (!RoleNames.TryParse(input.Role, out var role) || !StaffRoles.Contains(role))
        {
            errors.Add("角色：请选择盟市、工信厅、第三方机构或专家角色（管理员账户和企业账户不能在此开设）");
            return errors;
        }
        Guid? organisationId = null;
        Expert? expert = null;
        if (OrganisationKindOf(role) is { } kind)
        {
            var organisation = Guid.TryParse(input.OrganisationId, out var id)
                ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
                : null;
            if (organisation is null || organisation.Kind != kind)
            {
                errors.Add($"所属单位：{WorkflowLabels.Role(role)}须属于{KindLabel(kind)}，请重新选择");
            }
            organisationId = organisation?.Id;
        }
        else
        {
            // An expert acts under assignments, not for an organisation: the account gets its own expert record.
            expert = new Expert
            {
                Name = input.DisplayName.Trim(),
                EmployerName = Trimmed(input.ExpertEmployer),
                Title = Trimmed(input.ExpertTitle),
            };
        }
        var user = NewAccount(input, errors);
        if (user is null || errors.Count > 0)
        {
            return errors;
        }
        user.OrganisationId = organisationId;
        if (expert is not null)
        {
            db.Experts.Add(expert);
            user.ExpertId = expert.Id;
        }
        return await CreateAsync(user, role, input.InitialPassword, expert, cancellationToken);
    }

    /// <summary>Enterprise applicant: another applicant account of the same enterprise.</summary>
    public async Task<IReadOnlyList<string>> CreateEnterpriseUserAsync(NewUserInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Is(ActorRole.EnterpriseApplicant) || actor.OrganisationId is not { } organisationId)
        {
            return ["只有企业申报人可以为本企业添加用户"];
        }
        var errors = new List<string>();
        var user = NewAccount(input, errors);
        if (user is null || errors.Count > 0)
        {
            return errors;
        }
        user.OrganisationId = organisationId;
        return await CreateAsync(user, ActorRole.EnterpriseApplicant, input.InitialPassword, null, cancellationToken);
    }

    private static AppUser? NewAccount(NewUserInput input, List<string> errors)
    {
        var userName = input.UserName.Trim();
        if (!System.Text.RegularExpressions.Regex.IsMatch(userName, @"^[A-Za-z0-9._@\-]{3,50}$"))
        {
            errors.Add("用户名：应为 3–50 个字符，只能包含字母、数字及 . _ - @");
        }
        var displayName = input.DisplayName.Trim();
        if (displayName.Length is 0 or > 50)
        {
            errors.Add("姓名：请填写使用人姓名（不超过 50 个字符）");
        }
        return errors.Count > 0 ? null : new AppUser
        {
            UserName = userName,
            DisplayName = displayName,
            // No password date: the initial password must be changed at first sign-in (AccountGate).
            PasswordChangedAt = null,
            LockoutEnabled = true,
        };
    }

    private async Task<IReadOnlyList<string>> CreateAsync(AppUser user, ActorRole role, string password, Expert? expert, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        IdentityResult result;
        try
        {
            if (expert is not null)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            result = await users.CreateAsync(user, password);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, RoleNames.Of(role));
            }
        }
        catch (DbUpdateException)
        {
            // The user-name check only sees accounts the actor may see (an enterprise sees its own): the unique index
            // catches a name taken elsewhere, without saying by whom.
            db.ChangeTracker.Clear();
            return [$"用户名：“{user.UserName}”已被使用，请换一个"];
        }
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return result.Errors.Select(e => (e.Code.StartsWith("Password", StringComparison.Ordinal) ? "初始密码：" : "") + e.Description).ToList();
        }
        await audit.AppendAsync(db, new AuditEvent("user.create", "User", user.Id.ToString("D"), new
        {
            userName = user.UserName,
            displayName = user.DisplayName,
            role = role.ToString(),
            organisationId = user.OrganisationId,
            expertId = user.ExpertId,
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    /// <summary>The privileged accounts (三员): only the security administrator changes their status or credentials.</summary>
    public static IReadOnlySet<ActorRole> PrivilegedRoles { get; } = new HashSet<ActorRole>
    {
        ActorRole.SystemAdministrator, ActorRole.SecurityAdministrator, ActorRole.AuditAdministrator,
    };

    /// <summary>True when an account with <paramref name="roles"/> is privileged (an administrator).</summary>
    public static bool IsPrivileged(IEnumerable<ActorRole> roles) => roles.Any(PrivilegedRoles.Contains);

    /// <summary>
    /// Whether the actor may deactivate or reactivate an account with <paramref name="targetRoles"/> (三员分立): the
    /// system administrator any non-administrator account, the security administrator the administrator accounts, an
    /// enterprise applicant the accounts of its enterprise (checked again on the server with the account itself).
    /// </summary>
    public bool MayChangeStatus(IEnumerable<ActorRole> targetRoles) => IsPrivileged(targetRoles)
        ? Is(ActorRole.SecurityAdministrator)
        : Is(ActorRole.SystemAdministrator) || Is(ActorRole.EnterpriseApplicant);

    /// <summary>
    /// Deactivate or reactivate (never one's own account). The system administrator: any account except the
    /// administrators'; the security administrator: the administrator accounts (三员分立); an enterprise applicant: the
    /// accounts of its enterprise. Deactivating renews the security stamp so open sessions end. Refusals are audited.
    /// </summary>
    public async Task<string?> SetActiveAsync(Guid userId, bool active, CancellationToken cancellationToken = default)
    {
        var act = active ? "user.activate" : "user.deactivate";
        if (!Is(ActorRole.SystemAdministrator) && !Is(ActorRole.EnterpriseApplicant) && !Is(ActorRole.SecurityAdministrator))
        {
            return await RefuseAsync(act, userId, null, "无权停用或启用账户", cancellationToken);
        }
        if (userId == actor.UserId)
        {
            return await RefuseAsync(act, userId, null, "不能停用或启用自己的账户", cancellationToken);
        }
        // Filtered: an enterprise applicant finds only accounts of its own organisation.
        var user = await users.FindByIdAsync(userId.ToString("D"));
        if (user is null || (Is(ActorRole.EnterpriseApplicant) && !Is(ActorRole.SystemAdministrator) && user.OrganisationId != actor.OrganisationId))
        {
            return "账户不存在";
        }
        var targetRoles = await RolesOfAsync(user);
        if (!MayChangeStatus(targetRoles))
        {
            return await RefuseAsync(act, userId, user.UserName, IsPrivileged(targetRoles)
                ? "三员分立：管理员账户（系统管理员、安全管理员、审计管理员）只能由安全管理员停用或启用"
                : "安全管理员只能停用或启用管理员账户，其他账户请由系统管理员办理", cancellationToken);
        }
        user.IsActive = active;
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            return string.Join("；", result.Errors.Select(e => e.Description));
        }
        await audit.AppendAsync(new AuditEvent(act, "User", user.Id.ToString("D"),
            new { userName = user.UserName, privileged = IsPrivileged(targetRoles) }), cancellationToken);
        return null;
    }

    /// <summary>Security administrator: ends a lockout and clears the failure count (not of their own account).</summary>
    public async Task<string?> UnlockAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var (user, refusal) = await CredentialTargetAsync("user.unlock", userId, "解除锁定", cancellationToken);
        if (user is null)
        {
            return refusal;
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.AppendAsync(new AuditEvent("user.unlock", "User", user.Id.ToString("D"),
            new { userName = user.UserName, privileged = IsPrivileged(await RolesOfAsync(user)) }), cancellationToken);
        return null;
    }

    /// <summary>
    /// Security administrator: turns two-factor sign-in off and discards the key (lost phone). A user whose role requires
    /// it sets up a new key at the next sign-in; open sessions end (new security stamp). Not of their own account.
    /// </summary>
    public async Task<string?> ResetTwoFactorAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var (user, refusal) = await CredentialTargetAsync("user.2fa.reset", userId, "重置双因素登录", cancellationToken);
        if (user is null)
        {
            return refusal;
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.AppendAsync(new AuditEvent("user.2fa.reset", "User", user.Id.ToString("D"),
            new { userName = user.UserName, privileged = IsPrivileged(await RolesOfAsync(user)) }), cancellationToken);
        return null;
    }

    /// <summary>
    /// Credentials (lockout, two-factor key) are managed by the security administrator only, never on their own account
    /// (三员分立). Returns the account, or null and the (audited) refusal.
    /// </summary>
    private async Task<(AppUser? User, string? Refusal)> CredentialTargetAsync(string act, Guid userId, string what, CancellationToken cancellationToken)
    {
        if (!Is(ActorRole.SecurityAdministrator))
        {
            var target = await users.FindByIdAsync(userId.ToString("D"));
            var privileged = target is not null && IsPrivileged(await RolesOfAsync(target));
            return (null, await RefuseAsync(act, userId, target?.UserName, privileged
                ? $"三员分立：只有安全管理员可以为管理员账户{what}"
                : $"只有安全管理员可以{what}", cancellationToken));
        }
        if (userId == actor.UserId)
        {
            return (null, await RefuseAsync(act, userId, null, $"不能为自己的账户{what}，请由另一名安全管理员办理", cancellationToken));
        }
        var user = await users.FindByIdAsync(userId.ToString("D"));
        return user is null ? (null, "账户不存在") : (user, null);
    }

    private async Task<IReadOnlyList<ActorRole>> RolesOfAsync(AppUser user) =>
        (await users.GetRolesAsync(user)).Select(n => RoleNames.TryParse(n, out var r) ? r : (ActorRole?)null).OfType<ActorRole>().ToList();

    /// <summary>Records a refused administrative act (who tried what on whom) and returns the message.</summary>
    private async Task<string> RefuseAsync(string act, Guid userId, string? userName, string message, CancellationToken cancellationToken)
    {
        await audit.AppendAsync(new AuditEvent("user.admin.refused", "User", userId.ToString("D"),
            new { act, userName, reason = message }), cancellationToken);
        return message;
    }

    public static string KindLabel(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Enterprise => "企业",
        OrganisationKind.Bureau => "盟市工业和信息化主管部门",
        OrganisationKind.Department => "自治区工业和信息化厅",
        OrganisationKind.Agency => "第三方机构",
        _ => kind.ToString(),
    };

    private static string? Trimmed(string text) => text.Trim().Length == 0 ? null : text.Trim();
}
