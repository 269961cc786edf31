namespace NuMeng.Recognition.Web.Features.Notices;

/// <summary>What the steps of pre-selection, the notice and objections share.</summary>
internal static class NoticesSteps
{
    /// <summary>
    /// 工信厅经办人 and 工信厅负责人. Pages are authorised by <c>Policies.Department</c>; the steps check again and ask the
    /// workflow with the role the table names for the step (经办人 for pre-selection, notice and objections, 负责人 for the
    /// party-group decision).
    /// </summary>
    public static Desk Department { get; } = Desk.Department with { Refusal = "只有自治区工业和信息化厅的经办人和负责人可以办理" };

    /// <summary>The message of an Invalid outcome on these pages.</summary>
    public const string InvalidMessage = "请按提示修改后再提交。";

    /// <summary>The workflow's refusal of <paramref name="action"/> in <paramref name="state"/> for the acting user, or allowed.</summary>
    public static Ruling Allowed(StepContext step, ApplicationState state, ApplicationAction action) =>
        ApplicationWorkflowSteps.RefusalOrNull(step.User, state, action) is { } refusal ? Ruling.Refuse(refusal) : Ruling.Allow();
}
