using NuMeng.Recognition.Data.Tenancy;

namespace NuMeng.Recognition.Web.Features.Applications;

/// <summary>One row of "我的申报".</summary>
public sealed record MyApplicationRow(
    Guid Id, string Name, string BatchTitle, RecognitionKind Kind, ApplicationState State, DateTimeOffset SavedAt,
    int LatestVersionNumber, DateTimeOffset? LastSubmittedAt, DateOnly BatchClosesOn)
{
    public string KindLabel => RecognitionKinds.Label(Kind);

    public string StateLabel => WorkflowLabels.State(State);

    public bool Editable => ApplicationStages.EditableByEnterprise.Contains(State);
}

/// <summary>A frozen version with its files.</summary>
public sealed record VersionRow(Guid Id, int Number, string Hash, DateTimeOffset SubmittedAt, IReadOnlyList<VersionFileRow> Files, IReadOnlyList<ReturnReply> Replies);

public sealed record VersionFileRow(string ItemKey, string FileName, long SizeBytes, string Sha256)
{
    public string ItemLabel => ApplicationItems.Label(ItemKey);
}

/// <summary>A bureau decision the enterprise may see: a return at once, a recommendation or rejection once signed.</summary>
public sealed record ReviewRow(Guid Id, BureauDecision Decision, int? VersionNumber, string Opinion, IReadOnlyList<ReturnReason> Reasons, DateTimeOffset At)
{
    public string DecisionLabel => Decision switch
    {
        BureauDecision.Return => "退回修改",
        BureauDecision.Reject => "初审未通过",
        _ => "推荐上报",
    };
}

/// <summary>One line of the history: when, what (in Chinese), details, and the kind of actor (企业, 盟市工信局, …).</summary>
public sealed record HistoryLine(DateTimeOffset At, string What, string? Detail, string? Actor = null);

/// <summary>Everything the status page shows.</summary>
public sealed record ApplicationDetail(
    MyApplicationRow Summary, Guid Stamp, DateTimeOffset CreatedAt, IReadOnlyList<VersionRow> Versions, IReadOnlyList<ReviewRow> Reviews,
    IReadOnlyList<HistoryLine> History, bool AuditVisible)
{
    public OpenReturn? OpenReturn => Summary.State == ApplicationState.Returned && Reviews.FirstOrDefault(r => r.Decision == BureauDecision.Return) is { } r
        ? new OpenReturn(r.Id, r.Opinion, r.Reasons, r.At)
        : null;
}

/// <summary>Reads for the enterprise's list and status pages; everything through the tenancy filter.</summary>
public sealed class ApplicationQueries(IDbContextFactory<RecognitionDbContext> factory)
{
    /// <summary>
    /// Consecutive identical lines without details (ten uploads in a row) become one line with the count and the span
    /// of time, so the history stays readable.
    /// </summary>
    internal static IReadOnlyList<HistoryLine> Fold(IReadOnlyList<HistoryLine> newestFirst)
    {
        var folded = new List<HistoryLine>();
        for (var i = 0; i < newestFirst.Count;)
        {
            var line = newestFirst[i];
            var j = i + 1;
            while (line.Detail is null && j < newestFirst.Count && newestFirst[j].Detail is null
                && newestFirst[j].What == line.What && newestFirst[j].Actor == line.Actor)
            {
                j++;
            }
            folded.Add(j - i == 1 ? line : line with { What = $"{line.What}（{j - i} 次）" });
            i = j;
        }
        return folded;
    }

    /// <summary>Status, versions with hashes, the bureau's visible decisions and the history; null when not visible.</summary>
    public async Task<ApplicationDetail?> DetailAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var app = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (app is null)
        {
            return null;
        }
        var batch = await db.Batches.AsNoTracking().FirstAsync(b => b.Id == app.BatchId, ct);
        var summary = new MyApplicationRow(app.Id, app.WorkshopOrFactoryName, batch.Title, app.Kind, app.State, app.UpdatedAt, app.LatestVersionNumber, app.LastSubmittedAt, batch.ApplicationClosesOn);
        var versions = (await db.ApplicationVersions.AsNoTracking().Include(v => v.Attachments).Where(v => v.ApplicationId == id).ToListAsync(ct))
            .OrderByDescending(v => v.Number)
            .Select(v => new VersionRow(v.Id, v.Number, v.ContentHash, v.SubmittedAt,
                v.Attachments.Select(f => new VersionFileRow(f.ItemKey, f.OriginalFileName, f.SizeBytes, f.Sha256)).ToList(),
                ApplicationContent.ReadDraft(v.ContentJson, out _).Replies))
            .ToList();
        var numbers = versions.ToDictionary(v => v.Id, v => v.Number);
        var reviews = (await db.BureauReviews.AsNoTracking().Where(r => r.ApplicationId == id).ToListAsync(ct))
            // An unsigned recommendation or rejection is the bureau's working draft, not yet a decision.
            .Where(r => r.Decision == BureauDecision.Return || r.SignedAt is not null)
            .Select(r => new ReviewRow(r.Id, r.Decision, numbers.TryGetValue(r.ApplicationVersionId, out var n) ? n : null, r.OpinionText,
                r.ItemReasons.Select(x => new ReturnReason(x.ItemKey, x.Reason)).ToList(), r.SignedAt ?? r.CreatedAt))
            .OrderByDescending(r => r.At).ToList();

        // The audit entries of this application (UnfilteredQueries: only its own, only the kind of actor), completed by
        // what the rows themselves say for acts recorded before the audit log held them (the demo's seeded history).
        var audit = await UnfilteredQueries.ApplicationHistoryAsync(db, id, ct);
        var history = audit.Select(e => new HistoryLine(e.At, ApplicationHistoryLabels.Action(e.Action), null, ApplicationHistoryLabels.Actor(e.Actor))).ToList();
        if (!audit.Any(e => e.Action == "application.start"))
        {
            history.Add(new HistoryLine(app.CreatedAt, "创建申报草稿", null, "企业"));
        }
        var ascending = versions.OrderBy(v => v.Number).ToList();
        var submits = audit.Where(e => e.Action is "application.submit" or "application.resubmit").ToList();
        var unaudited = Math.Max(0, ascending.Count - submits.Count);
        history.AddRange(ascending.Take(unaudited).Select(v => new HistoryLine(v.SubmittedAt,
            v.Number == 1 ? "提交申报（第 1 版）" : $"重新提交（第 {v.Number} 版）", $"哈希 {v.Hash}", "企业")));
        for (var i = 0; i < submits.Count && unaudited + i < ascending.Count; i++)
        {
            var v = ascending[unaudited + i];
            var line = history.First(h => h.At == submits[i].At && h.Detail is null && h.What == ApplicationHistoryLabels.Action(submits[i].Action));
            history[history.IndexOf(line)] = line with { What = $"{line.What}（第 {v.Number} 版）", Detail = $"哈希 {v.Hash}" };
        }
        var decided = audit.Count(e => e.Action is "application.return" or "bureau-review.sign");
        history.AddRange(reviews.OrderBy(r => r.At).Take(Math.Max(0, reviews.Count - decided))
            .Select(r => new HistoryLine(r.At, $"盟市初审：{r.DecisionLabel}", r.Opinion, "盟市工信局")));
        if (app.State == ApplicationState.Withdrawn && !audit.Any(e => e.Action == "application.withdraw"))
        {
            history.Add(new HistoryLine(app.UpdatedAt, "撤回申报", null, "企业"));
        }
        return new ApplicationDetail(summary, app.ConcurrencyStamp, app.CreatedAt, versions, reviews,
            Fold(history.OrderByDescending(h => h.At).ToList()), AuditVisible: audit.Count > 0);
    }
}
