using NuMeng.Recognition.Domain.ExpertReview;
using NuMeng.Recognition.Domain.Rules;
using static NuMeng.Recognition.Domain.Tests.ExpertReview.ConflictDetectorTests;

namespace NuMeng.Recognition.Domain.Tests.ExpertReview;

/// <summary>
/// "assign experts to applications with balanced load; conflicts detected automatically …
/// recusal recorded, replacement suggested". The planner never proposes a conflicted or inactive expert nor one already
/// on the panel; it prefers a field match, another 盟市, and the least load in the batch, with a fixed tie-break.
/// </summary>
public class PanelPlannerTests
{
    private static Guid Id(int n) => Guid.Parse($"00000000-0000-0000-0000-{n:D12}");

    private static ExpertProfile E(int n, string name, string league, string[] fields, bool active = true, string[]? links = null) =>
        Expert(id: Id(n), name: name, league: league, fields: fields, active: active, links: links);

    private static readonly ExpertProfile CoalSameLeague = E(1, "杨晓红", "1506", ["煤化工", "安全管控"]);
    private static readonly ExpertProfile CoalOtherLeague = E(2, "张志强", "1502", ["煤化工"]);
    private static readonly ExpertProfile SoftwareOther = E(3, "赵立新", "1501", ["工业软件"]);
    private static readonly ExpertProfile SoftwareOther2 = E(4, "陈卫东", "1502", ["工业自动化"]);
    private static readonly ExpertProfile Inactive = E(5, "吴国栋", "1507", ["煤化工"], active: false);
    private static readonly ExpertProfile Linked = E(6, "周丽娟", "1504", ["煤化工"], links: ["北疆智能制造咨询有限公司"]);

    private static Dictionary<Guid, int> Loads(params (int N, int Load)[] loads) => loads.ToDictionary(l => Id(l.N), l => l.Load);

    public static TheoryData<string, ExpertProfile[], int[], (int, int)[], int[]> OrderCases => new()
    {
        // Field match first: 煤化工 matches 现代煤化工 even from the same 盟市, before an unmatched expert elsewhere.
        { "field-first", [SoftwareOther, CoalSameLeague], [], [], [1, 3] },
        // Another 盟市 next: two matched experts, the one outside 鄂尔多斯 first.
        { "league-next", [CoalSameLeague, CoalOtherLeague], [], [], [2, 1] },
        // Balanced load: otherwise equal, the least loaded first.
        { "load", [SoftwareOther, SoftwareOther2], [], [(3, 2), (4, 1)], [4, 3] },
        // Everything equal (a missing load is 0): 姓名 in ordinal order, 赵 (U+8D75) before 陈 (U+9648).
        { "tie-name", [SoftwareOther2, SoftwareOther], [], [], [3, 4] },
        // Load outweighs nothing above it: a loaded field match still comes before an idle unmatched expert.
        { "match-beats-load", [SoftwareOther, CoalOtherLeague], [], [(2, 5)], [2, 3] },
        // Never inactive, never conflicted, never already on the panel.
        { "exclusions", [Inactive, Linked, CoalOtherLeague, SoftwareOther], [3], [], [2] },
    };

    [Theory]
    [MemberData(nameof(OrderCases))]
    public void Suggest_Table_Order(string name, ExpertProfile[] pool, int[] onPanel, (int, int)[] loads, int[] expected)
    {
        var plan = PanelPlanner.Suggest(Application(), pool, onPanel.Select(Id).ToHashSet(), Loads(loads));

        var actual = plan.Suggestions.Select(s => s.Expert.ExpertId).ToArray();
        Assert.True(expected.Select(Id).SequenceEqual(actual), $"{name}: 期望 [{string.Join(",", expected)}]，实为 [{string.Join(",", plan.Suggestions.Select(s => s.Expert.Name))}]");
        Assert.Equal(pool.Length, plan.Suggestions.Count + plan.Excluded.Count);
    }

    [Fact]
    public void Suggest_SamePoolInAnyOrder_SameList()
    {
        ExpertProfile[] pool = [SoftwareOther, CoalSameLeague, SoftwareOther2, CoalOtherLeague];
        var first = PanelPlanner.Suggest(Application(), pool, new HashSet<Guid>(), Loads()).Suggestions.Select(s => s.Expert.ExpertId);
        var second = PanelPlanner.Suggest(Application(), pool.Reverse().ToArray(), new HashSet<Guid>(), Loads()).Suggestions.Select(s => s.Expert.ExpertId);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Suggest_Exclusions_ReasonsInChinese()
    {
        var plan = PanelPlanner.Suggest(Application(), [Inactive, Linked, SoftwareOther], new HashSet<Guid> { Id(3) }, Loads());

        var reasons = plan.Excluded.ToDictionary(e => e.Expert.Name, e => string.Join("；", e.Reasons));
        Assert.Equal("已停用", reasons["吴国栋"]);
        Assert.Equal("利益冲突：申报材料由咨询机构“北疆智能制造咨询有限公司”协助编制，专家与该机构存在关联", reasons["周丽娟"]);
        Assert.Equal("已在本评审组", reasons["赵立新"]);
        Assert.Equal(ConflictKind.Consultancy, Assert.Single(plan.Excluded.Single(e => e.Expert.Name == "周丽娟").Conflicts).Kind);
    }

    [Fact]
    public void Suggest_Suggestion_ReasonsAndLoad()
    {
        var plan = PanelPlanner.Suggest(Application(), [CoalOtherLeague], new HashSet<Guid>(), Loads((2, 3)));

        var s = Assert.Single(plan.Suggestions);
        Assert.Equal((3, "煤化工", true), (s.Load, s.MatchedField, s.OtherLeague));
        Assert.Equal(["专业领域“煤化工”与企业行业“现代煤化工”相符", "来自包头市，与企业不在同一盟市", "本批次已承担 3 件评审"], s.Reasons);
    }

    [Fact]
    public void SuggestReplacement_RecusedExpert_BestOtherNamedAsReplacement()
    {
        // The recused expert (the best match) is never proposed again; the next best replaces them.
        var replacement = PanelPlanner.SuggestReplacement(Application(), CoalOtherLeague,
            [CoalOtherLeague, CoalSameLeague, SoftwareOther], new HashSet<Guid>(), Loads());

        Assert.NotNull(replacement);
        Assert.Equal(Id(1), replacement.Expert.ExpertId);
        Assert.Equal("替换回避的专家张志强", replacement.Reasons[0]);
    }

    [Fact]
    public void SuggestReplacement_NobodyLeft_Null()
    {
        var replacement = PanelPlanner.SuggestReplacement(Application(), CoalOtherLeague, [CoalOtherLeague, Inactive], new HashSet<Guid>(), Loads());

        Assert.Null(replacement);
    }

    public static TheoryData<string[], string?, RecognitionKind, string?> FieldCases => new()
    {
        // At the bound: 2 characters in common ("装备" in 农机装备) — a match.
        { ["装备制造"], "农机装备", RecognitionKind.DigitalWorkshop, "装备制造" },
        // Below: 1 character in common ("冶" of 冶金 / 有色金属冶炼) — no match.
        { ["冶金"], "有色金属冶炼", RecognitionKind.SmartFactory, null },
        // Above: the whole field inside the industry.
        { ["煤化工"], "现代煤化工", RecognitionKind.SmartFactory, "煤化工" },
        // The kind counts too: 数字化车间 for a 数字化车间 application, whatever the industry.
        { ["精益生产", "数字化车间"], "乳制品制造", RecognitionKind.DigitalWorkshop, "数字化车间" },
        // No industry recorded: only the kind.
        { ["工业软件"], null, RecognitionKind.SmartFactory, null },
        // A one-character field never matches.
        { ["煤"], "现代煤化工", RecognitionKind.SmartFactory, null },
    };

    [Theory]
    [MemberData(nameof(FieldCases))]
    public void MatchingField_Table(string[] fields, string? industry, RecognitionKind kind, string? expected) =>
        Assert.Equal(expected, PanelPlanner.MatchingField(fields, industry, kind));
}
