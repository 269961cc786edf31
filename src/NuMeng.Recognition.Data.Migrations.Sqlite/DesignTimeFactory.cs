using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Tenancy;

namespace NuMeng.Recognition.Data.Migrations.Sqlite;

/// <summary>
/// Lets `dotnet ef` build the context for the Sqlite provider without the web app (this project is its own startup
/// project). The connection string comes from NUMENG_DESIGN_CONNECTION when set; no database is opened to add a migration.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RecognitionDbContext>
{
    public RecognitionDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("NUMENG_DESIGN_CONNECTION")
            ?? "Data Source=design-time.db";
        var builder = new DbContextOptionsBuilder<RecognitionDbContext>();
        RecognitionDatabaseOptions.Configure(builder, DatabaseProvider.Sqlite, connectionString);
        return new RecognitionDbContext(builder.Options, CurrentActor.System("设计时"));
    }
}
