using static NuMeng.Recognition.Domain.Workflow.ActorRole;

namespace NuMeng.Recognition.Domain.Workflow;

/// <summary>Whether a certificate is in force. Stored by name; never rename a member.</summary>
public enum CertificateStatus
{
    /// <summary>有效.</summary>
    Valid,
    /// <summary>已撤销 (管理办法 第十条).</summary>
    Revoked,
    /// <summary>已过期 (第十二条: five years from the award).</summary>
    Expired,
}

/// <summary>What happens to a certificate once awarded.</summary>
public enum CertificateAction
{
    /// <summary>更名: the name changes, the certificate stays in force.</summary>
    Rename,
    /// <summary>撤销称号 (第十条（一）–（四）).</summary>
    Revoke,
    /// <summary>有效期届满 (第十二条).</summary>
    Expire,
}

/// <summary>
/// The certificate's procedure, the recognition's life after 授牌 (管理办法 第十条、第十二条). A certificate is created
/// in force when the recognition is awarded (<see cref="ApplicationAction.Award"/>); it may be renamed by 经办人, revoked by
/// 负责人 (on one of the grounds of 第十条, which <see cref="ApplicationWorkflow"/> checks for the application), and expires
/// by the system when its five years have run (the caller has the dates: <c>CertificateValidity</c>). The roles are the
/// applications' rows for the same steps (更名, 撤销称号, 有效期届满).
/// </summary>
public static class CertificateWorkflow
{
    /// <summary>The state a certificate is awarded in.</summary>
    public const CertificateStatus Initial = CertificateStatus.Valid;

    /// <summary>Every legal step.</summary>
    public static TransitionTable<CertificateStatus, CertificateAction> Table { get; } = new(
    [
        new(CertificateStatus.Valid, CertificateAction.Rename, DepartmentStaff, CertificateStatus.Valid),
        new(CertificateStatus.Valid, CertificateAction.Revoke, DepartmentLeader, CertificateStatus.Revoked),
        new(CertificateStatus.Valid, CertificateAction.Expire, ActorRole.System, CertificateStatus.Expired),
    ], Label, Label);

    /// <summary>The step for a user holding <paramref name="roles"/>, or the Chinese refusal.</summary>
    public static Decision<CertificateStatus, CertificateAction> Decide(CertificateStatus state, CertificateAction action, IEnumerable<ActorRole> roles) =>
        Table.Decide(state, action, roles);

    /// <summary>有效, 已撤销, 已过期.</summary>
    public static string Label(CertificateStatus state) => state switch
    {
        CertificateStatus.Valid => "有效",
        CertificateStatus.Revoked => "已撤销",
        CertificateStatus.Expired => "已过期",
        _ => state.ToString(),
    };

    /// <summary>更名, 撤销称号, 有效期届满.</summary>
    public static string Label(CertificateAction action) => action switch
    {
        CertificateAction.Rename => "更名",
        CertificateAction.Revoke => "撤销称号",
        CertificateAction.Expire => "有效期届满",
        _ => action.ToString(),
    };
}
