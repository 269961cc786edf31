using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Domain.Tests.Workflow;

/// <summary>Checks a <see cref="TransitionTable{TState, TAction}"/> against rows written out independently in a test.</summary>
internal static class TransitionTableChecks
{
    /// <summary>
    /// Every (state, action, role) triple: a legal one is allowed, reaches its state and acts as the role; every other is
    /// refused, keeps the state, and says why — the state (no row for anyone) or the role (“…”无权执行“…”).
    /// Returns the number of triples checked.
    /// </summary>
    public static int EveryTriple<TState, TAction>(
        TransitionTable<TState, TAction> table,
        IReadOnlyList<(TState From, TAction Action, ActorRole Role, TState To)> expected,
        Func<TState, TAction, string> notInState,
        Func<TAction, string> actionLabel)
        where TState : struct, Enum
        where TAction : struct, Enum
    {
        Assert.Equal(expected.Count, expected.Distinct().Count());
        Assert.Equal(
            expected.Select(r => r.ToString()).Order(StringComparer.Ordinal),
            table.Rows.Select(r => (r.From, r.Action, r.Role, r.To).ToString()).Order(StringComparer.Ordinal));

        var mismatches = new List<string>();
        var triples = 0;
        foreach (var from in Enum.GetValues<TState>())
        {
            foreach (var action in Enum.GetValues<TAction>())
            {
                foreach (var role in Enum.GetValues<ActorRole>())
                {
                    triples++;
                    var row = expected.Where(r => Equals(r.From, from) && Equals(r.Action, action) && r.Role == role).ToList();
                    var inState = expected.Any(r => Equals(r.From, from) && Equals(r.Action, action));
                    var decision = table.Decide(from, action, [role]);
                    var ok = decision.From.Equals(from) && decision.Action.Equals(action) && decision.ActedAs == role
                        && (row.Count == 1
                            ? decision.Allowed && decision.To.Equals(row[0].To) && table.CanTransition(from, action, role)
                            : !decision.Allowed && decision.To.Equals(from) && !table.CanTransition(from, action, role)
                                && decision.Refusal == (inState
                                    ? $"“{WorkflowLabels.Role(role)}”无权执行“{actionLabel(action)}”"
                                    : notInState(from, action)));
                    if (!ok)
                    {
                        mismatches.Add($"{from} --{action}/{role}: {decision}");
                    }
                }
            }
        }
        Assert.Empty(mismatches);
        return triples;
    }
}
