using NuMeng.Recognition.Domain.Workflow;
using static NuMeng.Recognition.Domain.Workflow.ActorRole;
using static NuMeng.Recognition.Domain.Workflow.CertificateAction;
using static NuMeng.Recognition.Domain.Workflow.CertificateStatus;

namespace NuMeng.Recognition.Domain.Tests.Workflow;

public class CertificateWorkflowTests
{
    /// <summary>The legal steps (管理办法 第十条 更名、撤销, 第十二条 有效期), written out independently.</summary>
    private static readonly (CertificateStatus, CertificateAction, ActorRole, CertificateStatus)[] Legal =
    [
        (Valid, Rename, DepartmentStaff, Valid),
        (Valid, Revoke, DepartmentLeader, Revoked),
        (Valid, Expire, ActorRole.System, Expired),
    ];

    [Fact]
    public void Decide_EveryTriple_LegalReachesStateAndEveryOtherIsRefused()
    {
        var triples = TransitionTableChecks.EveryTriple(CertificateWorkflow.Table, Legal,
            (s, a) => $"当前状态“{CertificateWorkflow.Label(s)}”下不能执行“{CertificateWorkflow.Label(a)}”", CertificateWorkflow.Label);

        Assert.Equal(3 * 3 * 11, triples);
    }

    [Fact]
    public void Decide_RevokeARevokedCertificate_Refused()
    {
        Assert.Equal("当前状态“已撤销”下不能执行“撤销称号”", CertificateWorkflow.Decide(Revoked, Revoke, [DepartmentLeader]).Refusal);
    }

    [Theory]
    [InlineData(Rename, ApplicationAction.Rename)]
    [InlineData(Revoke, ApplicationAction.Revoke)]
    [InlineData(Expire, ApplicationAction.Expire)]
    public void Table_SameRolesAsTheApplicationsRows(CertificateAction action, ApplicationAction applicationAction)
    {
        Assert.Equal(ApplicationWorkflow.RolesFor(ApplicationState.Recognised, applicationAction), CertificateWorkflow.Table.RolesFor(Valid, action));
    }

    [Fact]
    public void Decide_StaffAndLeaderRevoke_ActsAsLeader()
    {
        Assert.Equal(DepartmentLeader, CertificateWorkflow.Decide(Valid, Revoke, [DepartmentStaff, DepartmentLeader]).ActedAs);
    }

    [Fact]
    public void Table_RevokedAndExpiredAreFinal()
    {
        Assert.Equal([Revoked, Expired], Enum.GetValues<CertificateStatus>().Where(CertificateWorkflow.Table.IsFinal));
        Assert.Equal(Valid, CertificateWorkflow.Initial);
    }
}
