using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NuMeng.Recognition.Data.Identity;

namespace NuMeng.Recognition.Web.Security;

/// <summary>
/// Identity's sign-in manager, plus: a deactivated account (<see cref="AppUser.IsActive"/> false, set by an
/// administrator) cannot sign in. Deactivating also renews the security stamp, which ends open sessions at the next
/// stamp validation (<see cref="DependencyInjection"/> sets the interval).
/// </summary>
public sealed class PortalSignInManager : SignInManager<AppUser>
{
    public PortalSignInManager(
        UserManager<AppUser> userManager,
        IHttpContextAccessor contextAccessor,
        IUserClaimsPrincipalFactory<AppUser> claimsFactory,
        IOptions<IdentityOptions> optionsAccessor,
        ILogger<SignInManager<AppUser>> logger,
        IAuthenticationSchemeProvider schemes,
        IUserConfirmation<AppUser> confirmation)
        : base(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
    {
    }

    public override async Task<bool> CanSignInAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsActive && await base.CanSignInAsync(user);
    }
}
