using NuMeng.Recognition.Web.Features.Notifications;

namespace NuMeng.Recognition.Web.Features.Panels;

/// <summary>
/// Notifications to the experts of a panel. Expert accounts belong to no organisation, and the agency cannot read
/// accounts outside its own organisation (tenancy), so the accounts of the assigned experts are looked up the way
/// <see cref="NotificationRecipients"/> looks up an organisation's users: in its System-actor context, returning user ids
/// only (never names or anything a caller could show). The notifications themselves are added to the caller's context, so
/// they commit with the action and its audit entry.
/// </summary>
public sealed class PanelNotifications(NotificationRecipients recipients)
{
    /// <summary>Active accounts of the given experts: (expert id, user id) pairs.</summary>
    public async Task<IReadOnlyList<(Guid ExpertId, Guid UserId)>> AccountsOfAsync(
        IReadOnlyCollection<Guid> expertIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expertIds);
        if (expertIds.Count == 0)
        {
            return [];
        }
        await using var db = recipients.CreateSystemContext("通知评审专家");
        var ids = expertIds.ToList();
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.ExpertId != null && ids.Contains(u.ExpertId.Value))
            .Select(u => new { ExpertId = u.ExpertId!.Value, u.Id })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.ExpertId, r.Id)).ToList();
    }

    /// <summary>Adds one notification per account of each (assignment, expert) to <paramref name="db"/> (not saved).</summary>
    public async Task<int> AddForExpertsAsync(RecognitionDbContext db, IReadOnlyList<(Guid AssignmentId, Guid ExpertId)> assignments,
        Func<Guid, string> text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(text);
        var accounts = await AccountsOfAsync(assignments.Select(a => a.ExpertId).Distinct().ToList(), cancellationToken);
        var count = 0;
        foreach (var (assignmentId, expertId) in assignments)
        {
            foreach (var account in accounts.Where(a => a.ExpertId == expertId))
            {
                NotificationService.Add(db, account.UserId, text(assignmentId), PanelData.ExpertLink(assignmentId));
                count++;
            }
        }
        return count;
    }
}
