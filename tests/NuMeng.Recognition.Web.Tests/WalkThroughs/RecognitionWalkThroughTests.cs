using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NuMeng.Recognition.Data.Recognition;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Tests.Infrastructure;
using static NuMeng.Recognition.Web.Tests.Infrastructure.BrowserPages;

namespace NuMeng.Recognition.Web.Tests.WalkThroughs;

/// <summary>
/// The recognition walk-through, in Chromium against the running portal: the two forwarded 2026 基础级 applications A7 (乳制品,
/// 呼和浩特) and A4 (稀土新材料, 包头) are accepted on /department/intake, reviewed, pre-selected and approved on
/// /selection, published on a public notice; an objection against A4 is upheld on /selection/objections/{id}; after the
/// notice period (the portal's clock is moved) the department publishes the final list on /certificates — A7 only — awards
/// it, and the certificate verifies on the public /verify page from its code.
/// <para>
/// A7's centralised expert review and on-site check run through the pages: the department forms the panel and starts the
/// review on /panels/{id}, 王建国 (leader) and 李慧敏 declare, score and submit on /expert/assignments/{id}, the leader
/// writes the consensus, the department moves A7 to on-site verification and the leader submits the checklist on
/// /expert/onsite/{id}. Still through the data layer: the third panel member's declaration and sheet (the demo has only two
/// expert sign-in accounts); A4's whole review and on-site check (A4 is removed after the objection anyway, and a second
/// pass through the pages would roughly double the test's time on the shared machine); and the objection's registration
/// (a written objection received by post; the public form is H6's own test).
/// </para>
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RecognitionWalkThroughTests(BrowserFixture browser, ClockedPortal portal) : IClassFixture<ClockedPortal>
{
    private static readonly Guid Batch = DemoSeeder.BatchId(2026, 1, RecognitionKind.TierBasic);
    private static readonly Guid A4 = DemoSeeder.ApplicationId("A4");
    private static readonly Guid A7 = DemoSeeder.ApplicationId("A7");

    [Fact]
    public async Task ForwardedApplication_ThroughReviewNoticeAndPublication_CertificateVerifiesPublicly()
    {
        // 1. 工信厅受理 (H3's /department/intake): the whole batch's forwarded applications at once.
        var staff = await SignInAsync("dept.staff", 1280);
        await staff.GotoAsync(portal.Url($"/department/intake?acceptBatch={Batch:D}#confirm"));
        await Assertions.Expect(staff.GetByTestId("batch-accept-count")).ToHaveTextAsync("2");
        await staff.CheckAsync("[data-testid=batch-accept-confirm]");
        await staff.ClickAsync("[data-testid=batch-accept-submit]");
        await Assertions.Expect(staff.GetByTestId("intake-done")).ToBeVisibleAsync();
        await ShotAsync(staff, "recognition-walk-1-intake.png");
        Assert.Equal(ApplicationState.Accepted, await StateAsync(A7));
        Assert.Equal(ApplicationState.Accepted, await StateAsync(A4));

        // 2. 集中评审与现场核查: A7 through H4's /panels and H5's /expert pages; A4 through the data layer (see the class remarks).
        await ExpertReviewAndOnSiteThroughPagesAsync(staff, A7);
        await ExpertReviewAndOnSiteAsync(A4);

        // 3. 预选名单 and 4. 厅党组会 (H6's /selection/{batch}).
        await staff.GotoAsync(portal.Url($"/selection/{Batch:D}"));
        await Assertions.Expect(staff.GetByTestId("propose-select")).ToHaveCountAsync(2);
        await staff.CheckAsync("[data-testid=propose-confirm]");
        await staff.ClickAsync("[data-testid=propose-submit]");
        await Assertions.Expect(staff.GetByTestId("selection-done")).ToBeVisibleAsync();
        Assert.Equal(ApplicationState.PreSelected, await StateAsync(A7));

        var leader = await SignInAsync("dept.leader", 1280);
        await leader.GotoAsync(portal.Url($"/selection/{Batch:D}"));
        await leader.FillAsync("[data-testid=party-number]", "2026年第40次厅党组会");
        await leader.FillAsync("[data-testid=party-date]", ChinaToday().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await leader.CheckAsync("[data-testid=party-confirm]");
        await leader.ClickAsync("[data-testid=party-submit]");
        await Assertions.Expect(leader.GetByTestId("selection-done")).ToBeVisibleAsync();
        Assert.Equal(ApplicationState.PartyGroupApproved, await StateAsync(A7));

        // 5. 公示 (H6): the end date is computed and shown before the confirmation.
        await staff.GotoAsync(portal.Url($"/selection/{Batch:D}"));
        await Assertions.Expect(staff.GetByTestId("publish-range")).ToBeVisibleAsync();
        await staff.CheckAsync("[data-testid=publish-form] [data-testid=publish-confirm]");
        await staff.ClickAsync("[data-testid=publish-form] [data-testid=publish-submit]");
        await Assertions.Expect(staff.GetByTestId("selection-done")).ToBeVisibleAsync();
        await ShotAsync(staff, "recognition-walk-2-notice-published.png");
        Assert.Equal(ApplicationState.InPublicNotice, await StateAsync(A7));
        Assert.Equal(ApplicationState.InPublicNotice, await StateAsync(A4));

        // 6. 异议 against A4, received in writing; verified and upheld on H6's case page.
        var objection = await ObjectionAsync(A4);
        await staff.GotoAsync(portal.Url($"/selection/objections/{objection:D}"));
        await staff.FillAsync("[data-testid=verify-notes]", "经向应急管理部门核实，该企业2025年发生一起较大安全生产事故。");
        await staff.ClickAsync("[data-testid=verify-submit]");
        await Assertions.Expect(staff.GetByTestId("case-done")).ToBeVisibleAsync();
        await staff.CheckAsync("[data-testid=decide-uphold]");
        await staff.FillAsync("[data-testid=decide-reasons]", "异议反映的安全事故属实，不符合“近三年未发生重大（含）以上安全事故”的要求。");
        await staff.CheckAsync("[data-testid=decide-confirm]");
        await staff.ClickAsync("[data-testid=decide-submit]");
        await Assertions.Expect(staff.GetByTestId("case-application-state")).ToHaveTextAsync("异议成立，取消入选");
        Assert.Equal(ApplicationState.RemovedAfterObjection, await StateAsync(A4));

        // 7. Inside the period, 行文公布 is not offered; after it (the clock moves past the computed last day), it is.
        await staff.GotoAsync(portal.Url("/certificates"));
        var panel = staff.Locator($"[data-testid=publication-batch][data-batch='{Batch:D}']");
        await Assertions.Expect(panel.GetByTestId("readiness")).ToContainTextAsync("方可行文公布");
        await Assertions.Expect(panel.GetByTestId("publish-form")).ToHaveCountAsync(0);
        var endsOn = await NoticeEndAsync();
        MoveClockTo(endsOn.AddDays(1));

        staff = await SignInAsync("dept.staff", 1280);
        await staff.GotoAsync(portal.Url("/certificates"));
        panel = staff.Locator($"[data-testid=publication-batch][data-batch='{Batch:D}']");
        await Assertions.Expect(panel.Locator($"[data-testid=final-entry][data-application='{A4:D}']")).ToHaveAttributeAsync("data-on-list", "no");
        await panel.GetByTestId("publish-number").FillAsync("内工信数字字〔2026〕41号");
        await panel.GetByTestId("publish-credit-note").FillAsync("公示期满经“信用中国”及应急、生态环境、市场监管部门核查，未发现严重失信和重大事故记录。");
        await panel.GetByTestId("publish-credit").CheckAsync();
        await panel.GetByTestId("publish-confirm").CheckAsync();
        await ShotAsync(staff, "recognition-walk-3-publication-form.png");
        await panel.GetByTestId("publish-submit").ClickAsync();
        await staff.WaitForURLAsync("**/certificates?done=published*");
        Assert.Equal(ApplicationState.Published, await StateAsync(A7));
        Assert.Equal(ApplicationState.RemovedAfterObjection, await StateAsync(A4));

        // 8. 授牌.
        panel = staff.Locator($"[data-testid=publication-batch][data-batch='{Batch:D}']");
        await panel.GetByTestId("award-confirm").CheckAsync();
        await panel.GetByTestId("award-submit").ClickAsync();
        await staff.WaitForURLAsync("**/certificates?done=awarded*");
        panel = staff.Locator($"[data-testid=publication-batch][data-batch='{Batch:D}']");
        var link = panel.Locator($"[data-testid=final-entry][data-application='{A7:D}'] [data-testid=entry-certificate]");
        await Assertions.Expect(link).ToHaveTextAsync($"NMJC-{endsOn.AddDays(1).Year}-0001");
        await ShotAsync(staff, "recognition-walk-4-awarded.png");
        await link.ClickAsync();
        await Assertions.Expect(staff.GetByTestId("certificate-valid-until")).ToHaveTextAsync(Chinese(endsOn.AddDays(1).AddYears(5).AddDays(-1)));
        var code = (await staff.GetByTestId("certificate-code").InnerTextAsync()).Trim();
        Assert.Equal(ApplicationState.Recognised, await StateAsync(A7));
        await using (var db = portal.SystemContext())
        {
            Assert.False(await db.Certificates.AnyAsync(c => c.ApplicationId == A4));
        }

        // 9. 公开查验: anyone, from the code the certificate's QR carries.
        var visitor = await browser.NewPageAsync(390, 844);
        visitor.SetDefaultTimeout(60_000);
        await visitor.GotoAsync(portal.Url($"/verify?code={Uri.EscapeDataString(code)}"));
        await Assertions.Expect(visitor.GetByTestId("verify-verdict")).ToHaveTextAsync("证书真实有效");
        await Assertions.Expect(visitor.GetByTestId("verify-workshop")).ToHaveTextAsync("乳制品基础级智能工厂");
        await ShotAsync(visitor, "recognition-walk-5-verify.png");
    }

    /// <summary>
    /// The department forms the panel on /panels/{id} (王建国 leader, 李慧敏 and the first other suggestion members) and
    /// starts the review; 王建国 and 李慧敏 sign in, declare no conflict, score and submit on /expert/assignments/{id}; the
    /// leader writes the consensus; the department moves the application to on-site verification and the leader submits the
    /// checklist on /expert/onsite/{id}. The third member has no demo sign-in account (the demo has two expert accounts), so
    /// that member's declaration and submitted sheet are written through the data layer.
    /// </summary>
    private async Task ExpertReviewAndOnSiteThroughPagesAsync(IPage staff, Guid application)
    {
        await staff.GotoAsync(portal.Url($"/panels/{application:D}"));
        await Assertions.Expect(staff.GetByTestId("assign-form")).ToBeVisibleAsync();
        var third = (await staff.Locator("[data-testid=suggestion]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.expert)"))
            .Select(Guid.Parse).First(e => e != DemoSeeder.ExpertId(1) && e != DemoSeeder.ExpertId(2));
        foreach (var (expert, role) in new[] { (DemoSeeder.ExpertId(1), PanelRole.Leader), (DemoSeeder.ExpertId(2), PanelRole.Member), (third, PanelRole.Member) })
        {
            await staff.CheckAsync($"[data-testid=suggestion][data-expert='{expert:D}'] input.pick");
            await staff.SelectOptionAsync("[data-testid=assign-role]", role.ToString());
            await staff.ClickAsync("[data-testid=assign-submit]");
            await staff.WaitForURLAsync("**/panels/*?done=assigned*");
            await Assertions.Expect(staff.Locator($"[data-testid=member-row][data-expert='{expert:D}']")).ToBeVisibleAsync();
        }
        await ShotAsync(staff, "recognition-walk-1b-panel.png");
        await staff.CheckAsync("[data-testid=start-confirm]");
        await staff.ClickAsync("[data-testid=start-submit]");
        await staff.WaitForURLAsync("**/panels/*?done=started*");
        Assert.Equal(ApplicationState.UnderExpertReview, await StateAsync(application));

        var assignments = new Dictionary<Guid, Guid>();
        await using (var db = portal.SystemContext())
        {
            foreach (var row in await db.ExpertAssignments.Where(a => a.ApplicationId == application && !a.Recused).ToListAsync())
            {
                assignments[row.ExpertId] = row.Id;
            }
        }
        Assert.Equal(3, assignments.Count);

        // 王建国 (leader) and 李慧敏 score through their desk; full marks, so no item needs a comment.
        var rubric = new List<(string Code, decimal Max)>();
        var leader = await SignInAsync("expert", 1280);
        foreach (var (user, expert, page) in new[] { ("expert", DemoSeeder.ExpertId(1), leader), ("expert2", DemoSeeder.ExpertId(2), await SignInAsync("expert2", 1280)) })
        {
            await page.GotoAsync(portal.Url($"/expert/assignments/{assignments[expert]:D}"));
            await page.CheckAsync("[data-testid=declare-none]");
            await page.CheckAsync("[data-testid=declare-confirm]");
            await page.ClickAsync("[data-testid=declare-submit]");
            await page.WaitForURLAsync("**done=declared*");
            await Assertions.Expect(page.GetByTestId("score-form")).ToBeVisibleAsync();
            rubric.Clear();
            foreach (var item in await page.Locator("[data-testid=score-item]").AllAsync())
            {
                var code = (await item.GetAttributeAsync("data-code"))!;
                var max = decimal.Parse((await page.GetAttributeAsync($"[data-testid=score-points-{code}]", "max"))!, System.Globalization.CultureInfo.InvariantCulture);
                rubric.Add((code, max));
                await page.FillAsync($"[data-testid=score-points-{code}]", max.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await page.FillAsync($"[data-testid=score-comment-{code}]", "符合基础级要求");
            }
            await page.FillAsync("[data-testid=score-overall]", "达到基础级智能工厂要求");
            await page.CheckAsync("[data-testid=score-confirm]");
            await page.ClickAsync("[data-testid=score-submit]");
            await page.WaitForURLAsync("**done=submitted*");
            await Assertions.Expect(page.GetByTestId("score-locked")).ToBeVisibleAsync();
            if (user == "expert2")
            {
                await ShotAsync(page, "recognition-walk-1c-expert-submitted.png");
            }
        }
        Assert.NotEmpty(rubric);

        // The third member (no sign-in account in the demo): declaration and submitted sheet through the data layer.
        await using (var db = portal.SystemContext())
        {
            var row = await db.ExpertAssignments.SingleAsync(a => a.Id == assignments[third]);
            row.Conflict = ConflictDeclaration.None;
            row.DeclaredAt = portal.Clock.GetUtcNow();
            db.ExpertScores.Add(new ExpertScore
            {
                AssignmentId = row.Id, TotalPoints = rubric.Sum(r => r.Max),
                Items = [.. rubric.Select(r => new ExpertScoreItem { RubricItemCode = r.Code, Points = r.Max, Comment = "符合基础级要求" })],
                OverallComment = "达到基础级智能工厂要求", SubmittedAt = portal.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }

        // The leader writes the panel's consensus.
        await leader.GotoAsync(portal.Url($"/expert/assignments/{assignments[DemoSeeder.ExpertId(1)]:D}"));
        await leader.FillAsync("[data-testid=consensus-opinion]", "专家组一致认为该企业达到基础级智能工厂认定要求，建议开展现场核查。");
        await leader.CheckAsync("[data-testid=consensus-confirm]");
        await leader.ClickAsync("[data-testid=consensus-submit]");
        await Assertions.Expect(leader.GetByTestId("consensus-locked")).ToBeVisibleAsync();
        await ShotAsync(leader, "recognition-walk-1d-consensus.png");

        // The department moves A7 to on-site verification.
        await staff.GotoAsync(portal.Url($"/panels/{application:D}"));
        await staff.CheckAsync("[data-testid=onsite-confirm]");
        await staff.ClickAsync("[data-testid=onsite-submit]");
        await staff.WaitForURLAsync("**/panels/*?done=onsite*");
        await Assertions.Expect(staff.GetByTestId("case-state")).ToHaveTextAsync("现场核查中");

        // The leader fills and submits the on-site checklist.
        await leader.GotoAsync(portal.Url($"/expert/onsite/{assignments[DemoSeeder.ExpertId(1)]:D}"));
        var count = await leader.GetByTestId("onsite-item").CountAsync();
        Assert.True(count > 0);
        for (var i = 0; i < count; i++)
        {
            await leader.ClickAsync($"label.tap:has([data-testid=onsite-yes-{i}])");
        }
        await leader.FillAsync("[data-testid=onsite-conclusion]", "现场核查情况与申报材料一致。");
        await leader.ClickAsync("label.tap:has([data-testid=onsite-passed-yes])");
        await leader.CheckAsync("[data-testid=onsite-confirm]");
        await leader.ClickAsync("[data-testid=onsite-submit]");
        await leader.WaitForURLAsync("**done=submitted*");
        await Assertions.Expect(leader.GetByTestId("onsite-locked")).ToContainTextAsync("通过");
        await ShotAsync(leader, "recognition-walk-1e-onsite.png");
        await using (var db = portal.SystemContext())
        {
            Assert.True((await db.OnSiteChecks.SingleAsync(c => c.ApplicationId == application)).Passed);
        }
    }

    private async Task ExpertReviewAndOnSiteAsync(params Guid[] applications)
    {
        await using var db = portal.SystemContext();
        foreach (var id in applications)
        {
            var app = await db.Applications.SingleAsync(a => a.Id == id);
            var version = await db.ApplicationVersions.Where(v => v.ApplicationId == id).OrderByDescending(v => v.Number).Select(v => v.Id).FirstAsync();
            app.Apply(ApplicationWorkflow.Decide(app.State, ApplicationAction.StartExpertReview, [ActorRole.DepartmentStaff]));
            foreach (var (expert, role) in new[] { (1, PanelRole.Leader), (2, PanelRole.Member), (3, PanelRole.Member) })
            {
                var assignment = new ExpertAssignment
                {
                    ExpertId = DemoSeeder.ExpertId(expert), ApplicationId = id, ApplicationVersionId = version, BatchId = Batch,
                    PanelName = "基础级第一评审组", Role = role, Conflict = ConflictDeclaration.None, DeclaredAt = portal.Clock.GetUtcNow(),
                    AssignedByUserId = DemoSeeder.UserId("dept.staff"),
                    // The leader's consensus closes the panel (ADR 0008): only then does the department see the scores.
                    ConsensusOpinion = role == PanelRole.Leader ? "专家组同意进入现场核查" : null,
                    ConsensusSubmittedAt = role == PanelRole.Leader ? portal.Clock.GetUtcNow() : null,
                };
                db.ExpertAssignments.Add(assignment);
                db.ExpertScores.Add(new ExpertScore
                {
                    AssignmentId = assignment.Id, TotalPoints = 86 + expert,
                    Items = [new ExpertScoreItem { RubricItemCode = "scenes", Points = 86 + expert, Comment = "场景建设符合基础级要求" }],
                    OverallComment = "达到基础级智能工厂要求", SubmittedAt = portal.Clock.GetUtcNow(),
                });
            }
            app.Apply(ApplicationWorkflow.Decide(app.State, ApplicationAction.StartOnSiteVerification, [ActorRole.DepartmentStaff]));
            db.OnSiteChecks.Add(new OnSiteCheck
            {
                ApplicationId = id, ApplicationVersionId = version, PanelName = "基础级第一评审组", CheckedOn = ChinaToday(),
                LeaderExpertId = DemoSeeder.ExpertId(1), Conclusion = "现场核查情况与申报材料一致", Passed = true, SubmittedAt = portal.Clock.GetUtcNow(),
                Items = [new OnSiteCheckItem { ItemKey = "segment.production", Description = "生产作业环节场景已建成并运行", Confirmed = true }],
            });
        }
        await db.SaveChangesAsync();
    }

    private async Task<Guid> ObjectionAsync(Guid applicationId)
    {
        await using var db = portal.SystemContext();
        var notice = await db.PublicNotices.Where(n => n.BatchId == Batch).Select(n => n.Id).SingleAsync();
        var objection = new Objection
        {
            PublicNoticeId = notice, ApplicationId = applicationId, ObjectorKind = ObjectorKind.Unit, ObjectorName = "包头市某行业协会",
            Contact = "0472-0000000", Content = "该企业2025年发生一起较大安全生产事故，不符合申报条件。",
            ReceivedAt = portal.Clock.GetUtcNow(), CaseNumber = "YY-2026-0901",
        };
        db.Objections.Add(objection);
        await db.SaveChangesAsync();
        return objection.Id;
    }

    private async Task<DateOnly> NoticeEndAsync()
    {
        await using var db = portal.SystemContext();
        return await db.PublicNotices.Where(n => n.BatchId == Batch).Select(n => n.EndsOn).SingleAsync();
    }

    private async Task<ApplicationState> StateAsync(Guid id)
    {
        await using var db = portal.SystemContext();
        return await db.Applications.Where(a => a.Id == id).Select(a => a.State).SingleAsync();
    }

    /// <summary>Moves the portal's clock to 10:00 Beijing time on <paramref name="day"/>.</summary>
    private void MoveClockTo(DateOnly day)
    {
        portal.Clock.MoveTo(new DateTimeOffset(day.Year, day.Month, day.Day, 10, 0, 0, TimeSpan.FromHours(8)));
    }

    private DateOnly ChinaToday() => DateOnly.FromDateTime(portal.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    private static string Chinese(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    private Task<IPage> SignInAsync(string user, int width) => browser.SignedInPageAsync(portal, user, width);
}
