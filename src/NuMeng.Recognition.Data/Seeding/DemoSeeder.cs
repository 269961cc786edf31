using LegalStatus = NuMeng.Recognition.Domain.Eligibility.LegalStatus;
using NuMeng.Recognition.Domain.Applications;
using NuMeng.Recognition.Domain.Calendar;
using NuMeng.Recognition.Domain.Kpi;
using NuMeng.Recognition.Domain.Regions;
using NuMeng.Recognition.Domain.Technical;
using NuMeng.Recognition.Domain.Tiers;

namespace NuMeng.Recognition.Data.Seeding;

/// <summary>
/// The demo data set: the agency, 12 enterprises across 11 盟市 and all three manufacturing types, 10
/// experts, an open 2026 batch of each kind plus two closed 2025 batches, applications in every demo state with frozen
/// versions, reviews, assignments, scores, a public notice, certificates (one revoked), and one account per role
/// (DEMO-ACCOUNTS.md). Only run when <c>Demo:Seed=true</c>; never in production. Idempotent: business rows are skipped
/// when the agency exists, accounts when their user name exists, audit events when already recorded.
/// All names are fictitious.
/// </summary>
public sealed class DemoSeeder
{
    /// <summary>Password of every demo account (meets the portal's password policy).</summary>
    public const string DemoPassword = "Demo@2026!";

    /// <summary>
    /// Authenticator key (RFC 4648 base32, 20 bytes) of every demo account whose role must sign in with two factors
    /// (<see cref="TwoFactorRoles"/>): documented in DEMO-ACCOUNTS.md so a demo user can add it to an authenticator app
    /// and tests can compute the codes (RFC 6238: HMAC-SHA-1, 30 s, 6 digits — Identity's authenticator provider).
    /// Fixed and public: demo only, never in production.
    /// </summary>
    public const string DemoAuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    /// <summary>Roles whose demo accounts get <see cref="DemoAuthenticatorKey"/> and two-factor sign-in turned on.</summary>
    public static IReadOnlySet<ActorRole> TwoFactorRoles { get; } = new HashSet<ActorRole>
    {
        ActorRole.DepartmentStaff, ActorRole.DepartmentLeader,
        ActorRole.SystemAdministrator, ActorRole.SecurityAdministrator, ActorRole.AuditAdministrator,
    };

    public static Guid Agency { get; } = WellKnownIds.For("demo:agency");

    public static Guid Enterprise(int n) => WellKnownIds.For($"demo:enterprise:{n}");

    public static Guid ExpertId(int n) => WellKnownIds.For($"demo:expert:{n}");

    public static Guid ApplicationId(string key) => WellKnownIds.For($"demo:application:{key}");

    public static Guid BatchId(int year, int round, RecognitionKind kind) => WellKnownIds.For($"demo:batch:{year}:{round}:{kind}");

    /// <summary>The demo accounts: user name, role, organisation (or expert), display name.</summary>
    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("enterprise", ActorRole.EnterpriseApplicant, Enterprise(1), null, "青城智造乳业 申报专员"),
        new("enterprise2", ActorRole.EnterpriseApplicant, Enterprise(3), null, "北方重型装备 申报专员"),
        new("bureau.reviewer", ActorRole.BureauReviewer, WellKnownIds.Bureau("1501"), null, "呼和浩特市工信局 审核员"),
        new("bureau.leader", ActorRole.BureauLeader, WellKnownIds.Bureau("1501"), null, "呼和浩特市工信局 负责人"),
        new("bureau2.reviewer", ActorRole.BureauReviewer, WellKnownIds.Bureau("1502"), null, "包头市工信局 审核员"),
        new("dept.staff", ActorRole.DepartmentStaff, WellKnownIds.Department, null, "工信厅 经办人"),
        new("dept.leader", ActorRole.DepartmentLeader, WellKnownIds.Department, null, "工信厅 负责人"),
        new("agency", ActorRole.AgencyCoordinator, Agency, null, "评估中心 联络人"),
        new("expert", ActorRole.Expert, null, ExpertId(1), "王建国（专家）"),
        new("expert2", ActorRole.Expert, null, ExpertId(2), "李慧敏（专家）"),
        new("sysadmin", ActorRole.SystemAdministrator, WellKnownIds.Department, null, "系统管理员"),
        new("secadmin", ActorRole.SecurityAdministrator, WellKnownIds.Department, null, "安全管理员"),
        new("auditadmin", ActorRole.AuditAdministrator, WellKnownIds.Department, null, "审计管理员"),
        // Further accounts so every demo row has a real author: the other enterprises' applicants and the leaders of the
        // bureaus whose applications are further along.
        .. new[] { 2, 4, 5, 6, 7, 8, 9, 10, 11, 12 }.Select(n => new DemoAccount(
            EnterpriseUserName(n), ActorRole.EnterpriseApplicant, Enterprise(n), null, $"企业{n:D2} 申报专员")),
        .. new[] { "1502", "1504", "1505", "1506", "1507" }.Select(code => new DemoAccount(
            $"leader.{code}", ActorRole.BureauLeader, WellKnownIds.Bureau(code), null, $"盟市工信局负责人（{code}）")),
    ];

    /// <summary>User name of the applicant account of demo enterprise <paramref name="n"/>.</summary>
    public static string EnterpriseUserName(int n) => n switch
    {
        1 => "enterprise",
        3 => "enterprise2",
        _ => $"enterprise.{n:D2}",
    };

    /// <summary>Id of a demo account.</summary>
    public static Guid UserId(string userName) => WellKnownIds.For($"demo:user:{userName}");

    private static string ReviewerOf(string league) => league switch
    {
        "1501" => "bureau.reviewer",
        "1502" => "bureau2.reviewer",
        _ => $"leader.{league}",
    };

    private static string LeaderOf(string league) => league == "1501" ? "bureau.leader" : $"leader.{league}";

    private static readonly (int N, string Region, string Name, string Industry, ManufacturingType Type, LegalStatus Status, string? Parent)[] Enterprises =
    [
        (1, "150102", "呼和浩特青城智造乳业有限公司", "乳制品制造", ManufacturingType.Process, LegalStatus.IndependentLegalPerson, null),
        (2, "150104", "呼和浩特云谷电子科技有限公司", "电子信息", ManufacturingType.Discrete, LegalStatus.IndependentLegalPerson, null),
        (3, "150203", "包头北方重型装备制造有限公司", "装备制造", ManufacturingType.Discrete, LegalStatus.IndependentLegalPerson, null),
        (4, "150207", "包头鹿城稀土新材料有限公司", "稀土新材料", ManufacturingType.Mixed, LegalStatus.IndependentLegalPerson, null),
        (5, "150302", "乌海黄河精细化工有限公司", "精细化工", ManufacturingType.Process, LegalStatus.IndependentLegalPerson, null),
        (6, "150402", "北疆有色集团赤峰红山冶炼分公司", "有色金属冶炼", ManufacturingType.Process, LegalStatus.Branch, "北疆有色集团有限公司"),
        (7, "150502", "通辽科尔沁玉米生物科技有限公司", "生物发酵", ManufacturingType.Mixed, LegalStatus.IndependentLegalPerson, null),
        (8, "150602", "鄂尔多斯高原煤化工有限公司", "现代煤化工", ManufacturingType.Process, LegalStatus.IndependentLegalPerson, null),
        (9, "150627", "鄂尔多斯绒纺服饰制造有限公司", "纺织服装", ManufacturingType.Discrete, LegalStatus.IndependentLegalPerson, null),
        (10, "150702", "呼伦贝尔草原肉业食品有限公司", "肉类加工", ManufacturingType.Mixed, LegalStatus.IndependentLegalPerson, null),
        (11, "150802", "巴彦淖尔河套农机装备有限公司", "农机装备", ManufacturingType.Discrete, LegalStatus.IndependentLegalPerson, null),
        (12, "150902", "乌兰察布集宁新能源装备有限公司", "新能源装备", ManufacturingType.Discrete, LegalStatus.IndependentLegalPerson, null),
    ];

    private static readonly (int N, string Name, string Title, string Employer, string[] Fields, string League, string[] Consultancies)[] ExpertRows =
    [
        (1, "王建国", "教授", "内蒙古工业大学", ["装备制造", "工业互联网"], "1501", []),
        (2, "李慧敏", "正高级工程师", "内蒙古自治区工业和信息化研究院", ["智能制造", "制造执行系统"], "1501", []),
        (3, "张志强", "研究员", "包头稀土研究院", ["稀土新材料", "流程工业"], "1502", []),
        (4, "刘海燕", "高级工程师", "内蒙古电力科学研究院", ["能源管理", "节能"], "1501", []),
        (5, "陈卫东", "教授", "内蒙古科技大学", ["冶金", "工业自动化"], "1502", []),
        (6, "杨晓红", "高级工程师", "鄂尔多斯市能源研究院", ["煤化工", "安全管控"], "1506", []),
        (7, "赵立新", "副教授", "内蒙古大学", ["工业软件", "数据中台"], "1501", []),
        (8, "黄明远", "正高级工程师", "赤峰市质量技术研究院", ["质量管理", "检验检测"], "1504", []),
        (9, "周丽娟", "高级工程师", "北疆智能制造咨询有限公司", ["数字化车间", "精益生产"], "1506", ["北疆智能制造咨询有限公司"]),
        (10, "吴国栋", "教授级高工", "内蒙古农业大学", ["食品加工", "冷链物流"], "1507", []),
    ];

    /// <summary>
    /// The bytes of a demo attachment, from its stored name (the seeder writes metadata only; the web app's file store
    /// can produce the file on first use — its SHA-256 matches the seeded row).
    /// </summary>
    public static byte[] DemoAttachmentBytes(string storedName) =>
        Encoding.UTF8.GetBytes($"%PDF-1.4\n% 演示附件（NuMeng 演示数据）：{storedName}\n%%EOF\n");

    private readonly IServiceProvider _services;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _time;

    public DemoSeeder(IServiceProvider services, IAuditLog audit, TimeProvider time)
    {
        _services = services;
        _audit = audit;
        _time = time;
    }

    /// <summary>The GB 32100-2015 credit code of demo enterprise <paramref name="n"/> (valid check character, 15xxxx region).</summary>
    public static string CreditCodeOf(int n) => CreditCodeFor(Enterprises.Single(e => e.N == n).Region, n);

    private static string CreditCodeFor(string region, int n)
    {
        // 9 = 工商, 1 = 企业; characters 3–8 the registering authority's region code; 9–17 a made-up subject code.
        var first17 = $"91{region}MA0{n:D2}NMQ7";
        return first17 + CreditCode.ComputeCheckCharacter(first17);
    }

    /// <summary>Seeds the demo into <paramref name="db"/> (a System-actor context), then the accounts and audit events.</summary>
    public async Task SeedAsync(RecognitionDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var seededBusiness = false;
        // 1. Organisations and experts (accounts refer to them), 2. accounts (workflow rows refer to their authors),
        // 3. the workflow rows. Each step is skipped when already done, so a run interrupted half-way completes.
        if ((await UnfilteredQueries.SeededIdsAsync<Organisation>(db, [Agency], cancellationToken)).Count == 0)
        {
            AddDirectory(db);
            await db.SaveChangesAsync(cancellationToken);
        }
        await SeedAccountsAsync(cancellationToken);
        if ((await UnfilteredQueries.SeededIdsAsync<Batch>(db, [BatchId(2026, 1, RecognitionKind.DigitalWorkshop)], cancellationToken)).Count == 0)
        {
            AddWorkflowData(db, today);
            await db.SaveChangesAsync(cancellationToken);
            seededBusiness = true;
        }
        if (seededBusiness || !await UnfilteredQueries.DemoAuditSeededAsync(db, "demo.seed", cancellationToken))
        {
            await SeedAuditAsync(db, cancellationToken);
        }
        await SeedNotificationsAsync(db, cancellationToken);
    }

    private async Task SeedAccountsAsync(CancellationToken cancellationToken)
    {
        var users = _services.GetService<UserManager<AppUser>>()
            ?? throw new InvalidOperationException(
                "演示数据需要 ASP.NET Core Identity：请先注册 AddIdentityCore<AppUser>().AddRoles<AppRole>().AddEntityFrameworkStores<RecognitionDbContext>()");
        var now = Common.Timestamps.Normalise(_time.GetUtcNow());
        foreach (var account in Accounts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await users.FindByNameAsync(account.UserName) is { } existing)
            {
                // Databases seeded before two-factor keys existed get them too (idempotent).
                await EnsureDemoTwoFactorAsync(users, existing, account);
                continue;
            }
            var user = new AppUser
            {
                Id = UserId(account.UserName),
                UserName = account.UserName,
                Email = $"{account.UserName}@demo.numeng.local",
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                OrganisationId = account.OrganisationId,
                ExpertId = account.ExpertId,
                PasswordChangedAt = now,
                LockoutEnabled = true,
            };
            // Stored as a hash, past the password validators: the portal refuses the published demo password (and other
            // common ones) for every NEW password, but the demo accounts must keep it.
            user.PasswordHash = users.PasswordHasher.HashPassword(user, DemoPassword);
            Check(await users.CreateAsync(user), account.UserName);
            Check(await users.AddToRoleAsync(user, RoleNames.Of(account.Role)), account.UserName);
            await EnsureDemoTwoFactorAsync(users, user, account);
        }
    }

    private async Task EnsureDemoTwoFactorAsync(UserManager<AppUser> users, AppUser user, DemoAccount account)
    {
        if (!TwoFactorRoles.Contains(account.Role) || (user.TwoFactorEnabled && await users.GetAuthenticatorKeyAsync(user) is not null))
        {
            return;
        }
        // UserManager only generates random keys; the store sets the documented one. SetTwoFactorEnabledAsync saves both.
        var store = _services.GetRequiredService<IUserStore<AppUser>>() as IUserAuthenticatorKeyStore<AppUser>
            ?? throw new InvalidOperationException("Identity 用户存储不支持身份验证器密钥");
        await store.SetAuthenticatorKeyAsync(user, DemoAuthenticatorKey, CancellationToken.None);
        Check(await users.SetTwoFactorEnabledAsync(user, true), account.UserName);
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"创建演示账号 {userName} 失败：" + string.Join("；", result.Errors.Select(e => e.Description)));
        }
    }

    private async Task SeedAuditAsync(RecognitionDbContext db, CancellationToken cancellationToken)
    {
        await _audit.AppendAsync(db, new AuditEvent("demo.seed", "Database", null, new { note = "演示数据已生成" }), cancellationToken);
        var applications = await db.Applications.AsNoTracking()
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.State, a.LatestVersionNumber })
            .ToListAsync(cancellationToken);
        foreach (var a in applications.Where(a => a.State != ApplicationState.Draft))
        {
            await _audit.AppendAsync(db, new AuditEvent("application.state", "Application", a.Id.ToString("D"),
                new { state = a.State.ToString(), version = a.LatestVersionNumber }), cancellationToken);
        }
    }

    private static async Task SeedNotificationsAsync(RecognitionDbContext db, CancellationToken cancellationToken)
    {
        var userId = UserId("enterprise");
        var id = WellKnownIds.For("demo:notification:1");
        if ((await UnfilteredQueries.SeededIdsAsync<Notification>(db, [id], cancellationToken)).Count > 0
            || !await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            return;
        }
        db.Notifications.Add(new Notification
        {
            Id = id,
            UserId = userId,
            Text = "您的申报“乳制品基础级智能工厂”已由呼和浩特市工业和信息化局推荐上报",
            Link = $"/applications/{ApplicationId("A7"):D}",
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void AddDirectory(RecognitionDbContext db)
    {
        db.Organisations.Add(new Organisation
        {
            Id = Agency,
            Kind = OrganisationKind.Agency,
            Name = "内蒙古智能制造评估中心（演示）",
            CreditCode = CreditCodeFor("150105", 90),
            LeagueCode = "1501",
            ContactName = "孙明",
            ContactPhone = "0471-0000000",
        });
        foreach (var e in Enterprises)
        {
            var league = InnerMongoliaRegions.LeagueOf(e.Region)!;
            db.Organisations.Add(new Organisation
            {
                Id = Enterprise(e.N),
                Kind = OrganisationKind.Enterprise,
                Name = e.Name,
                CreditCode = CreditCodeFor(e.Region, e.N),
                LeagueCode = league.Code,
                LeagueConfirmed = true,
                Industry = e.Industry,
                ManufacturingType = e.Type,
                LegalStatus = e.Status,
                ParentGroupName = e.Parent,
                ParentCreditCode = e.Parent is null ? null : CreditCodeFor("150402", 80),
                ContactName = "联系人" + e.N,
                ContactPhone = $"0470-00000{e.N:D2}",
                ContactEmail = $"contact{e.N}@demo.numeng.local",
                Address = league.Name,
            });
        }
        foreach (var x in ExpertRows)
        {
            db.Experts.Add(new Expert
            {
                Id = ExpertId(x.N),
                Name = x.Name,
                Title = x.Title,
                EmployerName = x.Employer,
                Fields = [.. x.Fields],
                LeagueCode = x.League,
                ConsultancyLinks = [.. x.Consultancies],
                Phone = $"1390471{x.N:D4}",
            });
        }
    }

    private static void AddWorkflowData(RecognitionDbContext db, DateOnly today)
    {
        var calendar = HolidayCalendars.China2025And2026();

        // The rule-set versions are reference data every installation gets (ReferenceDataSeeder.SeedRuleSetsAsync).
        db.SceneCatalogueRecords.Add(new SceneCatalogueRecord
        {
            Id = WellKnownIds.For("scenes:NM-2025-SCENES@2025-provisional"),
            Code = "NM-2025-SCENES", Version = "2025-provisional",
            Name = "智能工厂梯度建设典型场景目录（暂行）",
            SourceDocument = "典型场景参考标准（附件 3，暂缺；暂行目录）",
            EffectiveDate = new DateOnly(2025, 1, 1),
            PayloadJson = """{"note":"目录由领域代码构建；此处保存标识"}""",
        });

        // Batches: an open 2026 batch of each kind, and two closed 2025 batches for the later stages.
        foreach (var kind in Enum.GetValues<RecognitionKind>())
        {
            var tier = RecognitionKinds.IsTier(kind);
            var open = new Batch
            {
                Id = BatchId(2026, 1, kind),
                Year = 2026,
                Round = 1,
                Kind = kind,
                Title = $"2026年第一批{RecognitionKinds.Label(kind)}认定（演示）",
                RuleSetCode = tier ? "NM-2025-TIER" : "NM-2024-TECH",
                RuleSetVersion = "1",
                SceneCatalogueCode = tier ? "NM-2025-SCENES" : null,
                SceneCatalogueVersion = tier ? "2025-provisional" : null,
                ApplicationOpensOn = new DateOnly(2026, 10, 1),
                ApplicationClosesOn = new DateOnly(2026, 12, 31),
                BureauReviewDeadline = new DateOnly(2027, 1, 31),
                ExpertReviewDeadline = new DateOnly(2027, 3, 31),
                EntrustedAgencyId = Agency,
                PerLeagueCap = 5,
            };
            open.Open(BatchWorkflow.Decide(open.State, BatchAction.Open, [ActorRole.DepartmentStaff]));
            db.Batches.Add(open);
        }
        foreach (var (round, kind) in new[] { (1, RecognitionKind.DigitalWorkshop), (2, RecognitionKind.SmartFactory) })
        {
            var closed = new Batch
            {
                Id = BatchId(2025, round, kind),
                Year = 2025,
                Round = round,
                Kind = kind,
                Title = $"2025年第{(round == 1 ? "一" : "二")}批{RecognitionKinds.Label(kind)}认定（演示）",
                RuleSetCode = "NM-2024-TECH",
                RuleSetVersion = "1",
                ApplicationOpensOn = new DateOnly(2025, round == 1 ? 3 : 7, 1),
                ApplicationClosesOn = new DateOnly(2025, round == 1 ? 4 : 8, 30),
                BureauReviewDeadline = new DateOnly(2025, round == 1 ? 5 : 9, 30),
                ExpertReviewDeadline = new DateOnly(2025, round == 1 ? 6 : 11, 30),
                EntrustedAgencyId = Agency,
            };
            closed.Open(BatchWorkflow.Decide(closed.State, BatchAction.Open, [ActorRole.DepartmentStaff]));
            closed.Close(BatchWorkflow.Decide(closed.State, BatchAction.Close, [ActorRole.DepartmentStaff]));
            db.Batches.Add(closed);
        }

        var seeder = new ApplicationBuilder(db, today);
        var dw26 = BatchId(2026, 1, RecognitionKind.DigitalWorkshop);
        var sf26 = BatchId(2026, 1, RecognitionKind.SmartFactory);
        var basic26 = BatchId(2026, 1, RecognitionKind.TierBasic);
        var adv26 = BatchId(2026, 1, RecognitionKind.TierAdvanced);
        var dw25 = BatchId(2025, 1, RecognitionKind.DigitalWorkshop);
        var sf25 = BatchId(2025, 2, RecognitionKind.SmartFactory);

        seeder.Add("A1", 1, dw26, RecognitionKind.DigitalWorkshop, "液态奶灌装数字化车间", ApplicationState.Draft);
        seeder.Add("A2", 2, sf26, RecognitionKind.SmartFactory, "云谷电子智能工厂", ApplicationState.Submitted);
        var a3 = seeder.Add("A3", 3, dw26, RecognitionKind.DigitalWorkshop, "重型装备焊接数字化车间", ApplicationState.Returned);
        seeder.Review(a3, "1502", BureauDecision.Return, "请补充装备清单中数控装备的型号及联网情况。",
            [("technical.digitalEquipment", "数字化装备清单缺少型号和联网方式"), ("kpi.productionEfficiency", "生产效率提高的计算未附原始产量数据")], ranking: null, signed: false);
        var a4 = seeder.Add("A4", 4, basic26, RecognitionKind.TierBasic, "稀土新材料基础级智能工厂", ApplicationState.BureauRecommended);
        seeder.Review(a4, "1502", BureauDecision.Recommend, "经初审，该企业符合基础级智能工厂申报条件，同意推荐。", [], ranking: 1, signed: true);
        seeder.Add("A5", 5, adv26, RecognitionKind.TierAdvanced, "精细化工先进级智能工厂", ApplicationState.Submitted);
        seeder.Add("A6", 11, dw26, RecognitionKind.DigitalWorkshop, "农机总装数字化车间", ApplicationState.Draft);
        var a7 = seeder.Add("A7", 1, basic26, RecognitionKind.TierBasic, "乳制品基础级智能工厂", ApplicationState.BureauRecommended);
        seeder.Review(a7, "1501", BureauDecision.Recommend, "经初审，同意推荐。", [], ranking: 1, signed: true);

        var a8 = seeder.Add("A8", 8, sf25, RecognitionKind.SmartFactory, "煤制烯烃智能工厂", ApplicationState.UnderExpertReview,
            consultancy: "北疆智能制造咨询有限公司");
        seeder.Review(a8, "1506", BureauDecision.Recommend, "经初审，同意推荐。", [], ranking: 1, signed: true);
        seeder.Assign(a8, 1, PanelRole.Leader, declared: true, ConflictDeclaration.None, recused: false);
        seeder.Assign(a8, 2, PanelRole.Member, declared: false, ConflictDeclaration.None, recused: false);
        seeder.Assign(a8, 9, PanelRole.Member, declared: true, ConflictDeclaration.Detected, recused: true,
            reason: "专家与该申报的咨询机构（北疆智能制造咨询有限公司）存在关联");
        seeder.Score(a8, 1, submitted: false, [("equipment", 13m), ("data-collection", 12m)]);

        var a9 = seeder.Add("A9", 6, sf25, RecognitionKind.SmartFactory, "铜冶炼智能工厂", ApplicationState.InPublicNotice);
        seeder.Review(a9, "1504", BureauDecision.Recommend, "经初审，同意推荐。", [], ranking: 1, signed: true);
        // A9 went through the whole review: its panel is closed (both sheets submitted, the leader's consensus submitted).
        seeder.Assign(a9, 1, PanelRole.Leader, declared: true, ConflictDeclaration.None, recused: false,
            consensus: "经评审，该工厂智能制造水平达到认定条件，同意进入现场核查。");
        seeder.Assign(a9, 3, PanelRole.Member, declared: true, ConflictDeclaration.None, recused: false);
        seeder.Score(a9, 1, submitted: true, [("equipment", 14m), ("data-collection", 13m), ("process", 18m), ("integration", 17m), ("security", 9m), ("kpi", 18m)]);
        seeder.Score(a9, 3, submitted: true, [("equipment", 13m), ("data-collection", 14m), ("process", 17m), ("integration", 18m), ("security", 8m), ("kpi", 17m)]);
        seeder.OnSite(a9, [("mes", "制造执行系统覆盖 5 个模块并实际运行", true), ("network", "关键设备联网并实时监控", true)]);
        seeder.Notice(sf25, [a9], today.AddDays(-1), calendar);

        var a10 = seeder.Add("A10", 7, dw25, RecognitionKind.DigitalWorkshop, "玉米深加工发酵数字化车间", ApplicationState.Recognised);
        seeder.Review(a10, "1505", BureauDecision.Recommend, "同意推荐。", [], ranking: 1, signed: true);
        var a11 = seeder.Add("A11", 10, dw25, RecognitionKind.DigitalWorkshop, "牛羊肉分割数字化车间", ApplicationState.Revoked);
        seeder.Review(a11, "1507", BureauDecision.Recommend, "同意推荐。", [], ranking: 1, signed: true);
        var a13 = seeder.Add("A13", 1, dw25, RecognitionKind.DigitalWorkshop, "酸奶发酵数字化车间", ApplicationState.Recognised);
        seeder.Review(a13, "1501", BureauDecision.Recommend, "同意推荐。", [], ranking: 1, signed: true);
        var publication = seeder.Publication(dw25, "内工信数字字〔2025〕18号", new DateOnly(2025, 7, 10));
        var c10 = seeder.Certify(a10, publication, "NMDW-2025-0001", new DateOnly(2025, 7, 20));
        var revoked = seeder.Certify(a11, publication, "NMDW-2025-0002", new DateOnly(2025, 7, 20));
        var c13 = seeder.Certify(a13, publication, "NMDW-2025-0003", new DateOnly(2025, 7, 20));
        // 管理办法 第四章 更名: one request waiting for 呼和浩特's bureau, one forwarded by 通辽's to the department.
        seeder.Rename(a13, c13, "1501", "青城智造酸奶发酵数字化车间", "企业完成品牌整合，车间随之更名，营业执照经营范围未变。", forwardedOpinion: null);
        seeder.Rename(a10, c10, "1505", "科尔沁生物玉米深加工发酵数字化车间", "企业重组后更名，车间名称随之变更。",
            forwardedOpinion: "经核实，企业已完成工商变更登记，车间生产线未变，同意更名。");
        seeder.Revoke(a11, revoked, RevocationGround.MovedOutOfInnerMongolia, "企业已将该车间整体迁出自治区（演示）", new DateOnly(2026, 6, 1));
        seeder.PreSelectAndDecide(sf25, [a9]);
    }

    /// <summary>Builds the application rows of the demo with consistent versions, reviews and decisions.</summary>
    private sealed class ApplicationBuilder(RecognitionDbContext db, DateOnly today)
    {
        private readonly Dictionary<Guid, (Application App, ApplicationVersion? Version)> _apps = [];
        private readonly DateTimeOffset _at = new(2025, 6, 1, 2, 0, 0, TimeSpan.Zero);

        public Application Add(string key, int enterprise, Guid batchId, RecognitionKind kind, string name, ApplicationState state, string? consultancy = null)
        {
            var e = Enterprises.Single(x => x.N == enterprise);
            var app = new Application
            {
                Id = ApplicationId(key),
                EnterpriseId = Enterprise(enterprise),
                BatchId = batchId,
                Kind = kind,
                WorkshopOrFactoryName = name,
                ConsultancyName = consultancy,
                LeagueCode = e.Region[..4],
                CurrentDraftJson = DraftJson(name, kind, enterprise, submitted: state != ApplicationState.Draft, consultancy),
            };
            // The demo's applications stand at many points of the procedure at once; the reviews, panels and notices
            // below record how each got there.
            app.SeedState(state);
            db.Applications.Add(app);
            ApplicationVersion? version = null;
            if (state != ApplicationState.Draft)
            {
                var attachment = new Attachment
                {
                    Id = WellKnownIds.For($"demo:attachment:{key}"),
                    OwnerOrganisationId = app.EnterpriseId,
                    ApplicationId = app.Id,
                    ItemKey = "technical.equipmentList",
                    OriginalFileName = "装备清单.pdf",
                    StoredName = $"demo-{key.ToLowerInvariant()}-equipment.pdf",
                    ContentType = "application/pdf",
                    UploadedAt = _at,
                    UploadedByUserId = UserId(EnterpriseUserName(enterprise)),
                };
                var bytes = DemoAttachmentBytes(attachment.StoredName);
                attachment.SizeBytes = bytes.Length;
                attachment.Sha256 = Sha256Hex.Of(bytes);
                db.Attachments.Add(attachment);

                version = ApplicationVersion.Freeze(app.Id, 1, app.CurrentDraftJson, [attachment], _at, UserId(EnterpriseUserName(enterprise)));
                db.ApplicationVersions.Add(version);
                app.LatestVersionNumber = 1;
                app.LastSubmittedAt = _at;
            }
            _apps[app.Id] = (app, version);
            return app;
        }

        public void Review(Application app, string league, BureauDecision decision, string opinion,
            (string Item, string Reason)[] reasons, int? ranking, bool signed)
        {
            var version = _apps[app.Id].Version!;
            db.BureauReviews.Add(new BureauReview
            {
                Id = WellKnownIds.For($"demo:review:{app.Id}"),
                ApplicationId = app.Id,
                ApplicationVersionId = version.Id,
                BureauOrganisationId = WellKnownIds.Bureau(league),
                Decision = decision,
                ItemReasons = [.. reasons.Select(r => new BureauReviewItemReason { ItemKey = r.Item, Reason = r.Reason })],
                OpinionText = opinion,
                Ranking = ranking,
                ReviewedByUserId = UserId(ReviewerOf(league)),
                SignedByLeaderUserId = signed ? UserId(LeaderOf(league)) : null,
                SignedAt = signed ? _at.AddDays(10) : null,
            });
        }

        public void Assign(Application app, int expert, PanelRole role, bool declared, ConflictDeclaration conflict, bool recused,
            string? reason = null, string? consensus = null)
        {
            db.ExpertAssignments.Add(new ExpertAssignment
            {
                Id = WellKnownIds.For($"demo:assignment:{app.Id}:{expert}"),
                ExpertId = ExpertId(expert),
                ApplicationId = app.Id,
                ApplicationVersionId = _apps[app.Id].Version!.Id,
                BatchId = app.BatchId,
                PanelName = "第一评审组",
                Role = role,
                Conflict = conflict,
                ConflictReason = reason,
                DeclaredAt = declared ? _at.AddDays(20) : null,
                Recused = recused,
                AssignedByUserId = UserId("agency"),
                // The leader's 专家组意见 closes the panel (ADR 0008), after every member's sheet (submitted on day 25).
                ConsensusOpinion = consensus,
                ConsensusSubmittedAt = consensus is null ? null : _at.AddDays(26),
            });
        }

        public void Score(Application app, int expert, bool submitted, (string Code, decimal Points)[] items)
        {
            db.ExpertScores.Add(new ExpertScore
            {
                Id = WellKnownIds.For($"demo:score:{app.Id}:{expert}"),
                AssignmentId = WellKnownIds.For($"demo:assignment:{app.Id}:{expert}"),
                Items = [.. items.Select(i => new ExpertScoreItem { RubricItemCode = i.Code, Points = i.Points, Comment = "符合要求" })],
                TotalPoints = items.Sum(i => i.Points),
                OverallComment = submitted ? "总体达到智能工厂认定要求" : null,
                SubmittedAt = submitted ? _at.AddDays(25) : null,
            });
        }

        public void OnSite(Application app, (string Key, string Description, bool Confirmed)[] items)
        {
            db.OnSiteChecks.Add(new OnSiteCheck
            {
                Id = WellKnownIds.For($"demo:onsite:{app.Id}"),
                ApplicationId = app.Id,
                ApplicationVersionId = _apps[app.Id].Version!.Id,
                PanelName = "第一评审组",
                CheckedOn = new DateOnly(2025, 10, 15),
                LeaderExpertId = ExpertId(1),
                Items = [.. items.Select(i => new OnSiteCheckItem { ItemKey = i.Key, Description = i.Description, Confirmed = i.Confirmed })],
                Conclusion = "现场核查情况与申报材料一致",
                Passed = true,
                SubmittedAt = _at.AddDays(30),
            });
        }

        public void PreSelectAndDecide(Guid batchId, Application[] apps)
        {
            var list = new PreSelectionList
            {
                Id = WellKnownIds.For($"demo:preselection:{batchId}"),
                BatchId = batchId,
                Title = "2025年第二批智能工厂拟认定预选名单（演示）",
                ProposedAt = _at.AddDays(40),
                ProposedByUserId = UserId("dept.staff"),
                Entries = [.. apps.Select((a, i) => new PreSelectionEntry { ApplicationId = a.Id, Rank = i + 1, Score = 89m })],
            };
            db.PreSelectionLists.Add(list);
            db.PartyGroupDecisions.Add(new PartyGroupDecision
            {
                Id = WellKnownIds.For($"demo:partygroup:{batchId}"),
                BatchId = batchId,
                PreSelectionListId = list.Id,
                MeetingNumber = "2025年第30次厅党组会",
                MeetingDate = new DateOnly(2025, 11, 20),
                ApprovedEntries = [.. apps.Select(a => new PartyGroupDecisionEntry { ApplicationId = a.Id })],
            });
        }

        public void Notice(Guid batchId, Application[] apps, DateOnly published, HolidayCalendar calendar)
        {
            // 管理办法: 公示 5 天 (calendar days); the end date is computed by the domain, never typed.
            var period = NoticePeriod.Compute(published, 5, PeriodUnit.CalendarDays, calendar);
            var notice = new PublicNotice
            {
                Id = WellKnownIds.For($"demo:notice:{batchId}"),
                BatchId = batchId,
                Title = "关于2025年第二批自治区智能工厂拟认定名单的公示（演示）",
                PublishedOn = published,
                PeriodLength = 5,
                PeriodUnit = PeriodUnit.CalendarDays,
                EndsOn = period.End,
                ObjectionContact = "自治区工业和信息化厅 0471-0000000",
                Entries = [.. apps.Select((a, i) => new PublicNoticeEntry
                {
                    ApplicationId = a.Id,
                    Order = i + 1,
                    EnterpriseName = Enterprises.Single(e => Enterprise(e.N) == a.EnterpriseId).Name,
                    WorkshopOrFactoryName = a.WorkshopOrFactoryName,
                    LeagueCode = a.LeagueCode,
                })],
            };
            notice.Open(PublicNoticeWorkflow.Decide(notice.State, PublicNoticeAction.Open, [ActorRole.DepartmentStaff]));
            db.PublicNotices.Add(notice);
            _ = today;
        }

        public Publication Publication(Guid batchId, string number, DateOnly on)
        {
            var publication = new Publication
            {
                Id = WellKnownIds.For($"demo:publication:{number}"),
                BatchId = batchId,
                DocumentNumber = number,
                Title = "关于公布2025年第一批自治区数字化车间名单的通知（演示）",
                PublishedOn = on,
            };
            db.Publications.Add(publication);
            return publication;
        }

        public Certificate Certify(Application app, Publication publication, string number, DateOnly awardedOn)
        {
            var certificate = new Certificate
            {
                Id = WellKnownIds.For($"demo:certificate:{number}"),
                Number = number,
                ApplicationId = app.Id,
                EnterpriseId = app.EnterpriseId,
                Kind = app.Kind,
                PublicationId = publication.Id,
                AwardedOn = awardedOn,
                // 管理办法 第十二条: five years from the award date (domain: CertificateValidity).
                ValidUntil = CertificateValidity.ValidUntil(awardedOn, 5),
                VerificationCode = Sha256Hex.Of("demo-verification:" + number)[..12].ToUpperInvariant(),
                EnterpriseName = Enterprises.Single(e => Enterprise(e.N) == app.EnterpriseId).Name,
                WorkshopOrFactoryName = app.WorkshopOrFactoryName,
            };
            db.Certificates.Add(certificate);
            return certificate;
        }

        public void Rename(Application app, Certificate certificate, string league, string newName, string reason, string? forwardedOpinion)
        {
            var request = new RenameRequest
            {
                Id = WellKnownIds.For($"demo:rename:{certificate.Number}"),
                CertificateId = certificate.Id,
                ApplicationId = app.Id,
                RequestedByBureauId = WellKnownIds.Bureau(league),
                RequestedByUserId = UserId(EnterpriseUserName(Enterprises.Single(e => Enterprise(e.N) == app.EnterpriseId).N)),
                PreviousName = certificate.WorkshopOrFactoryName,
                NewName = newName,
                Reason = reason,
            };
            if (forwardedOpinion is not null)
            {
                request.Forward(RenameRequestWorkflow.Decide(request.State, RenameRequestAction.Forward, [ActorRole.BureauReviewer]), forwardedOpinion, _at.AddDays(120));
            }
            db.RenameRequests.Add(request);
        }

        public void Revoke(Application app, Certificate certificate, RevocationGround ground, string evidence, DateOnly on)
        {
            certificate.Revoke(CertificateWorkflow.Decide(certificate.Status, CertificateAction.Revoke, [ActorRole.DepartmentLeader]));
            db.Revocations.Add(new Revocation
            {
                Id = WellKnownIds.For($"demo:revocation:{certificate.Number}"),
                CertificateId = certificate.Id,
                ApplicationId = app.Id,
                Ground = ground,
                Evidence = evidence,
                RevokedOn = on,
                DecidedByUserId = UserId("dept.leader"),
            });
        }

        /// <summary>
        /// The demo application's content in the current <see cref="ApplicationContent"/> shape, written by the domain's
        /// own writer (so the form opens it filled and the bureau's review reads it strictly). Figures meet the bars of
        /// the kind's rule set (2024 技术条件 for 数字化车间/智能工厂, 2025 要素条件 for the tiers): A2's content passes the
        /// live check. A draft (A1, A6) has everything but the commitment, which is accepted only at submission.
        /// </summary>
        internal static string DraftJson(string name, RecognitionKind kind, int n, bool submitted, string? consultancy = null)
        {
            var e = Enterprises.Single(x => x.N == n);
            var tier = RecognitionKinds.IsTier(kind);
            var content = new ApplicationContent
            {
                Project = new ProjectInfo(name, $"内蒙古自治区{InnerMongoliaRegions.LeagueOf(e.Region)?.Name}（演示地址）{n} 号", "2023-03", "2024-10",
                    3000m + (100m * n), $"{name}：产线数字化改造，建设制造执行系统和设备联网平台（演示数据）。"),
                Enterprise = new EligibilityInput
                {
                    CreditCode = CreditCodeOf(n),
                    LegalStatus = e.Status,
                    Industry = e.Industry,
                    AboveDesignatedSize = true,
                    SiteInInnerMongolia = true,
                    BuiltAndInNormalUse = true,
                    ProductsFitIndustrialPolicy = true,
                    OperatingNormally = true,
                    KeyEquipmentSecureAndControllable = tier ? true : null,
                    HasSmartFactoryOrganisation = tier ? true : null,
                    HasMaturitySelfAssessment = tier ? true : null,
                },
                Technical = tier ? null : kind == RecognitionKind.SmartFactory
                    ? new TechnicalIndicators(100, 75, 10, 9, 95m, EquipmentNetworked: true, RealTimeMonitoring: true, MesModules: AllMes,
                        InformationSystems: [InformationSystemKind.Erp, InformationSystemKind.Crm, InformationSystemKind.Scm, InformationSystemKind.DataMiddlePlatform],
                        VisualManagement: true, InformationSystemsIntegrated: true, SecurityInvestmentWan: 120m, SecurityCapability: true, DigitalWorkshopCount: 2,
                        ManufacturingType: e.Type)
                    : new TechnicalIndicators(30 + n, 22 + n, 10, 8, 95m, EquipmentNetworked: true, RealTimeMonitoring: true, MesModules: AllMes,
                        VisualManagement: true, WorkshopIntegration: true),
                // Comfortably above every bar (运营成本 20%, 生产效率 20%, 周期 20%, 不良品率 20%, 能源利用率 10%).
                Kpi = tier ? null : new KpiInputs(KpiBaseline.Renovation, new ProductionEfficiencyInput(100, 10, 120, 10),
                    OperatingCostInput.FromUnitCosts(100m, 80m), new CycleTimeInput(100, 80), DefectRateInput.FromRates(1m, 0.8m),
                    new EnergyEfficiencyInput(50m, 55m)),
                Tier = !tier ? null : kind == RecognitionKind.TierBasic
                    ? new TierInput(["S20", "S21", "S22", "S23", "S24"], MaturityLevel.Planning, 1.2m, true, null)
                    : new TierInput(["S20", "S22", "S24", "S27", "S28", "S08", "S09", "S12", "S16", "S37", "S30"], MaturityLevel.Standardised, 2.35m, true, null),
                Consultancy = consultancy,
                Commitment = submitted ? new Commitment(true, $"企业{n:D2} 法定代表人") : null,
            };
            return content.ToJson();
        }

        private static readonly MesModule[] AllMes =
            [MesModule.ShopFloorScheduling, MesModule.ProcessExecution, MesModule.QualityAnalysisAndTracking, MesModule.EquipmentOperation];
    }
}

/// <summary>A demo account (see DEMO-ACCOUNTS.md).</summary>
public sealed record DemoAccount(string UserName, ActorRole Role, Guid? OrganisationId, Guid? ExpertId, string DisplayName);
