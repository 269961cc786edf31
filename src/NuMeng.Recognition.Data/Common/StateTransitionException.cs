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

    /// <summary>Throws unless <paramref name="current"/> is one of <paramref name="allowed"/>.</summary>
    internal static void Require<TState>(string record, TState current, string step, params TState[] allowed)
        where TState : struct, Enum
    {
        if (!allowed.Contains(current))
        {
            throw new StateTransitionException($"{record}当前状态为“{current}”，不能{step}");
        }
    }
}
