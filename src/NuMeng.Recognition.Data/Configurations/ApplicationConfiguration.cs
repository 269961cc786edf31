namespace NuMeng.Recognition.Data.Configurations;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.ConfigureEntity();
        b.Property(a => a.WorkshopOrFactoryName).HasMaxLength(Lengths.Name).IsRequired();
        b.Property(a => a.CurrentDraftJson).IsRequired();
        b.Property(a => a.ConsultancyName).HasMaxLength(Lengths.Name);
        b.Property(a => a.LeagueCode).HasMaxLength(Lengths.LeagueCode).IsRequired();
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.EnterpriseId);
        b.HasOne<Batch>().WithMany().HasForeignKey(a => a.BatchId);
        b.HasMany(a => a.Versions).WithOne().HasForeignKey(v => v.ApplicationId);
        b.HasIndex(a => a.EnterpriseId);
        b.HasIndex(a => new { a.LeagueCode, a.State });
        b.HasIndex(a => new { a.BatchId, a.State });
    }
}

internal sealed class ApplicationVersionConfiguration : IEntityTypeConfiguration<ApplicationVersion>
{
    public void Configure(EntityTypeBuilder<ApplicationVersion> b)
    {
        b.HasKey(v => v.Id);
        b.Property(v => v.Id).ValueGeneratedNever();
        b.Property(v => v.ContentJson).IsRequired();
        b.Property(v => v.ContentHash).HasMaxLength(Lengths.Hash).IsFixedLength().IsRequired();
        b.HasIndex(v => new { v.ApplicationId, v.Number }).IsUnique();
        b.HasOne<AppUser>().WithMany().HasForeignKey(v => v.SubmittedByUserId);
        b.HasMany(v => v.Attachments).WithOne().HasForeignKey(a => a.ApplicationVersionId);
    }
}

internal sealed class ApplicationVersionAttachmentConfiguration : IEntityTypeConfiguration<ApplicationVersionAttachment>
{
    public void Configure(EntityTypeBuilder<ApplicationVersionAttachment> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.ItemKey).HasMaxLength(Lengths.Key).IsRequired();
        b.Property(a => a.OriginalFileName).HasMaxLength(Lengths.FileName).IsRequired();
        b.Property(a => a.Sha256).HasMaxLength(Lengths.Hash).IsFixedLength().IsRequired();
        b.HasOne<Attachment>().WithMany().HasForeignKey(a => a.AttachmentId);
        b.HasIndex(a => new { a.ApplicationVersionId, a.AttachmentId }).IsUnique();
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.ConfigureEntity();
        b.Property(a => a.ItemKey).HasMaxLength(Lengths.Key).IsRequired();
        b.Property(a => a.OriginalFileName).HasMaxLength(Lengths.FileName).IsRequired();
        b.Property(a => a.StoredName).HasMaxLength(Lengths.FileName).IsRequired();
        b.Property(a => a.ContentType).HasMaxLength(Lengths.ContentType).IsRequired();
        b.Property(a => a.Sha256).HasMaxLength(Lengths.Hash).IsFixedLength().IsRequired();
        b.HasIndex(a => a.StoredName).IsUnique();
        b.HasIndex(a => a.ApplicationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OwnerOrganisationId);
        b.HasOne<Application>().WithMany().HasForeignKey(a => a.ApplicationId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UploadedByUserId);
    }
}
