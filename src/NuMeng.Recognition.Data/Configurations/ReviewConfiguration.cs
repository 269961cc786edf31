namespace NuMeng.Recognition.Data.Configurations;

internal sealed class BureauReviewConfiguration : IEntityTypeConfiguration<BureauReview>
{
    public void Configure(EntityTypeBuilder<BureauReview> b)
    {
        b.ConfigureEntity();
        b.Property(r => r.OpinionText).HasMaxLength(Lengths.Text);
        b.OwnsMany(r => r.ItemReasons, o =>
        {
            // A JSON column: the items keep their order (reasons, rubric items, checklist, name history oldest first)
            // and belong to the row; no separate table or key.
            o.ToJson();
        });
        b.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId);
        b.HasOne<ApplicationVersion>().WithMany().HasForeignKey(r => r.ApplicationVersionId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.BureauOrganisationId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ReviewedByUserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => r.SignedByLeaderUserId);
        b.HasOne<Attachment>().WithMany().HasForeignKey(r => r.StampedScanAttachmentId);
        b.HasIndex(r => r.ApplicationId);
    }
}

internal sealed class ExpertAssignmentConfiguration : IEntityTypeConfiguration<ExpertAssignment>
{
    public void Configure(EntityTypeBuilder<ExpertAssignment> b)
    {
        b.ConfigureEntity();
        b.Property(x => x.PanelName).HasMaxLength(Lengths.Short).IsRequired();
        b.Property(x => x.ConflictReason).HasMaxLength(Lengths.Text);
        b.Property(x => x.ConsensusOpinion).HasMaxLength(Lengths.Text);
        b.HasOne<Expert>().WithMany().HasForeignKey(x => x.ExpertId);
        b.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId);
        b.HasOne<ApplicationVersion>().WithMany().HasForeignKey(x => x.ApplicationVersionId);
        b.HasOne<Batch>().WithMany().HasForeignKey(x => x.BatchId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AssignedByUserId);
        b.HasIndex(x => new { x.ExpertId, x.ApplicationId }).IsUnique();
        b.HasIndex(x => x.ApplicationId);
    }
}

internal sealed class ExpertScoreConfiguration : IEntityTypeConfiguration<ExpertScore>
{
    public void Configure(EntityTypeBuilder<ExpertScore> b)
    {
        b.ConfigureEntity();
        b.Property(s => s.OverallComment).HasMaxLength(Lengths.Text);
        b.OwnsMany(s => s.Items, o =>
        {
            // A JSON column: the items keep their order (reasons, rubric items, checklist, name history oldest first)
            // and belong to the row; no separate table or key.
            o.ToJson();
        });
        b.HasOne<ExpertAssignment>().WithMany().HasForeignKey(s => s.AssignmentId);
        b.HasIndex(s => s.AssignmentId).IsUnique();
    }
}

internal sealed class OnSiteCheckConfiguration : IEntityTypeConfiguration<OnSiteCheck>
{
    public void Configure(EntityTypeBuilder<OnSiteCheck> b)
    {
        b.ConfigureEntity();
        b.Property(c => c.PanelName).HasMaxLength(Lengths.Short).IsRequired();
        b.Property(c => c.Conclusion).HasMaxLength(Lengths.Text);
        b.OwnsMany(c => c.Items, o =>
        {
            // A JSON column: the items keep their order (reasons, rubric items, checklist, name history oldest first)
            // and belong to the row; no separate table or key.
            o.ToJson();
        });
        b.HasOne<Application>().WithMany().HasForeignKey(c => c.ApplicationId);
        b.HasOne<ApplicationVersion>().WithMany().HasForeignKey(c => c.ApplicationVersionId);
        b.HasOne<Expert>().WithMany().HasForeignKey(c => c.LeaderExpertId);
        b.HasIndex(c => c.ApplicationId);
    }
}

internal sealed class PreSelectionListConfiguration : IEntityTypeConfiguration<PreSelectionList>
{
    public void Configure(EntityTypeBuilder<PreSelectionList> b)
    {
        b.ConfigureEntity();
        b.Property(l => l.Title).HasMaxLength(Lengths.Name).IsRequired();
        b.HasOne<Batch>().WithMany().HasForeignKey(l => l.BatchId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(l => l.ProposedByUserId);
        b.HasMany(l => l.Entries).WithOne().HasForeignKey(e => e.PreSelectionListId);
    }
}

internal sealed class PreSelectionEntryConfiguration : IEntityTypeConfiguration<PreSelectionEntry>
{
    public void Configure(EntityTypeBuilder<PreSelectionEntry> b)
    {
        b.ConfigureEntity();
        b.HasOne<Application>().WithMany().HasForeignKey(e => e.ApplicationId);
        b.HasIndex(e => new { e.PreSelectionListId, e.ApplicationId }).IsUnique();
    }
}

internal sealed class PartyGroupDecisionConfiguration : IEntityTypeConfiguration<PartyGroupDecision>
{
    public void Configure(EntityTypeBuilder<PartyGroupDecision> b)
    {
        b.ConfigureEntity();
        b.Property(d => d.MeetingNumber).HasMaxLength(Lengths.Short).IsRequired();
        b.HasOne<Batch>().WithMany().HasForeignKey(d => d.BatchId);
        b.HasOne<PreSelectionList>().WithMany().HasForeignKey(d => d.PreSelectionListId);
        b.HasMany(d => d.ApprovedEntries).WithOne().HasForeignKey(e => e.PartyGroupDecisionId);
    }
}

internal sealed class PartyGroupDecisionEntryConfiguration : IEntityTypeConfiguration<PartyGroupDecisionEntry>
{
    public void Configure(EntityTypeBuilder<PartyGroupDecisionEntry> b)
    {
        b.ConfigureEntity();
        b.HasOne<Application>().WithMany().HasForeignKey(e => e.ApplicationId);
        b.HasIndex(e => new { e.PartyGroupDecisionId, e.ApplicationId }).IsUnique();
    }
}
