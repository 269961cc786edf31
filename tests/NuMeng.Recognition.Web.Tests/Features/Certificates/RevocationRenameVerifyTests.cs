using System.Net;
using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Recognition;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Certificates;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web;
using NuMeng.Recognition.Web.Features.Certificates;
using NuMeng.Recognition.Web.Tests.Features.Review;
using static NuMeng.Recognition.Web.Tests.Features.Certificates.CertificateArrange;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Certificates;

/// <summary>
/// 撤销 (管理办法 第十条（一）–（四）, the department leader's act), 更名 (第十条: the bureau applies, the department decides;
/// the certificate keeps its history), the public verification (number or code; NMDW-2025-0002 is revoked in the demo) and
/// the department's lists.
/// </summary>
public sealed class RevocationRenameVerifyTests
{
    private static EvidenceUpload Pdf() => new(new MemoryStream("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray()), "事故调查报告.pdf");

    [Fact]
    public async Task Revoke_LeaderWithGroundEvidenceAndFile_CertificateRevokedAndApplicationRevoked()
    {
        await using var db = await ServiceHost.CreateAsync();
        var (id, stamp) = await CertificateAsync(db, "NMDW-2025-0001");

        var outcome = await db.Service<RevocationService>("dept.leader")
            .RevokeAsync(id, stamp, RevocationGround.MajorAccident, "2026年10月发生重大安全生产事故（调查报告附后）", Pdf(), confirmed: true);

        Assert.True(outcome.Succeeded, outcome.Text);
        await using var ctx = Context(db);
        var certificate = await ctx.Certificates.SingleAsync(c => c.Id == id);
        Assert.Equal(CertificateStatus.Revoked, certificate.Status);
        Assert.Equal(ApplicationState.Revoked, await ctx.Applications.Where(a => a.Id == certificate.ApplicationId).Select(a => a.State).SingleAsync());
        var revocation = await ctx.Revocations.SingleAsync(r => r.CertificateId == id);
        Assert.Equal((RevocationGround.MajorAccident, new DateOnly(2026, 11, 21), DemoSeeder.UserId("dept.leader")),
            (revocation.Ground, revocation.RevokedOn, revocation.DecidedByUserId));
        var file = await ctx.Attachments.SingleAsync(a => a.Id == revocation.EvidenceAttachmentId);
        Assert.Equal(RevocationService.EvidenceItemKey, file.ItemKey);
        Assert.True(await ctx.AuditEntries.AnyAsync(e => e.Action == "certificate.revoke" && e.EntityId == id.ToString("D")));
    }

    [Fact]
    public async Task Revoke_Staff_RefusedByTheWorkflow()
    {
        await using var db = await ServiceHost.CreateAsync();
        var (id, stamp) = await CertificateAsync(db, "NMDW-2025-0001");

        var outcome = await db.Service<RevocationService>("dept.staff").RevokeAsync(id, stamp, RevocationGround.MajorAccident, "事实", Pdf(), true);

        Assert.Equal((OutcomeKind.Refused, "“工信厅经办人”无权执行“撤销称号”"), (outcome.Kind, outcome.Message));
    }

    [Theory]
    [InlineData(null, "事实", true, true, "ground")]
    [InlineData(RevocationGround.MovedOutOfInnerMongolia, "", true, true, "evidence")]
    [InlineData(RevocationGround.MovedOutOfInnerMongolia, "事实", false, true, "evidenceFile")]
    [InlineData(RevocationGround.MovedOutOfInnerMongolia, "事实", true, false, "confirm")]
    public async Task Revoke_Missing_InvalidAndNothingChanges(RevocationGround? ground, string evidence, bool file, bool confirmed, string field)
    {
        await using var db = await ServiceHost.CreateAsync();
        var (id, stamp) = await CertificateAsync(db, "NMDW-2025-0003");

        var outcome = await db.Service<RevocationService>("dept.leader").RevokeAsync(id, stamp, ground, evidence, file ? Pdf() : null, confirmed);

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal([field], outcome.Errors.Select(e => e.Field));
        await using var ctx = Context(db);
        Assert.Equal(CertificateStatus.Valid, await ctx.Certificates.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());
    }

    [Fact]
    public async Task Revoke_AlreadyRevokedDemoCertificate_AlreadyDone()
    {
        await using var db = await ServiceHost.CreateAsync();
        var (id, stamp) = await CertificateAsync(db, "NMDW-2025-0002");

        var outcome = await db.Service<RevocationService>("dept.leader").RevokeAsync(id, stamp, RevocationGround.MajorAccident, "事实", Pdf(), true);

        Assert.Equal(OutcomeKind.AlreadyDone, outcome.Kind);
    }

    [Theory]
    [InlineData(false, "酸奶发酵数字化车间", "青城乳业酸奶发酵数字化车间")]
    [InlineData(true, "呼和浩特青城智造乳业有限公司", "内蒙古青城智造乳业集团有限公司")]
    public async Task RenameApprove_Forwarded_NameChangesAndHistoryKeepsPrevious(bool enterpriseName, string previous, string next)
    {
        await using var db = await ServiceHost.CreateAsync();
        var requestId = await ForwardedRenameAsync(db, enterpriseName);
        var decisions = db.Service<RenameDecisions>("dept.staff");
        var row = (await decisions.ListAsync()).Single(r => r.Id == requestId);

        var outcome = await decisions.DecideAsync(requestId, row.Stamp, approve: true, "同意");

        Assert.True(outcome.Succeeded, outcome.Text);
        await using var ctx = Context(db);
        var certificate = await ctx.Certificates.SingleAsync(c => c.Number == "NMDW-2025-0003");
        Assert.Equal(next, enterpriseName ? certificate.EnterpriseName : certificate.WorkshopOrFactoryName);
        var change = Assert.Single(certificate.NameHistory);
        Assert.Equal((previous, next, new DateOnly(2026, 11, 21), (Guid?)requestId), (change.PreviousName, change.NewName, change.ChangedOn, change.RenameRequestId));
        Assert.Equal(RenameRequestState.Approved, await ctx.RenameRequests.Where(r => r.Id == requestId).Select(r => r.State).SingleAsync());
        Assert.Equal(ApplicationState.Recognised, await ctx.Applications.Where(a => a.Id == DemoSeeder.ApplicationId("A13")).Select(a => a.State).SingleAsync());
        Assert.True(await ctx.AuditEntries.AnyAsync(e => e.Action == "rename.approve"));
    }

    [Fact]
    public async Task RenameReject_WithoutNote_InvalidThenWithNote_Rejected()
    {
        await using var db = await ServiceHost.CreateAsync();
        var requestId = await ForwardedRenameAsync(db, enterpriseName: false);
        var decisions = db.Service<RenameDecisions>("dept.staff");
        var stamp = (await decisions.ListAsync()).Single(r => r.Id == requestId).Stamp;

        Assert.Equal(OutcomeKind.Invalid, (await decisions.DecideAsync(requestId, stamp, approve: false, " ")).Kind);
        var outcome = await decisions.DecideAsync(requestId, stamp, approve: false, "营业执照尚未变更，请变更后再申请。");

        Assert.True(outcome.Succeeded, outcome.Text);
        await using var ctx = Context(db);
        var certificate = await ctx.Certificates.SingleAsync(c => c.Number == "NMDW-2025-0003");
        Assert.Equal(("酸奶发酵数字化车间", 0), (certificate.WorkshopOrFactoryName, certificate.NameHistory.Count));
    }

    [Theory]
    [InlineData("NMDW-2025-0001", VerificationOutcome.Found, CertificateStandingKind.Valid)]
    [InlineData("nmdw-2025-0001", VerificationOutcome.Found, CertificateStandingKind.Valid)]
    [InlineData("NMDW-2025-0002", VerificationOutcome.Found, CertificateStandingKind.Revoked)]
    [InlineData("NMDW-2025-0099", VerificationOutcome.NotFound, null)]
    [InlineData("2222-2222-223", VerificationOutcome.CheckFailed, null)]   // a typo: the check character should be C
    [InlineData("2222-2222-23C", VerificationOutcome.NotFound, null)]      // well-formed, but no such certificate
    [InlineData("", VerificationOutcome.NotAsked, null)]
    public async Task Verify_NumberOrCode_Outcome(string typed, VerificationOutcome expected, CertificateStandingKind? standing)
    {
        await using var db = await ServiceHost.CreateAsync();

        var result = await db.Service<PublicVerification>("enterprise", new VerificationRateLimiter()).VerifyAsync(typed, IPAddress.Loopback);

        Assert.Equal((expected, standing), (result.Outcome, result.Standing));
        Assert.Equal(expected is VerificationOutcome.NotFound or VerificationOutcome.CheckFailed, result.Message is not null);
    }

    [Fact]
    public async Task Verify_RevokedByDemoCode_RevokedWithDateAndGround()
    {
        await using var db = await ServiceHost.CreateAsync();
        string code;
        await using (var ctx = Context(db))
        {
            code = await ctx.Certificates.Where(c => c.Number == "NMDW-2025-0002").Select(c => c.VerificationCode).SingleAsync();
        }

        var result = await db.Service<PublicVerification>("enterprise", new VerificationRateLimiter()).VerifyAsync(code.ToLowerInvariant(), null);

        Assert.Equal((VerificationOutcome.Found, CertificateStandingKind.Revoked), (result.Outcome, result.Standing));
        Assert.Equal((new DateOnly(2026, 6, 1), RevocationGround.MovedOutOfInnerMongolia), (result.Certificate!.RevokedOn!.Value, result.Certificate.Ground!.Value));
    }

    [Theory]
    [InlineData(VerificationRateLimiter.Limit, true)]
    [InlineData(VerificationRateLimiter.Limit + 1, false)]
    public void RateLimiter_LookupsInOneWindow_LimitInclusive(int lookups, bool lastAllowed)
    {
        var limiter = new VerificationRateLimiter();
        var now = new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);
        var last = true;
        for (var i = 0; i < lookups; i++)
        {
            last = limiter.TryAcquire(IPAddress.Parse("10.0.0.1"), now);
        }
        Assert.Equal(lastAllowed, last);
        Assert.True(limiter.TryAcquire(IPAddress.Parse("10.0.0.2"), now));                       // another address
        Assert.True(limiter.TryAcquire(IPAddress.Parse("10.0.0.1"), now + VerificationRateLimiter.Window)); // the next window
    }

    [Fact]
    public async Task Lists_Demo_ValidRevokedExpiringAndNational()
    {
        await using var db = await ServiceHost.CreateAsync();
        var queries = db.Service<CertificateQueries>("dept.staff");

        var all = await queries.ListAsync(new CertificateFilter());
        Assert.Equal(["NMDW-2025-0001", "NMDW-2025-0002", "NMDW-2025-0003"], all.Select(r => r.Number));
        Assert.Equal(CertificateStandingKind.Revoked, all.Single(r => r.Number == "NMDW-2025-0002").Standing);
        Assert.Equal(["NMDW-2025-0002"], (await queries.ListAsync(new CertificateFilter(Standing: CertificateStandingKind.Revoked))).Select(r => r.Number));
        Assert.Empty(await queries.ListAsync(new CertificateFilter(League: "1502")));
        // Valid until 2030-07-19: six months before is 2030-01-19 (inclusive).
        db.Clock.MoveTo(new DateTimeOffset(2030, 1, 19, 10, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal(["NMDW-2025-0001", "NMDW-2025-0003"], (await queries.ExpiringAsync(new CertificateFilter())).Select(r => r.Number).Order());
        db.Clock.MoveTo(new DateTimeOffset(2030, 1, 18, 10, 0, 0, TimeSpan.FromHours(8)));
        Assert.Empty(await queries.ExpiringAsync(new CertificateFilter()));
        // 数字化车间 holders are no smart factories (第十一条).
        Assert.Empty(await queries.NationalAsync(new CertificateFilter()));
        Assert.Empty(await db.Service<CertificateQueries>("enterprise").ListAsync(new CertificateFilter()));
    }

    private static async Task<(Guid Id, Guid Stamp)> CertificateAsync(ServiceHost db, string number)
    {
        await using var ctx = Context(db);
        var c = await ctx.Certificates.Where(x => x.Number == number).Select(x => new { x.Id, x.ConcurrencyStamp }).SingleAsync();
        return (c.Id, c.ConcurrencyStamp);
    }
}
