namespace NuMeng.Recognition.Web.Features.ExpertDesk;

/// <summary>Where an assignment stands for its expert.</summary>
public enum ExpertDeskState
{
    /// <summary>待声明: no declaration yet; the application stays hidden.</summary>
    AwaitingDeclaration,
    /// <summary>待评分: declared no conflict; the sheet is not submitted.</summary>
    AwaitingScore,
    /// <summary>已提交: the sheet is submitted and locked.</summary>
    Submitted,
    /// <summary>已回避: a conflict was declared or detected.</summary>
    Recused,
}

/// <summary>Labels and the rule deciding the state.</summary>
public static class ExpertDeskStates
{
    public static ExpertDeskState Of(ExpertAssignment assignment, bool submitted)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return assignment.Recused || (assignment.DeclaredAt is not null && assignment.Conflict != ConflictDeclaration.None) ? ExpertDeskState.Recused
            : assignment.DeclaredAt is null ? ExpertDeskState.AwaitingDeclaration
            : submitted ? ExpertDeskState.Submitted
            : ExpertDeskState.AwaitingScore;
    }

    public static string Label(ExpertDeskState state) => state switch
    {
        ExpertDeskState.AwaitingDeclaration => "待声明",
        ExpertDeskState.AwaitingScore => "待评分",
        ExpertDeskState.Submitted => "已提交",
        _ => "已回避",
    };

    public static string RoleLabel(PanelRole role) => role == PanelRole.Leader ? "组长" : "组员";

    /// <summary>May this assignment see the application and score: declared, no conflict, not recused.</summary>
    public static bool Cleared(ExpertAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return assignment.DeclaredAt is not null && assignment.Conflict == ConflictDeclaration.None && !assignment.Recused;
    }
}
