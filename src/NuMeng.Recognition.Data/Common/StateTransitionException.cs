namespace NuMeng.Recognition.Data.Common;

/// <summary>
/// Thrown when code asks a record for a step its current state does not allow, or hands it a decision taken on another
/// state. Services check first and refuse in Chinese; reaching this exception is a programming error, and nothing is
/// changed.
/// </summary>
public sealed class StateTransitionException : InvalidOperationException
{
    public StateTransitionException()
    {
    }

    public StateTransitionException(string message)
        : base(message)
    {
    }

    public StateTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Throws unless <paramref name="decision"/> allows <paramref name="action"/> and was taken on <paramref name="current"/>
    /// (a decision read from another state, or for another step, is never applied).
    /// </summary>
    internal static void Check<TState, TAction>(string record, Decision<TState, TAction> decision, TState current, TAction action)
        where TState : struct, Enum
        where TAction : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (!decision.Allowed)
        {
            throw new StateTransitionException($"{record}：工作流未允许该操作：{decision.Refusal}");
        }
        if (!EqualityComparer<TAction>.Default.Equals(decision.Action, action))
        {
            throw new StateTransitionException($"{record}：该决定是“{decision.Action}”，不是“{action}”");
        }
        if (!EqualityComparer<TState>.Default.Equals(decision.From, current))
        {
            throw new StateTransitionException($"{record}：该决定基于“{decision.From}”作出，而当前为“{current}”");
        }
    }
}
