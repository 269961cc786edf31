using NuMeng.Recognition.Domain.Workflow;
using static NuMeng.Recognition.Domain.Workflow.ActorRole;
using static NuMeng.Recognition.Domain.Workflow.BatchAction;

namespace NuMeng.Recognition.Domain.Tests.Workflow;

public class BatchWorkflowTests
{
    /// <summary>The legal steps, written out independently of <see cref="BatchWorkflow.Table"/>.</summary>
    private static readonly (BatchState, BatchAction, ActorRole, BatchState)[] Legal =
    [
        (BatchState.Draft, Open, DepartmentStaff, BatchState.Open),
        (BatchState.Draft, Open, DepartmentLeader, BatchState.Open),
        (BatchState.Open, Close, DepartmentStaff, BatchState.Closed),
        (BatchState.Open, Close, DepartmentLeader, BatchState.Closed),
    ];

    [Fact]
    public void Decide_EveryTriple_LegalReachesStateAndEveryOtherIsRefused()
    {
        var triples = TransitionTableChecks.EveryTriple(BatchWorkflow.Table, Legal,
            (s, a) => $"当前状态“{BatchWorkflow.Label(s)}”下不能执行“{BatchWorkflow.Label(a)}”", BatchWorkflow.Label);

        Assert.Equal(3 * 2 * 11, triples);
    }

    [Fact]
    public void Decide_OpenAClosedBatch_RefusedInChinese()
    {
        var decision = BatchWorkflow.Decide(BatchState.Closed, Open, [DepartmentStaff]);

        Assert.Equal("当前状态“已截止”下不能执行“开放申报”", decision.Refusal);
    }

    [Fact]
    public void Decide_BureauOpensABatch_Refused()
    {
        Assert.Equal("“盟市负责人”无权执行“开放申报”", BatchWorkflow.Decide(BatchState.Draft, Open, [BureauLeader]).Refusal);
    }

    [Fact]
    public void Decide_StaffAndLeader_ActsAsStaff()
    {
        Assert.Equal(DepartmentStaff, BatchWorkflow.Decide(BatchState.Draft, Open, [DepartmentLeader, DepartmentStaff]).ActedAs);
    }

    [Fact]
    public void Table_ClosedIsTheOnlyFinalState()
    {
        Assert.Equal([BatchState.Closed], Enum.GetValues<BatchState>().Where(BatchWorkflow.Table.IsFinal));
    }

    [Theory]
    [InlineData(BatchState.Draft, "草稿")]
    [InlineData(BatchState.Open, "申报中")]
    [InlineData(BatchState.Closed, "已截止")]
    public void Label_State_Chinese(BatchState state, string label) => Assert.Equal(label, BatchWorkflow.Label(state));
}
