using NuMeng.Recognition.Domain.Workflow;
using static NuMeng.Recognition.Domain.Workflow.ActorRole;

namespace NuMeng.Recognition.Domain.Objections;

/// <summary>
/// Where an objection case (异议) stands (docs/rule-reference.md §9: received → verified → decided). The one enum for the case: the
/// database stores it by name; never rename a member.
/// </summary>
public enum ObjectionState
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
public sealed record ObjectionCaseResult(ObjectionState? State, IReadOnlyList<InputError> Errors)
{
    /// <summary>True when the transition happened.</summary>
    public bool Succeeded => State is not null && Errors.Count == 0;
}

/// <summary>
/// The case's transitions: Received → Verified (核实, with notes) → Upheld | Dismissed (with reasons). A decision is
/// never taken on an unverified case, and a decided case is final. Every step records why (docs/rule-reference.md §9: "with the reasons
/// recorded").
/// </summary>
public static class ObjectionCase
{
    /// <summary>Shortest notes or reasons: a reason must say something.</summary>
    public const int MinTextLength = 5;

    /// <summary>Longest notes or reasons.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>
    /// Every legal step: 核实 by the department's 经办人 or 负责人; the decision (成立 / 不成立) by 经办人, who also takes the
    /// application's matching step (<see cref="ApplicationAction.UpholdObjection"/>, <see cref="ApplicationAction.DismissObjection"/>).
    /// </summary>
    public static TransitionTable<ObjectionState, ObjectionCaseAction> Table { get; } = new(
    [
        new(ObjectionState.Received, ObjectionCaseAction.Verify, DepartmentStaff, ObjectionState.Verified),
        new(ObjectionState.Received, ObjectionCaseAction.Verify, DepartmentLeader, ObjectionState.Verified),
        new(ObjectionState.Verified, ObjectionCaseAction.Uphold, DepartmentStaff, ObjectionState.Upheld),
        new(ObjectionState.Verified, ObjectionCaseAction.Dismiss, DepartmentStaff, ObjectionState.Dismissed),
    ], Label, Label, Refusal);

    /// <summary>The step for a user holding <paramref name="roles"/>, or the Chinese refusal (the text is checked by <see cref="Transition"/>).</summary>
    public static Decision<ObjectionState, ObjectionCaseAction> Decide(ObjectionState state, ObjectionCaseAction action, IEnumerable<ActorRole> roles) =>
        Table.Decide(state, action, roles);

    /// <summary>Performs <paramref name="action"/> on a case in <paramref name="from"/> with its notes or reasons.</summary>
    public static ObjectionCaseResult Transition(ObjectionState from, ObjectionCaseAction action, string? text)
    {
        var field = action == ObjectionCaseAction.Verify ? "notes" : "reasons";
        var to = Table.Rows.Where(r => r.From == from && r.Action == action).Select(r => (ObjectionState?)r.To).FirstOrDefault();
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
    public static bool IsDecided(ObjectionState state) => state is ObjectionState.Upheld or ObjectionState.Dismissed;

    /// <summary>Chinese label of an action.</summary>
    public static string Label(ObjectionCaseAction action) => action switch
    {
        ObjectionCaseAction.Verify => "核实",
        ObjectionCaseAction.Uphold => "认定异议成立",
        ObjectionCaseAction.Dismiss => "认定异议不成立",
        _ => action.ToString(),
    };

    /// <summary>Chinese label of a state.</summary>
    public static string Label(ObjectionState state) => state switch
    {
        ObjectionState.Received => "已受理，待核实",
        ObjectionState.Verified => "已核实，待决定",
        ObjectionState.Upheld => "异议成立",
        ObjectionState.Dismissed => "异议不成立",
        _ => state.ToString(),
    };

    private static string Refusal(ObjectionState from, ObjectionCaseAction action) => (from, action) switch
    {
        (_, _) when IsDecided(from) => $"该异议已作出决定（{Label(from)}），不能再办理",
        (ObjectionState.Received, _) => "请先核实异议情况，再作出成立或不成立的决定",
        (ObjectionState.Verified, ObjectionCaseAction.Verify) => "该异议已核实，请作出成立或不成立的决定",
        _ => $"当前状态（{Label(from)}）下不能办理该操作",
    };
}
