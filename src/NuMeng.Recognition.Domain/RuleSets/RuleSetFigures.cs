using NuMeng.Recognition.Domain.ExpertReview;

namespace NuMeng.Recognition.Domain.RuleSets;

/// <summary>How a figure is typed on the form.</summary>
public enum FigureKind
{
    /// <summary>A decimal bound (a percentage, an amount).</summary>
    Number,
    /// <summary>A whole number ≥ 0 (a count, days, years).</summary>
    Count,
    /// <summary>A whole number ≥ 1, or empty for 不限.</summary>
    OptionalCount,
    /// <summary>One of <see cref="RuleSetFigure.Choices"/>.</summary>
    Choice,
}

/// <summary>One figure of a rule set the department may change in a new version, with its current value as text.</summary>
/// <param name="Key">Stable form key, e.g. factory.equipmentNcRate.</param>
/// <param name="Group">Section heading, e.g. 智能工厂.</param>
/// <param name="Label">Chinese name, e.g. 装备数控化率.</param>
/// <param name="Value">The value as typed (invariant culture); empty = 不限 for optional counts.</param>
/// <param name="Unit">Unit shown after the input.</param>
/// <param name="Kind">How it is typed.</param>
/// <param name="Choices">For <see cref="FigureKind.Choice"/>: value → label.</param>
public sealed record RuleSetFigure(string Key, string Group, string Label, string Value, string Unit, FigureKind Kind,
    IReadOnlyList<KeyValuePair<string, string>> Choices);

/// <summary>The result of applying edited figures: the new rule set, or errors keyed by figure.</summary>
public sealed record RuleSetEdit<T>(T? Rules, IReadOnlyList<InputError> Errors)
    where T : class
{
    public bool Succeeded => Rules is not null && Errors.Count == 0;
}

/// <summary>
/// The figures of a rule set the department can change when it derives a new version (管理办法 第十三条: the conditions are
/// "适时调整"): every threshold bound, every KPI bar, each tier's scene count, and the procedure rules (notice length and
/// unit, validity, credit look-back, per-league cap, score aggregation). Clauses and texts are copied unchanged.
/// </summary>
public static class RuleSetFigures
{
    private const int MaxCount = 1000;

    private sealed record Slot<T>(string Key, string Group, string Label, string Unit, FigureKind Kind,
        Func<T, string> Get, Func<T, string, (T? Rules, string? Error)> Set, IReadOnlyList<KeyValuePair<string, string>>? Choices = null);

    public static IReadOnlyList<RuleSetFigure> Of(TechnicalRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return TechnicalSlots(rules).Select(s => Figure(s, rules)).ToList();
    }

    public static IReadOnlyList<RuleSetFigure> Of(TierRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return TierSlots(rules).Select(s => Figure(s, rules)).ToList();
    }

    /// <summary>
    /// A copy of <paramref name="rules"/> named <paramref name="info"/> with the figures in <paramref name="values"/> (by key;
    /// a key not given keeps its value). Every error names its key and says in Chinese what is wrong.
    /// </summary>
    public static RuleSetEdit<TechnicalRuleSet> Apply(TechnicalRuleSet rules, RuleSetInfo info, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return Apply(rules with { Info = info }, TechnicalSlots(rules), values);
    }

    public static RuleSetEdit<TierRuleSet> Apply(TierRuleSet rules, RuleSetInfo info, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var edit = Apply(rules with { Info = info }, TierSlots(rules), values);
        if (edit.Rules is { } r && r.Validate() is { Count: > 0 } errors)
        {
            return new RuleSetEdit<TierRuleSet>(null, errors);
        }
        return edit;
    }

    private static RuleSetEdit<T> Apply<T>(T rules, IReadOnlyList<Slot<T>> slots, IReadOnlyDictionary<string, string?> values)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(values);
        var errors = new List<InputError>();
        foreach (var key in values.Keys.Where(k => slots.All(s => s.Key != k)))
        {
            errors.Add(new InputError(key, $"“{key}”不是可修改的数值"));
        }
        var current = rules;
        foreach (var slot in slots)
        {
            if (!values.TryGetValue(slot.Key, out var text))
            {
                continue;
            }
            var (next, error) = slot.Set(current, (text ?? string.Empty).Trim());
            if (error is not null)
            {
                errors.Add(new InputError(slot.Key, $"{slot.Group} · {slot.Label}：{error}"));
            }
            else
            {
                current = next!;
            }
        }
        return errors.Count == 0 ? new RuleSetEdit<T>(current, []) : new RuleSetEdit<T>(null, errors);
    }

    private static RuleSetFigure Figure<T>(Slot<T> s, T rules) =>
        new(s.Key, s.Group, s.Label, s.Get(rules), s.Unit, s.Kind, s.Choices ?? []);

    private static List<Slot<TechnicalRuleSet>> TechnicalSlots(TechnicalRuleSet rules)
    {
        var slots = new List<Slot<TechnicalRuleSet>>();
        foreach (var (prefix, set) in new[] { ("workshop", rules.Workshop), ("factory", rules.Factory) })
        {
            var group = RecognitionKinds.Label(set.Kind);
            TechnicalConditionSet Of(TechnicalRuleSet r) => prefix == "workshop" ? r.Workshop : r.Factory;
            TechnicalRuleSet With(TechnicalRuleSet r, TechnicalConditionSet s) => prefix == "workshop" ? r with { Workshop = s } : r with { Factory = s };

            void Bar(string key, string label, TechnicalBar? bar, Func<TechnicalConditionSet, TechnicalBar?> get,
                Func<TechnicalConditionSet, TechnicalBar, TechnicalConditionSet> set2)
            {
                if (bar is null)
                {
                    return;
                }
                slots.Add(new($"{prefix}.{key}", group, label, bar.Threshold.Unit, bar.Threshold.Unit is "%" or "万元" ? FigureKind.Number : FigureKind.Count,
                    r => Numbers.Format(get(Of(r))!.Threshold.Value),
                    (r, text) =>
                    {
                        var old = get(Of(r))!;
                        var (value, error) = ParseBound(text, old.Threshold.Unit);
                        return error is not null ? (null, error) : (With(r, set2(Of(r), old with { Threshold = old.Threshold with { Value = value } })), null);
                    }));
            }

            Bar("discreteWorkshops", "离散型企业数字化车间数量", set.DiscreteWorkshops, s => s.DiscreteWorkshops, (s, b) => s with { DiscreteWorkshops = b });
            Bar("processOrMixedWorkshops", "流程型、混合型企业数字化车间数量", set.ProcessOrMixedWorkshops, s => s.ProcessOrMixedWorkshops, (s, b) => s with { ProcessOrMixedWorkshops = b });
            Bar("equipmentNcRate", "装备数控化率", set.EquipmentNcRate, s => s.EquipmentNcRate, (s, b) => s with { EquipmentNcRate = b });
            Bar("keyProcessNcRate", "关键工序数控化率", set.KeyProcessNcRate, s => s.KeyProcessNcRate, (s, b) => s with { KeyProcessNcRate = b });
            Bar("uploadRate", "采集信息上传率", set.UploadRate, s => s.UploadRate, (s, b) => s with { UploadRate = b });
            Bar("mesModules", "MES 功能模块数", set.MesModules, s => s.MesModules, (s, b) => s with { MesModules = b });
            Bar("informationSystems", "信息系统种类数", set.InformationSystems, s => s.InformationSystems, (s, b) => s with { InformationSystems = b });
            Bar("securityInvestment", "信息安全防护投入", set.SecurityInvestment, s => s.SecurityInvestment, (s, b) => s with { SecurityInvestment = b });
            foreach (var kpi in set.Kpis)
            {
                var code = kpi.Kpi;
                slots.Add(new($"{prefix}.kpi.{code}", group, "KPI：" + KpiCodes.Name(code), kpi.Threshold.Unit, FigureKind.Number,
                    r => Numbers.Format(Of(r).Kpis.First(k => k.Kpi == code).Threshold.Value),
                    (r, text) =>
                    {
                        var (value, error) = ParseBound(text, "%");
                        if (error is not null)
                        {
                            return (null, error);
                        }
                        var s = Of(r);
                        var kpis = s.Kpis.Select(k => k.Kpi == code ? k with { Threshold = k.Threshold with { Value = value } } : k).ToList().AsReadOnly();
                        return (With(r, s with { Kpis = kpis }), null);
                    }));
            }
        }
        slots.AddRange(ProcedureSlots<TechnicalRuleSet>(r => r.Procedure, (r, p) => r with { Procedure = p }));
        return slots;
    }

    private static List<Slot<TierRuleSet>> TierSlots(TierRuleSet rules)
    {
        var slots = new List<Slot<TierRuleSet>>();
        foreach (var tier in rules.Tiers)
        {
            var level = tier.Level;
            slots.Add(new($"tier.{level}.minimumScenes", TierLevels.FullLabel(level), "建设本层级清单内场景数（不低于）", "个", FigureKind.Count,
                r => r.Tier(level).MinimumScenes.ToString(CultureInfo.InvariantCulture),
                (r, text) => ParseCount(text, 0) is (var n, null) ? (r.WithTier(r.Tier(level) with { MinimumScenes = n }), null) : (null, ParseCount(text, 0).Error)));
        }
        slots.AddRange(ProcedureSlots<TierRuleSet>(r => r.Procedure, (r, p) => r with { Procedure = p }));
        return slots;
    }

    private static IEnumerable<Slot<T>> ProcedureSlots<T>(Func<T, ProcedureRules> get, Func<T, ProcedureRules, T> with)
    {
        const string group = "程序规则";
        yield return new("procedure.noticeLength", group, "公示期长度", "天", FigureKind.Count,
            r => get(r).NoticeLength.ToString(CultureInfo.InvariantCulture),
            (r, text) => ParseCount(text, 1) is (var n, null) ? (with(r, get(r) with { NoticeLength = n }), null) : (default, ParseCount(text, 1).Error));
        yield return new("procedure.noticeUnit", group, "公示期计算单位", string.Empty, FigureKind.Choice,
            r => get(r).NoticeUnit.ToString(),
            (r, text) => Enum.TryParse<PeriodUnit>(text, out var unit) && Enum.IsDefined(unit)
                ? (with(r, get(r) with { NoticeUnit = unit }), null)
                : (default, "请选择自然日或工作日"),
            [new(nameof(PeriodUnit.CalendarDays), "自然日"), new(nameof(PeriodUnit.WorkingDays), "工作日")]);
        yield return new("procedure.validityYears", group, "授牌有效期", "年", FigureKind.Count,
            r => get(r).ValidityYears.ToString(CultureInfo.InvariantCulture),
            (r, text) => ParseCount(text, 1) is (var n, null) ? (with(r, get(r) with { ValidityYears = n }), null) : (default, ParseCount(text, 1).Error));
        yield return new("procedure.creditLookbackYears", group, "信用与事故追溯年限", "年", FigureKind.Count,
            r => get(r).CreditLookbackYears.ToString(CultureInfo.InvariantCulture),
            (r, text) => ParseCount(text, 0) is (var n, null) ? (with(r, get(r) with { CreditLookbackYears = n }), null) : (default, ParseCount(text, 0).Error));
        yield return new("procedure.perLeagueCap", group, "每个盟市推荐名额上限（批次未另设名额时适用，留空为不限）", "个", FigureKind.OptionalCount,
            r => get(r).PerLeagueCap?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            (r, text) =>
            {
                if (text.Length == 0)
                {
                    return (with(r, get(r) with { PerLeagueCap = null }), null);
                }
                var (n, error) = ParseCount(text, 1);
                return error is null ? (with(r, get(r) with { PerLeagueCap = n }), null) : (default, error);
            });
        yield return new("procedure.scoreAggregation", group, "专家评分汇总规则（新建批次的默认值）", string.Empty, FigureKind.Choice,
            r => get(r).ScoreAggregation.ToString(),
            (r, text) => Enum.TryParse<ScoreAggregationRule>(text, out var rule) && Enum.IsDefined(rule)
                ? (with(r, get(r) with { ScoreAggregation = rule }), null)
                : (default, "请选择评分汇总规则"),
            Enum.GetValues<ScoreAggregationRule>().Select(v => new KeyValuePair<string, string>(v.ToString(), ScoreAggregation.Label(v))).ToList());
    }

    /// <summary>A bound: a decimal ≥ 0 (≤ 100 for a percentage), at most 4 decimals.</summary>
    private static (decimal Value, string? Error) ParseBound(string text, string unit)
    {
        if (!decimal.TryParse(text, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
        {
            return (0, text.Length == 0 ? "请填写数值" : $"“{text}”不是数字");
        }
        if (value < 0)
        {
            return (0, $"不能为负数（{text}）");
        }
        if (unit == "%" && value > 100)
        {
            return (0, $"百分比不能超过 100（{text}）");
        }
        if (value.Scale > 4)
        {
            return (0, "最多保留 4 位小数");
        }
        if (unit is not "%" and not "万元" && value != decimal.Truncate(value))
        {
            return (0, $"应为整数（{text}）");
        }
        return (value, null);
    }

    private static (int Value, string? Error) ParseCount(string text, int minimum)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return (0, text.Length == 0 ? "请填写整数" : $"“{text}”不是整数");
        }
        if (n < minimum || n > MaxCount)
        {
            return (0, $"应在 {minimum} 至 {MaxCount} 之间（{text}）");
        }
        return (n, null);
    }
}
