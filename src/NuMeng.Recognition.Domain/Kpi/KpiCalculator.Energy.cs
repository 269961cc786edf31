namespace NuMeng.Recognition.Domain.Kpi;

public static partial class KpiCalculator
{
    /// <summary>
    /// 能源利用率提高 (技术条件 三（5）) = (rate after − rate before) ÷ rate before × 100%, each rate given directly or
    /// computed from boiler figures. The document's example 74.93% → 83.77% is 11.80%, not the 11.79% it prints.
    /// </summary>
    public static KpiResult EnergyEfficiency(EnergyEfficiencyInput input, KpiSettings settings, KpiBaseline? baseline = KpiBaseline.Renovation, string? prefix = null)
    {
        var (b, a) = (KpiBaselines.Before(baseline), KpiBaselines.After(baseline));
        var formula = $"能源利用率提高 =（{a}能源利用率 − {b}能源利用率）÷ {b}能源利用率 × 100%" +
            (input.BoilerBefore is not null || input.BoilerAfter is not null
                ? $"；锅炉能源利用率 = 蒸汽量 ×（蒸汽焓值 − 给水焓值）÷ Σ（燃料量 × 热值 × {Numbers.Format(settings.KilojoulesPerKilocalorie)} kJ/kcal）× 100%"
                : string.Empty);
        var at = prefix ?? DefaultPrefix(KpiCode.EnergyEfficiency);
        var errors = input.Validate(at);
        if (errors.Count > 0)
        {
            return Invalid(KpiCode.EnergyEfficiency, baseline, at, formula, input.Declared, errors, settings);
        }

        try
        {
            var steps = new List<KpiStep>();
            var problems = new List<InputError>();
            var before = Rate(input.RateBefore, input.BoilerBefore, $"{at}.boilerBefore", b, settings, steps, problems);
            var after = Rate(input.RateAfter, input.BoilerAfter, $"{at}.boilerAfter", a, settings, steps, problems);
            if (problems.Count > 0)
            {
                return Invalid(KpiCode.EnergyEfficiency, baseline, at, formula, input.Declared, problems, settings, steps);
            }

            var percent = (after - before) * 100m / before;
            steps.Add(new("能源利用率提高", $"（{Inter(after)} − {Inter(before)}）÷ {Inter(before)} × 100%", percent, "%"));
            return Finish(KpiCode.EnergyEfficiency, baseline, at, formula, steps, percent, input.Declared, settings);
        }
        catch (Exception ex) when (ex is OverflowException or DivideByZeroException)
        {
            return Overflow(KpiCode.EnergyEfficiency, baseline, at, formula, input.Declared, settings);
        }
    }

    /// <summary>
    /// Boiler energy utilisation (技术条件 三（5） 表 4) = steam × 1000 × (steam enthalpy − feed-water enthalpy)
    /// ÷ Σ(fuel × 1000 × heat value × kJ/kcal) × 100%. The example gives 74.93% with 4.1816 kJ/kcal, 74.84% with 4.1868.
    /// </summary>
    /// <param name="figures">The boiler figures.</param>
    /// <param name="settings">Supplies the kJ/kcal factor.</param>
    /// <param name="prefix">JSON path of <paramref name="figures"/>, for error messages.</param>
    /// <param name="side">Label put before each step, e.g. 实施前.</param>
    public static BoilerEfficiencyResult BoilerEfficiency(BoilerFigures figures, KpiSettings settings, string prefix = "boiler", string side = "")
    {
        var errors = figures.Validate(prefix).ToList();
        if (settings.KilojoulesPerKilocalorie <= 0)
        {
            errors.Add(new InputError($"{prefix}.kilojoulesPerKilocalorie", "热功当量换算系数必须大于 0（规则集设置有误）。"));
        }
        if (errors.Count > 0)
        {
            return new BoilerEfficiencyResult(null, [], errors, settings);
        }

        try
        {
            var k = settings.KilojoulesPerKilocalorie;
            var (steam, hs, hw) = (figures.SteamTonnes!.Value, figures.SteamEnthalpyKjPerKg!.Value, figures.FeedWaterEnthalpyKjPerKg!.Value);
            // Tonnes to kilograms (× 1000) on both sides, as the document does; the factor cancels but keeps the kJ figures real.
            var useful = steam * 1000m * (hs - hw);
            var steps = new List<KpiStep>
            {
                new($"{side}锅炉有效利用热量", $"{Figure(steam)} t × 1000 kg/t ×（{Figure(hs)} − {Figure(hw)}）kJ/kg", useful, " kJ"),
            };
            var fuels = figures.Fuels!;
            // Validate guarantees every fuel has its tonnage and heat value.
            foreach (var fuel in fuels)
            {
                var (tonnes, heat) = (fuel.Tonnes!.Value, fuel.HeatValueKcalPerKg!.Value);
                steps.Add(new($"{side}{fuel.Name}输入热量",
                    $"{Figure(tonnes)} t × 1000 kg/t × {Figure(heat)} kcal/kg × {Figure(k)} kJ/kcal",
                    tonnes * 1000m * heat * k, " kJ"));
            }
            var input = fuels.Sum(f => f.Tonnes!.Value * 1000m * f.HeatValueKcalPerKg!.Value * k);
            if (fuels.Count > 1)
            {
                steps.Add(new($"{side}输入热量合计", string.Join(" + ", steps.Skip(1).Select(s => Inter(s.Value))), input, " kJ"));
            }
            var percent = useful * 100m / input;
            steps.Add(new($"{side}能源利用率", $"{Inter(useful)} ÷ {Inter(input)} × 100%", percent, "%"));
            if (percent > 100)
            {
                return new BoilerEfficiencyResult(null, steps,
                    [new InputError(prefix, $"按锅炉数据计算的能源利用率为 {settings.FormatPercent(percent)}，超过 100%，请核对蒸汽量、焓值与燃料数据。")], settings);
            }
            return new BoilerEfficiencyResult(percent, steps, [], settings);
        }
        catch (Exception ex) when (ex is OverflowException or DivideByZeroException)
        {
            return new BoilerEfficiencyResult(null, [], [new InputError(prefix, OverflowMessage)], settings);
        }
    }

    private static decimal Rate(decimal? rate, BoilerFigures? boiler, string prefix, string side, KpiSettings settings, List<KpiStep> steps, List<InputError> problems)
    {
        if (boiler is null)
        {
            steps.Add(new($"{side}能源利用率", "（填报值）", rate!.Value, "%"));
            return rate.Value;
        }
        var result = BoilerEfficiency(boiler, settings, prefix, side);
        steps.AddRange(result.Steps);
        problems.AddRange(result.Errors);
        return result.Percent ?? 0m;
    }
}
