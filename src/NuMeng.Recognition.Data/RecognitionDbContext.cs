using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NuMeng.Recognition.Data;

/// <summary>
/// The one DbContext of the portal (docs/architecture.md principle 4), Identity included. Every query is filtered by the
/// tenancy rules of <see cref="ApplyTenancyFilters"/> for the <see cref="ICurrentActor"/> of the scope; every save
/// stamps concurrency tokens and moments and refuses to change immutable or locked rows.
/// Create one per operation through <see cref="IDbContextFactory{TContext}"/> (registered scoped, so the actor is known).
/// </summary>
public sealed partial class RecognitionDbContext : IdentityDbContext<AppUser, AppRole, Guid>, Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _time;

    public RecognitionDbContext(DbContextOptions<RecognitionDbContext> options, ICurrentActor actor, TimeProvider? time = null)
        : base(options)
    {
        _actor = actor ?? throw new ArgumentNullException(nameof(actor));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The actor whose view of the data this context gives.</summary>
    public ICurrentActor Actor => _actor;

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Expert> Experts => Set<Expert>();

    public DbSet<Batch> Batches => Set<Batch>();

    public DbSet<Application> Applications => Set<Application>();

    public DbSet<ApplicationVersion> ApplicationVersions => Set<ApplicationVersion>();

    public DbSet<ApplicationVersionAttachment> ApplicationVersionAttachments => Set<ApplicationVersionAttachment>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<BureauReview> BureauReviews => Set<BureauReview>();

    public DbSet<ExpertAssignment> ExpertAssignments => Set<ExpertAssignment>();

    public DbSet<ExpertScore> ExpertScores => Set<ExpertScore>();

    public DbSet<OnSiteCheck> OnSiteChecks => Set<OnSiteCheck>();

    public DbSet<PreSelectionList> PreSelectionLists => Set<PreSelectionList>();

    public DbSet<PreSelectionEntry> PreSelectionEntries => Set<PreSelectionEntry>();

    public DbSet<PartyGroupDecision> PartyGroupDecisions => Set<PartyGroupDecision>();

    public DbSet<PartyGroupDecisionEntry> PartyGroupDecisionEntries => Set<PartyGroupDecisionEntry>();

    public DbSet<PublicNotice> PublicNotices => Set<PublicNotice>();

    public DbSet<PublicNoticeEntry> PublicNoticeEntries => Set<PublicNoticeEntry>();

    public DbSet<Objection> Objections => Set<Objection>();

    public DbSet<Publication> Publications => Set<Publication>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<RenameRequest> RenameRequests => Set<RenameRequest>();

    public DbSet<Revocation> Revocations => Set<Revocation>();

    public DbSet<HolidayEntry> HolidayEntries => Set<HolidayEntry>();

    public DbSet<RuleSetRecord> RuleSetRecords => Set<RuleSetRecord>();

    public DbSet<SceneCatalogueRecord> SceneCatalogueRecords => Set<SceneCatalogueRecord>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>The shared Data Protection key ring (System actor only).</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name (STYLE: "enums stored as strings"; ApplicationState: "never renumber").
        StoreAsString<ApplicationState>(configurationBuilder);
        StoreAsString<RecognitionKind>(configurationBuilder);
        StoreAsString<ManufacturingType>(configurationBuilder);
        StoreAsString<PeriodUnit>(configurationBuilder);
        StoreAsString<OrganisationKind>(configurationBuilder);
        StoreAsString<LegalStatus>(configurationBuilder);
        StoreAsString<BatchState>(configurationBuilder);
        StoreAsString<BureauDecision>(configurationBuilder);
        StoreAsString<PanelRole>(configurationBuilder);
        StoreAsString<ConflictDeclaration>(configurationBuilder);
        StoreAsString<PublicNoticeState>(configurationBuilder);
        StoreAsString<ObjectorKind>(configurationBuilder);
        StoreAsString<ObjectionState>(configurationBuilder);
        StoreAsString<CertificateStatus>(configurationBuilder);
        StoreAsString<RenameRequestState>(configurationBuilder);
        StoreAsString<RevocationGround>(configurationBuilder);
        StoreAsString<HolidayKind>(configurationBuilder);
        StoreAsString<ScoreAggregationRule>(configurationBuilder);

        // Points and ratios: decimal everywhere (Directory rules), enough scale for percentages with two decimals.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);

        if (Database.IsSqlite())
        {
            // SQLite has no date-time-offset type: EF stores text it cannot order or compare in SQL. Store UTC ticks
            // (all moments are UTC, see Timestamps.Normalise) so ORDER BY and comparisons translate. Not EF's
            // DateTimeOffsetToBinaryConverter: it keeps only 0.1 ms, and audit hashes need the value back exactly.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }

    /// <summary>DateTimeOffset as UTC ticks (exact, orderable); read back with offset zero.</summary>
    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));

    private static void StoreAsString<TEnum>(ModelConfigurationBuilder builder)
        where TEnum : struct, Enum =>
        builder.Properties<TEnum>().HaveConversion<string>().HaveMaxLength(40);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RecognitionDbContext).Assembly);

        // No cascading deletes between business rows: an immutable version, a review or a certificate must never vanish
        // because a parent row was deleted (and SQL Server rejects multiple cascade paths). Owned rows and Identity's own
        // tables keep their cascades.
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            if (entityType.ClrType.Namespace?.StartsWith("NuMeng.", StringComparison.Ordinal) != true
                || entityType.ClrType == typeof(AppUser) || entityType.ClrType == typeof(AppRole))
            {
                continue;
            }
            foreach (var fk in entityType.GetForeignKeys())
            {
                if (!fk.IsOwnership)
                {
                    fk.DeleteBehavior = DeleteBehavior.Restrict;
                }
            }
        }

        ApplyTenancyFilters(builder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareForSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareForSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Runs before every save: refuses changes to immutable and locked rows, stamps creation/update moments and replaces
    /// the concurrency stamp of every inserted or changed row (including a row whose owned items changed).
    /// </summary>
    private void PrepareForSave()
    {
        ChangeTracker.DetectChanges();
        var now = Timestamps.Normalise(_time.GetUtcNow());
        var entries = ChangeTracker.Entries().ToList();

        var ownersTouched = new HashSet<EntityEntry>(ReferenceEqualityComparer.Instance);
        foreach (var entry in entries)
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            if (entry.Metadata.IsOwned())
            {
                var owner = FindOwner(entry, entries);
                if (owner is not null)
                {
                    ownersTouched.Add(owner);
                }
                continue;
            }

            GuardImmutable(entry);

            switch (entry.Entity)
            {
                case Entity e when entry.State == EntityState.Added:
                    e.CreatedAt = now;
                    e.UpdatedAt = now;
                    e.ConcurrencyStamp = Guid.NewGuid();
                    break;
                case Entity e when entry.State == EntityState.Modified:
                    e.UpdatedAt = now;
                    e.ConcurrencyStamp = Guid.NewGuid();
                    break;
                case AppUser u when entry.State == EntityState.Added && u.CreatedAt == default:
                    u.CreatedAt = now;
                    break;
                case AppUser u when entry.State == EntityState.Modified:
                    // Identity's own token (a string): UserManager renews it; direct edits through the context must too.
                    u.ConcurrencyStamp = Guid.NewGuid().ToString();
                    break;
                case AppRole r when entry.State == EntityState.Modified:
                    r.ConcurrencyStamp = Guid.NewGuid().ToString();
                    break;
            }
        }

        foreach (var owner in ownersTouched)
        {
            if (owner.State is EntityState.Added or EntityState.Deleted)
            {
                continue;
            }
            GuardImmutable(owner, ownedChange: true);
            if (owner.State == EntityState.Unchanged && owner.Entity is Entity e)
            {
                // Changing only owned items must still change the owner's stamp, or two users editing the items of the
                // same review would overwrite each other without a conflict.
                e.UpdatedAt = now;
                e.ConcurrencyStamp = Guid.NewGuid();
                owner.Property(nameof(Entity.UpdatedAt)).IsModified = true;
                owner.Property(nameof(Entity.ConcurrencyStamp)).IsModified = true;
            }
        }
    }

    private static void GuardImmutable(EntityEntry entry, bool ownedChange = false)
    {
        var changing = ownedChange || entry.State is EntityState.Modified or EntityState.Deleted;
        if (!changing)
        {
            return;
        }
        var typeName = entry.Metadata.ClrType.Name;
        if (entry.Entity is IImmutableRow)
        {
            throw new ImmutableRowException(typeName,
                $"{typeName} 是不可修改的记录（已提交的版本和审计日志只能新增，不能修改或删除）");
        }
        if (entry.Entity is ILockableRow lockable
            && entry.Property(lockable.LockPropertyName).OriginalValue is not null)
        {
            throw new ImmutableRowException(typeName,
                $"{typeName} 已提交或已签发，不能再修改或删除");
        }
    }

    private static EntityEntry? FindOwner(EntityEntry ownedEntry, IReadOnlyList<EntityEntry> entries)
    {
        var ownership = ownedEntry.Metadata.FindOwnership();
        if (ownership is null)
        {
            return null;
        }
        var fkProperty = ownership.Properties[0];
        var key = ownedEntry.Property(fkProperty.Name).CurrentValue ?? ownedEntry.Property(fkProperty.Name).OriginalValue;
        var principalKey = ownership.PrincipalKey.Properties[0].Name;
        return entries.FirstOrDefault(e =>
            !e.Metadata.IsOwned()
            && ownership.PrincipalEntityType.IsAssignableFrom(e.Metadata)
            && Equals(e.Property(principalKey).CurrentValue, key));
    }
}
