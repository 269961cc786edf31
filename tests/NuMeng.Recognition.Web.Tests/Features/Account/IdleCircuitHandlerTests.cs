using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NuMeng.Recognition.Web.Security;

namespace NuMeng.Recognition.Web.Tests.Features.Account;

/// <summary>
/// docs/platform-notes.md §11: an open interactive circuit does not notice that the sign-in cookie expired. The idle handler ends
/// it after Security:IdleTimeoutMinutes without input: the circuit's identity is dropped and the browser sent to sign in.
/// </summary>
public class IdleCircuitHandlerTests
{
    private sealed class SettableAuthentication : AuthenticationStateProvider, IHostEnvironmentAuthenticationStateProvider
    {
        public Task<AuthenticationState> State { get; private set; } =
            Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "dept.staff")], "test"))));

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => State;

        public void SetAuthenticationState(Task<AuthenticationState> authenticationStateTask)
        {
            State = authenticationStateTask;
            NotifyAuthenticationStateChanged(authenticationStateTask);
        }
    }

    private sealed class RecordingNavigation : NavigationManager
    {
        public RecordingNavigation() => Initialize("http://portal/", "http://portal/workspace");

        public List<(string Uri, bool ForceLoad)> Navigations { get; } = [];

        protected override void NavigateToCore(string uri, NavigationOptions options) => Navigations.Add((uri, options.ForceLoad));
    }

    private static (IdleCircuitHandler Handler, FakeTimeProvider Clock, CircuitPrincipal Holder, SettableAuthentication Auth, RecordingNavigation Navigation) Create(int minutes)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero));
        var auth = new SettableAuthentication();
        var holder = new CircuitPrincipal { Principal = auth.State.Result.User };
        var navigation = new RecordingNavigation();
        var handler = new IdleCircuitHandler(holder, auth, navigation, Options.Create(new SecurityOptions { IdleTimeoutMinutes = minutes }), clock);
        return (handler, clock, holder, auth, navigation);
    }

    // Security:IdleTimeoutMinutes (default 30): ended at the timeout, not a minute before; any input restarts the count.
    [Theory]
    [InlineData(29, false)]
    [InlineData(30, true)]
    [InlineData(31, true)]
    public async Task Idle_ForMinutes_EndsAtTheTimeout(int idleMinutes, bool ended)
    {
        var (handler, clock, holder, auth, navigation) = Create(30);
        await handler.OnCircuitOpenedAsync(null!, CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(idleMinutes));

        Assert.Equal(ended, handler.Expired);
        Assert.Equal(!ended, holder.Principal?.Identity?.IsAuthenticated == true);
        Assert.Equal(!ended, (await auth.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated == true);
        List<(string Uri, bool ForceLoad)> expected = ended ? [("/account/login?reason=idle", true)] : [];
        Assert.Equal(expected, navigation.Navigations);
    }

    [Fact]
    public async Task Activity_BeforeTheTimeout_RestartsTheCount()
    {
        var (handler, clock, holder, _, navigation) = Create(30);
        await handler.OnCircuitOpenedAsync(null!, CancellationToken.None);
        var inbound = handler.CreateInboundActivityHandler(_ => Task.CompletedTask);

        clock.Advance(TimeSpan.FromMinutes(29));
        await inbound(null!);
        clock.Advance(TimeSpan.FromMinutes(29));

        Assert.False(handler.Expired);
        Assert.True(holder.Principal?.Identity?.IsAuthenticated);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(handler.Expired);
        Assert.Single(navigation.Navigations);
    }
}
