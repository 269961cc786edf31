namespace NuMeng.Recognition.Domain.Applications;

/// <summary>Another application on the bureau's recommendation list of the same batch: its name, its ranking, whether signed.</summary>
public sealed record RankedRecommendation(string Name, int? Ranking, bool IsSigned);

/// <summary>
/// The bureau's ranked recommendation list and the batch's cap per recommending unit (管理办法 第七条: the league/city
/// bureau reviews and recommends; the batch's rule set may cap how many each 盟市 recommends, see docs/rule-reference.md
/// “每个盟市推荐名额”). A ranking is unique in the list; with a cap, rankings run from 1 to the cap and no more than cap
/// applications can be signed.
/// </summary>
public static class RecommendationRanking
{
    /// <summary>
    /// Checks <paramref name="ranking"/> against the <paramref name="others"/> on the list (signed recommendations and
    /// drafts holding a place) and the batch's <paramref name="cap"/> (null: no cap). Errors are on the field <c>ranking</c>.
    /// </summary>
    public static IReadOnlyList<InputError> Check(int? cap, int ranking, IEnumerable<RankedRecommendation> others)
    {
        ArgumentNullException.ThrowIfNull(others);
        var list = others.ToList();
        var errors = new List<InputError>();
        var signed = list.Count(e => e.IsSigned);
        if (cap is { } c)
        {
            if (signed >= c)
            {
                errors.Add(new("ranking", $"本盟市在本批次已推荐 {signed} 个，已达到每个盟市的推荐名额上限（{c} 个），不能再推荐"));
            }
            else if (ranking > c)
            {
                errors.Add(new("ranking", $"排名不能超过本批次每个盟市的推荐名额（{c} 个），收到第 {ranking} 位"));
            }
        }
        var holder = list.FirstOrDefault(e => e.Ranking == ranking);
        if (holder is not null)
        {
            errors.Add(new("ranking", holder.IsSigned
                ? $"排名第 {ranking} 位已由“{holder.Name}”占用（已签发推荐），请另选排名"
                : $"排名第 {ranking} 位已由“{holder.Name}”的推荐意见草稿占用，请另选排名或先调整该草稿"));
        }
        return errors;
    }
}
