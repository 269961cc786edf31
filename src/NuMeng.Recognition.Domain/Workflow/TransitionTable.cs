namespace NuMeng.Recognition.Domain.Workflow;

/// <summary>One legal step of a record's procedure: in <paramref name="From"/>, <paramref name="Role"/> may do <paramref name="Action"/>, which leads to <paramref name="To"/>.</summary>
public sealed record TransitionRow<TState, TAction>(TState From, TAction Action, ActorRole Role, TState To)
    where TState : struct, Enum
    where TAction : struct, Enum;

/// <summary>
/// A record's procedure as one explicit table <c>(state, action, role) → state</c>, the same shape as
/// <see cref="ApplicationWorkflow"/>: anything not in the table is refused, in Chinese, never silently ignored. Used for
/// batches, public notices, rename requests, objections and certificates.
/// </summary>
public sealed class TransitionTable<TState, TAction>
    where TState : struct, Enum
    where TAction : struct, Enum
{
    private readonly Func<TState, TAction, string> _notInState;
    private readonly Func<TAction, string> _actionLabel;

    /// <param name="rows">Every legal step, one row each.</param>
    /// <param name="stateLabel">Chinese label of a state.</param>
    /// <param name="actionLabel">Chinese label of an action.</param>
    /// <param name="notInState">The refusal when the action is not possible in the state; by default
    /// 当前状态“…”下不能执行“…”.</param>
    public TransitionTable(IEnumerable<TransitionRow<TState, TAction>> rows, Func<TState, string> stateLabel,
        Func<TAction, string> actionLabel, Func<TState, TAction, string>? notInState = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(stateLabel);
        ArgumentNullException.ThrowIfNull(actionLabel);
        Rows = rows.ToList().AsReadOnly();
        _actionLabel = actionLabel;
        _notInState = notInState ?? ((state, action) => $"当前状态“{stateLabel(state)}”下不能执行“{actionLabel(action)}”");
    }

    /// <summary>Every legal step. Read top to bottom, it is the procedure.</summary>
    public IReadOnlyList<TransitionRow<TState, TAction>> Rows { get; }

    /// <summary>
    /// Decides a step for a user holding <paramref name="roles"/>: the new state and the role acted as (the first role in
    /// <see cref="ActingRoles.Precedence"/> the table permits), or the Chinese refusal: not possible in this state, or
    /// not for these roles (the refusal names the user's first role).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An undefined enum value.</exception>
    /// <exception cref="ArgumentException">No role.</exception>
    public Decision<TState, TAction> Decide(TState state, TAction action, IEnumerable<ActorRole> roles)
    {
        var held = ActingRoles.Validate(roles);
        if (!Enum.IsDefined(state))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "未知的状态");
        }
        if (!Enum.IsDefined(action))
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "未知的操作");
        }
        var rows = Rows.Where(t => EqualityComparer<TState>.Default.Equals(t.From, state)
            && EqualityComparer<TAction>.Default.Equals(t.Action, action)).ToList();
        if (rows.Count == 0)
        {
            return Decision.Refuse(state, action, ActingRoles.Primary(held), _notInState(state, action));
        }
        if (ActingRoles.Pick(held, rows.Select(t => t.Role)) is not { } role)
        {
            var primary = ActingRoles.Primary(held);
            return Decision.Refuse(state, action, primary, $"“{WorkflowLabels.Role(primary)}”无权执行“{_actionLabel(action)}”");
        }
        return Decision.Allow(state, action, rows.First(t => t.Role == role).To, role);
    }

    /// <summary>True when the table has the row.</summary>
    public bool CanTransition(TState state, TAction action, ActorRole role) => Rows.Any(t =>
        EqualityComparer<TState>.Default.Equals(t.From, state) && EqualityComparer<TAction>.Default.Equals(t.Action, action) && t.Role == role);

    /// <summary>The roles that may take <paramref name="action"/> in <paramref name="state"/>.</summary>
    public IReadOnlyList<ActorRole> RolesFor(TState state, TAction action) => Rows
        .Where(t => EqualityComparer<TState>.Default.Equals(t.From, state) && EqualityComparer<TAction>.Default.Equals(t.Action, action))
        .Select(t => t.Role).ToList().AsReadOnly();

    /// <summary>True when nothing can happen in <paramref name="state"/> any more.</summary>
    public bool IsFinal(TState state) => Rows.All(t => !EqualityComparer<TState>.Default.Equals(t.From, state));
}
