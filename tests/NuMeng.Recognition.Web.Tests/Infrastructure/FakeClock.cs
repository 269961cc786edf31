using Microsoft.Extensions.Time.Testing;

namespace NuMeng.Recognition.Web.Tests.Infrastructure;

/// <summary>Setting a test's <see cref="FakeTimeProvider"/> to a moment, kept in UTC as the real clock gives it.</summary>
public static class FakeClock
{
    /// <summary>Moves the clock to <paramref name="now"/>, forwards or back (outstanding timers are not fired).</summary>
    public static void MoveTo(this FakeTimeProvider clock, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(clock);
        clock.AdjustTime(now.ToUniversalTime());
    }
}
