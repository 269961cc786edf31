using NuMeng.Recognition.Web.Features.Batches;

namespace NuMeng.Recognition.Web.Features.Review;

/// <summary>A file frozen with a version, as the reviewer opens it.</summary>
public sealed record ReviewFile(Guid AttachmentId, string ItemKey, string FileName, string ContentType, long SizeBytes, string Sha256)
{
    public string ItemLabel => ItemKey == BureauSigning.ScanItemKey ? "加盖公章的初审意见" : EvidenceItems.Label(ItemKey);

    public bool IsPdf => ContentType == "application/pdf";

    public bool IsImage => ContentType is "image/jpeg" or "image/png";
}

/// <summary>A submitted version (immutable): what the bureau decides on.</summary>
public sealed record ReviewVersion(Guid Id, int Number, string Hash, DateTimeOffset SubmittedAt, string ContentJson, IReadOnlyList<ReviewFile> Files);

/// <summary>A decision (or the prepared draft) of a bureau on a version.</summary>
public sealed record ReviewDecision(Guid Id, Guid Stamp, BureauDecision Decision, int? VersionNumber, string Opinion,
    IReadOnlyList<ReviewReason> Reasons, int? Ranking, string ReviewedBy, string? SignedBy, DateTimeOffset? SignedAt,
    DateTimeOffset UpdatedAt, Guid? ScanAttachmentId)
{
    public string DecisionLabel => ReviewSteps.DecisionLabel(Decision);
}

/// <summary>Everything the review page shows about one application.</summary>
public sealed record ReviewCase(
    Guid ApplicationId, Guid Stamp, string Name, string EnterpriseName, string? CreditCode, string? Consultancy,
    Guid BatchId, string BatchTitle, RecognitionKind Kind, DateOnly? ReviewDeadline, int? PerLeagueCap,
    ApplicationState State, ReviewVersion Latest, IReadOnlyList<ReviewVersion> Earlier,
    IReadOnlyList<ReviewDecision> Decisions, ReviewDecision? Draft, IReadOnlyList<RecommendationEntry> List)
{
    public bool Waiting => State == ApplicationState.Submitted;

    /// <summary>The rules the batch names (RuleSetResolver): the verdict and the items a reason may name.</summary>
    public RuleSetCatalog Rules { get; init; } = default!;
}

/// <summary>
/// Reads one application for the review page, through the tenancy filter (another 盟市's application, a draft or an
/// unknown id is null: the page answers 404).
/// </summary>
public sealed class ReviewCaseQuery(IDbContextFactory<RecognitionDbContext> factory)
{
    public async Task<ReviewCase?> LoadAsync(Guid applicationId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (ActingUser.Of(db.Actor) is not { IsBureau: true } bureau)
        {
            return null;
        }
        var app = await db.Applications.AsNoTracking()
            .Where(a => a.Id == applicationId && a.LeagueCode == bureau.LeagueCode && a.LatestVersionNumber > 0)
            .Select(a => new
            {
                a.Id, a.ConcurrencyStamp, a.WorkshopOrFactoryName, a.ConsultancyName, a.BatchId, a.Kind, a.State,
                a.LatestVersionNumber, a.EnterpriseId,
                Enterprise = db.Organisations.Where(o => o.Id == a.EnterpriseId).Select(o => new { o.Name, o.CreditCode }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (app is null)
        {
            return null;
        }
        var batch = await db.Batches.AsNoTracking().FirstAsync(b => b.Id == app.BatchId, cancellationToken);

        var versions = await db.ApplicationVersions.AsNoTracking()
            .Where(v => v.ApplicationId == app.Id)
            .Include(v => v.Attachments)
            .ToListAsync(cancellationToken);
        var attachmentIds = versions.SelectMany(v => v.Attachments).Select(a => a.AttachmentId).ToList();
        var types = await db.Attachments.AsNoTracking()
            .Where(a => attachmentIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.ContentType, cancellationToken);
        var shaped = versions
            .OrderByDescending(v => v.Number)
            .Select(v => new ReviewVersion(v.Id, v.Number, v.ContentHash, v.SubmittedAt, v.ContentJson, v.Attachments
                .OrderBy(a => a.ItemKey, StringComparer.Ordinal).ThenBy(a => a.OriginalFileName, StringComparer.Ordinal)
                .Select(a => new ReviewFile(a.AttachmentId, a.ItemKey, a.OriginalFileName, types.GetValueOrDefault(a.AttachmentId, ""), a.SizeBytes, a.Sha256))
                .ToList()))
            .ToList();

        var numbers = versions.ToDictionary(v => v.Id, v => v.Number);
        var reviews = await db.BureauReviews.AsNoTracking().Where(r => r.ApplicationId == app.Id).ToListAsync(cancellationToken);
        var userIds = reviews.SelectMany(r => new[] { r.ReviewedByUserId, r.SignedByLeaderUserId ?? Guid.Empty }).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var decisions = reviews
            .OrderByDescending(r => r.SignedAt ?? r.UpdatedAt)
            .Select(r => new ReviewDecision(r.Id, r.ConcurrencyStamp, r.Decision, numbers.GetValueOrDefault(r.ApplicationVersionId),
                r.OpinionText, r.ItemReasons.Select(x => new ReviewReason(x.ItemKey, x.Reason)).ToList(), r.Ranking,
                names.GetValueOrDefault(r.ReviewedByUserId, "（其他单位用户）"),
                r.SignedByLeaderUserId is { } s ? names.GetValueOrDefault(s, "（其他单位用户）") : null,
                r.SignedAt, r.UpdatedAt, r.StampedScanAttachmentId))
            .ToList();
        var latest = shaped[0];
        var draft = decisions.FirstOrDefault(d => d.SignedAt is null && d.Decision != BureauDecision.Return
            && d.VersionNumber == latest.Number && reviews.Single(r => r.Id == d.Id).BureauOrganisationId == bureau.OrganisationId);

        return new ReviewCase(app.Id, app.ConcurrencyStamp, app.WorkshopOrFactoryName, app.Enterprise?.Name ?? "（企业信息不可见）",
            app.Enterprise?.CreditCode, app.ConsultancyName, batch.Id, batch.Title, app.Kind, batch.BureauReviewDeadline,
            await RuleSetResolver.PerLeagueCapAsync(db, batch.Id, cancellationToken),
            app.State, latest, shaped.Skip(1).ToList(),
            decisions.Where(d => d != draft).ToList(), app.State == ApplicationState.Submitted ? draft : null,
            await RecommendationList.ForBatchAsync(db, batch.Id, bureau.LeagueCode!, cancellationToken))
        {
            Rules = await RuleSetResolver.ForBatchAsync(db, batch, cancellationToken),
        };
    }
}
