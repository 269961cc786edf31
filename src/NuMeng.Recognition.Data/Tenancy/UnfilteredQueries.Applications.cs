using NuMeng.Recognition.Data.Seeding;

namespace NuMeng.Recognition.Data.Tenancy;

/// <summary>Who acted on an application, as its history shows it: a kind of actor, never a name from another tenant.</summary>
public enum ApplicationHistoryActor
{
    /// <summary>申报企业 (the application's own enterprise).</summary>
    Enterprise,
    /// <summary>盟市工业和信息化主管部门 (the bureau of the application's 盟市).</summary>
    Bureau,
    /// <summary>自治区工业和信息化厅.</summary>
    Department,
    /// <summary>评估机构或专家.</summary>
    AgencyOrExpert,
    /// <summary>系统 (scheduled jobs, the System actor).</summary>
    System,
}

/// <summary>One audit entry of an application, reduced to what its history may show.</summary>
public sealed record ApplicationHistoryEntry(DateTimeOffset At, string Action, ApplicationHistoryActor Actor, long Sequence);

public static partial class UnfilteredQueries
{
    /// <summary>
    /// The history of one application from the audit log. The audit log is readable
    /// only by the audit administrator (tenancy filter), yet the enterprise must see what happened to its own
    /// application and the bureau what happened to one of its 盟市.
    /// <para>
    /// Why it is safe: (1) the application is looked up THROUGH the caller's tenancy filter, so an application the caller
    /// may not see yields nothing; (2) ownership is checked again here — an enterprise only for an application of its own
    /// organisation, a bureau only for one of its 盟市, the department for any; every other role gets nothing; (3) only
    /// entries whose subject is that application (<c>EntityType</c> "Application" and its id) are read; (4) only the time,
    /// the action code, the sequence and the KIND of actor are returned — never names, organisations or the entry's
    /// summary, which may mention other tenants (a reviewer's name, another enterprise's ranking).
    /// </para>
    /// </summary>
    public static async Task<IReadOnlyList<ApplicationHistoryEntry>> ApplicationHistoryAsync(
        RecognitionDbContext db, Guid applicationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var actor = db.Actor;
        if (!actor.IsAuthenticated)
        {
            return [];
        }
        // (1) Through the filter: the caller sees the row or nothing.
        var app = await db.Applications.AsNoTracking()
            .Where(a => a.Id == applicationId)
            .Select(a => new { a.EnterpriseId, a.LeagueCode })
            .FirstOrDefaultAsync(cancellationToken);
        if (app is null)
        {
            return [];
        }
        // (2) Ownership, checked here and not left to the filter alone.
        var roles = actor.Roles;
        var allowed =
            (roles.Contains(ActorRole.EnterpriseApplicant) && actor.OrganisationId == app.EnterpriseId)
            || ((roles.Contains(ActorRole.BureauReviewer) || roles.Contains(ActorRole.BureauLeader)) && actor.LeagueCode == app.LeagueCode
                && actor.OrganisationId == WellKnownIds.Bureau(app.LeagueCode))
            || roles.Contains(ActorRole.DepartmentStaff) || roles.Contains(ActorRole.DepartmentLeader) || roles.Contains(ActorRole.System);
        if (!allowed)
        {
            return [];
        }
        // (3) Only entries about this application. Ids are written in the "D" format everywhere.
        var id = applicationId.ToString("D");
        var rows = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.EntityType == "Application" && e.EntityId == id)
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.At, e.Action, e.Sequence, e.ActorUserId, e.ActorOrganisationId })
            .ToListAsync(cancellationToken);
        // (4) The kind of actor only.
        var bureau = WellKnownIds.Bureau(app.LeagueCode);
        return rows.Select(e => new ApplicationHistoryEntry(e.At, e.Action,
                e.ActorOrganisationId == app.EnterpriseId ? ApplicationHistoryActor.Enterprise
                : e.ActorOrganisationId == bureau ? ApplicationHistoryActor.Bureau
                : e.ActorOrganisationId == WellKnownIds.Department ? ApplicationHistoryActor.Department
                : e.ActorUserId is null ? ApplicationHistoryActor.System
                : ApplicationHistoryActor.AgencyOrExpert,
                e.Sequence))
            .ToList();
    }
}
