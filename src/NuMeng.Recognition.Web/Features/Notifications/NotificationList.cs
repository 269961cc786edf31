using NuMeng.Recognition.Web.Infrastructure;

namespace NuMeng.Recognition.Web.Features.Notifications;

/// <summary>
/// 我的通知 — the one read of the notifications list, used by the notifications page, <c>/exports/notifications.xlsx</c>
/// and <c>GET /api/v1/notifications</c>: the signed-in user's own (the tenancy filter shows nobody else's), newest first,
/// only the unread ones when asked (<c>?unread=1</c>, <see cref="ListFilter.UnreadOnly"/>), paged by <see cref="ListPaging"/>.
/// </summary>
public static class NotificationList
{
    /// <summary>The rows of the list, on a context of the signed-in user.</summary>
    public static async Task<ListPage<NotificationItem>> ReadAsync(RecognitionDbContext db, bool unreadOnly, ListPaging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Notifications.AsNoTracking();
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await paging.Apply(query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id))
            .Select(n => new NotificationItem(n.Id, n.Text, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);
        return new ListPage<NotificationItem>(total, paging, rows);
    }
}
