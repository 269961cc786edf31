namespace NuMeng.Recognition.Domain.Kpi;

/// <summary>
/// One line of the unit-cost table (技术条件 三（2） 表 1), e.g. 原材料费用 5860.43 → 4944.55 yuan/t.
/// A line may be negative: a price increase is booked as a negative cost (提价 0 → −319.99). Both figures are
/// nullable so that a figure left out is reported as missing: read as 0 it would turn 10 → (missing) into a 100 % saving.
/// </summary>
/// <param name="Name">成本项目, e.g. 原材料费用.</param>
/// <param name="Before">原工艺成本: before the project (or the industry average for a new build).</param>
/// <param name="After">现工艺成本: after the project.</param>
public sealed record CostLine(string? Name, decimal? Before, decimal? After)
{
    /// <summary>降低成本 of this line: before − after; null when either figure is missing.</summary>
    public decimal? Reduction() => Before - After;

    /// <summary>True when nothing at all was filled in (an empty row of the form or <c>{}</c>).</summary>
    public bool IsBlank() => string.IsNullOrWhiteSpace(Name) && Before is null && After is null;
}

/// <summary>
/// Raw figures of 运营成本降低 (技术条件 三（2）): either the unit-cost table (<see cref="Lines"/>, whose sums are the
/// unit costs) or the unit costs directly. When both are given they must agree.
/// </summary>
/// <param name="Lines">The cost table; empty or null when the unit costs are given directly.</param>
/// <param name="UnitCostBefore">改造前（或行业平均）单位成本, when no table is given.</param>
/// <param name="UnitCostAfter">改造后（本项目）单位成本, when no table is given.</param>
/// <param name="Declared">The enterprise's own result in percent, e.g. 21.67; optional.</param>
public sealed record OperatingCostInput(
    IReadOnlyList<CostLine>? Lines,
    decimal? UnitCostBefore = null,
    decimal? UnitCostAfter = null,
    decimal? Declared = null)
{
    public static OperatingCostInput FromLines(IReadOnlyList<CostLine> lines, decimal? declared = null) =>
        new(lines, null, null, declared);

    public static OperatingCostInput FromUnitCosts(decimal before, decimal after, decimal? declared = null) =>
        new(null, before, after, declared);

    /// <summary>True when the cost table is given (its sums are then the unit costs).</summary>
    public bool UsesTable() => Lines is { Count: > 0 };

    /// <summary>
    /// Unit cost before: the sum of the table's lines when there is a table, else the direct figure. Null when a line
    /// lacks the figure (summing it as 0 would understate the cost).
    /// </summary>
    public decimal? UnitCostBeforeTotal() => UsesTable() ? Total(l => l.Before) : UnitCostBefore;

    /// <summary>Unit cost after: as <see cref="UnitCostBeforeTotal"/>, for the after side.</summary>
    public decimal? UnitCostAfterTotal() => UsesTable() ? Total(l => l.After) : UnitCostAfter;

    private decimal? Total(Func<CostLine, decimal?> figure) =>
        Lines!.Any(l => l is null || figure(l) is null) ? null : Lines!.Sum(l => figure(l)!.Value);

    public IReadOnlyList<InputError> Validate(string prefix)
    {
        var checks = new InputChecks(prefix);
        checks.InRange(Declared, "declared", "申报的运营成本降低值");
        checks.InRange(UnitCostBefore, "unitCostBefore", "改造前（行业平均）单位成本");
        checks.InRange(UnitCostAfter, "unitCostAfter", "改造后（本项目）单位成本");
        if (UsesTable())
        {
            for (var i = 0; i < Lines!.Count; i++)
            {
                var line = Lines[i];
                if (line is null || line.IsBlank())
                {
                    checks.Add($"lines[{i}]", "成本明细行不能为空：请填写成本项目、原工艺成本和现工艺成本，或删除该行。");
                    continue;
                }
                if (string.IsNullOrWhiteSpace(line.Name))
                {
                    checks.Add($"lines[{i}].name", "请填写成本项目名称（如 原材料费用）。");
                }
                // No 0 is assumed for a missing figure: 10 → (missing) would read as a 100 % saving.
                checks.InRange(line.Before, $"lines[{i}].before", $"第 {i + 1} 行原工艺成本");
                checks.InRange(line.After, $"lines[{i}].after", $"第 {i + 1} 行现工艺成本");
                if (line.Before is null)
                {
                    checks.Add($"lines[{i}].before", "请填写原工艺成本（改造前或行业平均的该项成本；没有此项成本时填 0）。");
                }
                if (line.After is null)
                {
                    checks.Add($"lines[{i}].after", "请填写现工艺成本（改造后本项目的该项成本；没有此项成本时填 0）。");
                }
            }
            checks.Ranges(this);
            if (checks.Errors.Count > 0)
            {
                return checks.Errors;
            }
            // Every line is in FigureRange (at most 10¹²), so no sum of them can reach decimal's 7.9 × 10²⁸.
            var before = UnitCostBeforeTotal()!.Value;
            if (before <= 0)
            {
                checks.Add("lines", $"改造前单位成本合计必须大于 0（现为 {Numbers.Format(before)}）：计算降低比例时要除以它。");
            }
            Agree(checks, "unitCostBefore", UnitCostBefore, before, "改造前");
            Agree(checks, "unitCostAfter", UnitCostAfter, UnitCostAfterTotal()!.Value, "改造后");
            return checks.Errors;
        }

        if (!checks.Has("unitCostBefore"))
        {
            checks.Divisor(UnitCostBefore, "unitCostBefore", "改造前（行业平均）单位成本", "降低比例");
        }
        if (UnitCostAfter is null)
        {
            checks.Add("unitCostAfter", "请填写改造后（本项目）单位成本，或填写成本明细表。");
        }
        checks.Ranges(this);
        return checks.Errors;
    }

    private static void Agree(InputChecks checks, string field, decimal? given, decimal sum, string side)
    {
        if (given is { } g && g != sum)
        {
            checks.Add(field, $"{side}单位成本（{Numbers.Format(g)}）与成本明细合计（{Numbers.Format(sum)}）不一致，请核对。");
        }
    }
}
