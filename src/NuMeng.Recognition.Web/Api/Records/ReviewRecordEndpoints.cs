namespace NuMeng.Recognition.Web.Api.Records;

/// <summary>A bureau's preliminary review (初审) of one version, with the reasons per form item.</summary>
public sealed record BureauReviewInfo(
    Guid Id,
    Guid ApplicationId,
    Guid ApplicationVersionId,
    Guid BureauOrganisationId,
    string BureauName,
    BureauDecision Decision,
    string DecisionLabel,
    string OpinionText,
    int? Ranking,
    IReadOnlyList<ReviewItemReason> ItemReasons,
    DateTimeOffset? SignedAt,
    Guid? StampedScanAttachmentId);

/// <summary>What to fix (or why refused) for one form item.</summary>
public sealed record ReviewItemReason(string ItemKey, string Reason);

/// <summary>An expert's assignment to one application, with the conflict-of-interest declaration.</summary>
public sealed record ExpertAssignmentInfo(
    Guid Id,
    Guid ApplicationId,
    Guid? ApplicationVersionId,
    Guid BatchId,
    Guid ExpertId,
    string ExpertName,
    string PanelName,
    PanelRole Role,
    string RoleLabel,
    ConflictDeclaration Conflict,
    string ConflictLabel,
    DateTimeOffset? DeclaredAt,
    bool Recused);

/// <summary>An expert's score sheet (hidden from other experts: the data layer shows it only with its assignment).</summary>
public sealed record ExpertScoreInfo(
    Guid Id,
    Guid AssignmentId,
    IReadOnlyList<ScoreItem> Items,
    decimal TotalPoints,
    string? OverallComment,
    DateTimeOffset? SubmittedAt);

/// <summary>Points for one rubric item.</summary>
public sealed record ScoreItem(string RubricItemCode, decimal Points, string? Comment);

/// <summary>Bureau reviews (business roles) and expert review (department, agency, experts).</summary>
internal static class ReviewRecordEndpoints
{
    public static void Map(RouteGroupBuilder records)
    {
        var business = records.MapGroup("").RequireAuthorization(RecordPolicies.BusinessData);
        business.MapGet("/bureau-reviews/{id:guid}", GetBureauReviewAsync)
            .WithName("GetBureauReview").WithSummary("盟市初审意见")
            .Produces<BureauReviewInfo>().Produces<RecordProblem>(StatusCodes.Status404NotFound, RecordResults.ProblemContentType);
        business.MapGet("/applications/{id:guid}/bureau-reviews", ListBureauReviewsAsync)
            .WithName("ListBureauReviews").WithSummary("申报的盟市初审意见")
            .Produces<RecordList<BureauReviewInfo>>().Produces<RecordProblem>(StatusCodes.Status404NotFound, RecordResults.ProblemContentType);

        var experts = records.MapGroup("").RequireAuthorization(RecordPolicies.ExpertReview);
        experts.MapGet("/expert-assignments", ListAssignmentsAsync)
            .WithName("ListExpertAssignments").WithSummary("专家评审分配")
            .Produces<RecordList<ExpertAssignmentInfo>>();
        experts.MapGet("/expert-assignments/{id:guid}", GetAssignmentAsync)
            .WithName("GetExpertAssignment").WithSummary("专家评审分配详情")
            .Produces<ExpertAssignmentInfo>().Produces<RecordProblem>(StatusCodes.Status404NotFound, RecordResults.ProblemContentType);
        experts.MapGet("/expert-scores", ListScoresAsync)
            .WithName("ListExpertScores").WithSummary("专家评分表")
            .Produces<RecordList<ExpertScoreInfo>>();
        experts.MapGet("/expert-scores/{id:guid}", GetScoreAsync)
            .WithName("GetExpertScore").WithSummary("专家评分表详情")
            .Produces<ExpertScoreInfo>().Produces<RecordProblem>(StatusCodes.Status404NotFound, RecordResults.ProblemContentType);
    }

    private sealed record ReviewRow(BureauReview Review, string? BureauName);

    private static IQueryable<ReviewRow> ReviewRows(RecognitionDbContext db, IQueryable<BureauReview> reviews) =>
        reviews.AsNoTracking().Select(r => new ReviewRow(
            r, db.Organisations.Where(o => o.Id == r.BureauOrganisationId).Select(o => o.Name).FirstOrDefault()));

    private static BureauReviewInfo Review(ReviewRow row)
    {
        var r = row.Review;
        return new BureauReviewInfo(
            r.Id, r.ApplicationId, r.ApplicationVersionId, r.BureauOrganisationId, row.BureauName ?? string.Empty, r.Decision,
            RecordLabels.Decision(r.Decision), r.OpinionText, r.Ranking,
            [.. r.ItemReasons.Select(i => new ReviewItemReason(i.ItemKey, i.Reason))], r.SignedAt, r.StampedScanAttachmentId);
    }

    private static async Task<IResult> GetBureauReviewAsync(Guid id, RecognitionDbContext db, CancellationToken cancellationToken)
    {
        var row = await ReviewRows(db, db.BureauReviews.Where(r => r.Id == id)).FirstOrDefaultAsync(cancellationToken);
        return row is null ? RecordResults.NotFound("初审意见") : RecordResults.Ok(Review(row));
    }

    private static async Task<IResult> ListBureauReviewsAsync(Guid id, RecognitionDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Applications.AnyAsync(a => a.Id == id, cancellationToken))
        {
            return RecordResults.NotFound("申报");
        }
        var rows = await ReviewRows(db, db.BureauReviews.Where(r => r.ApplicationId == id).OrderBy(r => r.CreatedAt))
            .ToListAsync(cancellationToken);
        return RecordResults.Ok(new RecordList<BureauReviewInfo>(rows.Count, 0, rows.Count, rows.ConvertAll(Review)));
    }

    private sealed record AssignmentRow(ExpertAssignment Assignment, string? ExpertName);

    private static IQueryable<AssignmentRow> AssignmentRows(RecognitionDbContext db, IQueryable<ExpertAssignment> assignments) =>
        assignments.AsNoTracking().Select(x => new AssignmentRow(
            x, db.Experts.Where(e => e.Id == x.ExpertId).Select(e => e.Name).FirstOrDefault()));

    private static ExpertAssignmentInfo Assignment(AssignmentRow row)
    {
        var x = row.Assignment;
        return new ExpertAssignmentInfo(
            x.Id, x.ApplicationId, x.ApplicationVersionId, x.BatchId, x.ExpertId, row.ExpertName ?? string.Empty, x.PanelName,
            x.Role, Labels.PanelRole(x.Role), x.Conflict, RecordLabels.Conflict(x.Conflict, x.DeclaredAt is not null),
            x.DeclaredAt, x.Recused);
    }

    private static async Task<IResult> ListAssignmentsAsync(RecognitionDbContext db, string? skip, string? take, CancellationToken cancellationToken)
    {
        if (!Paging.TryRead(skip, take, out var paging, out var problem))
        {
            return problem!;
        }
        var total = await db.ExpertAssignments.CountAsync(cancellationToken);
        var page = db.ExpertAssignments.OrderByDescending(x => x.CreatedAt).ThenBy(x => x.Id).Skip(paging.Skip).Take(paging.Take);
        var rows = await AssignmentRows(db, page).ToListAsync(cancellationToken);
        return RecordResults.Ok(new RecordList<ExpertAssignmentInfo>(total, paging.Skip, paging.Take, rows.ConvertAll(Assignment)));
    }

    private static async Task<IResult> GetAssignmentAsync(Guid id, RecognitionDbContext db, CancellationToken cancellationToken)
    {
        var row = await AssignmentRows(db, db.ExpertAssignments.Where(x => x.Id == id)).FirstOrDefaultAsync(cancellationToken);
        return row is null ? RecordResults.NotFound("专家评审分配") : RecordResults.Ok(Assignment(row));
    }

    private static ExpertScoreInfo Score(ExpertScore s) => new(
        s.Id, s.AssignmentId, [.. s.Items.Select(i => new ScoreItem(i.RubricItemCode, i.Points, i.Comment))],
        s.TotalPoints, s.OverallComment, s.SubmittedAt);

    private static async Task<IResult> ListScoresAsync(RecognitionDbContext db, string? skip, string? take, CancellationToken cancellationToken)
    {
        if (!Paging.TryRead(skip, take, out var paging, out var problem))
        {
            return problem!;
        }
        var total = await db.ExpertScores.CountAsync(cancellationToken);
        var scores = await db.ExpertScores.AsNoTracking()
            .OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id)
            .Skip(paging.Skip).Take(paging.Take)
            .ToListAsync(cancellationToken);
        return RecordResults.Ok(new RecordList<ExpertScoreInfo>(total, paging.Skip, paging.Take, scores.ConvertAll(Score)));
    }

    private static async Task<IResult> GetScoreAsync(Guid id, RecognitionDbContext db, CancellationToken cancellationToken)
    {
        var score = await db.ExpertScores.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return score is null ? RecordResults.NotFound("评分表") : RecordResults.Ok(Score(score));
    }
}
