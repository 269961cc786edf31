using NuMeng.Recognition.Domain.Applications;

namespace NuMeng.Recognition.Domain.Tests.Applications;

/// <summary>
/// 管理办法 第七条 and the batch's cap per recommending unit (docs/rule-reference.md “每个盟市推荐名额”): a ranking is unique
/// in the bureau's list; with a cap, rankings run from 1 to the cap and no more than cap applications are signed.
/// </summary>
public class RecommendationRankingTests
{
    private static RankedRecommendation Signed(string name, int ranking) => new(name, ranking, true);

    private static RankedRecommendation Draft(string name, int ranking) => new(name, ranking, false);

    public static TheoryData<int?, int, RankedRecommendation[], string[]> Cases => new()
    {
        // cap, ranking, the others on the list, expected messages
        { null, 7, [Signed("甲车间", 1), Signed("乙车间", 2)], [] },                                   // no cap: any free ranking
        { 3, 3, [Signed("甲车间", 1), Signed("乙车间", 2)], [] },                                      // the last place under the cap
        { 3, 4, [Signed("甲车间", 1)], ["排名不能超过本批次每个盟市的推荐名额（3 个），收到第 4 位"] },
        { 2, 1, [Signed("甲车间", 1), Signed("乙车间", 2)],
            ["本盟市在本批次已推荐 2 个，已达到每个盟市的推荐名额上限（2 个），不能再推荐",
             "排名第 1 位已由“甲车间”占用（已签发推荐），请另选排名"] },
        { 2, 2, [Signed("甲车间", 1), Draft("乙车间", 2)],                                             // drafts do not count towards the cap…
            ["排名第 2 位已由“乙车间”的推荐意见草稿占用，请另选排名或先调整该草稿"] },                 // …but hold their place
        { 2, 5, [Signed("甲车间", 1), Signed("乙车间", 2)],                                            // full: the cap message only
            ["本盟市在本批次已推荐 2 个，已达到每个盟市的推荐名额上限（2 个），不能再推荐"] },
        { 1, 1, [], [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_CapAndUniqueRanking(int? cap, int ranking, RankedRecommendation[] others, string[] expected)
    {
        var errors = RecommendationRanking.Check(cap, ranking, others);

        Assert.All(errors, e => Assert.Equal("ranking", e.Field));
        Assert.Equal(expected, errors.Select(e => e.Message));
    }
}
