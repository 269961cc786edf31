namespace NuMeng.Recognition.Domain.Technical;

/// <summary>
/// A versioned rule set of the 2024 kind (管理办法 + 认定技术条件). 管理办法 第十三条: the department publishes and
/// adjusts the technical conditions from time to time, so every number here is data: a new version is a new
/// instance (e.g. <c>rules with { Workshop = … }</c>), never a code change.
/// </summary>
/// <param name="Info">Identity and version.</param>
/// <param name="Procedure">Notice period, validity and credit look-back of 管理办法.</param>
/// <param name="Workshop">数字化车间 conditions (技术条件 一).</param>
/// <param name="Factory">智能工厂 conditions (技术条件 二).</param>
/// <param name="Kpi">How KPIs are computed and declared figures checked.</param>
/// <param name="KpiMethod">Clause requiring the enterprise to show its KPI base figures and method (技术条件 三).</param>
/// <param name="WorkshopRubric">Expert rubric for 数字化车间.</param>
/// <param name="FactoryRubric">Expert rubric for 智能工厂.</param>
public sealed record TechnicalRuleSet(
    RuleSetInfo Info,
    ProcedureRules Procedure,
    TechnicalConditionSet Workshop,
    TechnicalConditionSet Factory,
    KpiSettings Kpi,
    Clause KpiMethod,
    Rubric WorkshopRubric,
    Rubric FactoryRubric)
{
    /// <summary>The kinds this rule set judges.</summary>
    public static bool Covers(RecognitionKind kind) => kind is RecognitionKind.DigitalWorkshop or RecognitionKind.SmartFactory;

    /// <summary>The conditions of <paramref name="kind"/> (DigitalWorkshop or SmartFactory).</summary>
    public TechnicalConditionSet For(RecognitionKind kind) => kind switch
    {
        RecognitionKind.DigitalWorkshop => Workshop,
        RecognitionKind.SmartFactory => Factory,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "2024年技术条件只适用于数字化车间和智能工厂；梯度培育等级请用 2025 年要素条件评价。"),
    };

    /// <summary>The expert rubric of <paramref name="kind"/> (DigitalWorkshop or SmartFactory).</summary>
    public Rubric RubricFor(RecognitionKind kind) => kind switch
    {
        RecognitionKind.DigitalWorkshop => WorkshopRubric,
        RecognitionKind.SmartFactory => FactoryRubric,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "2024年技术条件只适用于数字化车间和智能工厂。"),
    };
}
