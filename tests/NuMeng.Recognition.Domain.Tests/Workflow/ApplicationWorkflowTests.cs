using NuMeng.Recognition.Domain.Workflow;
using static NuMeng.Recognition.Domain.Workflow.ActorRole;
using static NuMeng.Recognition.Domain.Workflow.ApplicationAction;
using static NuMeng.Recognition.Domain.Workflow.ApplicationState;

namespace NuMeng.Recognition.Domain.Tests.Workflow;

public class ApplicationWorkflowTests
{
    /// <summary>
    /// The legal transitions, written out here independently of <see cref="ApplicationWorkflow.Table"/> so the
    /// expectations are not derived from the code under test. Every other (state, action, role) triple must throw.
    /// </summary>
    public static TheoryData<ApplicationState, ApplicationAction, ActorRole, ApplicationState> LegalTransitions => new()
    {
        // 第七条 组织申报
        { Draft, Submit, EnterpriseApplicant, Submitted },
        { Submitted, Withdraw, EnterpriseApplicant, Withdrawn },                 // only before the bureau decides
        { Returned, Withdraw, EnterpriseApplicant, Withdrawn },                  // giving up after a return
        { Submitted, ReturnForRevision, BureauReviewer, Returned },
        { Submitted, ReturnForRevision, BureauLeader, Returned },
        { Returned, Resubmit, EnterpriseApplicant, Submitted },
        { Submitted, BureauReject, BureauLeader, BureauRejected },               // the stamped 初审意见 is the leader's
        { Submitted, BureauRecommend, BureauLeader, BureauRecommended },
        // 第八条 评审认定
        { BureauRecommended, DepartmentAccept, DepartmentStaff, Accepted },
        { Accepted, ReturnToBureau, DepartmentStaff, Submitted },
        { BureauRecommended, ReturnForRevision, DepartmentStaff, Returned },
        { Accepted, StartExpertReview, DepartmentStaff, UnderExpertReview },
        { Accepted, StartExpertReview, AgencyCoordinator, UnderExpertReview },
        { UnderExpertReview, StartOnSiteVerification, DepartmentStaff, OnSiteVerification },
        { UnderExpertReview, StartOnSiteVerification, AgencyCoordinator, OnSiteVerification },
        { UnderExpertReview, NotSelect, DepartmentStaff, NotSelected },          // eliminated at the centralised review
        { OnSiteVerification, PreSelect, DepartmentStaff, PreSelected },
        { OnSiteVerification, NotSelect, DepartmentStaff, NotSelected },
        // 第八条 厅党组会审议, 公示, 行文公布
        { PreSelected, ApproveByPartyGroup, DepartmentLeader, PartyGroupApproved },
        { PreSelected, NotSelect, DepartmentLeader, NotSelected },               // the party group strikes an entry
        { PartyGroupApproved, StartPublicNotice, DepartmentStaff, InPublicNotice },
        { InPublicNotice, UpholdObjection, DepartmentStaff, RemovedAfterObjection },
        { InPublicNotice, DismissObjection, DepartmentStaff, InPublicNotice },
        { InPublicNotice, NotSelect, DepartmentStaff, NotSelected },             // credit re-check at the end of the notice
        { InPublicNotice, Publish, DepartmentStaff, Published },
        // 第十二条 授牌, 第十条 更名、撤销, 届满
        { Published, Award, DepartmentStaff, Recognised },
        { Published, Revoke, DepartmentLeader, Revoked },
        { Recognised, Rename, DepartmentStaff, Recognised },
        { Recognised, Revoke, DepartmentLeader, Revoked },
        { Recognised, Expire, ActorRole.System, Expired },
    };

    private static List<(ApplicationState From, ApplicationAction Action, ActorRole Role, ApplicationState To)> Expected() =>
        LegalTransitions.Select(r => ((ApplicationState)r[0], (ApplicationAction)r[1], (ActorRole)r[2], (ApplicationState)r[3])).ToList();

    private static RevocationGround? GroundFor(ApplicationAction action) =>
        action == Revoke ? RevocationGround.MajorAccident : null;

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void Transition_LegalRow_ReachesExpectedState(ApplicationState from, ApplicationAction action, ActorRole role, ApplicationState to)
    {
        Assert.Equal(to, ApplicationWorkflow.Transition(from, action, role, GroundFor(action)));
        Assert.True(ApplicationWorkflow.CanTransition(from, action, role));
    }

    [Fact]
    public void Table_IsExactlyTheExpectedRows()
    {
        var table = ApplicationWorkflow.Table.Select(t => (t.From, t.Action, t.Role, t.To)).ToList();

        Assert.Equal(table.Count, table.Distinct().Count());
        Assert.Equal(Expected().OrderBy(r => r.ToString()), table.OrderBy(r => r.ToString()));
    }

    [Fact]
    public void Transition_EveryTriple_LegalReachesStateAndEveryOtherThrows()
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
                    var row = expected.Where(r => r.From == from && r.Action == action && r.Role == role).ToList();
                    var actionExistsInState = expected.Any(r => r.From == from && r.Action == action);
                    try
                    {
                        var to = ApplicationWorkflow.Transition(from, action, role, GroundFor(action));
                        if (row.Count != 1 || row[0].To != to)
                        {
                            mismatches.Add($"{from} --{action}/{role}--> {to}: should have thrown");
                        }
                    }
                    catch (WorkflowException ex)
                    {
                        var kind = actionExistsInState ? WorkflowErrorKind.RoleNotPermitted : WorkflowErrorKind.NotAllowedInState;
                        if (row.Count == 1)
                        {
                            mismatches.Add($"{from} --{action}/{role}: threw “{ex.Message}” but is legal");
                        }
                        else if (ex.Kind != kind || ex.From != from || ex.Action != action || ex.Role != role)
                        {
                            mismatches.Add($"{from} --{action}/{role}: {ex.Kind}, expected {kind}");
                        }
                        Assert.Equal(from, ex.From);
                    }
                }
            }
        }

        Assert.Equal(Enum.GetValues<ApplicationState>().Length * Enum.GetValues<ApplicationAction>().Length * Enum.GetValues<ActorRole>().Length, triples);
        Assert.Empty(mismatches);
    }

    [Fact]
    public void Transition_ActionImpossibleInState_SaysSoInChinese()
    {
        var ex = Assert.Throws<WorkflowException>(() => ApplicationWorkflow.Transition(Withdrawn, Submit, EnterpriseApplicant));

        Assert.Equal("当前状态“已撤回”下不能执行“提交”", ex.Message);
        Assert.Equal(WorkflowErrorKind.NotAllowedInState, ex.Kind);
    }

    [Fact]
    public void Transition_WrongRole_SaysWhoMayNot()
    {
        var ex = Assert.Throws<WorkflowException>(() => ApplicationWorkflow.Transition(Submitted, BureauRecommend, EnterpriseApplicant));

        Assert.Equal("“企业申报人”无权执行“推荐”", ex.Message);
        Assert.Equal(WorkflowErrorKind.RoleNotPermitted, ex.Kind);
    }

    [Fact]
    public void Transition_ReviewerMayReturnButNotRecommend()
    {
        // The leader signs the 初审意见; the reviewer prepares it.
        Assert.Equal(Returned, ApplicationWorkflow.Transition(Submitted, ReturnForRevision, BureauReviewer));
        var ex = Assert.Throws<WorkflowException>(() => ApplicationWorkflow.Transition(Submitted, BureauRecommend, BureauReviewer));
        Assert.Equal("“盟市审核员”无权执行“推荐”", ex.Message);
    }

    // 管理办法 第十条: a revocation rests on one of the grounds （一）–（四）.
    [Theory]
    [InlineData(Recognised)]
    [InlineData(Published)]
    public void Transition_RevokeWithoutGround_Throws(ApplicationState from)
    {
        var ex = Assert.Throws<WorkflowException>(() => ApplicationWorkflow.Transition(from, Revoke, DepartmentLeader));

        Assert.Equal(WorkflowErrorKind.RevocationGroundRequired, ex.Kind);
        Assert.Equal("撤销称号须注明所依据的情形（管理办法第十条（一）至（四）之一）", ex.Message);
    }

    [Theory]
    [InlineData(RevocationGround.FalseInformationOrViolation)]
    [InlineData(RevocationGround.TerminatedOrCannotOperate)]
    [InlineData(RevocationGround.MajorAccident)]
    [InlineData(RevocationGround.MovedOutOfInnerMongolia)]
    public void Transition_RevokeWithEachGround_Revokes(RevocationGround ground)
    {
        Assert.Equal(Revoked, ApplicationWorkflow.Transition(Recognised, Revoke, DepartmentLeader, ground));
    }

    [Fact]
    public void Transition_GroundWithOtherAction_Throws()
    {
        var ex = Assert.Throws<WorkflowException>(() =>
            ApplicationWorkflow.Transition(Published, Award, DepartmentStaff, RevocationGround.MajorAccident));

        Assert.Equal(WorkflowErrorKind.RevocationGroundNotApplicable, ex.Kind);
        Assert.Equal("只有“撤销称号”需要注明撤销情形，“授牌”不应附带撤销情形", ex.Message);
    }

    [Fact]
    public void Transition_UndefinedEnumValue_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ApplicationWorkflow.Transition((ApplicationState)99, Submit, EnterpriseApplicant));
        Assert.Throws<ArgumentOutOfRangeException>(() => ApplicationWorkflow.Transition(Draft, (ApplicationAction)99, EnterpriseApplicant));
        Assert.Throws<ArgumentOutOfRangeException>(() => ApplicationWorkflow.Transition(Draft, Submit, (ActorRole)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => ApplicationWorkflow.Transition(Recognised, Revoke, DepartmentLeader, (RevocationGround)99));
    }

    [Fact]
    public void Transition_WholeProcedure_FromDraftToExpiry()
    {
        var steps = new (ApplicationAction Action, ActorRole Role, ApplicationState To)[]
        {
            (Submit, EnterpriseApplicant, Submitted),
            (ReturnForRevision, BureauReviewer, Returned),
            (Resubmit, EnterpriseApplicant, Submitted),
            (BureauRecommend, BureauLeader, BureauRecommended),
            (DepartmentAccept, DepartmentStaff, Accepted),
            (StartExpertReview, AgencyCoordinator, UnderExpertReview),
            (StartOnSiteVerification, AgencyCoordinator, OnSiteVerification),
            (PreSelect, DepartmentStaff, PreSelected),
            (ApproveByPartyGroup, DepartmentLeader, PartyGroupApproved),
            (StartPublicNotice, DepartmentStaff, InPublicNotice),
            (DismissObjection, DepartmentStaff, InPublicNotice),
            (Publish, DepartmentStaff, Published),
            (Award, DepartmentStaff, Recognised),
            (Rename, DepartmentStaff, Recognised),
            (Expire, ActorRole.System, Expired),
        };
        var state = Draft;
        foreach (var (action, role, to) in steps)
        {
            state = ApplicationWorkflow.Transition(state, action, role);
            Assert.Equal(to, state);
        }
        Assert.True(ApplicationWorkflow.IsFinal(state));
    }

    [Theory]
    [InlineData(Submitted, EnterpriseApplicant, new[] { Withdraw })]
    [InlineData(Submitted, BureauLeader, new[] { ReturnForRevision, BureauReject, BureauRecommend })]
    [InlineData(Submitted, BureauReviewer, new[] { ReturnForRevision })]
    [InlineData(Returned, EnterpriseApplicant, new[] { Withdraw, Resubmit })]
    [InlineData(InPublicNotice, DepartmentStaff, new[] { UpholdObjection, DismissObjection, NotSelect, Publish })]
    [InlineData(Recognised, DepartmentStaff, new[] { Rename })]
    [InlineData(Recognised, DepartmentLeader, new[] { Revoke })]
    [InlineData(BureauRecommended, EnterpriseApplicant, new ApplicationAction[0])]   // too late to withdraw
    [InlineData(NotSelected, DepartmentStaff, new ApplicationAction[0])]           // final
    public void AllowedActions_ForTheUi(ApplicationState state, ActorRole role, ApplicationAction[] expected)
    {
        Assert.Equal(expected.Order(), ApplicationWorkflow.AllowedActions(state, role).Order());
    }

    // 三员分立: the three administrators never act on applications; experts score, which is not a state change.
    [Theory]
    [InlineData(SystemAdministrator)]
    [InlineData(SecurityAdministrator)]
    [InlineData(AuditAdministrator)]
    [InlineData(Expert)]
    public void AllowedActions_AdministratorsAndExperts_HaveNoneAnywhere(ActorRole role)
    {
        Assert.All(Enum.GetValues<ApplicationState>(), s => Assert.Empty(ApplicationWorkflow.AllowedActions(s, role)));
    }

    [Fact]
    public void IsFinal_ExactlyTheEndStates()
    {
        var final = Enum.GetValues<ApplicationState>().Where(ApplicationWorkflow.IsFinal).ToHashSet();

        Assert.Equal(new HashSet<ApplicationState> { Withdrawn, BureauRejected, NotSelected, RemovedAfterObjection, Revoked, Expired }, final);
    }

    [Fact]
    public void Table_EveryStateReachableFromDraft()
    {
        var reached = new HashSet<ApplicationState> { Draft };
        var queue = new Queue<ApplicationState>([Draft]);
        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            foreach (var t in ApplicationWorkflow.Table.Where(t => t.From == s && reached.Add(t.To)))
            {
                queue.Enqueue(t.To);
            }
        }

        Assert.Equal(Enum.GetValues<ApplicationState>().ToHashSet(), reached);
    }

    [Fact]
    public void RolesFor_StartExpertReview_StaffOrAgency()
    {
        Assert.Equal([DepartmentStaff, AgencyCoordinator], ApplicationWorkflow.RolesFor(Accepted, StartExpertReview));
    }
}
