using NuMeng.Recognition.Domain.Workflow;
using static NuMeng.Recognition.Domain.Workflow.ActorRole;
using static NuMeng.Recognition.Domain.Workflow.PublicNoticeAction;

namespace NuMeng.Recognition.Domain.Tests.Workflow;

public class PublicNoticeWorkflowTests
{
    /// <summary>The legal steps (管理办法 第八条 公示, 行文公布), written out independently of the table.</summary>
    private static readonly (PublicNoticeState, PublicNoticeAction, ActorRole, PublicNoticeState)[] Legal =
    [
        (PublicNoticeState.Draft, Open, DepartmentStaff, PublicNoticeState.Open),
        (PublicNoticeState.Open, Close, DepartmentStaff, PublicNoticeState.Closed),
    ];

    [Fact]
    public void Decide_EveryTriple_LegalReachesStateAndEveryOtherIsRefused()
    {
        var triples = TransitionTableChecks.EveryTriple(PublicNoticeWorkflow.Table, Legal,
            (s, a) => $"当前状态“{PublicNoticeWorkflow.Label(s)}”下不能执行“{PublicNoticeWorkflow.Label(a)}”", PublicNoticeWorkflow.Label);

        Assert.Equal(3 * 2 * 11, triples);
    }

    [Fact]
    public void Decide_CloseAClosedNotice_RefusedInChinese()
    {
        Assert.Equal("当前状态“公示期满”下不能执行“结束公示”", PublicNoticeWorkflow.Decide(PublicNoticeState.Closed, Close, [DepartmentStaff]).Refusal);
    }

    [Fact]
    public void Decide_LeaderAlone_MayNotStartTheNotice()
    {
        // The same role as the applications' row 公示 (StartPublicNotice): 经办人.
        Assert.Equal("“工信厅负责人”无权执行“发布公示”", PublicNoticeWorkflow.Decide(PublicNoticeState.Draft, Open, [DepartmentLeader]).Refusal);
        Assert.Equal(
            ApplicationWorkflow.RolesFor(ApplicationState.PartyGroupApproved, ApplicationAction.StartPublicNotice),
            PublicNoticeWorkflow.Table.RolesFor(PublicNoticeState.Draft, Open));
        Assert.Equal(
            ApplicationWorkflow.RolesFor(ApplicationState.InPublicNotice, ApplicationAction.Publish),
            PublicNoticeWorkflow.Table.RolesFor(PublicNoticeState.Open, Close));
    }
}
