using NuMeng.Recognition.Domain.Objections;
using NuMeng.Recognition.Domain.Tests.Workflow;
using NuMeng.Recognition.Domain.Workflow;
using static NuMeng.Recognition.Domain.Objections.ObjectionCaseAction;
using static NuMeng.Recognition.Domain.Objections.ObjectionState;
using static NuMeng.Recognition.Domain.Workflow.ActorRole;

namespace NuMeng.Recognition.Domain.Tests.Objections;

/// <summary>
/// <see cref="ObjectionCase.Table"/> and <see cref="ObjectionCase.Decide"/>: received → verified → decided (upheld or
/// dismissed), by the department; the decision by 经办人, who takes the application's matching step.
/// </summary>
public class ObjectionCaseTableTests
{
    private static readonly (ObjectionState, ObjectionCaseAction, ActorRole, ObjectionState)[] Legal =
    [
        (Received, Verify, DepartmentStaff, Verified),
        (Received, Verify, DepartmentLeader, Verified),
        (Verified, Uphold, DepartmentStaff, Upheld),
        (Verified, Dismiss, DepartmentStaff, Dismissed),
    ];

    private static string NotInState(ObjectionState state, ObjectionCaseAction action) => (state, action) switch
    {
        (Upheld, _) => "该异议已作出决定（异议成立），不能再办理",
        (Dismissed, _) => "该异议已作出决定（异议不成立），不能再办理",
        (Received, _) => "请先核实异议情况，再作出成立或不成立的决定",
        _ => "该异议已核实，请作出成立或不成立的决定",
    };

    [Fact]
    public void Decide_EveryTriple_LegalReachesStateAndEveryOtherIsRefused()
    {
        var triples = TransitionTableChecks.EveryTriple(ObjectionCase.Table, Legal, NotInState, ObjectionCase.Label);

        Assert.Equal(4 * 3 * 11, triples);
    }

    [Theory]
    [InlineData(Uphold, ApplicationAction.UpholdObjection)]
    [InlineData(Dismiss, ApplicationAction.DismissObjection)]
    public void Table_DecisionBySameRolesAsTheApplicationsRow(ObjectionCaseAction action, ApplicationAction applicationAction)
    {
        Assert.Equal(ApplicationWorkflow.RolesFor(ApplicationState.InPublicNotice, applicationAction), ObjectionCase.Table.RolesFor(Verified, action));
    }

    [Fact]
    public void Transition_FollowsTheTable_ForEveryStateAndAction()
    {
        foreach (var state in Enum.GetValues<ObjectionState>())
        {
            foreach (var action in Enum.GetValues<ObjectionCaseAction>())
            {
                var legal = Legal.FirstOrDefault(r => r.Item1 == state && r.Item2 == action);
                var result = ObjectionCase.Transition(state, action, "经核实，情况属实。");
                Assert.Equal(legal != default ? legal.Item4 : null, result.State);
            }
        }
    }

    [Fact]
    public void Table_DecidedCasesAreFinal()
    {
        Assert.Equal([Upheld, Dismissed], Enum.GetValues<ObjectionState>().Where(ObjectionCase.Table.IsFinal));
        Assert.All(Enum.GetValues<ObjectionState>(), s => Assert.Equal(ObjectionCase.Table.IsFinal(s), ObjectionCase.IsDecided(s)));
    }
}
