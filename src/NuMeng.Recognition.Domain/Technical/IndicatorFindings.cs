namespace NuMeng.Recognition.Domain.Technical;

/// <summary>The findings of the non-KPI conditions (技术条件 一（一）–（四）, 二（一）1–6), in the document's order.</summary>
internal sealed class IndicatorFindings(
    TechnicalConditionSet mine,
    TechnicalConditionSet other,
    TechnicalIndicators input,
    IReadOnlyList<InputError> errors)
{
    private const string Prefix = TechnicalIndicators.DefaultPrefix;

    public IEnumerable<Finding?> Candidates()
    {
        yield return WorkshopCount();
        yield return Ratio("equipment-nc-rate", "装备数控化率", mine.EquipmentNcRate,
            input.DigitalEquipment, input.EquipmentTotal, "digitalEquipment", "equipmentTotal", "数字化装备数量", "生产装备总数");
        yield return Ratio("key-process-nc-rate", "关键工序数控化率", mine.KeyProcessNcRate,
            input.DigitalKeyProcesses, input.KeyProcessTotal, "digitalKeyProcesses", "keyProcessTotal", "实现数控的关键工序数", "关键工序总数");
        yield return Yes("equipment-networked", "设备联网运行", mine.DataCollection, input.EquipmentNetworked,
            "加工设备、检测设备、物流设备基于 5G、工业互联网、物联网等技术联网运行", "已联网运行", "未联网运行（或未全部联网）");
        yield return Upload();
        yield return Yes("real-time-monitoring", "设备实时监控", mine.DataCollection, input.RealTimeMonitoring,
            "采集设备运行数据，实现设备实时监控", "已实现", "未实现");
        yield return Count("mes-modules", "MES 功能模块", "MES 功能模块", mine.MesModules, input.MesModules, MesModules.Label, "种");
        yield return Yes("visual-management", "车间可视化管理", mine.VisualManagement, input.VisualManagement,
            "实现车间可视化管理", "已实现", "未实现");
        yield return mine.WorkshopIntegration is { } integration
            ? Yes("workshop-integration", "车间信息集成", integration, input.WorkshopIntegration,
                "设备实时数据采集系统、制造执行系统与企业管理设计信息系统集成", "已集成", "未集成")
            : TechnicalEvaluator.NotApplicable(mine, other, "workshop-integration", "车间信息集成", other.WorkshopIntegration);
        yield return mine.InformationSystems is { } systems
            ? Count("information-systems", "信息系统建设", "信息系统", systems, input.InformationSystems, InformationSystemKinds.Label, "种")
            : TechnicalEvaluator.NotApplicable(mine, other, "information-systems", "信息系统建设", other.InformationSystems?.Clause);
        yield return mine.InformationSystemsIntegration is { } systemsIntegration
            ? Yes("information-systems-integrated", "信息系统有效集成", systemsIntegration, input.InformationSystemsIntegrated,
                "信息系统实现有效集成", "已实现有效集成", "未实现集成")
            : TechnicalEvaluator.NotApplicable(mine, other, "information-systems-integrated", "信息系统有效集成", other.InformationSystemsIntegration);
        yield return SecurityInvestment();
        yield return mine.SecurityCapability is { } capability
            ? Yes("security-capability", "信息安全防护能力", capability, input.SecurityCapability,
                "建成后具备一定的信息安全防护能力", "具备", "不具备")
            : TechnicalEvaluator.NotApplicable(mine, other, "security-capability", "信息安全防护能力", other.SecurityCapability);
    }

    public IEnumerable<Finding> All() => Candidates().OfType<Finding>();

    private IEnumerable<InputError> ErrorsAt(params string[] fields) =>
        errors.Where(e => fields.Any(f => e.Field == $"{Prefix}.{f}" || e.Field.StartsWith($"{Prefix}.{f}[", StringComparison.Ordinal)));

    private Finding Make(string item, string title, bool met, Clause clause, string required, string actual, string explanation) =>
        new(TechnicalEvaluator.CodeOf(mine.Kind, item), title, met ? Outcome.Pass : Outcome.Fail, clause, required, actual, explanation);

    private Finding Review(string item, string title, Clause clause, string required, IEnumerable<InputError> problems, string missing) =>
        TechnicalEvaluator.NeedsReview(mine.Kind, item, title, clause, required, problems, missing);

    // 一（一）/ 二（一）2: 数控化率 = 数字化的 ÷ 总数, "达 X%以上" — inclusive, exact decimal (21 / 30 = 70 exactly).
    private Finding Ratio(string item, string title, TechnicalBar bar, int? part, int? whole, string partField, string wholeField, string partLabel, string wholeLabel)
    {
        var required = bar.Threshold.Describe();
        var problems = ErrorsAt(partField, wholeField).ToList();
        if (problems.Count > 0 || part is null || whole is not > 0)
        {
            return Review(item, title, bar.Clause, required, problems, $"请填写{partLabel}和{wholeLabel}。");
        }
        var rate = part.Value * 100m / whole.Value;
        var met = bar.Threshold.IsMetBy(rate);
        var shown = HonestNumber.Percent(rate, 2, bar.Threshold);
        return Make(item, title, met, bar.Clause, required, $"{shown}（{part} / {whole}）",
            $"{title} = {partLabel} {part} ÷ {wholeLabel} {whole} = {shown}，{TechnicalEvaluator.Verb(met)}“{required}”的要求。");
    }

    // 一（二）/ 二（一）3: "采集信息的上传率达到 90%" — reaching 90 counts.
    private Finding Upload()
    {
        const string item = "upload-rate";
        const string title = "采集信息上传率";
        var bar = mine.UploadRate;
        var required = bar.Threshold.Describe();
        var problems = ErrorsAt("uploadRate", "collectedItems", "uploadedItems").ToList();
        if (problems.Count > 0 || input.UploadRatePercent() is not { } rate)
        {
            return Review(item, title, bar.Clause, required, problems, "请填写采集信息上传率，或采集/上传的信息条目数。");
        }
        var met = bar.Threshold.IsMetBy(rate);
        var shown = HonestNumber.Percent(rate, 2, bar.Threshold);
        var actual = input.CollectedItems is { } collected ? $"{shown}（{input.UploadedItems} / {collected}）" : shown;
        return Make(item, title, met, bar.Clause, required, actual,
            $"采集信息上传率为 {actual}，{TechnicalEvaluator.Verb(met)}“{required}”的要求。");
    }

    private Finding Yes(string item, string title, Clause clause, bool value, string required, string yes, string no) =>
        Make(item, title, value, clause, required, value ? yes : no,
            value ? $"企业申报{required}，{TechnicalEvaluator.Verb(true)}要求（由专家现场核实）。" : $"未达到要求：{required}。");

    // 一（三）/ 二（一）4 and 二（一）5: "至少包含以下 … 中的 4 种" — 4 counts; duplicates are counted once.
    private Finding Count<T>(string item, string title, string noun, TechnicalBar bar, IReadOnlyList<T>? chosen, Func<T, string> label, string unit)
        where T : struct, Enum
    {
        var required = bar.Threshold.Describe();
        var distinct = (chosen ?? []).Where(x => Enum.IsDefined(x)).Distinct().ToList();
        var met = bar.Threshold.IsMetBy(distinct.Count);
        var names = distinct.Count == 0 ? "无" : string.Join("、", distinct.Select(label));
        var actual = $"{distinct.Count} {unit}：{names}";
        var shortBy = met || bar.Threshold.Comparison != Comparison.AtLeast ? string.Empty : $"，还差 {Numbers.Format(bar.Threshold.Value - distinct.Count)} {unit}";
        return Make(item, title, met, bar.Clause, required, actual,
            $"已建成 {noun} {distinct.Count} {unit}，{TechnicalEvaluator.Verb(met)}“{required}”的要求{shortBy}。");
    }

    // 二（一）1: 离散型 ≥ 2 个, 流程型、混合型 ≥ 1 个数字化车间 ("不少于" — inclusive).
    private Finding? WorkshopCount()
    {
        const string item = "digital-workshops";
        const string title = "数字化车间数量";
        if (mine.DiscreteWorkshops is null && mine.ProcessOrMixedWorkshops is null)
        {
            return TechnicalEvaluator.NotApplicable(mine, other, item, title, (other.DiscreteWorkshops ?? other.ProcessOrMixedWorkshops)?.Clause);
        }
        var clause = (mine.DiscreteWorkshops ?? mine.ProcessOrMixedWorkshops)!.Clause;
        var problems = ErrorsAt("manufacturingType", "digitalWorkshopCount").ToList();
        if (problems.Count > 0 || input.ManufacturingType is not { } type || input.DigitalWorkshopCount is not { } count)
        {
            return Review(item, title, clause, "离散型不少于 2 个；流程型、混合型不少于 1 个", problems, "请填写制造类型和数字化车间数量。");
        }
        var typeLabel = ManufacturingTypes.Label(type);
        var bar = type == ManufacturingType.Discrete ? mine.DiscreteWorkshops : mine.ProcessOrMixedWorkshops;
        if (bar is null)
        {
            return new Finding(TechnicalEvaluator.CodeOf(mine.Kind, item), title, Outcome.NotApplicable, clause, "—", $"{count} 个（{typeLabel}）",
                $"本版本技术条件对{typeLabel}制造企业的数字化车间数量不作要求。");
        }
        var met = bar.Threshold.IsMetBy(count);
        var required = $"{typeLabel}制造企业 {bar.Threshold.Describe()}";
        return Make(item, title, met, bar.Clause, required, $"{count} 个（{typeLabel}）",
            $"{typeLabel}制造企业已建成数字化车间 {count} 个，{TechnicalEvaluator.Verb(met)}“{bar.Threshold.Describe()}”的要求。");
    }

    // 二（一）6: "项目应有必要的信息安全防护投入" — the amount is not fixed; the bar (> 0 万元) is data.
    private Finding? SecurityInvestment()
    {
        const string item = "security-investment";
        const string title = "信息安全防护投入";
        if (mine.SecurityInvestment is not { } bar)
        {
            return TechnicalEvaluator.NotApplicable(mine, other, item, title, other.SecurityInvestment?.Clause);
        }
        var required = bar.Threshold.Describe();
        var problems = ErrorsAt("securityInvestmentWan").ToList();
        if (problems.Count > 0 || input.SecurityInvestmentWan is not { } amount)
        {
            return Review(item, title, bar.Clause, required, problems, "请填写信息安全防护投入（万元）。");
        }
        var met = bar.Threshold.IsMetBy(amount);
        return Make(item, title, met, bar.Clause, required, $"{Numbers.Format(amount)} 万元",
            met
                ? $"信息安全防护投入 {Numbers.Format(amount)} 万元，{TechnicalEvaluator.Verb(true)}“{required}”；投入是否必要、充分由专家评审确认。"
                : $"信息安全防护投入 {Numbers.Format(amount)} 万元，{TechnicalEvaluator.Verb(false)}“{required}”的要求。");
    }
}
