using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Domain.Objections;

/// <summary>Where an objection case stands (DOMAIN.md §5: received → verified → decided).</summary>
public enum ObjectionCaseState
{
    /// <summary>已受理.</summary>
    Received,
    /// <summary>已核实.</summary>
    Verified,
    /// <summary>异议成立: the enterprise leaves the list.</summary>
    Upheld,
    /// <summary>异议不成立: it stays.</summary>
    Dismissed,
}

/// <summary>What the department does to a case.</summary>
public enum ObjectionCaseAction
{
    /// <summary>核实: the department checked the facts; notes required.</summary>
    Verify,
    /// <summary>认定异议成立; reasons required.</summary>
    Uphold,
    /// <summary>认定异议不成立; reasons required.</summary>
    Dismiss,
}

/// <summary>The outcome of <see cref="ObjectionCase.Transition"/>: the new state, or the Chinese reasons why not.</summary>
public sealed record ObjectionCaseResult(ObjectionCaseState? State, IReadOnlyList<InputError> Errors)
{
    /// <summary>True when the transition happened.</summary>
    public bool Succeeded => State is not null && Errors.Count == 0;
}

/// <summary>
/// The case's transitions: Received → Verified (核实, with notes) → Upheld | Dismissed (with reasons). A decision is
/// never taken on an unverified case, and a decided case is final. Every step records why (DOMAIN.md §5: "with the reasons
/// recorded").
/// </summary>
public static class ObjectionCase
{
    /// <summary>Shortest notes or reasons: a reason must say something.</summary>
    public const int MinTextLength = 5;

    /// <summary>Longest notes or reasons.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>Performs <paramref name="action"/> on a case in <paramref name="from"/> with its notes or reasons.</summary>
    public static ObjectionCaseResult Transition(ObjectionCaseState from, ObjectionCaseAction action, string? text)
    {
        var field = action == ObjectionCaseAction.Verify ? "notes" : "reasons";
        var to = (from, action) switch
        {
            (ObjectionCaseState.Received, ObjectionCaseAction.Verify) => ObjectionCaseState.Verified,
            (ObjectionCaseState.Verified, ObjectionCaseAction.Uphold) => ObjectionCaseState.Upheld,
            (ObjectionCaseState.Verified, ObjectionCaseAction.Dismiss) => ObjectionCaseState.Dismissed,
            _ => (ObjectionCaseState?)null,
        };
        if (to is null)
        {
            return new(null, [new InputError("action", Refusal(from, action))]);
        }
        var t = text?.Trim() ?? string.Empty;
        var label = action == ObjectionCaseAction.Verify ? "核实情况" : "决定理由";
        if (t.Length < MinTextLength)
        {
            return new(null, [new InputError(field, t.Length == 0 ? $"请填写{label}" : $"{label}过短，请写明依据（至少 {MinTextLength} 个字）")]);
        }
        if (t.Length > MaxTextLength)
        {
            return new(null, [new InputError(field, $"{label}不能超过 {MaxTextLength} 个字（现为 {t.Length} 个字）")]);
        }
        return new(to, []);
    }

    /// <summary>True when nothing can happen to the case any more.</summary>
    public static bool IsDecided(ObjectionCaseState state) => state is ObjectionCaseState.Upheld or ObjectionCaseState.Dismissed;

    /// <summary>Chinese label of a state.</summary>
    public static string Label(ObjectionCaseState state) => state switch
    {
        ObjectionCaseState.Received => "已受理，待核实",
        ObjectionCaseState.Verified => "已核实，待决定",
        ObjectionCaseState.Upheld => "异议成立",
        ObjectionCaseState.Dismissed => "异议不成立",
        _ => state.ToString(),
    };

    private static string Refusal(ObjectionCaseState from, ObjectionCaseAction action) => (from, action) switch
    {
        (_, _) when IsDecided(from) => $"该异议已作出决定（{Label(from)}），不能再办理",
        (ObjectionCaseState.Received, _) => "请先核实异议情况，再作出成立或不成立的决定",
        (ObjectionCaseState.Verified, ObjectionCaseAction.Verify) => "该异议已核实，请作出成立或不成立的决定",
        _ => $"当前状态（{Label(from)}）下不能办理该操作",
    };
}
