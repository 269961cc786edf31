namespace NuMeng.Recognition.Domain.Workflow;

/// <summary>Why a transition was refused.</summary>
public enum WorkflowErrorKind
{
    /// <summary>The action does not exist in the current state, for anyone.</summary>
    NotAllowedInState,
    /// <summary>The action exists in this state, but not for this role.</summary>
    RoleNotPermitted,
    /// <summary>A revocation without its ground (管理办法 第十条（一）–（四）).</summary>
    RevocationGroundRequired,
    /// <summary>A revocation ground given with an action other than revocation.</summary>
    RevocationGroundNotApplicable,
}

/// <summary>
/// An illegal transition. Never a silent no-op: the caller gets the reason in Chinese, ready to show.
/// </summary>
public sealed class WorkflowException : InvalidOperationException
{
    public WorkflowException(ApplicationState from, ApplicationAction action, ActorRole role, WorkflowErrorKind kind)
        : base(MessageFor(from, action, role, kind))
    {
        From = from;
        Action = action;
        Role = role;
        Kind = kind;
    }

    /// <summary>The state the application was in (unchanged).</summary>
    public ApplicationState From { get; }

    /// <summary>The action attempted.</summary>
    public ApplicationAction Action { get; }

    /// <summary>The role that attempted it.</summary>
    public ActorRole Role { get; }

    /// <summary>Why it was refused.</summary>
    public WorkflowErrorKind Kind { get; }

    /// <summary>The Chinese message for a refusal.</summary>
    public static string MessageFor(ApplicationState from, ApplicationAction action, ActorRole role, WorkflowErrorKind kind) => kind switch
    {
        WorkflowErrorKind.NotAllowedInState => $"当前状态“{WorkflowLabels.State(from)}”下不能执行“{WorkflowLabels.Action(action)}”",
        WorkflowErrorKind.RoleNotPermitted => $"“{WorkflowLabels.Role(role)}”无权执行“{WorkflowLabels.Action(action)}”",
        WorkflowErrorKind.RevocationGroundRequired => "撤销称号须注明所依据的情形（管理办法第十条（一）至（四）之一）",
        WorkflowErrorKind.RevocationGroundNotApplicable => $"只有“撤销称号”需要注明撤销情形，“{WorkflowLabels.Action(action)}”不应附带撤销情形",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "未知的错误类别"),
    };
}
