using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Applications;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Data.Tenancy;

namespace NuMeng.Recognition.Web.Tests.Tenancy;

/// <summary>
/// "an enterprise its own organisation's data; a bureau the submitted applications of enterprises in
/// its 盟市; the agency the batches entrusted to it from expert review on; an expert only applications assigned to them,
/// and only after declaring no conflict; the department everything … Tests prove it through HTTP: for every kind of
/// record, a user of another organisation gets 404 or 403 by id, list and download."
/// <para>
/// Every row below is one (account, record, answer) triple, asked over real HTTP with the account's session cookie.
/// 200: the record comes back by id and appears in its list. 404: by id the answer is a Chinese "not found" problem
/// (the same as for an id that does not exist), and the list either does not contain it or, for a list under a hidden
/// application, is itself 404. 403: a role policy refuses the whole kind, for the id and for the list alike.
/// </para>
/// Demo (DEMO-ACCOUNTS.md): A1 青城智造乳业 1501 Draft · A3 北方重型装备 1502 Returned · A7 青城智造乳业 1501
/// BureauRecommended · A8 高原煤化工 1506 UnderExpertReview (expert 1 declared no conflict, expert 2 not yet declared) ·
/// A9 1504 InPublicNotice (experts 1, 3) · A13 青城智造乳业 1501 Recognised with certificate NMDW-2025-0003 ·
/// NMDW-2025-0001 is A10's (1505). enterprise = 青城智造乳业, enterprise2 = 北方重型装备 (1502), bureau.reviewer = 1501,
/// bureau2.reviewer = 1502.
/// </summary>
[Collection(TenancyCollection.Name)]
public class RecordIsolationTests(TenancyPortal portal)
{
    public static TheoryData<string, string, int> Cases => new()
    {
        // ---- Applications ----
        // The enterprise sees its own applications, drafts too; another enterprise, another 盟市's bureau, an expert
        // not assigned and the agency (A7 has not reached expert review) do not; administrators get no business data.
        { "enterprise", "application:A7", 200 },
        { "enterprise", "application:A1", 200 },
        { "enterprise2", "application:A7", 404 },
        { "bureau.reviewer", "application:A7", 200 },
        { "bureau.leader", "application:A7", 200 },
        { "bureau2.reviewer", "application:A7", 404 },
        { "dept.staff", "application:A7", 200 },
        { "dept.leader", "application:A7", 200 },
        { "agency", "application:A7", 404 },
        { "expert", "application:A7", 404 },
        { "expert2", "application:A7", 404 },
        { "auditadmin", "application:A7", 403 },
        { "sysadmin", "application:A7", 403 },
        { "secadmin", "application:A7", 403 },
        // "a bureau the submitted applications": the draft A1 of its own 盟市 stays hidden from 呼和浩特.
        { "bureau.reviewer", "application:A1", 404 },
        { "enterprise2", "application:A3", 200 },
        { "bureau2.reviewer", "application:A3", 200 },
        { "enterprise", "application:A3", 404 },
        { "bureau.reviewer", "application:A3", 404 },
        // "an expert only applications assigned to them, and only after declaring no conflict".
        { "expert", "application:A8", 200 },
        { "expert2", "application:A8", 404 },
        { "agency", "application:A8", 200 },
        { "enterprise", "application:A8", 404 },

        // ---- Submitted versions follow their application ----
        { "enterprise", "version:A7", 200 },
        { "bureau.reviewer", "version:A7", 200 },
        { "enterprise2", "version:A7", 404 },
        { "bureau2.reviewer", "version:A7", 404 },
        { "expert2", "version:A7", 404 },
        { "auditadmin", "version:A7", 403 },
        { "sysadmin", "version:A7", 403 },
        { "enterprise2", "version:A3", 200 },
        { "enterprise", "version:A3", 404 },
        { "bureau.reviewer", "version:A3", 404 },
        { "expert", "version:A8", 200 },
        { "agency", "version:A8", 200 },
        { "expert2", "version:A8", 404 },

        // ---- Attachments (metadata; the download has its own test below) ----
        { "enterprise", "attachment:A7", 200 },
        { "bureau.reviewer", "attachment:A7", 200 },
        { "dept.staff", "attachment:A7", 200 },
        { "enterprise2", "attachment:A7", 404 },
        { "bureau2.reviewer", "attachment:A7", 404 },
        { "agency", "attachment:A7", 404 },
        { "expert", "attachment:A7", 404 },
        { "auditadmin", "attachment:A7", 403 },
        { "sysadmin", "attachment:A7", 403 },
        { "enterprise2", "attachment:A3", 200 },
        { "bureau2.reviewer", "attachment:A3", 200 },
        { "enterprise", "attachment:A3", 404 },
        { "bureau.reviewer", "attachment:A3", 404 },
        { "expert", "attachment:A8", 200 },
        { "agency", "attachment:A8", 200 },
        { "expert2", "attachment:A8", 404 },
        { "enterprise", "attachment:A8", 404 },

        // ---- Bureau reviews (初审意见): the enterprise sees the reasons it must act on ----
        { "enterprise", "bureau-review:A7", 200 },
        { "bureau.reviewer", "bureau-review:A7", 200 },
        { "enterprise2", "bureau-review:A7", 404 },
        { "bureau2.reviewer", "bureau-review:A7", 404 },
        { "expert2", "bureau-review:A7", 404 },
        { "auditadmin", "bureau-review:A7", 403 },
        { "enterprise2", "bureau-review:A3", 200 },
        { "bureau2.reviewer", "bureau-review:A3", 200 },
        { "enterprise", "bureau-review:A3", 404 },
        { "bureau.reviewer", "bureau-review:A3", 404 },
        { "expert", "bureau-review:A8", 200 },
        { "expert2", "bureau-review:A8", 404 },

        // ---- Expert assignments: own always (to declare); agency and department; never enterprise or bureau ----
        { "expert", "assignment:A8:1", 200 },
        { "agency", "assignment:A8:1", 200 },
        { "dept.staff", "assignment:A8:1", 200 },
        { "expert2", "assignment:A8:1", 404 },
        { "enterprise", "assignment:A8:1", 403 },
        { "bureau.reviewer", "assignment:A8:1", 403 },
        { "auditadmin", "assignment:A8:1", 403 },
        // expert2 sees their own assignment before declaring — but not the application (above).
        { "expert2", "assignment:A8:2", 200 },
        { "expert", "assignment:A8:2", 404 },
        { "expert", "assignment:A9:3", 404 },
        { "agency", "assignment:A9:3", 200 },

        // ---- Expert score sheets: hidden from other experts (docs/rule-reference.md §10); from the agency and the department until the
        // panel closes (ADR 0008): A8's leader holds a draft of an open panel, A9's panel is closed ----
        { "expert", "score:A8:1", 200 },
        { "agency", "score:A8:1", 404 },
        { "dept.staff", "score:A8:1", 404 },
        { "expert2", "score:A8:1", 404 },
        { "enterprise", "score:A8:1", 403 },
        { "bureau.reviewer", "score:A8:1", 403 },
        { "sysadmin", "score:A8:1", 403 },
        { "auditadmin", "score:A8:1", 403 },
        { "expert", "score:A9:3", 404 },
        { "agency", "score:A9:3", 200 },
        { "dept.staff", "score:A9:3", 200 },

        // ---- Certificates ----
        { "enterprise", "certificate:NMDW-2025-0003", 200 },
        { "bureau.reviewer", "certificate:NMDW-2025-0003", 200 },
        { "agency", "certificate:NMDW-2025-0003", 200 },
        { "dept.staff", "certificate:NMDW-2025-0003", 200 },
        { "enterprise2", "certificate:NMDW-2025-0003", 404 },
        { "bureau2.reviewer", "certificate:NMDW-2025-0003", 404 },
        { "expert", "certificate:NMDW-2025-0003", 404 },
        { "auditadmin", "certificate:NMDW-2025-0003", 403 },
        { "sysadmin", "certificate:NMDW-2025-0003", 403 },
        { "enterprise", "certificate:NMDW-2025-0001", 404 },
        { "bureau.reviewer", "certificate:NMDW-2025-0001", 404 },

        // ---- Notifications: personal, not even the department reads someone else's ----
        { "enterprise", "notification:enterprise", 200 },
        { "enterprise2", "notification:enterprise", 404 },
        { "bureau.reviewer", "notification:enterprise", 404 },
        { "dept.staff", "notification:enterprise", 404 },
        { "sysadmin", "notification:enterprise", 404 },
        { "auditadmin", "notification:enterprise", 404 },

        // ---- Audit log: the audit administrator and the department; never the system administrator ----
        { "auditadmin", "audit:first", 200 },
        { "dept.staff", "audit:first", 200 },
        { "dept.leader", "audit:first", 200 },
        { "sysadmin", "audit:first", 403 },
        { "secadmin", "audit:first", 403 },
        { "enterprise", "audit:first", 403 },
        { "bureau.reviewer", "audit:first", 403 },
        { "agency", "audit:first", 403 },
        { "expert", "audit:first", 403 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task GetById_AccountAndRecord_AnswersAsTheTenancyRuleSays(string user, string record, int expected)
    {
        var target = portal.Records[record];

        var response = await portal.GetAsync(user, target.ByIdPath);

        Assert.Equal((HttpStatusCode)expected, response.Status);
        if (expected == 200)
        {
            var body = response.Json!.Value;
            Assert.Equal(target.Id ?? target.Sequence!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                target.Sequence is null ? body.GetProperty("id").GetString() : body.GetProperty("sequence").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ignoreCase: true);
        }
        else
        {
            AssertChineseProblem(response, expected);
            // Nothing of the record leaks into the refusal.
            if (target.Id is not null)
            {
                Assert.DoesNotContain(target.Id, System.Text.Encoding.UTF8.GetString(response.Body), StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task List_AccountAndRecord_ContainsTheRecordOnlyWhenVisible(string user, string record, int expected)
    {
        var target = portal.Records[record];

        var response = await portal.GetAsync(user, target.ListPath);

        switch (expected)
        {
            case 200:
                Assert.Equal(HttpStatusCode.OK, response.Status);
                Assert.True(target.IsIn(response.Json!.Value), $"{user} 应在 {target.ListPath} 中看到 {record}");
                break;
            case 403:
                Assert.Equal(HttpStatusCode.Forbidden, response.Status);
                AssertChineseProblem(response, 403);
                break;
            default:
                if (response.Status == HttpStatusCode.NotFound)
                {
                    // A list under an application the user may not see: the application itself is not found.
                    Assert.Contains("/applications/", target.ListPath, StringComparison.Ordinal);
                    AssertChineseProblem(response, 404);
                }
                else
                {
                    Assert.Equal(HttpStatusCode.OK, response.Status);
                    Assert.False(target.IsIn(response.Json!.Value), $"{user} 不应在 {target.ListPath} 中看到 {record}");
                }
                break;
        }
    }

    // The list is exactly the account's share of the demo, not merely "contains / does not contain".
    [Theory]
    [InlineData("enterprise", "A1,A13,A7")]
    [InlineData("enterprise2", "A3")]
    [InlineData("bureau.reviewer", "A13,A2,A7")]
    [InlineData("bureau.leader", "A13,A2,A7")]
    [InlineData("bureau2.reviewer", "A3,A4")]
    [InlineData("agency", "A10,A11,A13,A8,A9")]
    [InlineData("expert", "A8,A9")]
    [InlineData("expert2", "-")]
    [InlineData("dept.staff", "A1,A10,A11,A13,A2,A3,A4,A5,A6,A7,A8,A9")]
    public async Task ListApplications_EachAccount_ReturnsExactlyItsApplications(string user, string expected)
    {
        var keys = new[] { "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10", "A11", "A13" }
            .ToDictionary(k => DemoSeeder.ApplicationId(k).ToString("D"), k => k, StringComparer.OrdinalIgnoreCase);

        var response = await portal.GetAsync(user, "/api/v1/applications");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var items = response.Json!.Value.GetProperty("items").EnumerateArray().ToList();
        var seen = items.Select(i => keys[i.GetProperty("id").GetString()!]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, seen.Count == 0 ? "-" : string.Join(',', seen));
        Assert.Equal(items.Count, response.Json!.Value.GetProperty("total").GetInt32());
        Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i.GetProperty("enterpriseName").GetString())));
    }

    // Download: the same rule as the metadata, and the bytes served are exactly those recorded on upload.
    [Theory]
    [InlineData("enterprise", "attachment:A7", 200)]
    [InlineData("bureau.reviewer", "attachment:A7", 200)]
    [InlineData("dept.staff", "attachment:A7", 200)]
    [InlineData("enterprise2", "attachment:A7", 404)]
    [InlineData("bureau2.reviewer", "attachment:A7", 404)]
    [InlineData("agency", "attachment:A7", 404)]
    [InlineData("expert2", "attachment:A7", 404)]
    [InlineData("auditadmin", "attachment:A7", 403)]
    [InlineData("sysadmin", "attachment:A7", 403)]
    [InlineData("enterprise2", "attachment:A3", 200)]
    [InlineData("enterprise", "attachment:A3", 404)]
    [InlineData("bureau.reviewer", "attachment:A3", 404)]
    [InlineData("expert", "attachment:A8", 200)]
    [InlineData("agency", "attachment:A8", 200)]
    [InlineData("expert2", "attachment:A8", 404)]
    [InlineData("anonymous", "attachment:A7", 401)]
    public async Task Download_AccountAndAttachment_ServesTheVerifiedFileOnlyWhenVisible(string user, string record, int expected)
    {
        var target = portal.Records[record];

        var response = await portal.GetAsync(user, target.ByIdPath + "/content");

        Assert.Equal((HttpStatusCode)expected, response.Status);
        if (expected == 200)
        {
            Assert.Equal("application/pdf", response.MediaType);
            Assert.Equal(target.Sha256, Convert.ToHexStringLower(SHA256.HashData(response.Body)));
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(response.Body, 0, 5), StringComparison.Ordinal);
            // Content-Disposition: attachment, with the original (Chinese) name, RFC 5987-encoded.
            Assert.NotNull(response.ContentDisposition);
            Assert.StartsWith("attachment", response.ContentDisposition, StringComparison.Ordinal);
            Assert.Contains("filename*=UTF-8''" + Uri.EscapeDataString(target.FileName!), response.ContentDisposition, StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            AssertChineseProblem(response, expected);
            Assert.Null(response.ContentDisposition);
            Assert.DoesNotContain("%PDF-", System.Text.Encoding.UTF8.GetString(response.Body), StringComparison.Ordinal);
        }
    }

    // A file the enterprise uploaded after A3 was returned (退回修改) and not resubmitted yet is its work in progress: the
    // bureau reviews the frozen version, so 包头's reviewer gets 404 by id and download and does not find it in the list
    // (where the frozen file still is). Inserted once into the portal's database; no other test counts A3's files.
    [Theory]
    [InlineData("enterprise2", 200)]
    [InlineData("dept.staff", 200)]
    [InlineData("bureau2.reviewer", 404)]
    [InlineData("bureau.reviewer", 404)]
    [InlineData("enterprise", 404)]
    [InlineData("agency", 404)]
    [InlineData("expert", 404)]
    [InlineData("sysadmin", 403)]
    public async Task GetById_UploadSinceReturnNotYetResubmitted_OnlyUploaderAndDepartmentSeeIt(string user, int expected)
    {
        var upload = await UnsubmittedUploadOnA3Async();
        var frozen = portal.Records["attachment:A3"];

        var byId = await portal.GetAsync(user, $"/api/v1/attachments/{upload:D}");
        var download = await portal.GetAsync(user, $"/api/v1/attachments/{upload:D}/content");
        var list = await portal.GetAsync(user, frozen.ListPath);

        Assert.Equal((HttpStatusCode)expected, byId.Status);
        if (expected == 200)
        {
            Assert.Equal(upload.ToString("D"), byId.Json!.Value.GetProperty("id").GetString(), ignoreCase: true);
            Assert.True(new DemoRecord(string.Empty, string.Empty, upload.ToString("D")).IsIn(list.Json!.Value), $"{user} 应看到未提交的附件");
            return;
        }
        AssertChineseProblem(byId, expected);
        AssertChineseProblem(download, expected);
        Assert.Null(download.ContentDisposition);
        if (list.Status == HttpStatusCode.OK)
        {
            Assert.False(new DemoRecord(string.Empty, string.Empty, upload.ToString("D")).IsIn(list.Json!.Value), $"{user} 不应看到未提交的附件");
        }
        if (user == "bureau2.reviewer")
        {
            // The submitted file stays visible: the bureau still reviews version 1.
            Assert.True(frozen.IsIn(list.Json!.Value));
        }
    }

    // Filters are row-level: a bureau may read A3's row, so Application.CurrentDraftJson (the enterprise's unsubmitted
    // edits) is reachable through the DbSet and every record endpoint must project what it serves. Marking A3's draft and
    // reading everything the API serves about A3 as its bureau proves no endpoint projects the draft column.
    [Fact]
    public async Task RecordApi_ReturnedApplication_NeverServesTheEnterprisesDraftToTheBureau()
    {
        const string Marker = "DRAFT-ONLY-UNSUBMITTED-EDIT";
        var application = DemoSeeder.ApplicationId("A3");
        var stored = await AsSystemAsync(async db =>
        {
            var app = await db.Applications.SingleAsync(a => a.Id == application);
            var draft = JsonNode.Parse(app.CurrentDraftJson)!.AsObject();
            draft["workshopName"] = $"{draft["workshopName"]?.GetValue<string>()} {Marker}";
            app.CurrentDraftJson = draft.ToJsonString();
            await db.SaveChangesAsync();
            return await db.Applications.AsNoTracking().Where(a => a.Id == application).Select(a => a.CurrentDraftJson).SingleAsync();
        });
        Assert.Contains(Marker, stored, StringComparison.Ordinal);

        var paths = new List<string>
        {
            "/api/v1/applications?take=500",
            portal.Records["application:A3"].ByIdPath,
            portal.Records["version:A3"].ListPath,
            portal.Records["version:A3"].ByIdPath,
            portal.Records["attachment:A3"].ListPath,
            portal.Records["attachment:A3"].ByIdPath,
            portal.Records["bureau-review:A3"].ListPath,
            portal.Records["bureau-review:A3"].ByIdPath,
        };
        foreach (var path in paths)
        {
            var response = await portal.GetAsync("bureau2.reviewer", path);

            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.DoesNotContain(Marker, System.Text.Encoding.UTF8.GetString(response.Body), StringComparison.Ordinal);
        }
    }

    private static readonly SemaphoreSlim UploadLock = new(1, 1);

    /// <summary>Adds (once) an enterprise upload to the Returned A3 that no version lists, and returns its id.</summary>
    private async Task<Guid> UnsubmittedUploadOnA3Async()
    {
        var id = WellKnownIds.For("test:tenancy:unsubmitted-upload:A3");
        await UploadLock.WaitAsync();
        try
        {
            await AsSystemAsync(async db =>
            {
                if (await db.Attachments.AnyAsync(a => a.Id == id))
                {
                    return 0;
                }
                var app = await db.Applications.SingleAsync(a => a.Id == DemoSeeder.ApplicationId("A3"));
                var uploader = await db.Users.Where(u => u.UserName == "enterprise2").Select(u => u.Id).SingleAsync();
                db.Attachments.Add(new Attachment
                {
                    Id = id,
                    OwnerOrganisationId = app.EnterpriseId,
                    ApplicationId = app.Id,
                    ItemKey = "technical.equipmentList",
                    OriginalFileName = "装备清单（修改后）.pdf",
                    StoredName = $"{id:N}.pdf",
                    ContentType = "application/pdf",
                    SizeBytes = 1024,
                    Sha256 = new string('0', 64),
                    UploadedAt = new DateTimeOffset(2026, 7, 1, 2, 0, 0, TimeSpan.Zero),
                    UploadedByUserId = uploader,
                });
                return await db.SaveChangesAsync();
            });
            return id;
        }
        finally
        {
            UploadLock.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a System-actor context of the portal's database, to arrange a record (never to
    /// assert what a user sees). The scope lives as long as the context: its options resolve services from it.
    /// </summary>
    private async Task<T> AsSystemAsync<T>(Func<RecognitionDbContext, Task<T>> work)
    {
        await using var scope = portal.Portal.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<RecognitionDbContext>>();
        await using var db = new RecognitionDbContext(options, CurrentActor.System("租户隔离测试"));
        return await work(db);
    }

    public static TheoryData<string> AllPaths
    {
        get
        {
            // The paths are built from the seeded ids when the portal starts; here only the record keys are known.
            var data = new TheoryData<string>();
            foreach (var key in new[]
            {
                "application:A7", "version:A7", "attachment:A7", "bureau-review:A7", "assignment:A8:1", "score:A8:1",
                "certificate:NMDW-2025-0003", "notification:enterprise", "audit:first",
            })
            {
                data.Add(key);
            }
            return data;
        }
    }

    // Anonymous: "RequireAuthorization" — a 401 with a Chinese JSON body, never a redirect to the login page.
    [Theory]
    [MemberData(nameof(AllPaths))]
    public async Task Anonymous_ByIdAndList_Returns401InChinese(string record)
    {
        var target = portal.Records[record];

        foreach (var path in new[] { target.ByIdPath, target.ListPath })
        {
            var response = await portal.GetAsync("anonymous", path);

            Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
            Assert.Null(response.Location);
            AssertChineseProblem(response, 401);
            Assert.Equal("未登录", response.Json!.Value.GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task GetById_HiddenRecord_AnswersExactlyLikeAMissingOne()
    {
        // enterprise may not see A3: the answer must not reveal that A3 exists.
        var hidden = await portal.GetAsync("enterprise", portal.Records["application:A3"].ByIdPath);
        var missing = await portal.GetAsync("enterprise", $"/api/v1/applications/{Guid.NewGuid():D}");

        Assert.Equal(HttpStatusCode.NotFound, hidden.Status);
        Assert.Equal(missing.Status, hidden.Status);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(missing.Body), System.Text.Encoding.UTF8.GetString(hidden.Body));
    }

    [Theory]
    [InlineData("/api/v1/applications/not-a-guid")]
    [InlineData("/api/v1/attachments/12345/content")]
    [InlineData("/api/v1/no-such-records")]
    public async Task Get_MalformedIdOrUnknownPath_Returns404ChineseJson(string path)
    {
        var response = await portal.GetAsync("enterprise", path);

        AssertChineseProblem(response, 404);
    }

    [Theory]
    [InlineData("?take=0", "take")]
    [InlineData("?take=501", "take")]
    [InlineData("?skip=-1", "skip")]
    [InlineData("?skip=abc", "skip")]
    public async Task List_BadPaging_Returns400NamingTheParameter(string query, string parameter)
    {
        var response = await portal.GetAsync("enterprise", "/api/v1/applications" + query);

        AssertChineseProblem(response, 400);
        Assert.Contains(parameter, response.Json!.Value.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static void AssertChineseProblem(ApiResponse response, int status)
    {
        Assert.Equal((HttpStatusCode)status, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        var body = response.Json!.Value;
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        var text = body.GetProperty("title").GetString() + body.GetProperty("detail").GetString();
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", text);
    }
}
