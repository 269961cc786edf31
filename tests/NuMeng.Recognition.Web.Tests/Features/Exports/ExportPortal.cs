using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Recognition;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Web.Tests.Infrastructure;
using NuMeng.Recognition.Web.Tests.Tenancy;

namespace NuMeng.Recognition.Web.Tests.Features.Exports;

/// <summary>
/// One running portal with its own demo database for the export and dashboard tests, plus the rows the demo lacks for
/// three lists (arranged once, through a System-actor context of this portal's own database): the certificate of A10 ends
/// in 30 days (即将到期), A9 holds a smart-factory certificate (可推荐国家级), an objection against A9 and a rename request
/// for A13. One signed-in session per demo account (each authenticator code is used once).
/// </summary>
public sealed class ExportPortal : IAsyncLifetime
{
    public const string NationalNumber = "NMZF-2025-0009";
    public const string ObjectionCase = "YY-2025-0001";
    public const string ObjectorName = "赵某某";
    public const string RenamedTo = "酸奶发酵数字化车间（二期）";

    public PortalFactory Portal { get; } = new();

    /// <summary>Today in Beijing, as the portal computes it.</summary>
    public DateOnly Today { get; } = ChinaTime.Today(TimeProvider.System);

    /// <summary>A signed-in session of a demo account (one per account); "anonymous": a fresh client.</summary>
    public Task<HttpClient> As(string user) => Portal.ClientAsync(user);

    /// <summary>A context that sees everything, on this portal's database (arrangement and audit assertions).</summary>
    public RecognitionDbContext SystemContext() => Portal.SystemContext("导出测试");

    public async Task InitializeAsync()
    {
        _ = Portal.RootUri;
        await using var db = SystemContext();
        var a10 = await db.Certificates.SingleAsync(c => c.Number == "NMDW-2025-0001");
        a10.ValidUntil = Today.AddDays(30);
        var a9 = await db.Applications.SingleAsync(a => a.Id == DemoSeeder.ApplicationId("A9"));
        db.Certificates.Add(new Certificate
        {
            Number = NationalNumber,
            ApplicationId = a9.Id,
            EnterpriseId = a9.EnterpriseId,
            Kind = RecognitionKind.SmartFactory,
            AwardedOn = new DateOnly(2025, 12, 20),
            ValidUntil = new DateOnly(2030, 12, 19),
            VerificationCode = "TESTNATIONAL",
            EnterpriseName = "北疆有色集团赤峰红山冶炼分公司",
            WorkshopOrFactoryName = a9.WorkshopOrFactoryName,
        });
        var notice = await db.PublicNotices.FirstAsync();
        db.Objections.Add(new Objection
        {
            PublicNoticeId = notice.Id,
            ApplicationId = a9.Id,
            ObjectorKind = ObjectorKind.Individual,
            ObjectorName = ObjectorName,
            Contact = "13900000000",
            Content = "测试异议内容",
            ReceivedAt = new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero),
            CaseNumber = ObjectionCase,
        });
        var a13 = await db.Certificates.SingleAsync(c => c.Number == "NMDW-2025-0003");
        db.RenameRequests.Add(new RenameRequest
        {
            CertificateId = a13.Id,
            ApplicationId = a13.ApplicationId,
            RequestedByBureauId = WellKnownIds.Bureau("1501"),
            PreviousName = a13.WorkshopOrFactoryName,
            NewName = RenamedTo,
            Reason = "车间扩建后更名",
        });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await Portal.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ExportCollection : ICollectionFixture<ExportPortal>
{
    public const string Name = "exports";
}
