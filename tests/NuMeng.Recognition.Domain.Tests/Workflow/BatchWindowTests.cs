using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Domain.Tests.Workflow;

/// <summary>管理办法 第七条: a batch takes applications while 申报中 and within its window, both days included (Beijing dates).</summary>
public class BatchWindowTests
{
    private static readonly DateOnly Opens = new(2026, 3, 1);
    private static readonly DateOnly Closes = new(2026, 3, 31);

    [Theory]
    [InlineData(BatchState.Open, "2026-02-28", false)]   // the day before
    [InlineData(BatchState.Open, "2026-03-01", true)]    // the opening day
    [InlineData(BatchState.Open, "2026-03-15", true)]
    [InlineData(BatchState.Open, "2026-03-31", true)]    // the closing day
    [InlineData(BatchState.Open, "2026-04-01", false)]   // the day after
    [InlineData(BatchState.Draft, "2026-03-15", false)]  // not opened by the department
    [InlineData(BatchState.Closed, "2026-03-15", false)] // closed early by the department
    public void TakesApplications_OpenAndWithinTheWindowInclusive(BatchState state, string today, bool expected)
    {
        Assert.Equal(expected, BatchWorkflow.TakesApplications(state, Opens, Closes, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
