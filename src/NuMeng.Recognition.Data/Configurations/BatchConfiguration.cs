namespace NuMeng.Recognition.Data.Configurations;

internal sealed class BatchConfiguration : IEntityTypeConfiguration<Batch>
{
    public void Configure(EntityTypeBuilder<Batch> b)
    {
        b.ConfigureEntity();
        b.Property(x => x.Title).HasMaxLength(Lengths.Name).IsRequired();
        b.Property(x => x.RuleSetCode).HasMaxLength(Lengths.Code).IsRequired();
        b.Property(x => x.RuleSetVersion).HasMaxLength(Lengths.Code).IsRequired();
        b.Property(x => x.SceneCatalogueCode).HasMaxLength(Lengths.Code);
        b.Property(x => x.SceneCatalogueVersion).HasMaxLength(Lengths.Code);
        b.HasIndex(x => new { x.Year, x.Round, x.Kind }).IsUnique();
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.EntrustedAgencyId);
    }
}
