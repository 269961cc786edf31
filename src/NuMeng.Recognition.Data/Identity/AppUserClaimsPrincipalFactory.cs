using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace NuMeng.Recognition.Data.Identity;

/// <summary>
/// Adds the claims <see cref="CurrentActor.FromPrincipal"/> reads: display name, organisation (id, name, kind), the
/// bureau's 盟市 and the expert id. Register it with
/// <c>AddIdentityCore&lt;AppUser&gt;().AddRoles&lt;AppRole&gt;().AddClaimsPrincipalFactory&lt;AppUserClaimsPrincipalFactory&gt;()</c>.
/// </summary>
public sealed class AppUserClaimsPrincipalFactory : UserClaimsPrincipalFactory<AppUser, AppRole>
{
    private readonly RecognitionDbContext _db;

    public AppUserClaimsPrincipalFactory(
        UserManager<AppUser> userManager,
        RoleManager<AppRole> roleManager,
        IOptions<IdentityOptions> options,
        RecognitionDbContext db)
        : base(userManager, roleManager, options)
    {
        _db = db;
    }

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(RecognitionClaimTypes.DisplayName, user.DisplayName));
        if (user.ExpertId is { } expertId)
        {
            identity.AddClaim(new Claim(RecognitionClaimTypes.ExpertId, expertId.ToString("D")));
        }
        if (user.OrganisationId is { } organisationId)
        {
            var organisation = await UnfilteredQueries.OrganisationForSignInAsync(_db, organisationId);
            if (organisation is not null)
            {
                identity.AddClaim(new Claim(RecognitionClaimTypes.OrganisationId, organisation.Id.ToString("D")));
                identity.AddClaim(new Claim(RecognitionClaimTypes.OrganisationName, organisation.Name));
                identity.AddClaim(new Claim(RecognitionClaimTypes.OrganisationKind, organisation.Kind.ToString()));
                if (organisation.LeagueCode is { } league && organisation.Kind == Organisations.OrganisationKind.Bureau)
                {
                    identity.AddClaim(new Claim(RecognitionClaimTypes.LeagueCode, league));
                }
            }
        }
        return identity;
    }
}
