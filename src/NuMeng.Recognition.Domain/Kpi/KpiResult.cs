namespace NuMeng.Recognition.Domain.Kpi;

/// <summary>
/// A KPI computed by the system from the enterprise's raw figures, with every step, compared with what the
/// enterprise declared. When the input is unusable <see cref="Errors"/> says why and no percentage is given.
/// </summary>
public sealed record KpiResult
{
    public required KpiCode Code { get; init; }

    /// <summary>Chinese name, e.g. 生产效率提高.</summary>
    public string Name => KpiCodes.Name(Code);

    /// <summary>
    /// Renovation (compared with before) or new build (compared with the industry average); null when the enterprise
    /// did not choose one, and then the result is not computed (<see cref="Errors"/> names <c>kpi.baseline</c>).
    /// </summary>
    public required KpiBaseline? Baseline { get; init; }

    /// <summary>The formula in words, with the baseline's labels.</summary>
    public required string Formula { get; init; }

    /// <summary>Every intermediate value, in order; the last is the result.</summary>
    public required IReadOnlyList<KpiStep> Steps { get; init; }

    /// <summary>The computed percentage at full precision; null when the input has errors. Bars are judged on this.</summary>
    public decimal? Percent { get; init; }

    /// <summary>The computed percentage rounded as the settings say (e.g. 27.72); null when the input has errors.</summary>
    public decimal? Rounded { get; init; }

    /// <summary>What the enterprise declared, in percent; null when it declared nothing.</summary>
    public decimal? Declared { get; init; }

    /// <summary>Whether the declared figure is within the tolerance of the computed one; null when either is missing.</summary>
    public bool? DeclaredMatches { get; init; }

    /// <summary>Declared minus computed, in percentage points (full precision); null when either is missing.</summary>
    public decimal? DeclaredDifference { get; init; }

    /// <summary>Chinese message when the declared figure disagrees, e.g. "申报值 21.69% 与系统计算值 27.72% 相差 6.03 个百分点，超过允许误差 0.05 个百分点".</summary>
    public string? Flag { get; init; }

    /// <summary>Why the KPI could not be computed (missing figures, zero divisors), naming the JSON field.</summary>
    public IReadOnlyList<InputError> Errors { get; init; } = [];

    /// <summary>The settings used (tolerance, decimals, rounding, kJ/kcal factor).</summary>
    public required KpiSettings Settings { get; init; }

    public bool IsComputed => Percent is not null;

    /// <summary>The result as reported, e.g. "27.72%", or "—" when it could not be computed.</summary>
    public string PercentText => Percent is { } p ? Settings.FormatPercent(p) : "—";
}
