using System.Security.Claims;

namespace NuMeng.Recognition.Data.Tenancy;

/// <summary>An immutable <see cref="ICurrentActor"/>; also the factory of the well-known actors.</summary>
public sealed record CurrentActor : ICurrentActor
{
    public bool IsAuthenticated { get; init; }

    public Guid? UserId { get; init; }

    public string DisplayName { get; init; } = "匿名访问者";

    public Guid? OrganisationId { get; init; }

    public string? OrganisationName { get; init; }

    public IReadOnlySet<ActorRole> Roles { get; init; } = new HashSet<ActorRole>();

    public string? LeagueCode { get; init; }

    public Guid? ExpertId { get; init; }

    /// <summary>Nobody signed in: public pages only; sees no business data through the filters.</summary>
    public static CurrentActor Anonymous { get; } = new();

    /// <summary>
    /// The portal itself (background jobs, migrations, seeding): sees all business data. Never the actor of a request.
    /// </summary>
    public static CurrentActor System(string purpose) => new()
    {
        IsAuthenticated = true,
        DisplayName = $"系统（{purpose}）",
        Roles = new HashSet<ActorRole> { ActorRole.System },
    };

    /// <summary>
    /// Reads the actor from a principal built by <see cref="AppUserClaimsPrincipalFactory"/>: the name-identifier claim,
    /// role claims (<see cref="ActorRole"/> names) and the <see cref="RecognitionClaimTypes"/> claims.
    /// </summary>
    public static CurrentActor FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }
        var roles = new HashSet<ActorRole>();
        foreach (var claim in principal.FindAll(ClaimTypes.Role))
        {
            if (RoleNames.TryParse(claim.Value, out var role) && role != ActorRole.System)
            {
                roles.Add(role);
            }
        }
        return new CurrentActor
        {
            IsAuthenticated = true,
            UserId = ParseGuid(principal.FindFirstValue(ClaimTypes.NameIdentifier)),
            DisplayName = principal.FindFirstValue(RecognitionClaimTypes.DisplayName)
                ?? principal.Identity.Name ?? string.Empty,
            OrganisationId = ParseGuid(principal.FindFirstValue(RecognitionClaimTypes.OrganisationId)),
            OrganisationName = principal.FindFirstValue(RecognitionClaimTypes.OrganisationName),
            Roles = roles,
            LeagueCode = principal.FindFirstValue(RecognitionClaimTypes.LeagueCode),
            ExpertId = ParseGuid(principal.FindFirstValue(RecognitionClaimTypes.ExpertId)),
        };
    }

    private static Guid? ParseGuid(string? value) => Guid.TryParse(value, out var g) ? g : null;
}
