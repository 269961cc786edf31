using NuMeng.Recognition.Domain.Workflow;
using static NuMeng.Recognition.Domain.Workflow.ActorRole;
using static NuMeng.Recognition.Domain.Workflow.ApplicationAction;
using static NuMeng.Recognition.Domain.Workflow.ApplicationState;

namespace NuMeng.Recognition.Domain.Tests.Workflow;

public class ApplicationWorkflowDecideTests
{
    /// <summary>The portal's order for a user with several roles, written out independently of <see cref="ActingRoles"/>.</summary>
    private static readonly ActorRole[] Precedence =
    [
        EnterpriseApplicant, BureauLeader, BureauReviewer, DepartmentStaff, AgencyCoordinator, DepartmentLeader,
        Expert, SystemAdministrator, SecurityAdministrator, AuditAdministrator, ActorRole.System,
    ];

    private static List<(ApplicationState From, ApplicationAction Action, ActorRole Role, ApplicationState To)> Expected() =>
        ApplicationWorkflowTests.LegalTransitions
            .Select(r => ((ApplicationState)r[0], (ApplicationAction)r[1], (ActorRole)r[2], (ApplicationState)r[3])).ToList();

    private static RevocationGround? GroundFor(ApplicationAction action) =>
        action == Revoke ? RevocationGround.MajorAccident : null;

    [Fact]
    public void Decide_EveryTripleWithOneRole_AgreesWithTheTableAndWithTransition()
    {
        var expected = Expected();
        var mismatches = new List<string>();
        var triples = 0;
        foreach (var from in Enum.GetValues<ApplicationState>())
        {
            foreach (var action in Enum.GetValues<ApplicationAction>())
            {
                foreach (var role in Enum.GetValues<ActorRole>())
                {
                    triples++;
                    var row = expected.SingleOrDefault(r => r.From == from && r.Action == action && r.Role == role);
                    var legal = row != default;
                    var decision = ApplicationWorkflow.Decide(from, action, [role], GroundFor(action));
                    string? thrown = null;
                    try
                    {
                        ApplicationWorkflow.Transition(from, action, role, GroundFor(action));
                    }
                    catch (WorkflowException ex)
                    {
                        thrown = ex.Message;
                    }
                    var ok = decision.From == from && decision.Action == action && decision.ActedAs == role
                        && decision.Allowed == legal
                        && decision.To == (legal ? row.To : from)
                        && decision.Refusal == thrown;
                    if (!ok)
                    {
                        mismatches.Add($"{from} --{action}/{role}: {decision}");
                    }
                }
            }
        }

        Assert.Equal(Enum.GetValues<ApplicationState>().Length * Enum.GetValues<ApplicationAction>().Length * Enum.GetValues<ActorRole>().Length, triples);
        Assert.Empty(mismatches);
    }

    [Fact]
    public void Decide_EveryTripleWithTwoRoles_ActsAsTheFirstPermittedRoleByPrecedence()
    {
        var expected = Expected();
        var mismatches = new List<string>();
        foreach (var from in Enum.GetValues<ApplicationState>())
        {
            foreach (var action in Enum.GetValues<ApplicationAction>())
            {
                foreach (var first in Enum.GetValues<ActorRole>())
                {
                    foreach (var second in Enum.GetValues<ActorRole>())
                    {
                        var held = new[] { first, second };
                        var permitted = Precedence
                            .Where(r => held.Contains(r) && expected.Any(t => t.From == from && t.Action == action && t.Role == r))
                            .ToList();
                        var decision = ApplicationWorkflow.Decide(from, action, held, GroundFor(action));
                        var ok = permitted.Count > 0
                            ? decision.Allowed && decision.ActedAs == permitted[0]
                                && decision.To == expected.Single(t => t.From == from && t.Action == action && t.Role == permitted[0]).To
                            : !decision.Allowed && decision.To == from && decision.ActedAs == Precedence.First(held.Contains);
                        if (!ok)
                        {
                            mismatches.Add($"{from} --{action}/{first}+{second}: {decision}");
                        }
                    }
                }
            }
        }

        Assert.Empty(mismatches);
    }

    [Theory]
    // 经办人 and 负责人: staff where staff may act (受理, 授牌), the leader where only the leader may (党组会, 撤销).
    [InlineData(BureauRecommended, DepartmentAccept, DepartmentStaff)]
    [InlineData(Published, Award, DepartmentStaff)]
    [InlineData(PreSelected, ApproveByPartyGroup, DepartmentLeader)]
    [InlineData(Recognised, Revoke, DepartmentLeader)]
    public void Decide_StaffAndLeader_ActsAsTheRoleTheTableNames(ApplicationState state, ApplicationAction action, ActorRole actedAs)
    {
        var decision = ApplicationWorkflow.Decide(state, action, [DepartmentLeader, DepartmentStaff], GroundFor(action));

        Assert.True(decision.Allowed);
        Assert.Equal(actedAs, decision.ActedAs);
    }

    [Fact]
    public void Decide_BureauLeaderAndReviewer_ReturnsAsLeader()
    {
        var decision = ApplicationWorkflow.Decide(Submitted, ReturnForRevision, [BureauReviewer, BureauLeader]);

        Assert.Equal(Decision.Allow(Submitted, ReturnForRevision, Returned, BureauLeader), decision);
    }

    [Fact]
    public void Decide_StaffAndAgency_StartsReviewAsStaff()
    {
        Assert.Equal(DepartmentStaff, ApplicationWorkflow.Decide(Accepted, StartExpertReview, [AgencyCoordinator, DepartmentStaff]).ActedAs);
        Assert.Equal(AgencyCoordinator, ApplicationWorkflow.Decide(Accepted, StartExpertReview, [AgencyCoordinator, DepartmentLeader]).ActedAs);
    }

    [Fact]
    public void Decide_ActionImpossibleInState_RefusesInChinese()
    {
        var decision = ApplicationWorkflow.Decide(Withdrawn, Submit, [EnterpriseApplicant]);

        Assert.False(decision.Allowed);
        Assert.Equal(Withdrawn, decision.To);
        Assert.Equal("当前状态“已撤回”下不能执行“提交”", decision.Refusal);
    }

    [Fact]
    public void Decide_NoHeldRoleMay_NamesTheUsersFirstRole()
    {
        var decision = ApplicationWorkflow.Decide(Submitted, BureauRecommend, [Expert, BureauReviewer]);

        Assert.Equal(BureauReviewer, decision.ActedAs);
        Assert.Equal("“盟市审核员”无权执行“推荐”", decision.Refusal);
    }

    // 管理办法 第十条: a revocation rests on one of the grounds （一）–（四）.
    [Fact]
    public void Decide_RevokeWithoutGround_Refuses()
    {
        var decision = ApplicationWorkflow.Decide(Recognised, Revoke, [DepartmentLeader]);

        Assert.Equal(DepartmentLeader, decision.ActedAs);
        Assert.Equal("撤销称号须注明所依据的情形（管理办法第十条（一）至（四）之一）", decision.Refusal);
    }

    [Fact]
    public void Decide_GroundWithOtherAction_Refuses()
    {
        var decision = ApplicationWorkflow.Decide(Published, Award, [DepartmentStaff], RevocationGround.MajorAccident);

        Assert.Equal("只有“撤销称号”需要注明撤销情形，“授牌”不应附带撤销情形", decision.Refusal);
    }

    [Fact]
    public void Decide_NoRoleOrUndefinedValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => ApplicationWorkflow.Decide(Draft, Submit, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => ApplicationWorkflow.Decide(Draft, Submit, [(ActorRole)99]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ApplicationWorkflow.Decide((ApplicationState)99, Submit, [EnterpriseApplicant]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ApplicationWorkflow.Decide(Draft, (ApplicationAction)99, [EnterpriseApplicant]));
    }

    [Fact]
    public void Decision_Refuse_KeepsTheState()
    {
        var refused = Decision.Refuse(Submitted, Submit, EnterpriseApplicant, "不行");

        Assert.False(refused.Allowed);
        Assert.Equal(Submitted, refused.To);
        Assert.Throws<ArgumentException>(() => Decision.Refuse(Submitted, Submit, EnterpriseApplicant, " "));
    }
}
