namespace NuMeng.Recognition.Data.Configurations;

internal sealed class HolidayEntryConfiguration : IEntityTypeConfiguration<HolidayEntry>
{
    public void Configure(EntityTypeBuilder<HolidayEntry> b)
    {
        b.ConfigureEntity();
        b.Property(h => h.Name).HasMaxLength(Lengths.Short).IsRequired();
        b.HasIndex(h => h.Date).IsUnique();
    }
}

internal sealed class RuleSetRecordConfiguration : IEntityTypeConfiguration<RuleSetRecord>
{
    public void Configure(EntityTypeBuilder<RuleSetRecord> b)
    {
        b.ConfigureEntity();
        b.Property(r => r.Code).HasMaxLength(Lengths.Code).IsRequired();
        b.Property(r => r.Version).HasMaxLength(Lengths.Code).IsRequired();
        b.Property(r => r.Name).HasMaxLength(Lengths.Name).IsRequired();
        b.Property(r => r.SourceDocument).HasMaxLength(Lengths.Name).IsRequired();
        b.Property(r => r.PayloadJson).IsRequired();
        b.Property(r => r.PayloadSha256).HasMaxLength(Lengths.Hash).IsRequired();
        b.Property(r => r.Family).HasConversion<string>().HasMaxLength(Lengths.Short);
        b.Property(r => r.BasedOnVersion).HasMaxLength(Lengths.Code);
        b.Ignore(r => r.IsActive);
        b.Ignore(r => r.Key);
        b.HasIndex(r => new { r.Code, r.Version }).IsUnique();
    }
}

internal sealed class SceneCatalogueRecordConfiguration : IEntityTypeConfiguration<SceneCatalogueRecord>
{
    public void Configure(EntityTypeBuilder<SceneCatalogueRecord> b)
    {
        b.ConfigureEntity();
        b.Property(r => r.Code).HasMaxLength(Lengths.Code).IsRequired();
        b.Property(r => r.Version).HasMaxLength(Lengths.Code).IsRequired();
        b.Property(r => r.Name).HasMaxLength(Lengths.Name).IsRequired();
        b.Property(r => r.SourceDocument).HasMaxLength(Lengths.Name).IsRequired();
        b.Property(r => r.PayloadJson).IsRequired();
        b.HasIndex(r => new { r.Code, r.Version }).IsUnique();
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ConfigureEntity();
        b.Property(n => n.Text).HasMaxLength(Lengths.Text).IsRequired();
        b.Property(n => n.Link).HasMaxLength(Lengths.Name);
        b.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId);
        b.HasIndex(n => new { n.UserId, n.ReadAt });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        // The sequence is assigned by the audit log (previous + 1), never by the database: a second writer that read the
        // same tail collides on the key instead of forking the chain.
        b.HasKey(e => e.Sequence);
        b.Property(e => e.Sequence).ValueGeneratedNever();
        b.Property(e => e.ActorDisplayName).HasMaxLength(Lengths.Short).IsRequired();
        b.Property(e => e.ActorOrganisationName).HasMaxLength(Lengths.Name);
        b.Property(e => e.Action).HasMaxLength(Lengths.Code).IsRequired();
        b.Property(e => e.EntityType).HasMaxLength(Lengths.Code).IsRequired();
        b.Property(e => e.EntityId).HasMaxLength(Lengths.Code);
        // Plain text on every provider (never jsonb): the hash is over these exact characters.
        b.Property(e => e.SummaryJson).IsRequired();
        b.Property(e => e.PreviousHash).HasMaxLength(Lengths.Hash).IsFixedLength().IsRequired();
        b.Property(e => e.Hash).HasMaxLength(Lengths.Hash).IsFixedLength().IsRequired();
        b.HasIndex(e => new { e.EntityType, e.EntityId });
        b.HasIndex(e => e.At);
        // No foreign keys: the log outlives the rows it mentions and must never block or cascade.
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> b)
    {
        b.ToTable("DataProtectionKeys");
        b.HasKey(k => k.Id);
        b.Property(k => k.FriendlyName).HasMaxLength(Lengths.Name);
        b.Property(k => k.Xml).IsRequired();
    }
}
