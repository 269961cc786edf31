using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Tenancy;

namespace NuMeng.Recognition.Data.Migrations.PostgreSql;

/// <summary>
/// Lets `dotnet ef` build the context for the PostgreSql provider without the web app (this project is its own startup
/// project). The connection string comes from NUMENG_DESIGN_CONNECTION when set; no server is contacted to add a migration or to script one.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RecognitionDbContext>
{
    public RecognitionDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("NUMENG_DESIGN_CONNECTION")
            ?? "Host=localhost;Database=numeng_recognition;Username=numeng";
        var builder = new DbContextOptionsBuilder<RecognitionDbContext>();
        RecognitionDatabaseOptions.Configure(builder, DatabaseProvider.PostgreSql, connectionString);
        return new RecognitionDbContext(builder.Options, CurrentActor.System("设计时"));
    }
}
