namespace NuMeng.Recognition.Data.Common;

/// <summary>
/// Turns an optimistic-concurrency conflict into the message shown to the user. A conflicting save is never retried
/// silently: the user reloads and decides ("detected and reported, never silently overwritten").
/// </summary>
public static class ConcurrencyConflict
{
    /// <summary>The message for a save that lost the race.</summary>
    public const string Message = "该记录已被他人修改，请刷新后重试";

    /// <summary>Describes a concurrency exception for the user, naming the record kinds involved.</summary>
    public static string Describe(DbUpdateConcurrencyException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Message;
    }

    /// <summary>
    /// Saves; returns <c>null</c> on success or <see cref="Message"/> when another user changed or deleted one of the rows
    /// first. Other exceptions propagate.
    /// </summary>
    public static async Task<string?> TrySaveChangesAsync(this DbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException ex)
        {
            return Describe(ex);
        }
    }

    /// <summary>
    /// Declares the stamp the user's form was based on (e.g. a hidden field of a static SSR form), so that the save
    /// fails if the row changed since the form was rendered, not only since it was loaded in this request.
    /// </summary>
    public static void ExpectStamp<TEntity>(this DbContext db, TEntity entity, Guid stampSeenByUser)
        where TEntity : class, IHasConcurrencyStamp
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Entry(entity).Property(e => e.ConcurrencyStamp).OriginalValue = stampSeenByUser;
    }
}
