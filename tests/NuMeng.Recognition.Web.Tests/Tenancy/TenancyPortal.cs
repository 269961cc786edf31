using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Tenancy;

/// <summary>
/// One running portal with its own seeded demo database for every tenancy test, the demo records those tests ask for
/// (resolved once through a System-actor DbContext of the portal, never hard-coded), and one signed-in HTTP session per
/// demo account (<see cref="PortalFactory.ClientAsync"/>).
/// </summary>
public sealed class TenancyPortal : IAsyncLifetime
{
    public PortalFactory Portal { get; } = new();

    /// <summary>The demo records by key (see <see cref="DemoRecord"/>).</summary>
    public IReadOnlyDictionary<string, DemoRecord> Records { get; private set; } = new Dictionary<string, DemoRecord>();

    /// <summary>A signed-in session of a demo account (one per account); "anonymous" gives a fresh client with no cookie.</summary>
    public Task<HttpClient> As(string user) => Portal.ClientAsync(user);

    /// <summary>GET as <paramref name="user"/>: status, JSON body (null when not JSON), the response headers.</summary>
    public async Task<ApiResponse> GetAsync(string user, string path)
    {
        var client = await As(user);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
        JsonElement? json = mediaType.Contains("json", StringComparison.Ordinal) && bytes.Length > 0
            ? JsonDocument.Parse(bytes).RootElement.Clone()
            : null;
        if (user == "anonymous")
        {
            client.Dispose();
        }
        return new ApiResponse(response.StatusCode, mediaType, json, bytes,
            response.Content.Headers.ContentDisposition?.ToString(), response.Headers.Location);
    }

    public async Task InitializeAsync()
    {
        _ = Portal.RootUri; // starts the server, which migrates and seeds its own database
        using var scope = Portal.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<RecognitionDbContext>>();
        // The System actor sees all business data and the audit log; tests use it only to learn ids, never to assert.
        await using var db = new RecognitionDbContext(options, CurrentActor.System("租户隔离测试"));
        var records = new Dictionary<string, DemoRecord>(StringComparer.Ordinal);

        foreach (var key in new[] { "A1", "A3", "A7", "A8", "A13" })
        {
            var id = await db.Applications.Where(a => a.Id == DemoSeeder.ApplicationId(key)).Select(a => a.Id).SingleAsync();
            records[$"application:{key}"] = new DemoRecord($"/api/v1/applications/{id:D}", "/api/v1/applications", id.ToString("D"));
        }
        foreach (var key in new[] { "A3", "A7", "A8" })
        {
            var app = DemoSeeder.ApplicationId(key);
            var version = await db.ApplicationVersions.Where(v => v.ApplicationId == app).Select(v => v.Id).SingleAsync();
            records[$"version:{key}"] = new DemoRecord($"/api/v1/versions/{version:D}", $"/api/v1/applications/{app:D}/versions", version.ToString("D"));
            var file = await db.Attachments.Where(a => a.ApplicationId == app).Select(a => new { a.Id, a.Sha256, a.OriginalFileName }).SingleAsync();
            records[$"attachment:{key}"] = new DemoRecord($"/api/v1/attachments/{file.Id:D}", $"/api/v1/applications/{app:D}/attachments", file.Id.ToString("D"))
            {
                Sha256 = file.Sha256,
                FileName = file.OriginalFileName,
            };
            var review = await db.BureauReviews.Where(r => r.ApplicationId == app).Select(r => r.Id).SingleAsync();
            records[$"bureau-review:{key}"] = new DemoRecord($"/api/v1/bureau-reviews/{review:D}", $"/api/v1/applications/{app:D}/bureau-reviews", review.ToString("D"));
        }
        foreach (var (key, expert) in new[] { ("A8", 1), ("A8", 2), ("A9", 3) })
        {
            var app = DemoSeeder.ApplicationId(key);
            var assignment = await db.ExpertAssignments
                .Where(x => x.ApplicationId == app && x.ExpertId == DemoSeeder.ExpertId(expert)).Select(x => x.Id).SingleAsync();
            records[$"assignment:{key}:{expert}"] = new DemoRecord($"/api/v1/expert-assignments/{assignment:D}", "/api/v1/expert-assignments", assignment.ToString("D"));
            var score = await db.ExpertScores.Where(s => s.AssignmentId == assignment).Select(s => (Guid?)s.Id).SingleOrDefaultAsync();
            if (score is { } s)
            {
                records[$"score:{key}:{expert}"] = new DemoRecord($"/api/v1/expert-scores/{s:D}", "/api/v1/expert-scores", s.ToString("D"));
            }
        }
        foreach (var number in new[] { "NMDW-2025-0001", "NMDW-2025-0003" })
        {
            var certificate = await db.Certificates.Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
            records[$"certificate:{number}"] = new DemoRecord($"/api/v1/certificates/{certificate:D}", "/api/v1/certificates", certificate.ToString("D"));
        }
        // Notifications are personal: not even the System actor reads them through the filters, so the seeded id comes
        // from WellKnownIds (DemoSeeder: "demo:notification:1", to the account `enterprise`).
        var notification = WellKnownIds.For("demo:notification:1");
        records["notification:enterprise"] = new DemoRecord($"/api/v1/notifications/{notification:D}", "/api/v1/notifications", notification.ToString("D"));
        var firstAudit = await db.AuditEntries.MinAsync(e => e.Sequence);
        records["audit:first"] = new DemoRecord($"/api/v1/audit/{firstAudit}", "/api/v1/audit?take=500", null) { Sequence = firstAudit };
        Records = records;
    }

    public async Task DisposeAsync() => await Portal.DisposeAsync();
}

/// <summary>
/// A demo record as the API exposes it: its by-id address, the list it appears in, and the id as the list shows it
/// (audit entries are listed by sequence number instead).
/// </summary>
public sealed record DemoRecord(string ByIdPath, string ListPath, string? Id)
{
    public string? Sha256 { get; init; }

    public string? FileName { get; init; }

    public long? Sequence { get; init; }

    /// <summary>Whether a list response (<c>{ total, items: [...] }</c>) contains this record.</summary>
    public bool IsIn(JsonElement list) => list.GetProperty("items").EnumerateArray().Any(item => Sequence is { } sequence
        ? item.GetProperty("sequence").GetInt64() == sequence
        : string.Equals(item.GetProperty("id").GetString(), Id, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One HTTP answer, read fully.</summary>
public sealed record ApiResponse(
    HttpStatusCode Status, string MediaType, JsonElement? Json, byte[] Body, string? ContentDisposition, Uri? Location);

[CollectionDefinition(Name)]
public sealed class TenancyCollection : ICollectionFixture<TenancyPortal>
{
    public const string Name = "tenancy";
}
