using NuMeng.Recognition.Data.Notifications;

namespace NuMeng.Recognition.Web.Features.Notifications;

/// <summary>One notification as its reader sees it.</summary>
public sealed record NotificationItem(Guid Id, string Text, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public bool IsRead => ReadAt is not null;
}

/// <summary>
/// In-app notifications (when something needs the user — returned, decided, deadline in 3 days).
/// <para>
/// Writing: <see cref="Add"/> and <see cref="AddForOrganisationAsync"/> only add rows to the caller's context, so a
/// decision, its audit entry and its notifications are saved by one <c>IAuditLog.AppendAsync</c> and commit together;
/// <see cref="SendToUserAsync"/> and <see cref="SendToOrganisationAsync"/> save on their own. Reading: the tenancy filter
/// shows each user only their own notifications, so "list", "count" and "mark read" need no check of their own.
/// </para>
/// </summary>
public sealed class NotificationService(
    IDbContextFactory<RecognitionDbContext> factory, NotificationRecipients recipients, TimeProvider clock)
{
    /// <summary>Adds a notification for one user to <paramref name="db"/> (not saved).</summary>
    public static Notification Add(RecognitionDbContext db, Guid userId, string text, string? link)
    {
        ArgumentNullException.ThrowIfNull(db);
        var notification = new Notification { UserId = userId, Text = NotificationText.Check(text), Link = NotificationText.CheckLink(link) };
        db.Notifications.Add(notification);
        return notification;
    }

    /// <summary>
    /// Adds one notification per active user of <paramref name="organisationId"/> with any of <paramref name="roles"/>
    /// (not saved). Returns how many were added (0 when the organisation has no such user yet).
    /// </summary>
    public async Task<int> AddForOrganisationAsync(RecognitionDbContext db, Guid organisationId,
        IReadOnlyCollection<ActorRole> roles, string text, string? link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var users = await recipients.UsersOfAsync(organisationId, roles, cancellationToken);
        foreach (var user in users)
        {
            Add(db, user, text, link);
        }
        return users.Count;
    }

    /// <summary>Sends (saves) a notification to one user.</summary>
    public async Task SendToUserAsync(Guid userId, string text, string? link, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        Add(db, userId, text, link);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Sends (saves) a notification to every active user of an organisation holding one of the roles.</summary>
    public async Task<int> SendToOrganisationAsync(Guid organisationId, IReadOnlyCollection<ActorRole> roles, string text,
        string? link, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var count = await AddForOrganisationAsync(db, organisationId, roles, text, link, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return count;
    }

    /// <summary>The signed-in user's notifications (<see cref="NotificationList"/>), the page's first <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<NotificationItem>> ListMineAsync(
        bool unreadOnly = false, int take = 200, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return (await NotificationList.ReadAsync(db, unreadOnly, new(0, take), cancellationToken)).Rows;
    }

    /// <summary>How many of the signed-in user's notifications are unread (0 when signed out).</summary>
    public async Task<int> UnreadCountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.ReadAt == null, cancellationToken);
    }

    /// <summary>
    /// Marks one of the signed-in user's notifications read. Returns it (with its link, to go on to), or null when it is
    /// not theirs or does not exist. Marking twice keeps the first moment.
    /// </summary>
    public async Task<NotificationItem?> MarkReadAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var n = await db.Notifications.FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (n is null)
        {
            return null;
        }
        if (n.ReadAt is null)
        {
            n.ReadAt = Timestamps.Normalise(clock.GetUtcNow());
            // Two tabs marking the same notification: either moment is right, so a lost race is not an error.
            await db.TrySaveChangesAsync(cancellationToken);
        }
        return new NotificationItem(n.Id, n.Text, n.Link, n.CreatedAt, n.ReadAt);
    }

    /// <summary>Marks all of the signed-in user's unread notifications read; returns how many.</summary>
    public async Task<int> MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var unread = await db.Notifications.Where(n => n.ReadAt == null).ToListAsync(cancellationToken);
        var now = Timestamps.Normalise(clock.GetUtcNow());
        foreach (var n in unread)
        {
            n.ReadAt = now;
        }
        await db.TrySaveChangesAsync(cancellationToken);
        return unread.Count;
    }
}
