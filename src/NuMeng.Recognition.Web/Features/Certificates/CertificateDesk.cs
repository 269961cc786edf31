using NuMeng.Recognition.Data.Tenancy;

namespace NuMeng.Recognition.Web.Features.Certificates;

/// <summary>
/// Who uses the certificate desk: 工信厅经办人 and 工信厅负责人 (pages are authorised by <c>Policies.Department</c>; the
/// services check again). Which of the two acts is the workflow table's business: 行文公布, 授牌 and 更名 are 经办人's
/// rows, 撤销称号 the 负责人's (<see cref="ApplicationWorkflowSteps.Decide"/>).
/// </summary>
internal static class CertificateDesk
{
    public const string NotDepartmentMessage = "只有自治区工业和信息化厅的经办人和负责人可以办理认定公布、授牌、更名和撤销";

    /// <summary>The desk of the certificate steps.</summary>
    public static Desk Desk { get; } = new(u => u.IsDepartment, NotDepartmentMessage);

    /// <summary>The message of an Invalid outcome on this desk.</summary>
    public const string InvalidMessage = "请修改以下内容后重新提交";

    /// <summary>Whether the scope's user may read the desk's lists.</summary>
    public static bool Admits(ICurrentActor actor) => ActingUser.Of(actor) is { } user && Desk.Admits(user);
}

/// <summary>The audit entries of the certificate desk (管理办法 第八条 行文公布, 第十条 更名、撤销, 第十二条 授牌).</summary>
internal static class CertificateAuditKinds
{
    public static readonly AuditKind Publish = new("publication.publish", "Publication");
    public static readonly AuditKind Award = new("certificate.award", "Batch");
    public static readonly AuditKind Revoke = new("certificate.revoke", "Certificate");
    public static readonly AuditKind RenameApprove = new("rename.approve", "RenameRequest");
    public static readonly AuditKind RenameReject = new("rename.reject", "RenameRequest");
}
