namespace NuMeng.Recognition.Domain.ExpertReview;

/// <summary>What an expert entered for one rubric item: points (null while not yet scored) and a comment.</summary>
/// <param name="ItemCode"><see cref="RubricItem.Code"/>.</param>
/// <param name="Points">Points given; null = not scored yet.</param>
/// <param name="Comment">评分意见 for the item.</param>
public sealed record ScoreEntry(string ItemCode, decimal? Points, string? Comment);

/// <summary>One line of a checked sheet: the rubric item, what was entered, and whether a comment is required for it.</summary>
public sealed record ScoreSheetLine(RubricItem Item, decimal? Points, string? Comment, bool CommentRequired);

/// <summary>
/// A score sheet checked against its rubric: one line per rubric item (in the rubric's order), the total of the points
/// given, the rubric's maximum, and the errors (Chinese, each naming the item). Field paths are
/// <c>items[i].points</c> / <c>items[i].comment</c> with <c>i</c> the item's index in the rubric.
/// </summary>
public sealed record ScoreSheetResult(
    IReadOnlyList<ScoreSheetLine> Lines,
    decimal Total,
    decimal MaxTotal,
    IReadOnlyList<InputError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>Every item has points.</summary>
    public bool IsComplete => Lines.All(l => l.Points is not null);
}

/// <summary>
/// The expert's score sheet rules (docs/rule-reference.md §8, §10; the documents give no rubric, the rule set carries ours):
/// <list type="bullet">
/// <item>every rubric item is scored before the sheet is submitted (a draft may leave items open);</item>
/// <item>0 ≤ points ≤ the item's maximum, both bounds inclusive;</item>
/// <item>points in steps of <see cref="PointStep"/> (0.5): experts score whole or half points, as paper sheets do —
/// finer fractions imply a precision nobody can justify and make the panel mean look more exact than it is;</item>
/// <item>a comment is required for an item scored below <see cref="CommentBelowPercent"/> % of its maximum (strictly
/// below: exactly 60 % needs none) — a low mark must say why, for the consensus and for any objection;</item>
/// <item>no comment longer than <see cref="MaxCommentLength"/> characters; no points for an item the rubric lacks.</item>
/// </list>
/// The total is the sum of the points given.
/// </summary>
public static class ScoreSheet
{
    /// <summary>Points are whole or half points.</summary>
    public const decimal PointStep = 0.5m;

    /// <summary>Below this share of an item's maximum (in percent) the item needs a comment.</summary>
    public const decimal CommentBelowPercent = 60m;

    /// <summary>Longest comment per item.</summary>
    public const int MaxCommentLength = 1000;

    /// <summary>The rubric of the rule set that judges <paramref name="kind"/>: the tier rubric for the 2025 tiers, else the 2024 kind's.</summary>
    public static Rubric RubricFor(RuleSetCatalog catalog, RecognitionKind kind)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return RecognitionKinds.IsTier(kind) ? catalog.Tiers.Rubric : catalog.Technical.RubricFor(kind);
    }

    /// <summary>
    /// Whether <paramref name="points"/> on <paramref name="item"/> needs a comment: points × 100 &lt; max × 60 (exact
    /// decimal, so 9 of 15 = 60 % needs none and 8.5 of 15 needs one).
    /// </summary>
    public static bool CommentRequired(RubricItem item, decimal points)
    {
        ArgumentNullException.ThrowIfNull(item);
        return points * 100m < item.MaxPoints * CommentBelowPercent;
    }

    /// <summary>
    /// Checks <paramref name="entries"/> against <paramref name="rubric"/>. With <paramref name="forSubmission"/> every
    /// item must be scored and every required comment given; a draft is only checked for what it holds (range, step,
    /// length, unknown items).
    /// </summary>
    public static ScoreSheetResult Check(Rubric rubric, IReadOnlyList<ScoreEntry> entries, bool forSubmission, string prefix = "items")
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(entries);
        var errors = new List<InputError>();
        var lines = new List<ScoreSheetLine>();

        foreach (var unknown in entries.Where(e => rubric.Items.All(i => i.Code != e.ItemCode)).Select(e => e.ItemCode).Distinct())
        {
            errors.Add(new InputError(prefix, $"评分表“{rubric.Name}”中没有评分项“{unknown}”，请刷新页面后重新评分"));
        }

        for (var index = 0; index < rubric.Items.Count; index++)
        {
            var item = rubric.Items[index];
            var at = $"{prefix}[{index}]";
            var given = entries.Where(e => e.ItemCode == item.Code).ToList();
            if (given.Count > 1)
            {
                errors.Add(new InputError(at, $"“{item.Name}”重复评分"));
            }
            var entry = given.FirstOrDefault();
            var points = entry?.Points;
            var comment = string.IsNullOrWhiteSpace(entry?.Comment) ? null : entry!.Comment!.Trim();
            var required = points is { } p && CommentRequired(item, p);
            lines.Add(new ScoreSheetLine(item, points, comment, required));

            var max = Numbers.Format(item.MaxPoints);
            if (points is null)
            {
                if (forSubmission)
                {
                    errors.Add(new InputError($"{at}.points", $"请为“{item.Name}”评分（0 至 {max} 分）"));
                }
            }
            else if (points < 0)
            {
                errors.Add(new InputError($"{at}.points", $"“{item.Name}”的得分不能为负数（现为 {Numbers.Format(points.Value)}）"));
            }
            else if (points > item.MaxPoints)
            {
                errors.Add(new InputError($"{at}.points", $"“{item.Name}”的得分不能超过满分 {max} 分（现为 {Numbers.Format(points.Value)}）"));
            }
            else if (points.Value % PointStep != 0)
            {
                errors.Add(new InputError($"{at}.points", $"“{item.Name}”的得分只能是整数或半分（如 12 或 12.5），现为 {Numbers.Format(points.Value)}"));
            }

            if (comment is { Length: > MaxCommentLength })
            {
                errors.Add(new InputError($"{at}.comment", $"“{item.Name}”的评分意见不能超过 {MaxCommentLength} 字（现为 {comment.Length} 字）"));
            }
            else if (forSubmission && required && comment is null)
            {
                errors.Add(new InputError($"{at}.comment",
                    $"“{item.Name}”得分 {Numbers.Format(points!.Value)} 分，低于满分 {max} 分的 {Numbers.Format(CommentBelowPercent)}%，请填写评分意见说明扣分理由"));
            }
        }

        var total = lines.Sum(l => l.Points is { } v && v >= 0 && v <= l.Item.MaxPoints ? v : 0m);
        return new ScoreSheetResult(lines.AsReadOnly(), total, rubric.TotalPoints, errors.AsReadOnly());
    }
}
