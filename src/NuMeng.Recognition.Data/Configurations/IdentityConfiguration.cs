namespace NuMeng.Recognition.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(Lengths.Short).IsRequired();
        b.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Expert>().WithMany().HasForeignKey(u => u.ExpertId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => u.ExpertId).IsUnique();
    }
}

internal sealed class AppRoleConfiguration : IEntityTypeConfiguration<AppRole>
{
    public void Configure(EntityTypeBuilder<AppRole> b)
    {
        b.Property(r => r.Label).HasMaxLength(Lengths.Short);
    }
}
