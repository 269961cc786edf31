using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Applications;
using NuMeng.Recognition.Data.Batches;
using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Data.Identity;
using NuMeng.Recognition.Data.Notifications;
using NuMeng.Recognition.Data.Organisations;
using NuMeng.Recognition.Data.Recognition;
using NuMeng.Recognition.Data.Reference;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Data.Tests.Infrastructure;
using NuMeng.Recognition.Domain.Eligibility;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Data.Tests.Mapping;

/// <summary>
/// mappings round-trip on SQLite and on a real PostgreSQL. Each entity is written with every
/// property set to a non-default value (Chinese text, decimals with scale, UTC moments with microseconds, dates,
/// enums stored as names, lists), read back in a fresh context and compared property by property.
/// </summary>
public abstract class MappingRoundTripTests(ITestDatabaseProvider databases)
{
    private static readonly DateTimeOffset At = Timestamps.Normalise(new DateTimeOffset(2026, 2, 13, 9, 30, 15, TimeSpan.Zero).AddTicks(1234567));
    private static readonly Guid Enterprise1 = DemoSeeder.Enterprise(1);
    private static readonly Guid Applicant = DemoSeeder.UserId("enterprise");

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new NormalisedDecimal(), new JsonStringEnumConverter() },
    };

    [ProviderFact]
    public async Task Organisation_AllProperties_RoundTrip() => await RoundTripAsync(new Organisation
    {
        Kind = OrganisationKind.Enterprise,
        Name = "锡林郭勒草原风电装备有限公司",
        CreditCode = "91152502MA0TEMQ7K" + CreditCode.ComputeCheckCharacter("91152502MA0TEMQ7K"),
        LeagueCode = "1525",
        LeagueConfirmed = true,
        Industry = "风电装备",
        ManufacturingType = ManufacturingType.Mixed,
        LegalStatus = LegalStatus.Branch,
        ParentGroupName = "北疆能源集团",
        ParentCreditCode = "91150100MA0PARENTX",
        ContactName = "张三",
        ContactPhone = "0479-1234567",
        ContactEmail = "a@b.cn",
        Address = "锡林浩特市",
    });

    [ProviderFact]
    public async Task Expert_ListsAndText_RoundTrip() => await RoundTripAsync(new Expert
    {
        Name = "测试专家",
        Title = "教授",
        EmployerName = "内蒙古大学",
        EmployerCreditCode = "12150000460010000X",
        EmployerOrganisationId = Enterprise1,
        Fields = ["智能制造", "工业互联网", "能碳管理"],
        LeagueCode = "1501",
        ConsultancyLinks = ["某咨询有限公司"],
        Phone = "13900000000",
        IsActive = false,
    });

    [ProviderFact]
    public async Task Batch_DatesAndEnums_RoundTrip() => await RoundTripAsync(Seeded(new Batch
    {
        Year = 2027,
        Round = 2,
        Kind = RecognitionKind.TierExcellent,
        Title = "2027年第二批卓越级智能工厂",
        RuleSetCode = "NM-2025-TIER",
        RuleSetVersion = "2",
        SceneCatalogueCode = "NM-2025-SCENES",
        SceneCatalogueVersion = "2026",
        ApplicationOpensOn = new DateOnly(2027, 2, 28),
        ApplicationClosesOn = new DateOnly(2027, 12, 31),
        BureauReviewDeadline = new DateOnly(2028, 1, 15),
        ExpertReviewDeadline = new DateOnly(2028, 2, 29),
        EntrustedAgencyId = DemoSeeder.Agency,
        PerLeagueCap = 3,
    }, b => b.SeedState(BatchState.Closed)));

    [ProviderFact]
    public async Task ApplicationAndVersion_FrozenContent_RoundTripAndHashVerifies()
    {
        await using var database = await databases.CreateSeededAsync();
        var application = new Application
        {
            EnterpriseId = Enterprise1,
            BatchId = DemoSeeder.BatchId(2026, 1, RecognitionKind.SmartFactory),
            Kind = RecognitionKind.SmartFactory,
            WorkshopOrFactoryName = "测试工厂",
            CurrentDraftJson = """{"b":1.50,"a":"中文","c":[3,2,1]}""",
            ConsultancyName = "咨询",
            LeagueCode = "1501",
            LatestVersionNumber = 1,
            LastSubmittedAt = At,
        };
        application.SeedState(ApplicationState.RemovedAfterObjection);
        var attachment = new Attachment
        {
            OwnerOrganisationId = Enterprise1,
            ApplicationId = application.Id,
            ItemKey = "technical.equipmentList",
            OriginalFileName = "装备清单（2026）.pdf",
            StoredName = Guid.NewGuid().ToString("N") + ".pdf",
            ContentType = "application/pdf",
            SizeBytes = 5_000_000_123,
            Sha256 = new string('a', 64),
            UploadedAt = At,
            UploadedByUserId = Applicant,
            RemovedAt = At.AddDays(1),
        };
        var version = ApplicationVersion.Freeze(application.Id, 1, application.CurrentDraftJson, [attachment], At, Applicant);
        await using (var db = database.SystemContext())
        {
            db.AddRange(application, attachment, version);
            await db.SaveChangesAsync();
        }

        await using var read = database.SystemContext();
        AssertSame(application, await read.Applications.SingleAsync(a => a.Id == application.Id), "Versions");
        AssertSame(attachment, await read.Attachments.SingleAsync(a => a.Id == attachment.Id));
        var stored = await read.ApplicationVersions.Include(v => v.Attachments).SingleAsync(v => v.Id == version.Id);
        AssertSame(version, stored);
        Assert.Equal("""{"a":"中文","b":1.5,"c":[3,2,1]}""", stored.ContentJson);
        Assert.Equal(stored.ContentHash, stored.ComputeHash());
    }

    [ProviderFact]
    public async Task BureauReview_OwnedReasonsKeepOrder_RoundTrip() => await RoundTripAsync(new BureauReview
    {
        ApplicationId = DemoSeeder.ApplicationId("A2"),
        ApplicationVersionId = await VersionOfAsync("A2"),
        BureauOrganisationId = WellKnownIds.Bureau("1501"),
        Decision = BureauDecision.Reject,
        ItemReasons =
        [
            new() { ItemKey = "z.last", Reason = "第一条理由" },
            new() { ItemKey = "a.first", Reason = "第二条理由" },
            new() { ItemKey = "m.middle", Reason = "第三条理由" },
        ],
        OpinionText = "不予推荐。",
        Ranking = 7,
        ReviewedByUserId = DemoSeeder.UserId("bureau.reviewer"),
        SignedByLeaderUserId = DemoSeeder.UserId("bureau.leader"),
        SignedAt = At,
    });

    [ProviderFact]
    public async Task ExpertAssignmentAndScore_RoundTrip()
    {
        await using var database = await databases.CreateSeededAsync();
        var assignment = new ExpertAssignment
        {
            ExpertId = DemoSeeder.ExpertId(4),
            ApplicationId = DemoSeeder.ApplicationId("A8"),
            ApplicationVersionId = await VersionOfAsync("A8"),
            BatchId = DemoSeeder.BatchId(2025, 2, RecognitionKind.SmartFactory),
            PanelName = "第二评审组",
            Role = PanelRole.Member,
            Conflict = ConflictDeclaration.Declared,
            ConflictReason = "曾为该企业提供咨询",
            DeclaredAt = At,
            Recused = true,
            AssignedByUserId = DemoSeeder.UserId("agency"),
        };
        await RoundTripAsync(database, assignment);
        await RoundTripAsync(database, new ExpertScore
        {
            AssignmentId = WellKnownIds.For($"demo:assignment:{DemoSeeder.ApplicationId("A8")}:2"),
            Items = [new() { RubricItemCode = "kpi", Points = 17.25m, Comment = "良" }, new() { RubricItemCode = "equipment", Points = 0.5m }],
            TotalPoints = 17.75m,
            OverallComment = "评语",
            SubmittedAt = At,
        });
    }

    [ProviderFact]
    public async Task OnSiteCheck_RoundTrip() => await RoundTripAsync(new OnSiteCheck
    {
        ApplicationId = DemoSeeder.ApplicationId("A8"),
        ApplicationVersionId = await VersionOfAsync("A8"),
        PanelName = "核查组",
        CheckedOn = new DateOnly(2026, 2, 28),
        LeaderExpertId = DemoSeeder.ExpertId(1),
        Items = [new() { ItemKey = "mes", Description = "制造执行系统", Confirmed = false, Note = "未见能源管理模块" }],
        Conclusion = "部分不符",
        Passed = false,
        SubmittedAt = At,
    });

    [ProviderFact]
    public async Task DecisionsNoticeAndObjection_RoundTrip()
    {
        await using var database = await databases.CreateSeededAsync();
        var batch = DemoSeeder.BatchId(2026, 1, RecognitionKind.DigitalWorkshop);
        var a2 = DemoSeeder.ApplicationId("A2");
        var list = new PreSelectionList { BatchId = batch, Title = "预选名单", ProposedAt = At, ProposedByUserId = DemoSeeder.UserId("dept.staff") };
        var entry = new PreSelectionEntry { PreSelectionListId = list.Id, ApplicationId = a2, Rank = 2, Score = 88.125m };
        var decision = new PartyGroupDecision { BatchId = batch, PreSelectionListId = list.Id, MeetingNumber = "第5次", MeetingDate = new DateOnly(2026, 10, 10) };
        var approved = new PartyGroupDecisionEntry { PartyGroupDecisionId = decision.Id, ApplicationId = a2 };
        var notice = new PublicNotice
        {
            BatchId = batch, Title = "公示", PublishedOn = new DateOnly(2026, 9, 18), PeriodLength = 5,
            PeriodUnit = PeriodUnit.WorkingDays, EndsOn = new DateOnly(2026, 9, 24),
            ObjectionContact = "电话",
        };
        notice.SeedState(PublicNoticeState.Closed);
        var noticeEntry = new PublicNoticeEntry
        {
            PublicNoticeId = notice.Id, ApplicationId = a2, Order = 1, EnterpriseName = "企业", WorkshopOrFactoryName = "工厂", LeagueCode = "1501",
        };
        var objection = new Objection
        {
            PublicNoticeId = notice.Id, ApplicationId = a2, ObjectorKind = ObjectorKind.Unit, ObjectorName = "某单位",
            Contact = "0471-1", Content = "异议内容", Confidential = true, ReceivedAt = At,
            VerificationNotes = "已核实", DecisionReasons = "不成立", DecidedAt = At.AddDays(2),
        };
        objection.SeedState(ObjectionState.Dismissed);
        await RoundTripAsync(database, list, "Entries");
        await RoundTripAsync(database, entry);
        await RoundTripAsync(database, decision, "ApprovedEntries");
        await RoundTripAsync(database, approved);
        await RoundTripAsync(database, notice, "Entries");
        await RoundTripAsync(database, noticeEntry);
        await RoundTripAsync(database, objection);
    }

    [ProviderFact]
    public async Task CertificateRenameAndRevocation_RoundTrip()
    {
        await using var database = await databases.CreateSeededAsync();
        var a2 = DemoSeeder.ApplicationId("A2");
        var publication = new Publication { BatchId = DemoSeeder.BatchId(2026, 1, RecognitionKind.SmartFactory), DocumentNumber = "内工信〔2026〕99号", Title = "公布", PublishedOn = new DateOnly(2026, 12, 1) };
        var certificate = new Certificate
        {
            Number = "NMSF-2026-9999", ApplicationId = a2, EnterpriseId = DemoSeeder.Enterprise(2), Kind = RecognitionKind.SmartFactory,
            PublicationId = publication.Id, AwardedOn = new DateOnly(2026, 12, 20), ValidUntil = new DateOnly(2031, 12, 19),
            VerificationCode = "ABCDEF123456", EnterpriseName = "新名称", WorkshopOrFactoryName = "工厂",
            NameHistory = [new() { PreviousName = "旧名一", NewName = "旧名二", ChangedOn = new DateOnly(2027, 1, 1) }, new() { PreviousName = "旧名二", NewName = "新名称", ChangedOn = new DateOnly(2028, 1, 1), RenameRequestId = Guid.NewGuid() }],
        };
        certificate.SeedStatus(CertificateStatus.Revoked);
        await RoundTripAsync(database, publication);
        await RoundTripAsync(database, certificate);
        await RoundTripAsync(database, Seeded(new RenameRequest
        {
            CertificateId = certificate.Id, ApplicationId = a2, RequestedByBureauId = WellKnownIds.Bureau("1501"),
            PreviousName = "旧", NewName = "新", NewCreditCode = DemoSeeder.CreditCodeOf(2), Reason = "重组",
            DecidedAt = At, DecisionNote = "同意",
        }, r => r.SeedState(RenameRequestState.Approved)));
        await RoundTripAsync(database, new Revocation
        {
            CertificateId = certificate.Id, ApplicationId = a2, Ground = RevocationGround.MajorAccident, Evidence = "事故通报",
            RevokedOn = new DateOnly(2027, 3, 1), DecidedByUserId = DemoSeeder.UserId("dept.leader"),
        });
    }

    [ProviderFact]
    public async Task ReferenceAndNotification_RoundTrip()
    {
        await using var database = await databases.CreateSeededAsync();
        await RoundTripAsync(database, new HolidayEntry { Date = new DateOnly(2027, 1, 1), Kind = HolidayKind.Holiday, Name = "元旦" });
        await RoundTripAsync(database, new RuleSetRecord { Code = "NM-TEST", Version = "9", Name = "测试规则", SourceDocument = "文件", EffectiveDate = new DateOnly(2027, 1, 1), PayloadJson = """{"x":1}""" });
        await RoundTripAsync(database, new SceneCatalogueRecord { Code = "NM-SC", Version = "1", Name = "场景", SourceDocument = "附件3", EffectiveDate = new DateOnly(2027, 1, 1), PayloadJson = "[]" });
        await RoundTripAsync(database, new Notification { UserId = Applicant, Text = "通知", Link = "/x", ReadAt = At });
    }

    [ProviderFact]
    public async Task AppUser_CustomProperties_RoundTrip()
    {
        await using var database = await databases.CreateSeededAsync();
        var user = new AppUser
        {
            UserName = "roundtrip", NormalizedUserName = "ROUNDTRIP", DisplayName = "往返测试", OrganisationId = Enterprise1,
            PasswordChangedAt = At, CreatedAt = At, IsActive = false, LockoutEnabled = true, LockoutEnd = At.AddMinutes(15),
        };
        await using (var db = database.SystemContext())
        {
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }
        await using var read = database.SystemContext();
        AssertSame(user, await read.Users.SingleAsync(u => u.Id == user.Id));
    }

    private async Task<Guid> VersionOfAsync(string key)
    {
        var database = await databases.SharedSeededAsync();
        await using var db = database.SystemContext();
        return await db.ApplicationVersions.Where(v => v.ApplicationId == DemoSeeder.ApplicationId(key)).Select(v => v.Id).SingleAsync();
    }

    private async Task RoundTripAsync<T>(T entity, params string[] ignore)
        where T : Entity
    {
        await using var database = await databases.CreateSeededAsync();
        await RoundTripAsync(database, entity, ignore);
    }

    private static async Task RoundTripAsync<T>(TestDatabase database, T entity, params string[] ignore)
        where T : Entity
    {
        await using (var db = database.SystemContext())
        {
            db.Add(entity);
            await db.SaveChangesAsync();
        }
        Assert.NotEqual(Guid.Empty, entity.ConcurrencyStamp);
        await using var read = database.SystemContext();
        var stored = await read.Set<T>().IgnoreQueryFilters().SingleAsync(e => e.Id == entity.Id);
        AssertSame(entity, stored, ignore);
    }

    private static void AssertSame<T>(T expected, T actual, params string[] ignore)
    {
        Assert.Equal(Serialise(expected, ignore), Serialise(actual, ignore));
    }

    private static string Serialise<T>(T value, string[] ignore)
    {
        var node = JsonSerializer.SerializeToNode(value, Json)!.AsObject();
        foreach (var name in ignore)
        {
            node.Remove(name);
        }
        return node.ToJsonString(Json);
    }

    /// <summary>1.50 and 1.5 are the same decimal; databases return their own scale.</summary>
    private sealed class NormalisedDecimal : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.ToString("0.############################", CultureInfo.InvariantCulture));
    }

    /// <summary>An entity put in a later state the way the demo seeder does, for mapping checks.</summary>
    private static T Seeded<T>(T entity, Action<T> seed)
    {
        seed(entity);
        return entity;
    }
}

public sealed class SqliteMappingRoundTripTests() : MappingRoundTripTests(SqliteDatabases.Instance);

[RequiresPostgres]
[Collection(PostgresServer.CollectionName)]
public sealed class PostgresMappingRoundTripTests(PostgresServer server) : MappingRoundTripTests(PostgresDatabases.For(server));
