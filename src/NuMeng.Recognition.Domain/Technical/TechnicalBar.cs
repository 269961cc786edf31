namespace NuMeng.Recognition.Domain.Technical;

/// <summary>A numeric bar of the technical conditions and the clause it comes from, e.g. 装备数控化率 ≥ 60%（一（一））.</summary>
public sealed record TechnicalBar(Threshold Threshold, Clause Clause);

/// <summary>A KPI bar, e.g. 运营成本降低 ≥ 15%（一（五））.</summary>
public sealed record KpiBar(KpiCode Kpi, Threshold Threshold, Clause Clause);
