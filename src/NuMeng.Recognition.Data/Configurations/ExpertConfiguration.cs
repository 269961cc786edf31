namespace NuMeng.Recognition.Data.Configurations;

internal sealed class ExpertConfiguration : IEntityTypeConfiguration<Expert>
{
    public void Configure(EntityTypeBuilder<Expert> b)
    {
        b.ConfigureEntity();
        b.Property(e => e.Name).HasMaxLength(Lengths.Short).IsRequired();
        b.Property(e => e.Title).HasMaxLength(Lengths.Short);
        b.Property(e => e.EmployerName).HasMaxLength(Lengths.Name);
        b.Property(e => e.EmployerCreditCode).HasMaxLength(Lengths.CreditCode);
        b.Property(e => e.LeagueCode).HasMaxLength(Lengths.LeagueCode);
        b.Property(e => e.Phone).HasMaxLength(Lengths.Phone);
        // Primitive collections: JSON text on SQLite/SQL Server, text[] on PostgreSQL.
        b.PrimitiveCollection(e => e.Fields);
        b.PrimitiveCollection(e => e.ConsultancyLinks);
        b.HasOne<Organisation>().WithMany().HasForeignKey(e => e.EmployerOrganisationId);
    }
}
