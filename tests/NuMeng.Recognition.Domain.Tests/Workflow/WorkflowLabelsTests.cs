using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Domain.Tests.Workflow;

public class WorkflowLabelsTests
{
    // The Chinese of the enums' XML comments.
    [Theory]
    [InlineData(ApplicationState.Draft, "草稿")]
    [InlineData(ApplicationState.Submitted, "待盟市初审")]
    [InlineData(ApplicationState.Returned, "退回修改")]
    [InlineData(ApplicationState.Withdrawn, "已撤回")]
    [InlineData(ApplicationState.BureauRejected, "初审未通过")]
    [InlineData(ApplicationState.BureauRecommended, "盟市已推荐")]
    [InlineData(ApplicationState.Accepted, "工信厅已受理")]
    [InlineData(ApplicationState.UnderExpertReview, "专家评审中")]
    [InlineData(ApplicationState.OnSiteVerification, "现场核查中")]
    [InlineData(ApplicationState.PreSelected, "拟入选预选名单")]
    [InlineData(ApplicationState.NotSelected, "未入选")]
    [InlineData(ApplicationState.PartyGroupApproved, "厅党组会审议通过")]
    [InlineData(ApplicationState.InPublicNotice, "公示中")]
    [InlineData(ApplicationState.RemovedAfterObjection, "异议成立，取消入选")]
    [InlineData(ApplicationState.Published, "已行文公布")]
    [InlineData(ApplicationState.Recognised, "已授牌")]
    [InlineData(ApplicationState.Revoked, "已撤销称号")]
    [InlineData(ApplicationState.Expired, "已过有效期")]
    public void State_Label(ApplicationState state, string label)
    {
        Assert.Equal(label, WorkflowLabels.State(state));
    }

    [Theory]
    [InlineData(ActorRole.EnterpriseApplicant, "企业申报人")]
    [InlineData(ActorRole.BureauReviewer, "盟市审核员")]
    [InlineData(ActorRole.BureauLeader, "盟市负责人")]
    [InlineData(ActorRole.DepartmentStaff, "工信厅经办人")]
    [InlineData(ActorRole.DepartmentLeader, "工信厅负责人")]
    [InlineData(ActorRole.AgencyCoordinator, "第三方机构联络人")]
    [InlineData(ActorRole.Expert, "评审专家")]
    [InlineData(ActorRole.SystemAdministrator, "系统管理员")]
    [InlineData(ActorRole.SecurityAdministrator, "安全管理员")]
    [InlineData(ActorRole.AuditAdministrator, "审计管理员")]
    [InlineData(ActorRole.System, "系统")]
    public void Role_Label(ActorRole role, string label)
    {
        Assert.Equal(label, WorkflowLabels.Role(role));
    }

    [Fact]
    public void Labels_EveryValueHasADistinctLabel()
    {
        static void Distinct<T>(Func<T, string> label) where T : struct, Enum
        {
            var labels = Enum.GetValues<T>().Select(label).ToList();
            Assert.All(labels, l => Assert.False(string.IsNullOrWhiteSpace(l)));
            Assert.Equal(labels.Count, labels.Distinct().Count());
        }

        Distinct<ApplicationState>(WorkflowLabels.State);
        Distinct<ApplicationAction>(WorkflowLabels.Action);
        Distinct<ActorRole>(WorkflowLabels.Role);
        Distinct<RevocationGround>(RevocationGrounds.Label);
    }

    [Fact]
    public void Labels_UndefinedValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkflowLabels.State((ApplicationState)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkflowLabels.Action((ApplicationAction)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkflowLabels.Role((ActorRole)99));
    }

    // 管理办法 第十条: "有下列情况之一的，撤销其称号：（一）…（四）…".
    [Theory]
    [InlineData(RevocationGround.FalseInformationOrViolation, "第十条（一）", "申请过程中提供虚假信息")]
    [InlineData(RevocationGround.TerminatedOrCannotOperate, "第十条（二）", "被依法终止或无法正常经营")]
    [InlineData(RevocationGround.MajorAccident, "第十条（三）", "发生重大环保、安全、质量事故")]
    [InlineData(RevocationGround.MovedOutOfInnerMongolia, "第十条（四）", "迁出内蒙古")]
    public void RevocationGround_ClauseAndLabel(RevocationGround ground, string article, string words)
    {
        var clause = RevocationGrounds.Clause(ground);

        Assert.Equal(article, clause.Article);
        Assert.Contains(words, clause.Text, StringComparison.Ordinal);
        Assert.Contains(words, RevocationGrounds.Label(ground), StringComparison.Ordinal);
    }
}
