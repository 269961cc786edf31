using NuMeng.Recognition.Domain.Workflow;
using static NuMeng.Recognition.Domain.Workflow.ApplicationState;

namespace NuMeng.Recognition.Domain.Tests.Workflow;

public class ApplicationStagesTests
{
    [Fact]
    public void FromAcceptance_IsTheTwelveStatesTheAgencySees()
    {
        Assert.Equal(
            [Accepted, UnderExpertReview, OnSiteVerification, PreSelected, NotSelected, PartyGroupApproved, InPublicNotice,
             RemovedAfterObjection, Published, Recognised, Revoked, Expired],
            ApplicationStages.FromAcceptance);
    }

    [Fact]
    public void Stages_PartitionTheProcedure()
    {
        // Before the bureau's recommendation, the recommendation itself, and from the department's acceptance on.
        var all = ApplicationStages.BeforeBureauRecommendation.Append(BureauRecommended).Concat(ApplicationStages.FromAcceptance).ToList();

        Assert.Equal(Enum.GetValues<ApplicationState>().Order(), all.Order());
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void FromAcceptance_IsPanelCareThenAfterReview()
    {
        Assert.Equal(ApplicationStages.UnderPanelCare.Concat(ApplicationStages.AfterExpertReview), ApplicationStages.FromAcceptance);
        Assert.Equal([Accepted, UnderExpertReview, OnSiteVerification], ApplicationStages.UnderPanelCare);
        Assert.Equal([OnSiteVerification, .. ApplicationStages.AfterExpertReview], ApplicationStages.FromOnSiteVerification);
    }

    [Fact]
    public void EditableByEnterprise_DraftAndReturned()
    {
        Assert.Equal([Draft, Returned], ApplicationStages.EditableByEnterprise);
    }

    [Fact]
    public void Final_AreTheStatesNoRowLeaves()
    {
        Assert.Equal([Withdrawn, BureauRejected, NotSelected, RemovedAfterObjection, Revoked, Expired], ApplicationStages.Final);
    }

    [Fact]
    public void Stages_FollowTheTable_NoRowLeadsBackOutOfAfterExpertReview()
    {
        Assert.DoesNotContain(ApplicationWorkflow.Table, t =>
            ApplicationStages.AfterExpertReview.Contains(t.From) && !ApplicationStages.AfterExpertReview.Contains(t.To));
        // The one way back: 退回盟市重新初审 from 工信厅已受理 (the web step refuses it once a panel is formed).
        Assert.Equal(new[] { (ApplicationState.Accepted, ApplicationAction.ReturnToBureau) }, ApplicationWorkflow.Table
            .Where(t => ApplicationStages.FromAcceptance.Contains(t.From) && !ApplicationStages.FromAcceptance.Contains(t.To))
            .Select(t => (t.From, t.Action)));
    }
}
