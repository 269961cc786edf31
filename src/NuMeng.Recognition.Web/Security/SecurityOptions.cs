namespace NuMeng.Recognition.Web.Security;

/// <summary>
/// Configuration section <c>Security</c>: the password change interval, the idle timeout and the absolute session lifetime (等保三级 requires both). Read once at start-up.
/// </summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// <c>Security:PasswordMaxAgeDays</c> (default 90): after this many days since the password was last set, the user
    /// must change it before doing anything else. 0 turns the rule off. An account created by an administrator (no
    /// password date yet) must change its initial password at first sign-in.
    /// </summary>
    public int PasswordMaxAgeDays { get; set; } = 90;

    /// <summary>
    /// <c>Security:IdleTimeoutMinutes</c> (default 30): the sign-in cookie expires after this long without a request
    /// (sliding), and an open interactive circuit is ended after this long without user activity (docs/platform-notes.md §11).
    /// </summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(Math.Max(1, IdleTimeoutMinutes));

    /// <summary>
    /// <c>Security:AbsoluteSessionHours</c> (default 8): however active, a session ends this long after the password (and
    /// code) were given; the user signs in again. Enforced on every request (<see cref="SessionLifetime"/>) and in open
    /// interactive circuits (<see cref="RevalidatingAuthenticationStateProvider"/>).
    /// </summary>
    public int AbsoluteSessionHours { get; set; } = 8;

    public TimeSpan AbsoluteSessionLifetime => TimeSpan.FromHours(Math.Max(1, AbsoluteSessionHours));

    /// <summary>True when a password set at <paramref name="changedAt"/> must be changed at <paramref name="now"/>.</summary>
    public bool PasswordExpired(DateTimeOffset? changedAt, DateTimeOffset now) =>
        changedAt is null || (PasswordMaxAgeDays > 0 && now - changedAt.Value > TimeSpan.FromDays(PasswordMaxAgeDays));
}
