namespace NuMeng.Recognition.Domain.Tiers;

/// <summary>
/// What an enterprise declares for a tier application or pre-check.
/// </summary>
/// <param name="SceneCodes">Codes of the scenes built, from the batch's catalogue edition.</param>
/// <param name="Maturity">The GB/T 39116-2020 level of the self-assessment report (自评价等级), if any.</param>
/// <param name="MaturityScore">The self-assessment score (0–5), if any; used to flag a level that disagrees.</param>
/// <param name="HasBasicSelfAssessment">A 基础级 self-assessment (自评) was completed (prerequisite of 先进级).</param>
/// <param name="HighestRecognisedTier">The highest tier recognition still valid, if any (prerequisite of 卓越级 and 领航级).</param>
public sealed record TierInput(
    IReadOnlyCollection<string> SceneCodes,
    MaturityLevel? Maturity,
    decimal? MaturityScore,
    bool HasBasicSelfAssessment,
    TierLevel? HighestRecognisedTier)
{
    /// <summary>
    /// Checks what can be checked without a catalogue: blank and duplicate scene codes, score outside 0–5, unknown enum values.
    /// </summary>
    public IReadOnlyList<InputError> Validate(string prefix = "tier") => Check(null, prefix);

    /// <summary>As <see cref="Validate(string)"/>, and every scene code must be in <paramref name="catalogue"/>.</summary>
    public IReadOnlyList<InputError> Validate(SceneCatalogue catalogue, string prefix = "tier") => Check(catalogue, prefix);

    private List<InputError> Check(SceneCatalogue? catalogue, string prefix)
    {
        var errors = new List<InputError>();
        if (SceneCodes is null)
        {
            errors.Add(new InputError($"{prefix}.sceneCodes", "请填写已建设的场景（可为空列表）"));
        }
        else
        {
            var firstIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var i = 0;
            foreach (var raw in SceneCodes)
            {
                var field = $"{prefix}.sceneCodes[{i}]";
                var code = raw?.Trim() ?? "";
                if (code.Length == 0)
                {
                    errors.Add(new InputError(field, "场景编号不能为空"));
                }
                else if (firstIndex.TryGetValue(code, out var first))
                {
                    errors.Add(new InputError(field, $"场景“{code}”重复选择（与 {prefix}.sceneCodes[{first}] 相同），每个场景只计一次"));
                }
                else
                {
                    firstIndex[code] = i;
                    if (catalogue is not null && !catalogue.Contains(code))
                    {
                        errors.Add(new InputError(field, $"场景编号“{code}”不在场景目录《{catalogue.DisplayName}》（{catalogue.Key}）中"));
                    }
                }
                i++;
            }
        }

        if (Maturity is { } level && !Enum.IsDefined(level))
        {
            errors.Add(new InputError($"{prefix}.maturity", $"未知的成熟度等级（{(int)level}），应为一级至五级"));
        }
        if (MaturityScore is { } score && (score < MaturityLevels.MinimumScore || score > MaturityLevels.MaximumScore))
        {
            errors.Add(new InputError($"{prefix}.maturityScore", $"成熟度得分应在 0 至 5 之间（含本数），当前为 {Numbers.Format(score)}"));
        }
        if (HighestRecognisedTier is { } tier && !Enum.IsDefined(tier))
        {
            errors.Add(new InputError($"{prefix}.highestRecognisedTier", $"未知的层级（{(int)tier}），应为基础级、先进级、卓越级或领航级"));
        }
        return errors;
    }
}
