using NuMeng.Recognition.Domain.Workflow;
using static NuMeng.Recognition.Domain.Workflow.ActorRole;
using static NuMeng.Recognition.Domain.Workflow.RenameRequestAction;
using static NuMeng.Recognition.Domain.Workflow.RenameRequestState;

namespace NuMeng.Recognition.Domain.Tests.Workflow;

public class RenameRequestWorkflowTests
{
    /// <summary>The legal steps (管理办法 第十条 更名: the bureau applies to the department), written out independently.</summary>
    private static readonly (RenameRequestState, RenameRequestAction, ActorRole, RenameRequestState)[] Legal =
    [
        (Submitted, Forward, BureauReviewer, Forwarded),
        (Submitted, Forward, BureauLeader, Forwarded),
        (Submitted, Decline, BureauReviewer, DeclinedByBureau),
        (Submitted, Decline, BureauLeader, DeclinedByBureau),
        (Forwarded, Approve, DepartmentStaff, Approved),
        (Forwarded, Reject, DepartmentStaff, Rejected),
        (Forwarded, Reject, DepartmentLeader, Rejected),
    ];

    [Fact]
    public void Decide_EveryTriple_LegalReachesStateAndEveryOtherIsRefused()
    {
        var triples = TransitionTableChecks.EveryTriple(RenameRequestWorkflow.Table, Legal,
            (s, a) => $"当前状态“{RenameRequestWorkflow.Label(s)}”下不能执行“{RenameRequestWorkflow.Label(a)}”", RenameRequestWorkflow.Label);

        Assert.Equal(5 * 4 * 11, triples);
    }

    [Fact]
    public void Decide_ApproveBeforeTheBureauForwarded_Refused()
    {
        Assert.Equal("当前状态“待盟市转报”下不能执行“同意更名”", RenameRequestWorkflow.Decide(Submitted, Approve, [DepartmentStaff]).Refusal);
    }

    [Fact]
    public void Decide_ApprovalRenames_SoItIsTheRoleOfTheApplicationsRenameRow()
    {
        Assert.Equal(
            ApplicationWorkflow.RolesFor(ApplicationState.Recognised, ApplicationAction.Rename),
            RenameRequestWorkflow.Table.RolesFor(Forwarded, Approve));
        Assert.Equal("“工信厅负责人”无权执行“同意更名”", RenameRequestWorkflow.Decide(Forwarded, Approve, [DepartmentLeader]).Refusal);
    }

    [Fact]
    public void Decide_BureauLeaderAndReviewer_ForwardsAsLeader()
    {
        Assert.Equal(BureauLeader, RenameRequestWorkflow.Decide(Submitted, Forward, [BureauReviewer, BureauLeader]).ActedAs);
    }

    [Theory]
    [InlineData(Submitted, true)]
    [InlineData(Forwarded, true)]
    [InlineData(DeclinedByBureau, false)]
    [InlineData(Approved, false)]
    [InlineData(Rejected, false)]
    public void IsOpen_WaitingForBureauOrDepartment(RenameRequestState state, bool open) =>
        Assert.Equal(open, RenameRequestWorkflow.IsOpen(state));

    [Fact]
    public void Initial_IsSubmitted() => Assert.Equal(Submitted, RenameRequestWorkflow.Initial);
}
