namespace NuMeng.Recognition.Web;

/// <summary>
/// A kind of audit entry a step writes: its dotted code, the entity it concerns and, for the entries an application's
/// history shows, the Chinese label the applicant and the civil servants read. The label lives with the code, so a new
/// step cannot write an entry the history does not know.
/// </summary>
/// <param name="Code">The dotted action, e.g. "application.accept".</param>
/// <param name="EntityType">The entity concerned, e.g. "Application".</param>
/// <param name="HistoryLabel">The label in an application's history; null for entries the history does not show.</param>
public sealed record AuditKind(string Code, string EntityType, string? HistoryLabel = null)
{
    /// <summary>The entry of this kind for the record <paramref name="entityId"/> with its details.</summary>
    public AuditEvent For(Guid entityId, object? summary) => new(Code, EntityType, entityId.ToString("D"), summary);
}

/// <summary>The kinds of audit entry the procedure's steps write, by the record they concern.</summary>
public static class AuditKinds
{
    // An application's history (管理办法 第七条、第八条): what the enterprise, its bureau and the department did.
    public static readonly AuditKind ApplicationStart = new("application.start", "Application", "创建申报草稿");
    public static readonly AuditKind EvidenceAdd = new("application.evidence.add", "Application", "上传证明材料");
    public static readonly AuditKind EvidenceRemove = new("application.evidence.remove", "Application", "删除证明材料");
    public static readonly AuditKind Submit = new("application.submit", "Application", "提交申报");
    public static readonly AuditKind Resubmit = new("application.resubmit", "Application", "答复退回意见并重新提交");
    public static readonly AuditKind Withdraw = new("application.withdraw", "Application", "撤回申报");
    public static readonly AuditKind BureauReturn = new("application.return", "Application", "盟市初审：退回修改");
    public static readonly AuditKind BureauSign = new("bureau-review.sign", "Application", "盟市负责人签发初审意见");
    public static readonly AuditKind Accept = new("application.accept", "Application", "自治区工信厅受理");
    public static readonly AuditKind DepartmentReturn = new("application.department-return", "Application", "自治区工信厅退回");
    public static readonly AuditKind ReturnToBureau = new("application.return-to-bureau", "Application", "自治区工信厅退回盟市重新初审");
    public static readonly AuditKind StartExpertReview = new("application.start-expert-review", "Application", "进入专家评审");
    public static readonly AuditKind StartOnSite = new("application.start-onsite", "Application", "进入现场核查");
    public static readonly AuditKind ApplicationState = new("application.state", "Application", "办理状态变更");

    // The bureau's working steps and rename requests.
    public static readonly AuditKind BureauPrepare = new("bureau-review.prepare", "BureauReview");
    public static readonly AuditKind RenameForward = new("rename.forward", "RenameRequest");
    public static readonly AuditKind RenameDecline = new("rename.decline", "RenameRequest");

    // The department desk: batches, holidays, scene catalogues, rule sets.
    public static readonly AuditKind BatchCreate = new("batch.create", "Batch");
    public static readonly AuditKind BatchUpdate = new("batch.update", "Batch");
    public static readonly AuditKind BatchOpen = new("batch.open", "Batch");
    public static readonly AuditKind BatchClose = new("batch.close", "Batch");
    public static readonly AuditKind BatchEntrust = new("batch.entrust", "Batch");
    public static readonly AuditKind HolidayAdd = new("holiday.add", "HolidayEntry");
    public static readonly AuditKind HolidayRemove = new("holiday.remove", "HolidayEntry");
    public static readonly AuditKind SceneImport = new("scene-catalogue.import", "SceneCatalogueRecord");
    public static readonly AuditKind SceneImportRefused = new("scene-catalogue.import-refused", "SceneCatalogueRecord");
    public static readonly AuditKind SceneActivate = new("scene-catalogue.activate", "SceneCatalogueRecord");
    public static readonly AuditKind RuleSetDraft = new("ruleset.draft", "RuleSetRecord");
    public static readonly AuditKind RuleSetActivate = new("ruleset.activate", "RuleSetRecord");
    public static readonly AuditKind RuleSetDiscard = new("ruleset.discard", "RuleSetRecord");

    // Pre-selection, the party group, the notice and objections (管理办法 第八条).
    public static readonly AuditKind SelectionPropose = new("selection.propose", "Batch");
    public static readonly AuditKind SelectionPartyGroup = new("selection.party-group", "Batch");
    public static readonly AuditKind NoticePublish = new("notice.publish", "PublicNotice");
    public static readonly AuditKind ObjectionReceive = new("objection.receive", "Objection");
    public static readonly AuditKind ObjectionRequestResponse = new("objection.request-response", "Objection");
    public static readonly AuditKind ObjectionRespond = new("objection.respond", "Objection");
    public static readonly AuditKind ObjectionVerify = new("objection.verify", "Objection");
    public static readonly AuditKind ObjectionUphold = new("objection.uphold", "Objection");
    public static readonly AuditKind ObjectionDismiss = new("objection.dismiss", "Objection");

    /// <summary>Every kind an application's history shows.</summary>
    public static IReadOnlyList<AuditKind> ApplicationHistory { get; } =
    [
        ApplicationStart, EvidenceAdd, EvidenceRemove, Submit, Resubmit, Withdraw, BureauReturn, BureauSign, Accept,
        DepartmentReturn, ReturnToBureau, StartExpertReview, StartOnSite, ApplicationState,
    ];
}
