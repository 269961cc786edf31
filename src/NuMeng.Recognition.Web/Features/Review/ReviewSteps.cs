namespace NuMeng.Recognition.Web.Features.Review;

/// <summary>Steps shared by the bureau's decisions (<see cref="BureauReviewService"/>, <see cref="BureauSigning"/>).</summary>
internal static class ReviewSteps
{
    /// <summary>Shown when the application is not the bureau's (another 盟市's, a draft, or none at all).</summary>
    public static readonly StepOutcome NotFound = StepOutcome.NotFound("未找到该申报，或您无权查看");

    /// <summary>The Invalid message of the bureau's forms.</summary>
    public const string InvalidMessage = "请修改以下内容后重新提交";

    /// <summary>The bureau's id of the acting bureau user.</summary>
    public static Guid BureauId(this ActingUser user) => user.OrganisationId!.Value;

    /// <summary>The bureau's name, for notifications.</summary>
    public static string BureauName(this ActingUser user) => user.OrganisationName ?? "盟市工业和信息化主管部门";

    /// <summary>
    /// The application, through the tenancy filter (another 盟市's application or a draft is simply not found), attached
    /// for update, with its latest version and the bureau's unsigned draft. Only the columns a decision needs are read: the
    /// enterprise's unsubmitted draft (<c>CurrentDraftJson</c>) is on the same row and is never the bureau's to read (Data:
    /// tenancy notes). The stub carries the real concurrency stamp, so the UPDATE of its state is checked like any other.
    /// </summary>
    public static async Task<BureauCase?> LoadAsync(StepContext step, Guid applicationId, BureauDecision? decided = null, ApplicationState? target = null)
    {
        var db = step.Db;
        var row = await db.Applications.AsNoTracking()
            .Where(a => a.Id == applicationId && a.LeagueCode == step.User.LeagueCode)
            .Select(a => new { a.Id, a.EnterpriseId, a.BatchId, a.Kind, a.State, a.WorkshopOrFactoryName, a.LeagueCode, a.LatestVersionNumber, a.ConcurrencyStamp })
            .FirstOrDefaultAsync(step.Cancellation);
        if (row is null)
        {
            return null;
        }
        var app = db.Applications.AttachStored(new Application
        {
            Id = row.Id, EnterpriseId = row.EnterpriseId, BatchId = row.BatchId, Kind = row.Kind,
            WorkshopOrFactoryName = row.WorkshopOrFactoryName, LeagueCode = row.LeagueCode,
            LatestVersionNumber = row.LatestVersionNumber, ConcurrencyStamp = row.ConcurrencyStamp,
        }, row.State);
        var versionId = await LatestVersionIdAsync(db, app, step.Cancellation);
        var already = decided is { } decision && target is { } to && await AlreadyDecidedAsync(db, app, versionId, decision, to, step.Cancellation);
        return new BureauCase(app, versionId, already) { Draft = await DraftAsync(db, versionId, step.User.BureauId(), step.Cancellation) };
    }

    /// <summary>The id of the latest submitted version (decisions are made on it).</summary>
    public static Task<Guid> LatestVersionIdAsync(RecognitionDbContext db, Application application, CancellationToken cancellationToken) =>
        db.ApplicationVersions
            .Where(v => v.ApplicationId == application.Id && v.Number == application.LatestVersionNumber)
            .Select(v => v.Id)
            .FirstAsync(cancellationToken);

    /// <summary>The unsigned recommendation or rejection being prepared on a version by this bureau, if any (tracked).</summary>
    public static Task<BureauReview?> DraftAsync(RecognitionDbContext db, Guid versionId, Guid bureauId, CancellationToken cancellationToken) =>
        db.BureauReviews
            .Where(r => r.ApplicationVersionId == versionId && r.BureauOrganisationId == bureauId
                && r.SignedAt == null && r.Decision != BureauDecision.Return)
            .OrderByDescending(r => r.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The decision already recorded on a version, if the application is in the state it leads to.</summary>
    public static Task<bool> AlreadyDecidedAsync(RecognitionDbContext db, Application application, Guid versionId,
        BureauDecision decision, ApplicationState target, CancellationToken cancellationToken) =>
        application.State != target
            ? Task.FromResult(false)
            : db.BureauReviews.AnyAsync(r => r.ApplicationVersionId == versionId && r.Decision == decision
                && (decision == BureauDecision.Return || r.SignedAt != null), cancellationToken);

    /// <summary>Short summary of the reasons for a notification: the first two, and how many more.</summary>
    public static string Summary(IReadOnlyList<BureauReviewItemReason> reasons)
    {
        var first = string.Join("；", reasons.Take(2).Select(r => r.Reason.Length > 60 ? r.Reason[..59] + "…" : r.Reason));
        return reasons.Count > 2 ? $"{first}等 {reasons.Count} 条意见" : first;
    }

    public static string Name(Application application) =>
        string.IsNullOrWhiteSpace(application.WorkshopOrFactoryName) ? "未命名的申报" : application.WorkshopOrFactoryName;

    public static string EnterpriseLink(Guid applicationId) => $"/applications/{applicationId:D}";

    public static string ReviewLink(Guid applicationId) => $"/review/{applicationId:D}";

    public static string DecisionLabel(BureauDecision decision) => decision switch
    {
        BureauDecision.Return => "退回修改",
        BureauDecision.Reject => "不予推荐",
        _ => "推荐",
    };

    public static ApplicationAction ActionOf(BureauDecision decision) => decision switch
    {
        BureauDecision.Return => ApplicationAction.ReturnForRevision,
        BureauDecision.Reject => ApplicationAction.BureauReject,
        _ => ApplicationAction.BureauRecommend,
    };
}

/// <summary>An application the bureau decides on: its latest version, whether the decision asked for is already recorded, the unsigned draft.</summary>
internal sealed record BureauCase(Application App, Guid VersionId, bool AlreadyDecided)
{
    /// <summary>The unsigned recommendation or rejection being prepared (tracked), or the one the step creates.</summary>
    public BureauReview? Draft { get; set; }
}
