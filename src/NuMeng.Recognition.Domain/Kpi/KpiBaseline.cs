namespace NuMeng.Recognition.Domain.Kpi;

/// <summary>
/// What a KPI is compared with. 技术条件 一（五）、二（一）7: "改造项目与建设前进行对比；新建项目与行业平均水平进行对比".
/// For a new build the "before" figures of every input are the industry average.
/// </summary>
public enum KpiBaseline
{
    /// <summary>改造项目: compared with the same workshop/factory before the project.</summary>
    Renovation,
    /// <summary>新建项目: compared with the industry average.</summary>
    NewBuild,
}

/// <summary>Chinese labels of a baseline, used in step labels and explanations.</summary>
public static class KpiBaselines
{
    /// <summary>What a result or report says when the enterprise did not choose a baseline.</summary>
    public const string NotChosen = "对比基准未选择";

    /// <summary>The input error for a missing baseline (技术条件 一（五）、二（一）7 make the comparison depend on it).</summary>
    public const string MissingMessage = "请选择对比基准：renovation（改造项目，与建设前对比）或 newBuild（新建项目，与行业平均水平对比）。";

    public static string Label(KpiBaseline baseline) => baseline switch
    {
        KpiBaseline.Renovation => "改造项目",
        KpiBaseline.NewBuild => "新建项目",
        _ => throw new ArgumentOutOfRangeException(nameof(baseline), baseline, "未知的对比基准"),
    };

    /// <summary>Label of a baseline that may not have been chosen: "对比基准未选择" when null.</summary>
    public static string Label(KpiBaseline? baseline) => baseline is { } b ? Label(b) : NotChosen;

    /// <summary>How the comparison is made, e.g. "改造项目，与建设前对比".</summary>
    public static string Comparison(KpiBaseline baseline) => baseline == KpiBaseline.NewBuild
        ? "新建项目，与行业平均水平对比"
        : "改造项目，与建设前对比";

    /// <summary>
    /// How the comparison is made; when no baseline was chosen, the rule itself (技术条件 一（五）: "改造项目与建设前进行对比；
    /// 新建项目与行业平均水平进行对比") rather than a guess.
    /// </summary>
    public static string Comparison(KpiBaseline? baseline) => baseline is { } b
        ? Comparison(b)
        : "改造项目与建设前对比，新建项目与行业平均水平对比";

    /// <summary>Label of the "before" figures: 实施前 (renovation) or 行业平均 (new build).</summary>
    public static string Before(KpiBaseline baseline) => baseline == KpiBaseline.NewBuild ? "行业平均" : "实施前";

    /// <summary>Label of the "before" figures; both readings when no baseline was chosen.</summary>
    public static string Before(KpiBaseline? baseline) => baseline is { } b ? Before(b) : "实施前（行业平均）";

    /// <summary>Label of the "after" figures: 实施后 (renovation) or 本项目 (new build).</summary>
    public static string After(KpiBaseline baseline) => baseline == KpiBaseline.NewBuild ? "本项目" : "实施后";

    /// <summary>Label of the "after" figures; both readings when no baseline was chosen.</summary>
    public static string After(KpiBaseline? baseline) => baseline is { } b ? After(b) : "实施后（本项目）";
}
