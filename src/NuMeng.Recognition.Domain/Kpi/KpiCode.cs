namespace NuMeng.Recognition.Domain.Kpi;

/// <summary>The five KPIs of the 2024 technical conditions (一（五）, 二（一）7). Stored by name; never renumber.</summary>
public enum KpiCode
{
    /// <summary>生产效率提高.</summary>
    ProductionEfficiency,
    /// <summary>运营成本降低.</summary>
    OperatingCost,
    /// <summary>产品研发（升级）周期缩短; required of smart factories only.</summary>
    CycleTime,
    /// <summary>产品不良品率降低.</summary>
    DefectRate,
    /// <summary>能源利用率提高.</summary>
    EnergyEfficiency,
}

/// <summary>Names of the KPIs.</summary>
public static class KpiCodes
{
    /// <summary>Chinese name, as the document words the bar.</summary>
    public static string Name(KpiCode code) => code switch
    {
        KpiCode.ProductionEfficiency => "生产效率提高",
        KpiCode.OperatingCost => "运营成本降低",
        KpiCode.CycleTime => "产品研发周期缩短",
        KpiCode.DefectRate => "产品不良品率降低",
        KpiCode.EnergyEfficiency => "能源利用率提高",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "未知的考核指标"),
    };

    /// <summary>camelCase JSON property of the KPI inside <see cref="KpiInputs"/>, e.g. productionEfficiency.</summary>
    public static string Field(KpiCode code) => code switch
    {
        KpiCode.ProductionEfficiency => "productionEfficiency",
        KpiCode.OperatingCost => "operatingCost",
        KpiCode.CycleTime => "cycleTime",
        KpiCode.DefectRate => "defectRate",
        KpiCode.EnergyEfficiency => "energyEfficiency",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "未知的考核指标"),
    };
}
