namespace NuMeng.Recognition.Data.Configurations;

internal sealed class PublicNoticeConfiguration : IEntityTypeConfiguration<PublicNotice>
{
    public void Configure(EntityTypeBuilder<PublicNotice> b)
    {
        b.ConfigureEntity();
        b.Property(n => n.Title).HasMaxLength(Lengths.Name).IsRequired();
        b.Property(n => n.ObjectionContact).HasMaxLength(Lengths.Text);
        b.HasOne<Batch>().WithMany().HasForeignKey(n => n.BatchId);
        b.HasMany(n => n.Entries).WithOne().HasForeignKey(e => e.PublicNoticeId);
    }
}

internal sealed class PublicNoticeEntryConfiguration : IEntityTypeConfiguration<PublicNoticeEntry>
{
    public void Configure(EntityTypeBuilder<PublicNoticeEntry> b)
    {
        b.ConfigureEntity();
        b.Property(e => e.EnterpriseName).HasMaxLength(Lengths.Name).IsRequired();
        b.Property(e => e.WorkshopOrFactoryName).HasMaxLength(Lengths.Name).IsRequired();
        b.Property(e => e.LeagueCode).HasMaxLength(Lengths.LeagueCode).IsRequired();
        b.HasOne<Application>().WithMany().HasForeignKey(e => e.ApplicationId);
        b.HasIndex(e => new { e.PublicNoticeId, e.ApplicationId }).IsUnique();
    }
}

internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> b)
    {
        b.ConfigureEntity();
        b.Property(o => o.ObjectorName).HasMaxLength(Lengths.Name).IsRequired();
        b.Property(o => o.Contact).HasMaxLength(Lengths.Name).IsRequired();
        b.Property(o => o.Content).HasMaxLength(Lengths.Text).IsRequired();
        b.Property(o => o.VerificationNotes).HasMaxLength(Lengths.Text);
        b.Property(o => o.DecisionReasons).HasMaxLength(Lengths.Text);
        b.Property(o => o.CaseNumber).HasMaxLength(Lengths.Code).IsRequired();
        b.Property(o => o.ResponseRequest).HasMaxLength(Lengths.Text);
        b.Property(o => o.EnterpriseResponse).HasMaxLength(Lengths.Text);
        b.HasOne<PublicNotice>().WithMany().HasForeignKey(o => o.PublicNoticeId);
        b.HasOne<Application>().WithMany().HasForeignKey(o => o.ApplicationId);
        b.HasOne<Attachment>().WithMany().HasForeignKey(o => o.SignedScanAttachmentId);
    }
}

internal sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> b)
    {
        b.ConfigureEntity();
        b.Property(p => p.DocumentNumber).HasMaxLength(Lengths.Short).IsRequired();
        b.Property(p => p.Title).HasMaxLength(Lengths.Name).IsRequired();
        b.HasOne<Batch>().WithMany().HasForeignKey(p => p.BatchId);
        b.HasIndex(p => p.DocumentNumber).IsUnique();
    }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.ConfigureEntity();
        b.Property(c => c.Number).HasMaxLength(Lengths.Code).IsRequired();
        b.Property(c => c.VerificationCode).HasMaxLength(Lengths.Code).IsRequired();
        b.Property(c => c.EnterpriseName).HasMaxLength(Lengths.Name).IsRequired();
        b.Property(c => c.WorkshopOrFactoryName).HasMaxLength(Lengths.Name).IsRequired();
        b.OwnsMany(c => c.NameHistory, o =>
        {
            // A JSON column: the items keep their order (reasons, rubric items, checklist, name history oldest first)
            // and belong to the row; no separate table or key.
            o.ToJson();
        });
        b.HasOne<Application>().WithMany().HasForeignKey(c => c.ApplicationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.EnterpriseId);
        b.HasOne<Publication>().WithMany().HasForeignKey(c => c.PublicationId);
        b.HasIndex(c => c.Number).IsUnique();
        b.HasIndex(c => c.VerificationCode).IsUnique();
        b.HasIndex(c => c.ApplicationId).IsUnique();
    }
}

internal sealed class RenameRequestConfiguration : IEntityTypeConfiguration<RenameRequest>
{
    public void Configure(EntityTypeBuilder<RenameRequest> b)
    {
        b.ConfigureEntity();
        b.Property(r => r.PreviousName).HasMaxLength(Lengths.Name).IsRequired();
        b.Property(r => r.NewName).HasMaxLength(Lengths.Name).IsRequired();
        b.Property(r => r.NewCreditCode).HasMaxLength(Lengths.CreditCode);
        b.Property(r => r.Reason).HasMaxLength(Lengths.Text).IsRequired();
        b.Property(r => r.DecisionNote).HasMaxLength(Lengths.Text);
        b.Property(r => r.BureauOpinion).HasMaxLength(Lengths.Text);
        b.HasOne<Certificate>().WithMany().HasForeignKey(r => r.CertificateId);
        b.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.RequestedByBureauId);
    }
}

internal sealed class RevocationConfiguration : IEntityTypeConfiguration<Revocation>
{
    public void Configure(EntityTypeBuilder<Revocation> b)
    {
        b.ConfigureEntity();
        b.Property(r => r.Evidence).HasMaxLength(Lengths.Text).IsRequired();
        b.HasOne<Certificate>().WithMany().HasForeignKey(r => r.CertificateId);
        b.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId);
        b.HasOne<Attachment>().WithMany().HasForeignKey(r => r.EvidenceAttachmentId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => r.DecidedByUserId);
        b.HasIndex(r => r.CertificateId).IsUnique();
    }
}
