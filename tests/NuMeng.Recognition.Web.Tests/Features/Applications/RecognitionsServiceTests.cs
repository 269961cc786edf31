using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Auditing;
using NuMeng.Recognition.Data.Recognition;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Web.Features.Applications;
using NuMeng.Recognition.Web.Features.Recognitions;
using NuMeng.Recognition.Web.Tests.Features.Account;
using NuMeng.Recognition.Web.Tests.Features.Review;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Applications;

/// <summary>
/// 我的认定 and the enterprise's rename request (管理办法 第四章: 更名 goes through the bureau of the 盟市 to the department;
/// 第十二条: valid five years from the award date). Demo: "enterprise" (青城智造乳业, 1501) holds NMDW-2025-0003 (A13,
/// awarded 2025-07-20) with a seeded request waiting for its bureau; enterprise 7 holds NMDW-2025-0001 (A10, 1505).
/// The clock is 2026-11-21.
/// </summary>
public sealed class RecognitionsServiceTests
{
    private static readonly Guid A13Certificate = WellKnownIds.For("demo:certificate:NMDW-2025-0003");

    [Fact]
    public async Task MineAsync_Enterprise_OwnCertificateValidityDaysLeftAndRenames()
    {
        await using var test = await ServiceHost.CreateAsync();

        var mine = await test.As<EnterpriseRecognitions>("enterprise").MineAsync();

        var cert = Assert.Single(mine);
        Assert.Equal(("NMDW-2025-0003", "酸奶发酵数字化车间", new DateOnly(2025, 7, 20)), (cert.Number, cert.WorkshopOrFactoryName, cert.AwardedOn));
        // 管理办法 第十二条: 有效期 5 年, from the award date.
        Assert.Equal(new DateOnly(2030, 7, 19), cert.ValidUntil);
        Assert.Equal(new DateOnly(2030, 7, 19).DayNumber - new DateOnly(2026, 11, 21).DayNumber, cert.DaysLeft);
        Assert.Equal("有效", cert.StatusLabel);
        var waiting = Assert.Single(cert.Renames);
        Assert.Equal(("待盟市转报", true), (waiting.StateLabel, waiting.Open));
        Assert.False(cert.CanRequestRename); // one request at a time
    }

    [Theory]
    [InlineData("enterprise2")]
    [InlineData("bureau.reviewer")]
    [InlineData("dept.staff")]
    public async Task MineAsync_NotTheOwner_NothingAndNoCertificateById(string user)
    {
        await using var test = await ServiceHost.CreateAsync();

        Assert.Empty(await test.As<EnterpriseRecognitions>(user).MineAsync());
        Assert.Null(await test.As<EnterpriseRecognitions>(user).FindAsync(A13Certificate));
        var refused = await test.As<EnterpriseRecognitions>(user).RequestAsync(A13Certificate, Valid());
        Assert.False(refused.Succeeded);
    }

    [Fact]
    public async Task RequestAsync_Valid_SubmittedToTheBureauOfItsLeagueNotifiedAndAudited()
    {
        await using var test = await ServiceHost.CreateAsync();
        await CloseSeededRequestAsync(test);
        var code = AccountTestData.CreditCodeIn("150102", "1234567");

        var outcome = await test.As<EnterpriseRecognitions>("enterprise").RequestAsync(A13Certificate, Valid() with { NewCreditCode = code.ToLowerInvariant() });

        Assert.True(outcome.Succeeded, outcome.Message + string.Join("；", outcome.Errors));
        await using var db = test.SystemContext();
        var request = await db.RenameRequests.SingleAsync(r => r.Id == outcome.RequestId);
        Assert.Equal(RenameRequestState.Submitted, request.State);
        Assert.Equal(WellKnownIds.Bureau("1501"), request.RequestedByBureauId);
        Assert.Equal(DemoSeeder.UserId("enterprise"), request.RequestedByUserId);
        Assert.Equal(("酸奶发酵数字化车间", "青城智造酸奶发酵二号数字化车间", code), (request.PreviousName, request.NewName, request.NewCreditCode));
        Assert.Null(request.BureauOpinion);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "rename.request" && e.EntityId == request.Id.ToString("D")));
        await using var bureau = test.ContextAs("bureau.leader");
        Assert.Contains(await bureau.Notifications.ToListAsync(), n => n.Text.Contains("更名为“青城智造酸奶发酵二号数字化车间”", StringComparison.Ordinal) && n.Link == "/review/renames");
        // The bureau sees it on its page, waiting.
        Assert.Contains(await test.As<Web.Features.Review.RenameForwarding>("bureau.reviewer").ListAsync(), r => r.Id == request.Id && r.Waiting);
        // And a second request is refused while this one is being handled.
        var second = await test.As<EnterpriseRecognitions>("enterprise").RequestAsync(A13Certificate, Valid());
        Assert.Equal("该证书已有一份更名申请正在办理（待盟市转报），办结后才能再次申请", second.Message);
    }

    public static TheoryData<string, string?, string, string, string> BadInputs => new()
    {
        { "", null, "理由", "newName", "请填写更名后的车间/工厂名称" },
        { "酸奶发酵数字化车间", null, "理由", "newName", "新名称与现名称“酸奶发酵数字化车间”相同" },
        { new string('名', 201), null, "理由", "newName", "名称不能超过 200 个字（当前 201 个）" },
        { "新名称", "91150102MA0A1B2C30", "理由", "newCreditCode", "校验码" },
        { "新名称", "911101085923662400", "理由", "newCreditCode", "不在内蒙古自治区" },
        { "新名称", null, "", "reason", "请填写更名原因" },
        { "新名称", null, new string('因', 1001), "reason", "更名原因不能超过 1000 个字（当前 1001 个）" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task RequestAsync_BadInput_ChineseErrorOnTheFieldAndNothingSaved(string name, string? code, string reason, string field, string expected)
    {
        await using var test = await ServiceHost.CreateAsync();
        await CloseSeededRequestAsync(test);

        var outcome = await test.As<EnterpriseRecognitions>("enterprise").RequestAsync(A13Certificate,
            new RenameInput { NewName = name, NewCreditCode = code, Reason = reason });

        Assert.False(outcome.Succeeded);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        await using var db = test.SystemContext();
        Assert.Equal(0, await db.RenameRequests.CountAsync(r => r.State == RenameRequestState.Submitted));
    }

    [Fact]
    public async Task RenameInput_NameAtTheLimit_Accepted()
    {
        var input = Valid() with { NewName = new string('名', RenameInput.MaxNameLength), Reason = new string('因', RenameInput.MaxReasonLength) };

        Assert.Empty(input.Validate("酸奶发酵数字化车间"));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task History_Enterprise_AuditEntriesOfItsApplicationWithChineseLabelsAndActorKinds()
    {
        await using var test = await ServiceHost.CreateAsync();
        var id = await test.SubmitApplicationAsync(1, DemoSeeder.BatchId(2026, 1, Domain.Rules.RecognitionKind.DigitalWorkshop), Domain.Rules.RecognitionKind.DigitalWorkshop, "历史测试数字化车间");
        await test.As<IAuditLog>("enterprise").AppendAsync(new AuditEvent("application.submit", "Application", id.ToString("D"), new { version = 1 }));
        await test.As<IAuditLog>("dept.staff").AppendAsync(new AuditEvent("application.accept", "Application", id.ToString("D"), new { }));

        var detail = await test.As<ApplicationQueries>("enterprise").DetailAsync(id);

        Assert.NotNull(detail);
        Assert.True(detail.AuditVisible);
        Assert.Contains(detail.History, h => h.What == "提交申报（第 1 版）" && h.Actor == "企业" && h.Detail!.StartsWith("哈希 ", StringComparison.Ordinal));
        Assert.Contains(detail.History, h => h.What == "自治区工信厅受理" && h.Actor == "自治区工信厅" && h.Detail is null);
        Assert.DoesNotContain(detail.History, h => h.What.Contains("application.", StringComparison.Ordinal));
        // Names of the department's staff never reach the enterprise: only the kind of actor.
        Assert.DoesNotContain(detail.History, h => (h.Detail ?? string.Empty).Contains("经办人", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("enterprise", "A13", true)]     // its own
    [InlineData("enterprise2", "A13", false)]   // another enterprise's
    [InlineData("bureau.reviewer", "A2", true)] // its 盟市 (1501)
    [InlineData("bureau2.reviewer", "A2", false)] // another 盟市
    [InlineData("expert", "A2", false)]
    [InlineData("auditadmin", "A2", false)]     // reads the audit log itself, but no business data
    public async Task ApplicationHistoryAsync_OnlyForWhoMaySeeTheApplication(string user, string application, bool visible)
    {
        await using var test = await ServiceHost.CreateAsync();
        var id = DemoSeeder.ApplicationId(application);
        // An audited act of the department on the application, so there is something to show.
        await test.As<IAuditLog>("dept.staff").AppendAsync(new AuditEvent("application.state", "Application", id.ToString("D"), new { test = true }));
        await using var db = test.ContextAs(user);

        var entries = await UnfilteredQueries.ApplicationHistoryAsync(db, id);

        Assert.Equal(visible, entries.Count > 0);
    }

    [Fact]
    public void Fold_ConsecutiveSameLinesWithoutDetail_OneLineWithTheCount()
    {
        var at = new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);
        HistoryLine[] lines =
        [
            new(at.AddMinutes(5), "提交申报（第 1 版）", "哈希 abc", "企业"),
            new(at.AddMinutes(3), "上传证明材料", null, "企业"),
            new(at.AddMinutes(2), "上传证明材料", null, "企业"),
            new(at.AddMinutes(1), "上传证明材料", null, "企业"),
            new(at, "创建申报草稿", null, "企业"),
        ];

        var folded = ApplicationQueries.Fold(lines);

        Assert.Equal(["提交申报（第 1 版）", "上传证明材料（3 次）", "创建申报草稿"], folded.Select(l => l.What));
        Assert.Equal(at.AddMinutes(3), folded[1].At);
    }

    private static RenameInput Valid() => new()
    {
        NewName = "青城智造酸奶发酵二号数字化车间",
        Reason = "企业完成品牌整合，车间随之更名，营业执照已变更。",
    };

    /// <summary>The demo's waiting request of A13, as if the bureau had declined it (so a new one may be made).</summary>
    private static async Task CloseSeededRequestAsync(ServiceHost test)
    {
        await using var db = test.SystemContext();
        var seeded = await db.RenameRequests.SingleAsync(r => r.CertificateId == A13Certificate && r.State == RenameRequestState.Submitted);
        seeded.SeedState(RenameRequestState.DeclinedByBureau);
        seeded.BureauOpinion = "请补充工商变更登记材料后重新申请。";
        await db.SaveChangesAsync();
    }
}
