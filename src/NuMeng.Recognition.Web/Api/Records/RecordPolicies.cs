using NuMeng.Recognition.Web.Security;

namespace NuMeng.Recognition.Web.Api.Records;

/// <summary>
/// Role policies of the record API, on top of the data layer's tenancy filters. The filters decide WHICH rows a user
/// sees; these decide which KINDS of record a role may ask for at all, so a role that must never see a kind gets a
/// clear 403 instead of an empty list (the audit administrator reads the audit log and no
/// business data; the system administrator cannot read the audit log).
/// </summary>
public static class RecordPolicies
{
    /// <summary>
    /// Applications, versions, attachments, bureau reviews, certificates: the business roles (the portal's
    /// <see cref="Policies.Business"/>, never the three administrators).
    /// </summary>
    public const string BusinessData = Policies.Business;

    /// <summary>Expert assignments and score sheets: never the enterprise's or the bureau's (docs/rule-reference.md §10).</summary>
    public const string ExpertReview = "records.expert-review";

    /// <summary>
    /// The audit log: the audit administrator and the department (the data layer's rule, README "Tenancy"); never the
    /// system or security administrator. Wider than <see cref="Policies.AuditLog"/>, which guards the audit pages.
    /// </summary>
    public const string AuditLog = "records.audit";

    public static readonly ActorRole[] ExpertReviewRoles =
        [ActorRole.DepartmentStaff, ActorRole.DepartmentLeader, ActorRole.AgencyCoordinator, ActorRole.Expert];

    public static readonly ActorRole[] AuditRoles =
        [ActorRole.AuditAdministrator, ActorRole.DepartmentStaff, ActorRole.DepartmentLeader];

    internal static IServiceCollection AddRecordPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(ExpertReview, p => p.RequireAuthenticatedUser().RequireRole(ExpertReviewRoles.Select(RoleNames.Of)))
            .AddPolicy(AuditLog, p => p.RequireAuthenticatedUser().RequireRole(AuditRoles.Select(RoleNames.Of)));
        return services;
    }
}
