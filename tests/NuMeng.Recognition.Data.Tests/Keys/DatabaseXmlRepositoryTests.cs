using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data.Keys;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Data.Tests.Infrastructure;
using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Data.Tests.Keys;

/// <summary>
/// ARCHITECTURE.md "Deployment": several instances share one Data Protection key ring in the database, so a cookie or an
/// antiforgery token made by one instance is read by another. The ring is the portal's secret: no user role reads it.
/// </summary>
public sealed class DatabaseXmlRepositoryTests
{
    [Fact]
    public async Task StoreElement_ThenAnotherInstance_ReadsTheSameKeys()
    {
        await using var database = await SqliteDatabases.Instance.CreateEmptyAsync();
        var first = new DatabaseXmlRepository(database.Services.GetRequiredService<IServiceScopeFactory>());
        first.StoreElement(new XElement("key", new XAttribute("id", "a")), "key-a");
        first.StoreElement(new XElement("key", new XAttribute("id", "b")), "key-b");

        // A second instance: its own repository over the same database.
        await using var services = TestDatabase.BuildServices(database.Provider, database.ConnectionString);
        var second = new DatabaseXmlRepository(services.GetRequiredService<IServiceScopeFactory>());

        Assert.Equal(["a", "b"], second.GetAllElements().Select(e => (string)e.Attribute("id")!));
    }

    [Theory]
    [InlineData(ActorRole.DepartmentStaff)]
    [InlineData(ActorRole.DepartmentLeader)]
    [InlineData(ActorRole.SystemAdministrator)]
    [InlineData(ActorRole.AuditAdministrator)]
    public async Task KeyRing_ReadByAUserRole_IsEmpty(ActorRole role)
    {
        await using var database = await SqliteDatabases.Instance.CreateEmptyAsync();
        new DatabaseXmlRepository(database.Services.GetRequiredService<IServiceScopeFactory>())
            .StoreElement(new XElement("key"), "key-1");

        await using var db = database.Context(new CurrentActor
        {
            IsAuthenticated = true,
            UserId = Guid.NewGuid(),
            Roles = new HashSet<ActorRole> { role },
        });

        Assert.Equal(0, await db.DataProtectionKeys.CountAsync());
    }
}
