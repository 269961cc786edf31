namespace NuMeng.Recognition.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ConfigureEntity();
        b.Property(o => o.Name).HasMaxLength(Lengths.Name).IsRequired();
        b.Property(o => o.CreditCode).HasMaxLength(Lengths.CreditCode);
        b.Property(o => o.LeagueCode).HasMaxLength(Lengths.LeagueCode);
        b.Property(o => o.Industry).HasMaxLength(Lengths.Short);
        b.Property(o => o.ParentGroupName).HasMaxLength(Lengths.Name);
        b.Property(o => o.ParentCreditCode).HasMaxLength(Lengths.CreditCode);
        b.Property(o => o.ContactName).HasMaxLength(Lengths.Short);
        b.Property(o => o.ContactPhone).HasMaxLength(Lengths.Phone);
        b.Property(o => o.ContactEmail).HasMaxLength(Lengths.Short);
        b.Property(o => o.Address).HasMaxLength(Lengths.Name);
        // One account per credit code (registration checks it through UnfilteredQueries.CreditCodeTaken).
        b.HasIndex(o => o.CreditCode).IsUnique();
        b.HasIndex(o => new { o.Kind, o.LeagueCode });
    }
}
