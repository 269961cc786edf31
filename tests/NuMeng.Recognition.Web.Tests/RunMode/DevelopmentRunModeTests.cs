using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Recognition;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Web.Tests.Features.Documents;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.RunMode;

/// <summary>
/// the README's run mode is the tested mode. Every PDF answered 500 under <c>dotnet run</c> (Development
/// validates scopes; the HTML renderer took scoped services from the root provider) while the tests, hosting the portal
/// as <c>Testing</c>, never saw it. Here the portal runs as <c>dotnet run</c> runs it (<see cref="DotnetRunPortal"/>)
/// and serves every public document and one document of each of the eleven kinds.
/// </summary>
public sealed class DevelopmentRunModeTests(DotnetRunPortal portal) : IClassFixture<DotnetRunPortal>
{
    [Fact]
    public async Task DotnetRun_LaunchProfile_DevelopmentWithValidatedScopesAndTheDemo()
    {
        _ = portal.RootUri;

        Assert.Equal("Development", PortalFactory.DotnetRun.LaunchEnvironment);
        Assert.Equal("Development", portal.Services.GetRequiredService<IHostEnvironment>().EnvironmentName);
        // Development validates scopes: a scoped service cannot come from the root provider.
        Assert.Throws<InvalidOperationException>(() => portal.Services.GetRequiredService<ICurrentActor>());
        // appsettings.Development.json seeds the demo (nothing in the factory sets Demo:Seed): its accounts sign in.
        var enterprise = await portal.ClientAsync("enterprise");
        using var applications = await enterprise.GetAsync(new Uri("/applications", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, applications.StatusCode);
        Assert.Contains("乳制品基础级智能工厂", WebUtility.HtmlDecode(await applications.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [DocumentFact]
    public async Task PublicDocuments_DevelopmentRunMode_EveryNoticeAndListIsAPdf()
    {
        _ = portal.RootUri;
        List<Guid> notices;
        List<Guid> publications;
        await using (var scope = portal.Services.CreateAsyncScope())
        await using (var db = new RecognitionDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<RecognitionDbContext>>(), CurrentActor.System("运行方式测试")))
        {
            notices = await db.PublicNotices.Where(n => n.State != PublicNoticeState.Draft).Select(n => n.Id).ToListAsync();
            publications = await db.Publications.Select(p => p.Id).ToListAsync();
        }
        Assert.NotEmpty(notices);
        Assert.NotEmpty(publications);

        using var anonymous = await portal.ClientAsync(null);
        foreach (var url in notices.Select(id => $"/documents/notices/{id:D}/notice.pdf")
            .Concat(publications.Select(id => $"/documents/publications/{id:D}/list.pdf")))
        {
            var text = await PdfTextAsync(anonymous, url);
            Assert.Contains("内蒙古自治区工业和信息化厅", text, StringComparison.Ordinal);
        }
    }

    [DocumentTheory]
    [MemberData(nameof(DocumentEndpointTests.Documents), MemberType = typeof(DocumentEndpointTests))]
    public async Task EveryDocumentKind_DevelopmentRunMode_ServesThePdf(string name, string url, string? user, string? hashOf, string expected)
    {
        _ = hashOf;
        var client = await portal.ClientAsync(user);

        var text = await PdfTextAsync(client, url);

        Assert.All(expected.Split('|'), e => Assert.Contains(Squash(e), text, StringComparison.Ordinal));
        Assert.Contains("核验码", text, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(name));
    }

    /// <summary>GETs a PDF: 200, application/pdf (a 500's developer page is the failure message), its text via pdftotext.</summary>
    private static async Task<string> PdfTextAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var page = System.Text.Encoding.UTF8.GetString(body);
            Assert.Fail($"{url}: {(int)response.StatusCode} {page[..Math.Min(page.Length, 3000)]}");
        }
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var directory = Path.Combine(Path.GetTempPath(), "numeng-documents", "development");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(path, body);
        var text = Squash(DocumentPortal.Poppler("pdftotext", "-raw", path, "-"));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", text);
        return text;
    }

    private static string Squash(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}

/// <summary>
/// The portal as the README runs it (<c>dotnet run --project src/NuMeng.Recognition.Web</c>): launchSettings.json's
/// environment (Development), appsettings.Development.json (which seeds the demo; nothing here sets the seed), every other
/// setting as shipped; only the database and the attachment store go to a temp folder (and a free port, not 5298).
/// </summary>
public sealed class DotnetRunPortal() : PortalFactory(new PortalOptions { AsDotnetRun = true });
