namespace NuMeng.Recognition.Data.Common;

/// <summary>
/// A row that may change after it is written. <see cref="ConcurrencyStamp"/> is an application-managed concurrency token:
/// SQLite does not maintain <c>rowversion</c> (docs/platform-notes.md §9), so <see cref="RecognitionDbContext"/> replaces the
/// stamp with a new Guid on every save and EF Core puts the old one in the UPDATE/DELETE's WHERE clause. A save that
/// finds another stamp affects no row and throws <see cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException"/>
/// (see <see cref="ConcurrencyConflict"/>).
/// </summary>
public interface IHasConcurrencyStamp
{
    Guid ConcurrencyStamp { get; set; }
}

/// <summary>
/// A row that is written once and never changed nor deleted (架构决定 6、7: nothing submitted is ever edited; the audit
/// log is append-only). <see cref="RecognitionDbContext"/> refuses to save a modification or deletion of such a row.
/// </summary>
public interface IImmutableRow;

/// <summary>
/// A mutable row that becomes read-only once a moment is recorded (an expert's submitted score sheet, a signed bureau
/// opinion). The context refuses changes to a row whose stored lock moment is set.
/// </summary>
public interface ILockableRow
{
    /// <summary>Name of the nullable timestamp property that locks the row once set.</summary>
    string LockPropertyName { get; }
}

/// <summary>Base of mutable entities: Guid key, concurrency stamp, creation and update moments (UTC).</summary>
public abstract class Entity : IHasConcurrencyStamp
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ConcurrencyStamp { get; set; }

    /// <summary>Set by the context on insert.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set by the context on every save that changes the row.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
