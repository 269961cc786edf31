namespace NuMeng.Recognition.Domain.Rules;

/// <summary>One scoring item of an expert rubric.</summary>
/// <param name="Code">Stable code within the rubric.</param>
/// <param name="Name">Chinese name, e.g. 装备数字化.</param>
/// <param name="MaxPoints">Maximum points.</param>
/// <param name="Guidance">What earns the points.</param>
public sealed record RubricItem(string Code, string Name, decimal MaxPoints, string Guidance);

/// <summary>An expert scoring rubric; rule-set data the department can replace (docs/rule-reference.md §8).</summary>
public sealed record Rubric(string Name, IReadOnlyList<RubricItem> Items)
{
    public decimal TotalPoints => Items.Sum(i => i.MaxPoints);
}

/// <summary>How a period is counted.</summary>
public enum PeriodUnit
{
    /// <summary>自然日.</summary>
    CalendarDays,
    /// <summary>工作日.</summary>
    WorkingDays,
}

/// <summary>
/// Procedure rules of 管理办法 that every rule set carries, so a newer version can change them without code.
/// </summary>
/// <param name="NoticeLength">公示期 length (第八条: 5).</param>
/// <param name="NoticeUnit">Calendar or working days (第八条 says "5 天": calendar days).</param>
/// <param name="NoticeClause">The clause the notice period comes from.</param>
/// <param name="ValidityYears">授牌有效期 (第十二条: 5 years from the award date).</param>
/// <param name="ValidityClause">The clause of the validity.</param>
/// <param name="CreditLookbackYears">第六条: no major accident or serious dishonesty in the last 3 years.</param>
/// <remarks>
/// Extensible: a later figure is an init property with a default (so older snapshots, which lack it, read as before).
/// </remarks>
public sealed record ProcedureRules(
    int NoticeLength,
    PeriodUnit NoticeUnit,
    Clause NoticeClause,
    int ValidityYears,
    Clause ValidityClause,
    int CreditLookbackYears)
{
    /// <summary>
    /// 每个盟市（推荐单位）最多推荐的申报数 (docs/rule-reference.md §10, our own figure; the documents set none): applies to a batch under
    /// this version that sets no cap of its own. Null = 不限.
    /// </summary>
    public int? PerLeagueCap { get; init; }

    /// <summary>How the panel's scores are combined (docs/rule-reference.md §10): the default a new batch under this version takes.</summary>
    public ScoreAggregationRule ScoreAggregation { get; init; } = ScoreAggregationRule.TrimmedMeanFromFive;
}
