namespace NuMeng.Recognition.Data.Tenancy;

/// <summary>
/// The panel managers' crossing of the score-sheet filter. The department and the agency read a score sheet only once
/// its panel has closed (ADR 0008, the <c>ExpertScore</c> filter), yet they must follow the review before that — whether
/// each member has started a sheet and when it was submitted — and closure itself is decided from those facts.
/// </summary>
public static partial class UnfilteredQueries
{
    /// <summary>
    /// For each of <paramref name="assignmentIds"/> the caller sees through the <c>ExpertAssignment</c> filter (the
    /// department all, the agency its entrusted batches, an expert their own) and that has a score sheet: when the sheet
    /// was submitted (null: still a draft). An assignment without a sheet, or hidden from the caller, is absent. Two
    /// facts and never a point, a comment or a total: what the panel pages, the panel list and the assignment export
    /// show before a panel closes.
    /// <para>
    /// Two queries on purpose: <c>IgnoreQueryFilters</c> switches the filters off for the WHOLE query it is part of, so
    /// the visible assignments are read first (filtered), then their sheets' two columns (unfiltered). Never compose
    /// this crossing into a larger query.
    /// </para>
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, DateTimeOffset?>> ScoreSheetStatesAsync(
        RecognitionDbContext db, IReadOnlyCollection<Guid> assignmentIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(assignmentIds);
        if (assignmentIds.Count == 0)
        {
            return new Dictionary<Guid, DateTimeOffset?>();
        }
        var ids = assignmentIds.Distinct().ToList();
        var visible = await db.ExpertAssignments.AsNoTracking()
            .Where(x => ids.Contains(x.Id))
            .Select(x => x.Id)
            .ToListAsync(cancellationToken);
        if (visible.Count == 0)
        {
            return new Dictionary<Guid, DateTimeOffset?>();
        }
        var sheets = await db.ExpertScores.IgnoreQueryFilters().AsNoTracking()
            .Where(s => visible.Contains(s.AssignmentId))
            .Select(s => new { s.AssignmentId, s.SubmittedAt })
            .ToListAsync(cancellationToken);
        return sheets.GroupBy(s => s.AssignmentId)
            .ToDictionary(g => g.Key, g => g.Max(s => s.SubmittedAt));
    }
}
