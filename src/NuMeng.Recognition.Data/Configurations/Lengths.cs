namespace NuMeng.Recognition.Data.Configurations;

/// <summary>Column lengths used across the model (bounded, so SQL Server can index them).</summary>
internal static class Lengths
{
    public const int Name = 200;
    public const int Short = 100;
    public const int Phone = 40;
    public const int CreditCode = 18;
    public const int LeagueCode = 6;
    public const int Code = 64;
    public const int Hash = 64;
    public const int Key = 128;
    public const int FileName = 260;
    public const int ContentType = 100;
    public const int Text = 4000;

    /// <summary>Key, concurrency token and moments of every <see cref="Entity"/>.</summary>
    public static void ConfigureEntity<T>(this EntityTypeBuilder<T> b)
        where T : Entity
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.ConcurrencyStamp).IsConcurrencyToken();
    }
}
