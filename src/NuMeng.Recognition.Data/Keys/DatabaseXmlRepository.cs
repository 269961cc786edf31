using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data.Seeding;

namespace NuMeng.Recognition.Data.Keys;

/// <summary>
/// Data Protection's key repository on <see cref="RecognitionDbContext"/> (the package that does this for EF Core is not
/// in the NuGet copy here; this is its 40 lines). Each call opens its own System context: the repository is a singleton
/// and runs outside any user's request.
/// </summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        using var db = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().CreateSystemContext("数据保护密钥");
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Select(xml => XElement.Parse(xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var scope = scopes.CreateScope();
        using var db = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().CreateSystemContext("数据保护密钥");
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
