namespace NuMeng.Recognition.Web.Security;

/// <summary>
/// Named authorisation policies, one per role group. Pages say <c>[Authorize(Policy = Policies.X)]</c>; the server
/// enforces them on every request (the UI hiding a link is never the control — docs/architecture.md principle 2).
/// The three administrator roles are separated (等保三级 三员分立): the system administrator manages accounts but never
/// reads the audit log, the security administrator unlocks accounts and resets two-factor sign-in, the audit
/// administrator reads the audit log and nothing else.
/// </summary>
public static class Policies
{
    /// <summary>企业申报人.</summary>
    public const string Enterprise = "Enterprise";

    /// <summary>盟市审核员、盟市负责人.</summary>
    public const string Bureau = "Bureau";

    /// <summary>工信厅经办人、工信厅负责人.</summary>
    public const string Department = "Department";

    /// <summary>第三方机构联络人.</summary>
    public const string Agency = "Agency";

    /// <summary>评审专家.</summary>
    public const string Expert = "Expert";

    /// <summary>工信厅 or the entrusted 第三方机构: expert panels, their progress and results.</summary>
    public const string ExpertReviewManagement = "ExpertReviewManagement";

    /// <summary>Every role that works with applications (never the three administrators).</summary>
    public const string Business = "Business";

    /// <summary>系统管理员: creates bureau, department, agency and expert accounts.</summary>
    public const string SystemAdministration = "SystemAdministration";

    /// <summary>安全管理员: unlocks accounts and resets two-factor sign-in.</summary>
    public const string SecurityAdministration = "SecurityAdministration";

    /// <summary>System or security administrator: may open the user list.</summary>
    public const string UserAdministration = "UserAdministration";

    /// <summary>审计管理员: the audit log, and nothing else.</summary>
    public const string AuditLog = "AuditLog";

    /// <summary>The roles of each policy (also what the tests and the workspace read).</summary>
    public static IReadOnlyDictionary<string, ActorRole[]> Roles { get; } = new Dictionary<string, ActorRole[]>
    {
        [Enterprise] = [ActorRole.EnterpriseApplicant],
        [Bureau] = [ActorRole.BureauReviewer, ActorRole.BureauLeader],
        [Department] = [ActorRole.DepartmentStaff, ActorRole.DepartmentLeader],
        [Agency] = [ActorRole.AgencyCoordinator],
        [Expert] = [ActorRole.Expert],
        [ExpertReviewManagement] = [ActorRole.DepartmentStaff, ActorRole.DepartmentLeader, ActorRole.AgencyCoordinator],
        [Business] =
        [
            ActorRole.EnterpriseApplicant, ActorRole.BureauReviewer, ActorRole.BureauLeader, ActorRole.DepartmentStaff,
            ActorRole.DepartmentLeader, ActorRole.AgencyCoordinator, ActorRole.Expert,
        ],
        [SystemAdministration] = [ActorRole.SystemAdministrator],
        [SecurityAdministration] = [ActorRole.SecurityAdministrator],
        [UserAdministration] = [ActorRole.SystemAdministrator, ActorRole.SecurityAdministrator],
        [AuditLog] = [ActorRole.AuditAdministrator],
    };

    /// <summary>
    /// Roles that must sign in with an authenticator app ("two-factor sign-in … required for the department and
    /// administrator roles"). A user of these roles without two-factor set up is sent to /account/2fa-setup first.
    /// </summary>
    public static IReadOnlySet<ActorRole> TwoFactorRequired { get; } = new HashSet<ActorRole>
    {
        ActorRole.DepartmentStaff, ActorRole.DepartmentLeader,
        ActorRole.SystemAdministrator, ActorRole.SecurityAdministrator, ActorRole.AuditAdministrator,
    };

    /// <summary>Registers every policy above.</summary>
    public static AuthorizationBuilder AddRecognitionPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (name, roles) in Roles)
        {
            builder.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles.Select(RoleNames.Of)));
        }
        return builder;
    }
}
