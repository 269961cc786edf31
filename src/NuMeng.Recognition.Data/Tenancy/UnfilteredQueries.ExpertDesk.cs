namespace NuMeng.Recognition.Data.Tenancy;

/// <summary>
/// The expert desk's crossings of the tenancy filters. An expert sees their own assignment rows, and an application (with
/// its versions, files, reviews and the panel's on-site row) only after declaring no conflict. Four things the expert's
/// work needs lie outside that: the enterprise's name before the declaration (without it nobody can declare), whether the
/// panel has closed (counts only), the panel's scores for its LEADER once it has closed, and the on-site photos the panel
/// took itself. Each method starts from the caller's own assignment, read through the filter, so it can never reach a
/// panel the caller does not sit on.
/// </summary>
public static partial class UnfilteredQueries
{
    /// <summary>
    /// The enterprise name, kind and state of each of the calling expert's own assignments — what the expert must know to
    /// declare a conflict of interest (or its absence) before seeing the application. Nothing of the content: no
    /// project name, figures, files or versions. Empty for anyone who is not an expert.
    /// </summary>
    public static async Task<IReadOnlyList<ExpertAssignmentHeader>> ExpertAssignmentHeadersAsync(
        RecognitionDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (ExpertOf(db) is not { } expertId)
        {
            return [];
        }
        // Own rows only, through the filter (which shows an expert nothing but their own assignments).
        var mine = await db.ExpertAssignments.AsNoTracking()
            .Where(x => x.ExpertId == expertId)
            .Select(x => new { x.Id, x.ApplicationId })
            .ToListAsync(cancellationToken);
        var ids = mine.Select(m => m.ApplicationId).Distinct().ToList();
        var apps = await db.Applications.IgnoreQueryFilters().AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Join(db.Organisations.IgnoreQueryFilters(), a => a.EnterpriseId, o => o.Id,
                (a, o) => new { a.Id, o.Name, a.Kind, a.State })
            .ToListAsync(cancellationToken);
        return [.. mine.Join(apps, m => m.ApplicationId, a => a.Id,
            (m, a) => new ExpertAssignmentHeader(m.Id, a.Id, a.Name, a.Kind, a.State))];
    }

    /// <summary>
    /// How far the caller's panel is (the assignments of the same application and panel name): members who did not
    /// recuse, and how many of them submitted their sheet. Counts only — never who, never a score. Null when
    /// <paramref name="assignmentId"/> is not the caller's own assignment.
    /// </summary>
    public static async Task<PanelProgress?> PanelProgressAsync(RecognitionDbContext db, Guid assignmentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await OwnAssignmentAsync(db, assignmentId, cancellationToken) is not { } own)
        {
            return null;
        }
        return await ProgressAsync(db, own.ApplicationId, own.PanelName, cancellationToken);
    }

    /// <summary>
    /// The panel's score sheets for its LEADER, to aggregate them and write the consensus opinion (docs/rule-reference.md §10): only when
    /// <paramref name="assignmentId"/> is the caller's own assignment, as 组长, declared without conflict and not recused,
    /// and only once the panel has closed (every member who did not recuse has submitted). Before that — or for any other
    /// caller — null: colleagues' scores stay hidden until the panel closes. Only submitted sheets are returned.
    /// </summary>
    public static async Task<IReadOnlyList<PanelScoreRow>?> PanelScoresForLeaderAsync(
        RecognitionDbContext db, Guid assignmentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await OwnAssignmentAsync(db, assignmentId, cancellationToken) is not { } own
            || own.Role != PanelRole.Leader || own.Recused || own.DeclaredAt is null || own.Conflict != ConflictDeclaration.None)
        {
            return null;
        }
        var progress = await ProgressAsync(db, own.ApplicationId, own.PanelName, cancellationToken);
        if (!progress.Closed)
        {
            return null;
        }
        var rows = await (
                from x in db.ExpertAssignments.IgnoreQueryFilters()
                where x.ApplicationId == own.ApplicationId && x.PanelName == own.PanelName && !x.Recused
                join s in db.ExpertScores.IgnoreQueryFilters() on x.Id equals s.AssignmentId
                where s.SubmittedAt != null
                join e in db.Experts.IgnoreQueryFilters() on x.ExpertId equals e.Id
                select new { x.Id, e.Name, x.Role, s.Items, s.TotalPoints, s.OverallComment, s.SubmittedAt })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return [.. rows
            .OrderBy(r => r.Role)
            .ThenBy(r => r.SubmittedAt)
            .Select(r => new PanelScoreRow(r.Id, r.Name, r.Role,
                [.. r.Items.Select(i => new PanelScoreItem(i.RubricItemCode, i.Points, i.Comment))], r.TotalPoints, r.OverallComment, r.SubmittedAt!.Value))];
    }

    /// <summary>
    /// The on-site photos (attachment item keys <c>onsite:…</c>) of an application the calling expert may see (assigned,
    /// declared no conflict, not recused — the application's own filter decides). Photos are filed under the organisation
    /// that organises the review (so the department and the agency read them through their own filters); the panel that
    /// took them reads them here.
    /// </summary>
    public static async Task<IReadOnlyList<OnSitePhoto>> OnSitePhotosForExpertAsync(
        RecognitionDbContext db, Guid applicationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (ExpertOf(db) is null || !await db.Applications.AnyAsync(a => a.Id == applicationId, cancellationToken))
        {
            return [];
        }
        return await db.Attachments.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.ApplicationId == applicationId && f.ItemKey.StartsWith(OnSitePhotoPrefix) && f.RemovedAt == null)
            .OrderBy(f => f.UploadedAt)
            .Select(f => new OnSitePhoto(f.Id, f.ApplicationId!.Value, f.ItemKey, f.OriginalFileName, f.StoredName, f.ContentType, f.SizeBytes, f.Sha256, f.UploadedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>One on-site photo for the calling expert, under the same rule as <see cref="OnSitePhotosForExpertAsync"/>.</summary>
    public static async Task<OnSitePhoto?> OnSitePhotoForExpertAsync(RecognitionDbContext db, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (ExpertOf(db) is null)
        {
            return null;
        }
        var photo = await db.Attachments.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.Id == attachmentId && f.ApplicationId != null && f.ItemKey.StartsWith(OnSitePhotoPrefix) && f.RemovedAt == null)
            .Select(f => new OnSitePhoto(f.Id, f.ApplicationId!.Value, f.ItemKey, f.OriginalFileName, f.StoredName, f.ContentType, f.SizeBytes, f.Sha256, f.UploadedAt))
            .FirstOrDefaultAsync(cancellationToken);
        return photo is not null && await db.Applications.AnyAsync(a => a.Id == photo.ApplicationId, cancellationToken) ? photo : null;
    }

    /// <summary>Item-key prefix of on-site photos (Domain.ExpertReview.OnSiteChecklist.PhotoPrefix).</summary>
    private const string OnSitePhotoPrefix = "onsite:";

    private static Guid? ExpertOf(RecognitionDbContext db) =>
        db.Actor.IsAuthenticated && db.Actor.Roles.Contains(ActorRole.Expert) ? db.Actor.ExpertId : null;

    private static async Task<ExpertAssignment?> OwnAssignmentAsync(RecognitionDbContext db, Guid assignmentId, CancellationToken cancellationToken) =>
        ExpertOf(db) is not { } expertId
            ? null
            : await db.ExpertAssignments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == assignmentId && x.ExpertId == expertId, cancellationToken);

    private static async Task<PanelProgress> ProgressAsync(RecognitionDbContext db, Guid applicationId, string panelName, CancellationToken cancellationToken)
    {
        var members = await db.ExpertAssignments.IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.ApplicationId == applicationId && x.PanelName == panelName)
            .Select(x => new
            {
                x.Recused,
                Submitted = db.ExpertScores.IgnoreQueryFilters().Any(s => s.AssignmentId == x.Id && s.SubmittedAt != null),
            })
            .ToListAsync(cancellationToken);
        return new PanelProgress(members.Count(m => !m.Recused), members.Count(m => m.Recused), members.Count(m => !m.Recused && m.Submitted));
    }
}

/// <summary>What an expert sees of an assignment before declaring: whose application, of which kind, in which state.</summary>
public sealed record ExpertAssignmentHeader(Guid AssignmentId, Guid ApplicationId, string EnterpriseName, RecognitionKind Kind, ApplicationState State);

/// <summary>A panel's progress in counts: members who did not recuse, those who recused, and sheets submitted.</summary>
public sealed record PanelProgress(int Members, int Recused, int Submitted)
{
    /// <summary>闭合: every member who did not recuse has submitted (and there is at least one).</summary>
    public bool Closed => Members > 0 && Submitted == Members;
}

/// <summary>One submitted sheet of a closed panel, for its leader.</summary>
public sealed record PanelScoreRow(Guid AssignmentId, string ExpertName, PanelRole Role, IReadOnlyList<PanelScoreItem> Items, decimal Total, string? OverallComment, DateTimeOffset SubmittedAt);

/// <summary>Points and comment of one rubric item on a colleague's sheet.</summary>
public sealed record PanelScoreItem(string RubricItemCode, decimal Points, string? Comment);

/// <summary>An on-site photo's metadata and its stored-file reference.</summary>
public sealed record OnSitePhoto(Guid Id, Guid ApplicationId, string ItemKey, string FileName, string StoredName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt);
