namespace NuMeng.Recognition.Domain.Kpi;

/// <summary>
/// One fuel burnt in the boiler (技术条件 三（5） 表 4), e.g. 原煤 363375.85 t at 5771 kcal/kg. The figures are nullable
/// so that a figure left out is reported as missing rather than read as 0 (0 t of a fuel would raise the utilisation).
/// </summary>
/// <param name="Name">燃料名称, e.g. 原煤.</param>
/// <param name="Tonnes">消耗量 (t).</param>
/// <param name="HeatValueKcalPerKg">热值 (kcal/kg).</param>
public sealed record FuelLine(string? Name, decimal? Tonnes, decimal? HeatValueKcalPerKg)
{
    /// <summary>True when nothing at all was filled in (<c>{}</c>).</summary>
    public bool IsBlank() => string.IsNullOrWhiteSpace(Name) && Tonnes is null && HeatValueKcalPerKg is null;
}

/// <summary>
/// The boiler figures of 技术条件 三（5）: energy utilisation = steam × (steam enthalpy − feed-water enthalpy)
/// ÷ Σ(fuel × heat value × kJ/kcal factor).
/// </summary>
/// <param name="SteamTonnes">产蒸汽量 (t), e.g. 2667929.43.</param>
/// <param name="SteamEnthalpyKjPerKg">蒸汽焓值 (kJ/kg), e.g. 3485.4.</param>
/// <param name="FeedWaterEnthalpyKjPerKg">锅炉给水焓值 (kJ/kg), e.g. 856.9.</param>
/// <param name="Fuels">Fuels burnt, e.g. 原煤 and 燃料气.</param>
public sealed record BoilerFigures(
    decimal? SteamTonnes,
    decimal? SteamEnthalpyKjPerKg,
    decimal? FeedWaterEnthalpyKjPerKg,
    IReadOnlyList<FuelLine>? Fuels)
{
    public IReadOnlyList<InputError> Validate(string prefix)
    {
        var checks = new InputChecks(prefix);
        checks.Positive(SteamTonnes, "steamTonnes", "产蒸汽量");
        checks.NonNegative(SteamEnthalpyKjPerKg, "steamEnthalpyKjPerKg", "蒸汽焓值");
        checks.NonNegative(FeedWaterEnthalpyKjPerKg, "feedWaterEnthalpyKjPerKg", "锅炉给水焓值");
        if (SteamEnthalpyKjPerKg is { } steam && FeedWaterEnthalpyKjPerKg is { } water && steam <= water)
        {
            checks.Add("steamEnthalpyKjPerKg", $"蒸汽焓值（{Numbers.Format(steam)} kJ/kg）应大于锅炉给水焓值（{Numbers.Format(water)} kJ/kg）。");
        }
        if (Fuels is not { Count: > 0 })
        {
            checks.Add("fuels", "请至少填写一种燃料（名称、消耗量、热值）。");
            return checks.Errors;
        }
        for (var i = 0; i < Fuels.Count; i++)
        {
            var fuel = Fuels[i];
            if (fuel is null || fuel.IsBlank())
            {
                checks.Add($"fuels[{i}]", "燃料行不能为空：请填写燃料名称、消耗量和热值，或删除该行。");
                continue;
            }
            if (string.IsNullOrWhiteSpace(fuel.Name))
            {
                checks.Add($"fuels[{i}].name", "请填写燃料名称（如 原煤、燃料气）。");
            }
            checks.NonNegative(fuel.Tonnes, $"fuels[{i}].tonnes", "燃料消耗量");
            checks.Divisor(fuel.HeatValueKcalPerKg, $"fuels[{i}].heatValueKcalPerKg", "燃料热值", "输入热量");
        }
        // Only reached when every fuel has its figures (any missing one is an error under "fuels[i]").
        if (!checks.Has("fuels") && Fuels.Sum(f => f.Tonnes!.Value) <= 0)
        {
            checks.Add("fuels", "燃料消耗量合计必须大于 0：计算能源利用率时要除以输入热量。");
        }
        return checks.Errors;
    }
}

/// <summary>
/// Raw figures of 能源利用率提高 (技术条件 三（5）): for each side either the utilisation rate in percent or the boiler
/// figures it is computed from (the document computes 74.93% from boiler figures and gives 83.77% directly).
/// </summary>
/// <param name="RateBefore">实施前（或行业平均）能源利用率 in percent, when no boiler figures are given.</param>
/// <param name="RateAfter">实施后（本项目）能源利用率 in percent, when no boiler figures are given.</param>
/// <param name="BoilerBefore">Boiler figures before; give either these or <paramref name="RateBefore"/>.</param>
/// <param name="BoilerAfter">Boiler figures after; give either these or <paramref name="RateAfter"/>.</param>
/// <param name="Declared">The enterprise's own result in percent, e.g. 11.79; optional.</param>
public sealed record EnergyEfficiencyInput(
    decimal? RateBefore = null,
    decimal? RateAfter = null,
    BoilerFigures? BoilerBefore = null,
    BoilerFigures? BoilerAfter = null,
    decimal? Declared = null)
{
    public IReadOnlyList<InputError> Validate(string prefix)
    {
        var checks = new InputChecks(prefix);
        // The before rate is the divisor of the result, so it must be above 0; the after rate may be anything in 0–100.
        Side(checks, RateBefore, BoilerBefore, "rateBefore", "boilerBefore", "实施前（行业平均）", isDivisor: true);
        Side(checks, RateAfter, BoilerAfter, "rateAfter", "boilerAfter", "实施后（本项目）", isDivisor: false);
        checks.InRange(Declared, "declared", "申报的能源利用率提高值");
        checks.Ranges(this);
        return checks.Errors;
    }

    private static void Side(InputChecks checks, decimal? rate, BoilerFigures? boiler, string rateField, string boilerField, string side, bool isDivisor)
    {
        if (boiler is not null)
        {
            if (rate is not null)
            {
                checks.Add(rateField, $"{side}能源利用率：直接填写的数值与锅炉测算数据只能二选一。");
            }
            checks.AddRange(boiler.Validate(checks.Path(boilerField)));
            return;
        }
        if (rate is null)
        {
            checks.Add(rateField, $"请填写{side}能源利用率，或其锅炉测算数据。");
            return;
        }
        checks.Percent(rate, rateField, $"{side}能源利用率");
        if (isDivisor && rate == 0)
        {
            checks.Add(rateField, $"{side}能源利用率为 0，无法计算提高比例（除数为 0）。");
        }
    }
}
