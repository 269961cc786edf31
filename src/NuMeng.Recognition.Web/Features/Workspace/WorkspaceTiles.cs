using NuMeng.Recognition.Web.Features.Exports;

namespace NuMeng.Recognition.Web.Features.Workspace;

/// <summary>A tile of the workspace: a page of the role, what it is for, and a live count where one means something.</summary>
/// <param name="CountLabel">What the count counts, e.g. 待初审; null when the page has no meaningful count.</param>
/// <param name="Urgent">The count asks for action (shown in the brand colour when above zero).</param>
public sealed record WorkspaceTile(string Key, string Href, string Title, string Description, string? CountLabel = null, int? Count = null, bool Urgent = false);

/// <summary>A group of tiles (one per role group the user has).</summary>
public sealed record WorkspaceTileGroup(string Key, string Title, IReadOnlyList<WorkspaceTile> Tiles);

/// <summary>
/// The workspace's tiles: every page of each role (routes in the session map), with live counts read through the tenancy
/// filters of the request's actor (so a bureau's 待初审 is its own 盟市's, the agency's 评审中 its entrusted batches').
/// </summary>
public sealed class WorkspaceTiles(RecognitionDbContext db, TimeProvider clock)
{
    /// <summary>The groups for <paramref name="roles"/>, in the order of the procedure.</summary>
    public async Task<IReadOnlyList<WorkspaceTileGroup>> ForAsync(IReadOnlySet<ActorRole> roles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        bool Has(params ActorRole[] any) => any.Any(roles.Contains);
        var groups = new List<WorkspaceTileGroup>();
        var business = Has(ActorRole.EnterpriseApplicant, ActorRole.BureauReviewer, ActorRole.BureauLeader, ActorRole.DepartmentStaff,
            ActorRole.DepartmentLeader, ActorRole.AgencyCoordinator, ActorRole.Expert);
        if (!business)
        {
            return groups;
        }
        var states = await db.Applications.AsNoTracking().GroupBy(a => a.State).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        int State(params ApplicationState[] s) => s.Sum(x => states.GetValueOrDefault(x));
        var today = ChinaTime.Today(clock);

        if (Has(ActorRole.EnterpriseApplicant))
        {
            var openBatches = await db.Batches.AsNoTracking()
                .CountAsync(b => b.State == BatchState.Open && b.ApplicationOpensOn <= today && b.ApplicationClosesOn >= today, cancellationToken);
            var certificates = await db.Certificates.AsNoTracking().CountAsync(c => c.Status == CertificateStatus.Valid, cancellationToken);
            groups.Add(new("enterprise-tiles", "企业申报",
            [
                new("applications", "/applications", "我的申报", "填写、提交、跟踪本企业的申报", "待修改", State(ApplicationState.Returned), Urgent: true),
                new("new-application", "/applications/new", "新建申报", "在开放的批次中开始一份申报", "开放批次", openBatches),
                new("recognitions", "/recognitions", "我的认定", "证书、有效期与更名申请", "有效证书", certificates),
                new("objection-responses", "/objection-responses", "异议说明", "答复工信厅就公示异议提出的问询"),
                new("enterprise-users", "/enterprise/users", "本企业用户", "管理本企业的申报账户"),
            ]));
        }
        if (Has(ActorRole.BureauReviewer, ActorRole.BureauLeader))
        {
            var renames = await db.RenameRequests.AsNoTracking().CountAsync(r => r.State == RenameRequestState.Submitted, cancellationToken);
            groups.Add(new("bureau-tiles", "盟市初审",
            [
                new("review", "/review", "初审队列", "本盟市企业提交的申报", "待初审", State(ApplicationState.Submitted), Urgent: true),
                new("review-recommended", "/review?state=BureauRecommended", "已推荐", "已签发推荐意见并上报工信厅", "已推荐", State(ApplicationState.BureauRecommended)),
                new("review-renames", "/review/renames", "更名转报", "企业的更名申请，附意见转报工信厅", "待转报", renames, Urgent: true),
            ]));
        }
        if (Has(ActorRole.DepartmentStaff, ActorRole.DepartmentLeader))
        {
            var certificates = await db.Certificates.AsNoTracking().Select(c => new { c.Status, c.ValidUntil, c.Kind }).ToListAsync(cancellationToken);
            var valid = certificates.Where(c => c.Status == CertificateStatus.Valid && c.ValidUntil >= today).ToList();
            var openBatches = await db.Batches.AsNoTracking().CountAsync(b => b.State == BatchState.Open, cancellationToken);
            var objections = await db.Objections.AsNoTracking()
                .CountAsync(o => o.State == ObjectionState.Received || o.State == ObjectionState.Verified, cancellationToken);
            var renames = await db.RenameRequests.AsNoTracking().CountAsync(r => r.State == RenameRequestState.Forwarded, cancellationToken);
            groups.Add(new("department-tiles", "工信厅",
            [
                new("batches", "/department/batches", "批次管理", "创建、开放、截止批次，委托第三方机构", "开放中", openBatches),
                new("batches-new", "/department/batches/new", "新建批次", "选择规则集和场景目录版本"),
                new("intake", "/department/intake", "受理", "盟市推荐上报的申报，正式受理", "待受理", State(ApplicationState.BureauRecommended), Urgent: true),
                new("selection", "/selection", "遴选与公示", "预选名单、厅党组会决定、发布公示", "公示中", State(ApplicationState.InPublicNotice)),
                new("objections", "/selection/objections", "异议处理", "公示期内收到的异议案件", "待处理", objections, Urgent: true),
                new("certificates", "/certificates", "认定与证书", "行文公布、授牌、证书", "有效证书", valid.Count),
                new("certificate-renames", "/certificates/renames", "更名审批", "盟市转报的更名申请", "待审批", renames, Urgent: true),
                new("expiring", "/certificates/expiring", "即将到期", "6个月内到期的认定", "即将到期", valid.Count(c => CertificateStanding.IsExpiring(c.ValidUntil, today)), Urgent: true),
                new("national", "/certificates/national", "国家级推荐", "可推荐国家智能制造示范工厂的企业", "可推荐", valid.Count(c => ExportQueries.NationalKind(c.Kind))),
                new("revocations", "/certificates/revocations", "撤销称号", "依四种情形撤销并发布通知", "已撤销", certificates.Count(c => c.Status == CertificateStatus.Revoked)),
                new("rulesets", "/department/rulesets", "规则集", "认定技术条件与梯度培育要素条件"),
                new("calendar", "/department/calendar", "节假日", "公示期计算所用的节假日安排"),
                new("scenes", "/department/scenes", "场景目录", "导入、预览、启用典型场景目录"),
            ]));
        }
        if (Has(ActorRole.DepartmentStaff, ActorRole.DepartmentLeader, ActorRole.AgencyCoordinator))
        {
            var experts = await db.Experts.AsNoTracking().CountAsync(e => e.IsActive, cancellationToken);
            groups.Add(new("panels-tiles", "专家评审",
            [
                new("panels", "/panels", "评审组", "分配专家、利益冲突、评分进度与汇总", "评审中", State(ApplicationState.UnderExpertReview, ApplicationState.OnSiteVerification)),
                new("experts", "/panels/experts", "专家库", "专家的领域、盟市与工作量", "在库专家", experts),
            ]));
        }
        if (Has(ActorRole.Expert))
        {
            var mine = await (
                from x in db.ExpertAssignments.AsNoTracking()
                join s in db.ExpertScores on x.Id equals s.AssignmentId into ss
                from s in ss.DefaultIfEmpty()
                select new { x.DeclaredAt, x.Conflict, x.Recused, Submitted = s != null && s.SubmittedAt != null }).ToListAsync(cancellationToken);
            groups.Add(new("expert-tiles", "专家评审",
            [
                new("expert", "/expert", "我的评审任务", "先声明利益冲突，再评分、现场核查",
                    "待评分", mine.Count(m => m.DeclaredAt is not null && m.Conflict == ConflictDeclaration.None && !m.Recused && !m.Submitted), Urgent: true),
                new("expert-declare", "/expert", "待声明", "声明与申报企业是否存在利益冲突", "待声明", mine.Count(m => m.DeclaredAt is null && !m.Recused), Urgent: true),
            ]));
        }

        var unread = await db.Notifications.AsNoTracking().CountAsync(n => n.ReadAt == null, cancellationToken);
        groups.Add(new("common-tiles", "通用",
        [
            new("dashboard", "/dashboard", "统计", "按状态、批次、盟市和类型统计，附图表"),
            new("notifications", "/notifications", "我的通知", "退回、决定、截止提醒", "未读", unread, Urgent: true),
            new("notices", "/notices", "公示公告", "当前和以往的公示"),
            new("verify", "/verify", "证书查验", "按证书编号或验证码查验"),
        ]));
        return groups;
    }

    /// <summary>The exports a user with <paramref name="roles"/> may download (the same rule as the export endpoints).</summary>
    public static IReadOnlyList<ExportList> ExportsFor(IReadOnlySet<ActorRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return [.. ExportCatalogue.All.Where(l => l.Roles is not null && (l.Roles.Count == 0 || l.Roles.Any(roles.Contains)))
            .Where(l => l.Name != "notifications" || roles.Count > 0)];
    }
}
