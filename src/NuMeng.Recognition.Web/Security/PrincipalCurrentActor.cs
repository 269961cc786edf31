using NuMeng.Recognition.Data.Tenancy;

namespace NuMeng.Recognition.Web.Security;

/// <summary>
/// The principal of an interactive circuit. An HTTP request has <c>HttpContext.User</c>; a circuit has no HttpContext
/// of its own (IHttpContextAccessor is not reliable there), so <see cref="CircuitActorHandler"/> copies the circuit's
/// <see cref="AuthenticationState"/> here when the circuit opens and whenever it changes.
/// </summary>
public sealed class CircuitPrincipal
{
    /// <summary>Null outside a circuit.</summary>
    public ClaimsPrincipal? Principal { get; set; }
}

/// <summary>
/// <see cref="ICurrentActor"/> of the current scope, read from the signed-in principal through
/// <see cref="CurrentActor.FromPrincipal"/> each time it is asked (cached per principal instance). Reading it late
/// matters: the scoped DbContext may be created before authentication has run (the security-stamp check uses it), and
/// the tenancy filters must still answer for the principal of the request when a page queries.
/// Order: the circuit's principal (<see cref="CircuitPrincipal"/>), else <c>HttpContext.User</c>, else anonymous.
/// </summary>
public sealed class PrincipalCurrentActor(IHttpContextAccessor http, CircuitPrincipal circuit) : ICurrentActor
{
    private ClaimsPrincipal? _source;
    private CurrentActor _actor = CurrentActor.Anonymous;

    private CurrentActor Current
    {
        get
        {
            var principal = circuit.Principal ?? http.HttpContext?.User;
            if (!ReferenceEquals(principal, _source))
            {
                _source = principal;
                _actor = CurrentActor.FromPrincipal(principal);
            }
            return _actor;
        }
    }

    public bool IsAuthenticated => Current.IsAuthenticated;

    public Guid? UserId => Current.UserId;

    public string DisplayName => Current.DisplayName;

    public Guid? OrganisationId => Current.OrganisationId;

    public string? OrganisationName => Current.OrganisationName;

    public IReadOnlySet<ActorRole> Roles => Current.Roles;

    public string? LeagueCode => Current.LeagueCode;

    public Guid? ExpertId => Current.ExpertId;
}

/// <summary>
/// Keeps <see cref="CircuitPrincipal"/> equal to the circuit's authentication state (see there), so DbContexts created
/// inside interactive components filter for the signed-in user.
/// </summary>
public sealed class CircuitActorHandler(AuthenticationStateProvider authentication, CircuitPrincipal holder) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnChanged;
        holder.Principal = (await authentication.GetAuthenticationStateAsync()).User;
    }

    private void OnChanged(Task<AuthenticationState> state) => _ = UpdateAsync(state);

    private async Task UpdateAsync(Task<AuthenticationState> state)
    {
        try
        {
            holder.Principal = (await state).User;
        }
        catch (InvalidOperationException)
        {
            // No state could be had: treat the circuit as signed out rather than keep an old principal.
            holder.Principal = Anonymous;
        }
    }

    /// <summary>A principal that is not authenticated.</summary>
    public static ClaimsPrincipal Anonymous => new(new ClaimsIdentity());

    public void Dispose() => authentication.AuthenticationStateChanged -= OnChanged;
}
