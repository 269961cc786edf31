using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Features.Review;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Review;

/// <summary>
/// The bureau's queue: its 盟市's applications only, never drafts (tenancy), with filters and counts. Demo: 1501 has A2
/// (待盟市初审, 2026 智能工厂), A7 (盟市已推荐, 2026 基础级), A13 (已授牌, 2025 数字化车间) and the draft A1.
/// </summary>
public sealed class BureauQueueTests
{
    [Theory]
    [InlineData("bureau.reviewer", "A2,A7,A13")]
    [InlineData("bureau.leader", "A2,A7,A13")]
    [InlineData("bureau2.reviewer", "A3,A4")]
    [InlineData("dept.staff", "")]
    [InlineData("enterprise", "")]
    public async Task LoadAsync_NoFilter_OwnLeagueWithoutDrafts(string user, string expected)
    {
        await using var test = await ServiceHost.CreateAsync();

        var result = await test.As<BureauQueue>(user).LoadAsync(new QueueFilter());

        Assert.Equal(Keys(expected), result.Rows.Select(r => r.ApplicationId).Order().ToList());
    }

    [Fact]
    public async Task LoadAsync_StateFilter_RowsNarrowedCountsKeepEveryState()
    {
        await using var test = await ServiceHost.CreateAsync();

        var result = await test.As<BureauQueue>("bureau.reviewer").LoadAsync(new QueueFilter(State: ApplicationState.Submitted));

        var row = Assert.Single(result.Rows);
        Assert.Equal(("云谷电子智能工厂", ApplicationState.Submitted, 1), (row.Name, row.State, row.VersionNumber));
        Assert.Equal(new Dictionary<ApplicationState, int>
        {
            [ApplicationState.Submitted] = 1,
            [ApplicationState.BureauRecommended] = 1,
            [ApplicationState.Recognised] = 1,
        }, result.CountsByState);
    }

    [Theory]
    [InlineData(RecognitionKind.SmartFactory, "A2")]
    [InlineData(RecognitionKind.TierBasic, "A7")]
    [InlineData(RecognitionKind.DigitalWorkshop, "A13")]
    [InlineData(RecognitionKind.TierAdvanced, "")]
    public async Task LoadAsync_KindFilter_OnlyThatKind(RecognitionKind kind, string expected)
    {
        await using var test = await ServiceHost.CreateAsync();

        var result = await test.As<BureauQueue>("bureau.reviewer").LoadAsync(new QueueFilter(Kind: kind));

        Assert.Equal(Keys(expected), result.Rows.Select(r => r.ApplicationId).Order().ToList());
    }

    [Fact]
    public async Task LoadAsync_BatchFilter_OnlyThatBatchAndBatchesListed()
    {
        await using var test = await ServiceHost.CreateAsync();
        var batch = DemoSeeder.BatchId(2025, 1, RecognitionKind.DigitalWorkshop);

        var result = await test.As<BureauQueue>("bureau.reviewer").LoadAsync(new QueueFilter(BatchId: batch));

        Assert.Equal(Keys("A13"), result.Rows.Select(r => r.ApplicationId).ToList());
        Assert.Contains(result.Batches, b => b.Id == batch);
    }

    [Theory]
    // 2026 第一批 初审截止 2027年1月31日. "3 天内" includes the deadline day and three days before it.
    [InlineData("2027-01-27", DeadlineFilter.Within3Days, "", null)]
    [InlineData("2027-01-28", DeadlineFilter.Within3Days, "A2", 3)]
    [InlineData("2027-01-31", DeadlineFilter.Within3Days, "A2", 0)]
    [InlineData("2027-01-24", DeadlineFilter.Within7Days, "A2", 7)]
    [InlineData("2027-01-23", DeadlineFilter.Within7Days, "", null)]
    [InlineData("2027-01-31", DeadlineFilter.Overdue, "", null)]
    [InlineData("2027-02-01", DeadlineFilter.Overdue, "A2", -1)]
    public async Task LoadAsync_DeadlineFilter_WaitingOnesAtAndAroundTheBound(string today, DeadlineFilter deadline, string expected, int? daysLeft)
    {
        await using var test = await ServiceHost.CreateAsync(At(today));

        var result = await test.As<BureauQueue>("bureau.reviewer").LoadAsync(new QueueFilter(Deadline: deadline));

        Assert.Equal(Keys(expected), result.Rows.Select(r => r.ApplicationId).ToList());
        Assert.Equal(daysLeft, result.Rows.SingleOrDefault()?.DaysLeft);
    }

    [Fact]
    public async Task LoadAsync_DefaultSort_WaitingFirstThenDecided()
    {
        await using var test = await ServiceHost.CreateAsync();

        var result = await test.As<BureauQueue>("bureau.reviewer").LoadAsync(new QueueFilter());

        Assert.Equal(DemoSeeder.ApplicationId("A2"), result.Rows[0].ApplicationId);
        Assert.Equal(new DateOnly(2027, 1, 31), result.Rows[0].ReviewDeadline);
        Assert.All(result.Rows.Skip(1), r => Assert.Null(r.DaysLeft));
    }

    [Fact]
    public async Task LoadAsync_PreparedDraft_ShownOnTheRow()
    {
        await using var test = await ServiceHost.CreateAsync();
        var a2 = DemoSeeder.ApplicationId("A2");
        await test.As<BureauReviewService>("bureau.reviewer").PrepareAsync(a2, await test.StampOfAsync(a2), null,
            new ReviewDraft(Data.Review.BureauDecision.Recommend, "同意推荐", 1, []));

        var result = await test.As<BureauQueue>("bureau.leader").LoadAsync(new QueueFilter(State: ApplicationState.Submitted));

        Assert.Equal(Data.Review.BureauDecision.Recommend, Assert.Single(result.Rows).DraftDecision);
    }

    private static List<Guid> Keys(string keys) =>
        keys.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(DemoSeeder.ApplicationId).Order().ToList();

    private static DateTimeOffset At(string day) =>
        new(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
}
