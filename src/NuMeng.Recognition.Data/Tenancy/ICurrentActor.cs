namespace NuMeng.Recognition.Data.Tenancy;

/// <summary>
/// Who is acting in the current scope (HTTP request or interactive circuit). The web app supplies the implementation
/// (from the signed-in principal: <see cref="CurrentActor.FromPrincipal"/>); the DbContext reads it on every query, so
/// the tenancy filters always use the actor of the scope that runs the query. When nothing is registered the data
/// layer uses <see cref="CurrentActor.Anonymous"/>, which sees no business data.
/// </summary>
public interface ICurrentActor
{
    bool IsAuthenticated { get; }

    Guid? UserId { get; }

    /// <summary>Name recorded in the audit log.</summary>
    string DisplayName { get; }

    Guid? OrganisationId { get; }

    /// <summary>Name of the organisation, recorded in the audit log.</summary>
    string? OrganisationName { get; }

    IReadOnlySet<ActorRole> Roles { get; }

    /// <summary>盟市 code of a bureau user's bureau (e.g. "1501"); null otherwise.</summary>
    string? LeagueCode { get; }

    /// <summary>The expert record of an expert user; null otherwise.</summary>
    Guid? ExpertId { get; }
}
