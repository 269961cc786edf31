namespace NuMeng.Recognition.Web;

/// <summary>
/// Runs one state-changing step, always in the same order (docs/architecture.md, "One pipeline runs a step"):
/// acting user → load through the tenancy filter → already done? → decide → input checks → stamp check → the feature's
/// own work → typed audit entry → one transactional save → <see cref="StepOutcome"/>. A service describes only what is
/// specific to its step in a <see cref="Step{TRecord}"/>; nothing is saved unless every stage passes.
/// </summary>
public sealed class Procedure(IDbContextFactory<RecognitionDbContext> factory, IAuditLog audit)
{
    /// <summary>Runs <paramref name="step"/> for the scope's user and saves its changes with its audit entries.</summary>
    public async Task<StepOutcome> RunAsync<TRecord>(Step<TRecord> step, CancellationToken cancellationToken = default)
        where TRecord : class
    {
        ArgumentNullException.ThrowIfNull(step);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (ActingUser.Of(db.Actor) is not { } user || !step.Desk.Admits(user))
        {
            return StepOutcome.Refused(step.Desk.Refusal);
        }
        // A step whose checks must hold until the save (a ranking, a cap) reads and writes in one transaction.
        await using var transaction = step.Isolation is { } isolation
            ? await db.Database.BeginTransactionAsync(isolation, cancellationToken)
            : null;
        var context = new StepContext(db, user, cancellationToken);

        var record = await step.Load(context);
        if (record is null)
        {
            return step.NotFound;
        }
        if (step.AlreadyDone?.Invoke(record) is { } done)
        {
            return StepOutcome.AlreadyDone(done, step.Id?.Invoke(record));
        }
        if (step.Decide?.Invoke(context, record) is { } ruling)
        {
            if (ruling.Refusal is { } refusal)
            {
                return StepOutcome.Refused(refusal);
            }
            context.Ruling = ruling;
        }
        if (step.Validate?.Invoke(record) is { Count: > 0 } errors)
        {
            return StepOutcome.Invalid(errors, step.InvalidMessage);
        }
        if (step.Stamp is { } stamp)
        {
            var row = step.StampedRow?.Invoke(record) ?? record as IHasConcurrencyStamp
                ?? throw new InvalidOperationException($"{typeof(TRecord).Name} has no concurrency stamp: set StampedRow");
            if (row.ConcurrencyStamp != stamp)
            {
                return StepOutcome.Conflict(ConcurrencyConflict.Message);
            }
            // The stamp the form showed, not the one just read: a change in between fails the save.
            db.Entry(row).Property(nameof(IHasConcurrencyStamp.ConcurrencyStamp)).OriginalValue = stamp;
        }
        context.Ruling?.Apply?.Invoke();
        if (step.Work is not null && await step.Work(context, record) is { } stop)
        {
            return stop;
        }
        return await SaveAsync(db, transaction, step.Audit(context, record).ToList(), step.Done(record), step.Id?.Invoke(record), cancellationToken);
    }

    /// <summary>
    /// The one save: the audit entries and the pending changes commit together (one entry: one SaveChanges; several, or a
    /// step's own transaction: one transaction). A lost race is a conflict, a locked row a refusal; nothing is saved.
    /// </summary>
    private async Task<StepOutcome> SaveAsync(RecognitionDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction,
        List<AuditEvent> entries, string message, Guid? id, CancellationToken cancellationToken)
    {
        await using var own = transaction is null && entries.Count > 1 ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            foreach (var entry in entries)
            {
                await audit.AppendAsync(db, entry, cancellationToken);
            }
            if (entries.Count == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            if ((transaction ?? own) is { } tx)
            {
                await tx.CommitAsync(cancellationToken);
            }
            return StepOutcome.Done(message, id);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            return StepOutcome.Conflict(ConcurrencyConflict.Describe(ex));
        }
        catch (DbUpdateException)
        {
            // A unique index (a document or certificate number, a verification code) taken by a concurrent request.
            return StepOutcome.Conflict("该记录已被他人同时办理，请刷新后重试");
        }
        catch (ImmutableRowException ex)
        {
            return StepOutcome.Refused(ex.Message);
        }
    }
}

/// <summary>What a step is given at every stage: the context of its one save, the acting user, the decision taken.</summary>
public sealed class StepContext(RecognitionDbContext db, ActingUser user, CancellationToken cancellationToken)
{
    /// <summary>The step's context: reads go through the tenancy filter of the acting user; changes are saved once, at the end.</summary>
    public RecognitionDbContext Db { get; } = db;

    public ActingUser User { get; } = user;

    public CancellationToken Cancellation { get; } = cancellationToken;

    /// <summary>The decision taken (after the decide stage), null for a step without one.</summary>
    public Ruling? Ruling { get; internal set; }
}

/// <summary>
/// A decision: the domain's refusal in Chinese, or how to apply it (the state change) and the role acted with. Applied
/// by the procedure after the stamp check, before the feature's own work.
/// </summary>
/// <param name="Refusal">Why not, in Chinese; null when allowed.</param>
/// <param name="Apply">Changes the record's state; null when the step changes no state.</param>
/// <param name="Role">The role the step acts with.</param>
/// <param name="From">The state before, as the audit entry records it.</param>
/// <param name="To">The state after, as the audit entry records it.</param>
public sealed record Ruling(string? Refusal, Action? Apply = null, ActorRole? Role = null, string? From = null, string? To = null)
{
    /// <summary>A refusal.</summary>
    public static Ruling Refuse(string refusal) => new(refusal);

    /// <summary>
    /// The domain's <paramref name="decision"/>: its refusal, or <paramref name="apply"/> (the entity's method that takes
    /// it) with the role acted as and the states before and after.
    /// </summary>
    public static Ruling Of<TState, TAction>(Decision<TState, TAction> decision, Action apply)
        where TState : struct, Enum
        where TAction : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(apply);
        return decision.Refusal is { } refusal
            ? Refuse(refusal)
            : new(null, apply, decision.ActedAs, decision.From.ToString(), decision.To.ToString());
    }

    /// <summary>Allowed without a state change of its own (the feature's work changes the record).</summary>
    public static Ruling Allow(ActorRole? role = null) => new(null, null, role);
}

/// <summary>
/// What is specific to one step. Only <see cref="Desk"/>, <see cref="Load"/>, <see cref="Audit"/> and <see cref="Done"/>
/// are required; every other stage is skipped when not given.
/// </summary>
/// <typeparam name="TRecord">What the step acts on: an entity, or a small record of the rows it needs.</typeparam>
public sealed class Step<TRecord> where TRecord : class
{
    /// <summary>Who may use the step at all.</summary>
    public required Desk Desk { get; init; }

    /// <summary>Reads the record through the tenancy filter (tracked, as it is changed); null: not found.</summary>
    public required Func<StepContext, Task<TRecord?>> Load { get; init; }

    /// <summary>The outcome when <see cref="Load"/> finds nothing (default: not found).</summary>
    public StepOutcome NotFound { get; init; } = StepOutcome.NotFound();

    /// <summary>The id the outcome names (the record's, or the batch's).</summary>
    public Func<TRecord, Guid>? Id { get; init; }

    /// <summary>The message when the record is already in the state asked for (a double click); null: not done yet.</summary>
    public Func<TRecord, string?>? AlreadyDone { get; init; }

    /// <summary>Checks the user's input; any error stops the step as <see cref="OutcomeKind.Invalid"/>.</summary>
    public Func<TRecord, IReadOnlyList<InputError>>? Validate { get; init; }

    /// <summary>The Invalid outcome's message (default: the count of places to fix).</summary>
    public string? InvalidMessage { get; init; }

    /// <summary>The domain's decision on the step (e.g. <see cref="ApplicationWorkflowSteps.Decide"/>).</summary>
    public Func<StepContext, TRecord, Ruling>? Decide { get; init; }

    /// <summary>The concurrency stamp the user's form showed; a different stamp is a conflict.</summary>
    public Guid? Stamp { get; init; }

    /// <summary>The row whose stamp is checked, when the record is not that row itself.</summary>
    public Func<TRecord, IHasConcurrencyStamp>? StampedRow { get; init; }

    /// <summary>The feature's own work (rows added, notifications); returns null to go on, or an outcome to stop unsaved.</summary>
    public Func<StepContext, TRecord, Task<StepOutcome?>>? Work { get; init; }

    /// <summary>The typed audit entries (<see cref="AuditKind.For"/>), saved with the changes.</summary>
    public required Func<StepContext, TRecord, IEnumerable<AuditEvent>> Audit { get; init; }

    /// <summary>The message of success.</summary>
    public required Func<TRecord, string> Done { get; init; }

    /// <summary>Read and write in one transaction of this isolation level (e.g. serialisable for a ranking and its cap).</summary>
    public IsolationLevel? Isolation { get; init; }
}

/// <summary>Registration of the <see cref="Procedure"/>: each feature that runs steps calls it (once is enough).</summary>
public static class ProcedureServiceCollectionExtensions
{
    /// <summary>Adds the <see cref="Procedure"/> (scoped: it acts for the scope's user) unless already added.</summary>
    public static IServiceCollection AddProcedure(this IServiceCollection services)
    {
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddScoped<Procedure>(services);
        return services;
    }
}
