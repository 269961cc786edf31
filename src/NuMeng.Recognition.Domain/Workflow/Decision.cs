namespace NuMeng.Recognition.Domain.Workflow;

/// <summary>
/// What a transition table decided: in <paramref name="From"/>, <paramref name="Action"/> taken as
/// <paramref name="ActedAs"/> leads to <paramref name="To"/>; or, when <paramref name="Refusal"/> is set, it is refused
/// for the reason given in Chinese (ready to show) and <paramref name="To"/> equals <paramref name="From"/>.
/// </summary>
/// <param name="From">The state before.</param>
/// <param name="Action">The action asked for.</param>
/// <param name="To">The state after (unchanged when refused).</param>
/// <param name="ActedAs">The role the user acted as (when refused: the role the refusal names).</param>
/// <param name="Refusal">Why not, in Chinese; null when allowed.</param>
public sealed record Decision<TState, TAction>(TState From, TAction Action, TState To, ActorRole ActedAs, string? Refusal)
    where TState : struct, Enum
    where TAction : struct, Enum
{
    /// <summary>True when the action may be taken.</summary>
    public bool Allowed => Refusal is null;
}

/// <summary>Factories of <see cref="Decision{TState, TAction}"/> (type arguments inferred).</summary>
public static class Decision
{
    /// <summary>An allowed step to <paramref name="to"/>, acted as <paramref name="actedAs"/>.</summary>
    public static Decision<TState, TAction> Allow<TState, TAction>(TState from, TAction action, TState to, ActorRole actedAs)
        where TState : struct, Enum
        where TAction : struct, Enum =>
        new(from, action, to, actedAs, null);

    /// <summary>A refused step: the state stays <paramref name="from"/>.</summary>
    public static Decision<TState, TAction> Refuse<TState, TAction>(TState from, TAction action, ActorRole actedAs, string refusal)
        where TState : struct, Enum
        where TAction : struct, Enum
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refusal);
        return new(from, action, from, actedAs, refusal);
    }
}

/// <summary>
/// Which of a user's roles they act as. A user may hold several roles (a 经办人 who is also 负责人); a step is taken with
/// the first role in <see cref="Precedence"/> that the table permits for it, and a refusal names the first role the user
/// holds. The order is the portal's: the applicant; the bureau leader before the reviewer (the leader may do everything
/// the reviewer may, and sign); department staff before the agency before the department leader (经办人 handles the
/// working steps, 负责人 only what the table reserves to them, e.g. 厅党组会审议, 撤销称号).
/// </summary>
public static class ActingRoles
{
    /// <summary>The order in which roles are tried.</summary>
    public static IReadOnlyList<ActorRole> Precedence { get; } =
    [
        ActorRole.EnterpriseApplicant,
        ActorRole.BureauLeader,
        ActorRole.BureauReviewer,
        ActorRole.DepartmentStaff,
        ActorRole.AgencyCoordinator,
        ActorRole.DepartmentLeader,
        ActorRole.Expert,
        ActorRole.SystemAdministrator,
        ActorRole.SecurityAdministrator,
        ActorRole.AuditAdministrator,
        ActorRole.System,
    ];

    /// <summary>The first of <paramref name="held"/> (by precedence) that is also in <paramref name="permitted"/>; null when none is.</summary>
    public static ActorRole? Pick(IReadOnlyCollection<ActorRole> held, IEnumerable<ActorRole> permitted)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(permitted);
        var allowed = permitted.ToHashSet();
        foreach (var role in Precedence)
        {
            if (held.Contains(role) && allowed.Contains(role))
            {
                return role;
            }
        }
        return null;
    }

    /// <summary>The first of <paramref name="held"/> by precedence (the role a refusal names).</summary>
    /// <exception cref="ArgumentException">No role at all.</exception>
    public static ActorRole Primary(IReadOnlyCollection<ActorRole> held) =>
        Pick(held, Precedence) ?? throw new ArgumentException("至少需要一个角色", nameof(held));

    /// <summary>The roles as a collection, each defined.</summary>
    internal static IReadOnlyCollection<ActorRole> Validate(IEnumerable<ActorRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var held = roles.ToHashSet();
        foreach (var role in held)
        {
            if (!Enum.IsDefined(role))
            {
                throw new ArgumentOutOfRangeException(nameof(roles), role, "未知的角色");
            }
        }
        if (held.Count == 0)
        {
            throw new ArgumentException("至少需要一个角色", nameof(roles));
        }
        return held;
    }
}
