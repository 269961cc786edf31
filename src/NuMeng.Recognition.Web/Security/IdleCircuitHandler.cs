namespace NuMeng.Recognition.Web.Security;

/// <summary>
/// Ends an interactive circuit after <see cref="SecurityOptions.IdleTimeoutMinutes"/> without user input (docs/platform-notes.md
/// gotcha 11: a circuit does not notice that the sign-in cookie expired, because it makes no HTTP requests).
/// <para>
/// Every inbound event (click, input, navigation) restarts a timer. When it fires the circuit loses its identity at once
/// — <see cref="CircuitPrincipal"/> and the circuit's authentication state become anonymous, so every later query of
/// the circuit sees no business data — and the browser is sent to the sign-in page with a full page load, which drops
/// the circuit. The sign-in cookie slides with HTTP requests only and has the same lifetime, so it has expired by then
/// as well.
/// </para>
/// </summary>
public sealed class IdleCircuitHandler : CircuitHandler, IDisposable
{
    private readonly CircuitPrincipal _holder;
    private readonly AuthenticationStateProvider _authentication;
    private readonly NavigationManager _navigation;
    private readonly TimeSpan _timeout;
    private readonly ITimer _timer;
    private int _expired;

    public IdleCircuitHandler(
        CircuitPrincipal holder,
        AuthenticationStateProvider authentication,
        NavigationManager navigation,
        IOptions<SecurityOptions> options,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _holder = holder;
        _authentication = authentication;
        _navigation = navigation;
        _timeout = options.Value.IdleTimeout;
        _timer = time.CreateTimer(_ => Expire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>True once the circuit has been ended for idleness.</summary>
    public bool Expired => Volatile.Read(ref _expired) == 1;

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Touch();
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next)
    {
        return context =>
        {
            Touch();
            return next(context);
        };
    }

    /// <summary>Restarts the idle timer (user activity).</summary>
    public void Touch()
    {
        if (!Expired)
        {
            _timer.Change(_timeout, Timeout.InfiniteTimeSpan);
        }
    }

    private void Expire()
    {
        if (Interlocked.Exchange(ref _expired, 1) == 1)
        {
            return;
        }
        _holder.Principal = CircuitActorHandler.Anonymous;
        if (_authentication is IHostEnvironmentAuthenticationStateProvider settable)
        {
            settable.SetAuthenticationState(Task.FromResult(new AuthenticationState(CircuitActorHandler.Anonymous)));
        }
        try
        {
            _navigation.NavigateTo("/account/login?reason=idle", forceLoad: true);
        }
        catch (InvalidOperationException)
        {
            // The circuit is already gone (browser closed): nothing left to navigate; the identity is dropped above.
        }
    }

    public void Dispose() => _timer.Dispose();
}
