using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Tenancy;

namespace NuMeng.Recognition.Data.Migrations.SqlServer;

/// <summary>
/// Lets `dotnet ef` build the context for the SqlServer provider without the web app (this project is its own startup
/// project). The connection string comes from NUMENG_DESIGN_CONNECTION when set; no server is contacted to add a migration or to script one (no SQL Server runs on the build machines).
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RecognitionDbContext>
{
    public RecognitionDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("NUMENG_DESIGN_CONNECTION")
            ?? "Server=localhost;Database=NuMengRecognition;Integrated Security=true;TrustServerCertificate=true";
        var builder = new DbContextOptionsBuilder<RecognitionDbContext>();
        RecognitionDatabaseOptions.Configure(builder, DatabaseProvider.SqlServer, connectionString);
        return new RecognitionDbContext(builder.Options, CurrentActor.System("设计时"));
    }
}
