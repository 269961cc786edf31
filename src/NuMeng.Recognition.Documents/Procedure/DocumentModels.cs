using NuMeng.Recognition.Domain.ExpertReview;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Documents.Procedure;

// The plain models the procedure's documents print. The web app's loaders read the records through the tenancy filters
// and fill these; the components only lay them out, so the documents can be printed (and tested) from hand-made models.

/// <summary>The enterprise and what it applied for, as printed at the top of most documents.</summary>
/// <param name="EnterpriseName">企业名称.</param>
/// <param name="CreditCode">统一社会信用代码.</param>
/// <param name="LeagueName">所属盟市, e.g. 呼和浩特市.</param>
/// <param name="WorkshopOrFactoryName">车间/工厂名称.</param>
/// <param name="Kind">认定类型.</param>
/// <param name="BatchTitle">申报批次, e.g. 2026年第一批智能工厂认定.</param>
public sealed record ApplicantLine(
    string EnterpriseName,
    string? CreditCode,
    string LeagueName,
    string WorkshopOrFactoryName,
    RecognitionKind Kind,
    string BatchTitle)
{
    /// <summary>数字化车间, 智能工厂, 基础级智能工厂 ….</summary>
    public string KindLabel => RecognitionKinds.Label(Kind);
}

/// <summary>The submitted version a document was made from: number, time and SHA-256.</summary>
public sealed record VersionLine(int Number, DateTimeOffset SubmittedAt, string Sha256);

/// <summary>One file frozen with a version.</summary>
/// <param name="ItemLabel">The evidence item in Chinese (装备清单, …).</param>
public sealed record AttachmentLine(string ItemKey, string ItemLabel, string FileName, long SizeBytes, string Sha256);

/// <summary>One filled-in field of the frozen content (path as the form names it, value as entered).</summary>
public sealed record ContentField(string Path, string Label, string Value);

/// <summary>申报书: the complete frozen version with the engine's verdict and the KPI appendix.</summary>
/// <param name="Report">The engine's evaluation of the frozen figures under the batch's rule set; null when they cannot be evaluated.</param>
/// <param name="EvaluationProblems">Why the figures could not be (fully) evaluated: input errors in Chinese.</param>
/// <param name="ContentProblem">A note when the stored content is in an older shape and was read leniently.</param>
public sealed record ApplicationFormModel(
    ApplicantLine Applicant,
    VersionLine Version,
    RuleSetInfo RuleSet,
    string? ProjectAddress,
    string? ProjectSummary,
    string? Consultancy,
    string? CommitmentSigner,
    IReadOnlyList<ContentField> Fields,
    PreCheckReport? Report,
    IReadOnlyList<string> EvaluationProblems,
    string? ContentProblem,
    IReadOnlyList<AttachmentLine> Attachments);

/// <summary>盟市初审推荐意见 of one application.</summary>
/// <param name="Decision">推荐 / 不予推荐 / 退回修改.</param>
/// <param name="Ranking">Position in the bureau's recommendation list.</param>
/// <param name="RankingOf">How many applications the bureau recommended in the batch.</param>
/// <param name="SignedAt">When the leader signed; null: prepared, not yet signed.</param>
public sealed record BureauOpinionModel(
    ApplicantLine Applicant,
    VersionLine Version,
    string BureauName,
    string Decision,
    string OpinionText,
    IReadOnlyList<(string Item, string Reason)> ItemReasons,
    int? Ranking,
    int RankingOf,
    string ReviewerName,
    string? LeaderName,
    DateTimeOffset? SignedAt,
    bool HasStampedScan);

/// <summary>One recommended application in a bureau's summary.</summary>
public sealed record BureauSummaryRow(
    int? Ranking,
    string EnterpriseName,
    string? CreditCode,
    string WorkshopOrFactoryName,
    RecognitionKind Kind,
    string OpinionText,
    DateTimeOffset? SignedAt,
    string VersionSha256);

/// <summary>推荐汇总表: a bureau's ranked recommendations for one batch.</summary>
/// <param name="Cap">The batch's per-盟市 cap; null = none.</param>
public sealed record BureauSummaryModel(
    string BureauName,
    string LeagueName,
    string BatchTitle,
    RecognitionKind Kind,
    int? Cap,
    IReadOnlyList<BureauSummaryRow> Rows);

/// <summary>One rubric item on a score sheet.</summary>
public sealed record ScoreLine(string Code, string Name, decimal MaxPoints, string Guidance, decimal? Points, string? Comment);

/// <summary>专家评分表 of one expert for one application (printed only once submitted).</summary>
public sealed record ScoreSheetModel(
    ApplicantLine Applicant,
    VersionLine Version,
    string ExpertName,
    string? ExpertTitle,
    string? ExpertEmployer,
    string PanelName,
    string PanelRole,
    string RubricName,
    IReadOnlyList<ScoreLine> Lines,
    decimal Total,
    decimal MaxTotal,
    string? OverallComment,
    DateTimeOffset SubmittedAt);

/// <summary>One expert's line in the panel summary.</summary>
/// <param name="Total">The submitted total; null when the expert recused or has not submitted.</param>
/// <param name="Status">已提交 / 未提交 / 回避（reason）.</param>
/// <param name="Dropped">Whether the aggregation rule dropped this score.</param>
public sealed record PanelScoreRow(string ExpertName, string Role, decimal? Total, string Status, bool Dropped, IReadOnlyList<decimal?> ItemPoints);

/// <summary>评分汇总表 of a panel for one application.</summary>
public sealed record ScoreSummaryModel(
    ApplicantLine Applicant,
    VersionLine Version,
    string PanelName,
    IReadOnlyList<RubricItem> RubricItems,
    IReadOnlyList<PanelScoreRow> Rows,
    AggregatedScore Aggregate,
    string RuleLabel,
    string? ConsensusOpinion,
    string? LeaderName,
    DateTimeOffset? ConsensusSubmittedAt);

/// <summary>One item of the on-site checklist.</summary>
public sealed record OnSiteLine(string ItemKey, string Description, bool Confirmed, string? Note);

/// <summary>现场核查表.</summary>
public sealed record OnSiteCheckModel(
    ApplicantLine Applicant,
    VersionLine Version,
    string PanelName,
    DateOnly CheckedOn,
    IReadOnlyList<OnSiteLine> Items,
    string Conclusion,
    bool? Passed,
    string? LeaderName,
    IReadOnlyList<string> PanelMembers,
    DateTimeOffset? SubmittedAt);

/// <summary>One application on the pre-selection list.</summary>
public sealed record PreSelectionRow(int Rank, string EnterpriseName, string LeagueName, string WorkshopOrFactoryName, RecognitionKind Kind, decimal? Score, string VersionSha256);

/// <summary>预选名单, with the party-group decision when taken.</summary>
public sealed record PreSelectionModel(
    string Title,
    string BatchTitle,
    string RuleLabel,
    DateTimeOffset? ProposedAt,
    string? ProposedBy,
    IReadOnlyList<PreSelectionRow> Rows,
    string? MeetingNumber,
    DateOnly? MeetingDate,
    int ApprovedCount);

/// <summary>One entry of a public notice or a published list.</summary>
public sealed record ListedEntry(int Order, string EnterpriseName, string LeagueName, string WorkshopOrFactoryName, string KindLabel, string? CertificateNumber = null);

/// <summary>公示: an official notice with the list, the period and how to object.</summary>
/// <param name="PeriodClause">Where the period comes from (管理办法 第八条).</param>
public sealed record PublicNoticeModel(
    string IssuerName,
    string Title,
    string BatchTitle,
    DateOnly PublishedOn,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int PeriodLength,
    PeriodUnit PeriodUnit,
    string? PeriodClause,
    IReadOnlyList<ListedEntry> Entries,
    string ObjectionContact,
    string DepartmentContact,
    string State);

/// <summary>认定名单 as published (行文公布).</summary>
public sealed record PublicationListModel(
    string IssuerName,
    string DocumentNumber,
    string Title,
    string BatchTitle,
    DateOnly PublishedOn,
    string ValidityText,
    IReadOnlyList<ListedEntry> Entries);

/// <summary>证书.</summary>
/// <param name="VerificationUrl">{PublicBaseUrl}/verify?code=… (encoded in the QR code).</param>
/// <param name="QrSvg">The QR code of <paramref name="VerificationUrl"/> as an SVG element.</param>
public sealed record CertificateModel(
    string IssuerName,
    string Number,
    string EnterpriseName,
    string WorkshopOrFactoryName,
    RecognitionKind Kind,
    DateOnly AwardedOn,
    DateOnly ValidUntil,
    string VerificationCode,
    string VerificationUrl,
    string QrSvg,
    string? PublicationNumber,
    string Status)
{
    public string KindLabel => RecognitionKinds.Label(Kind);
}

/// <summary>撤销通知.</summary>
public sealed record RevocationNoticeModel(
    string IssuerName,
    string CertificateNumber,
    string EnterpriseName,
    string WorkshopOrFactoryName,
    RecognitionKind Kind,
    DateOnly AwardedOn,
    string? PublicationNumber,
    RevocationGround Ground,
    string Evidence,
    DateOnly RevokedOn,
    string? DecidedBy)
{
    public string KindLabel => RecognitionKinds.Label(Kind);

    public Clause Clause => RevocationGrounds.Clause(Ground);
}
