namespace NuMeng.Recognition.Domain.Eligibility;

/// <summary>
/// Judges who may apply (管理办法 第五条、第六条; 2025 基础要求 1–5): one finding per requirement, each with its clause
/// and the facts behind it. A requirement the rule set does not have is 不适用; an unanswered question is 待核实.
/// </summary>
public static class EligibilityEvaluator
{
    /// <summary>Evaluates <paramref name="input"/> under <paramref name="rules"/> on <paramref name="today"/> (for "近三年").</summary>
    public static Verdict Evaluate(EligibilityRules rules, EligibilityInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(input);

        var window = LookbackWindow.Ending(today, rules.LookbackYears);
        var code = CreditCode.TryParse(input.CreditCode, out var parsed, out var codeError) ? parsed : null;

        var findings = new List<Finding>
        {
            CreditCodeFinding(rules, input, code, codeError),
            RegistrationFinding(rules, code),
            LegalStatusFinding(rules, input, code),
            YesNo(rules, rules.AboveDesignatedSizeClause, "eligibility.above-designated-size", "规模以上工业企业",
                input.AboveDesignatedSize, "为规模以上工业企业（年主营业务收入2000万元及以上）",
                input.LegalStatus == LegalStatus.Branch ? "分支机构所属法人为规模以上工业企业" : "是规模以上工业企业",
                "不是规模以上工业企业", "未声明是否为规模以上工业企业"),
            YesNo(rules, rules.SiteClause, "eligibility.site-in-region", "车间或工厂所在地在区内",
                input.SiteInInnerMongolia, "申报车间或工厂位于内蒙古自治区内", "车间或工厂位于内蒙古自治区内", "车间或工厂不在内蒙古自治区内",
                "未声明申报车间或工厂是否位于内蒙古自治区内"),
            YesNo(rules, rules.BuiltAndInUseClause, "eligibility.built-and-in-use", "已建成并投入正常使用",
                input.BuiltAndInNormalUse, "已经建成并投入正常使用", "已建成并投入正常使用", "尚未建成或未投入正常使用",
                "未声明申报车间或工厂是否已经建成并投入正常使用"),
            YesNo(rules, rules.IndustrialPolicyClause, "eligibility.industrial-policy", "主导产品符合产业政策",
                input.ProductsFitIndustrialPolicy, "主导产品符合内蒙古产业政策", "主导产品符合内蒙古产业政策", "主导产品不符合内蒙古产业政策",
                "未声明主导产品是否符合内蒙古产业政策"),
            YesNo(rules, rules.NormalOperationClause, "eligibility.normal-operation", "生产经营正常",
                input.OperatingNormally, $"{window.Describe()}生产经营正常", $"{window.Describe()}生产经营正常", $"{window.Describe()}生产经营不正常",
                $"未声明{window.Describe()}生产经营是否正常"),
            FalseInformationFinding(rules, input),
            IncidentFinding(rules, input, window),
            DishonestyFinding(rules, input, window),
            YesNo(rules, rules.SecureAndControllableClause, "eligibility.secure-and-controllable", "关键技术装备等安全可控",
                input.KeyEquipmentSecureAndControllable, "关键技术装备、工业软件、工业操作系统、系统解决方案等安全可控，网络安全和数据安全风险可控",
                "关键技术装备、工业软件等安全可控", "关键技术装备、工业软件等存在不可控情况",
                "未声明关键技术装备、工业软件等是否安全可控"),
            YesNo(rules, rules.OrganisationClause, "eligibility.smart-factory-organisation", "智能工厂组织机制",
                input.HasSmartFactoryOrganisation, "建立智能工厂统筹规划、建设和运营的组织机制", "已建立智能工厂统筹规划、建设和运营的组织机制", "未建立智能工厂统筹规划、建设和运营的组织机制",
                "未声明是否已建立智能工厂统筹规划、建设和运营的组织机制"),
            YesNo(rules, rules.MaturitySelfAssessmentClause, "eligibility.maturity-self-assessment", "智能制造能力成熟度自评价",
                input.HasMaturitySelfAssessment, "按 GB/T 39116-2020 完成成熟度自评价（各级别的等级要求见梯度条件）", "已完成智能制造能力成熟度自评价", "未完成智能制造能力成熟度自评价",
                "未声明是否已完成智能制造能力成熟度自评价"),
        };
        return new Verdict(rules.Title, findings);
    }

    private static Finding CreditCodeFinding(EligibilityRules rules, EligibilityInput input, CreditCode? code, string codeError)
    {
        const string title = "统一社会信用代码";
        const string required = "18 位，字符与校验码符合 GB 32100-2015";
        if (code is null)
        {
            var typed = string.IsNullOrWhiteSpace(input.CreditCode) ? "未填写" : $"“{input.CreditCode.Trim()}”";
            return new Finding("eligibility.credit-code", title, Outcome.Fail, rules.RegistrationClause, required,
                typed, $"统一社会信用代码无效：{codeError}。");
        }
        var category = code.RegistrationAuthorityLabel is null
            ? $"登记管理部门码“{code.RegistrationAuthorityCode}”"
            : $"{code.RegistrationAuthorityLabel}登记的{code.CategoryLabel ?? $"类别“{code.CategoryCode}”"}";
        return new Finding("eligibility.credit-code", title, Outcome.Pass, rules.RegistrationClause, required,
            $"{code.Value}（{category}）", "统一社会信用代码格式与校验码正确。");
    }

    private static Finding RegistrationFinding(EligibilityRules rules, CreditCode? code)
    {
        const string title = "在内蒙古自治区注册";
        const string required = "登记机关在内蒙古自治区（代码第 3–8 位以 15 开头）";
        if (code is null)
        {
            return new Finding("eligibility.registered-in-region", title, Outcome.NeedsReview, rules.RegistrationClause, required,
                "统一社会信用代码无效", "无法从统一社会信用代码判断注册地，请先更正代码。");
        }
        if (!code.IsInnerMongolia)
        {
            return new Finding("eligibility.registered-in-region", title, Outcome.Fail, rules.RegistrationClause, required,
                $"登记机关行政区划码 {code.RegionCode}", $"登记机关行政区划码 {code.RegionCode} 不在内蒙古自治区（应以 15 开头），申报主体不在区内注册。");
        }
        var location = code.Location;
        var where = location is null ? "未能对应到盟市，请核实" : location.Describe();
        return new Finding("eligibility.registered-in-region", title, Outcome.Pass, rules.RegistrationClause, required,
            $"登记机关行政区划码 {code.RegionCode}（{where}）", $"申报主体在内蒙古自治区注册（{where}）。");
    }

    private static Finding LegalStatusFinding(EligibilityRules rules, EligibilityInput input, CreditCode? code)
    {
        const string findingCode = "eligibility.legal-status";
        const string title = "主体资格";
        var clause = rules.LegalStatusClause;
        var industries = string.Join("、", rules.BranchIndustries);
        var required = rules.BranchesAllowed
            ? $"具有独立法人资格；{industries}等行业允许法人的分支机构申报，须有统一社会信用代码"
            : "具有独立法人资格（分支机构不得申报）";

        if (input.LegalStatus == LegalStatus.IndependentLegalPerson)
        {
            if (code is not null && !code.IsEnterprise)
            {
                return new Finding(findingCode, title, Outcome.NeedsReview, clause, required,
                    $"独立法人；代码第 1–2 位为“{code.Value[..2]}”",
                    $"统一社会信用代码第 1–2 位为“{code.Value[..2]}”，不是工商（市场监督管理）登记的企业（应为“91”），请核实申报主体资格。");
            }
            return new Finding(findingCode, title, Outcome.Pass, clause, required, "独立法人", "申报主体具有独立法人资格。");
        }
        if (input.LegalStatus != LegalStatus.Branch)
        {
            return new Finding(findingCode, title, Outcome.NeedsReview, clause, required, "未填写", "未填写主体类型（独立法人或分支机构）。");
        }

        var industry = input.Industry?.Trim() ?? string.Empty;
        var actual = industry.Length == 0 ? "分支机构（未填写所属行业）" : $"分支机构，所属行业“{industry}”";
        if (!rules.BranchesAllowed)
        {
            return new Finding(findingCode, title, Outcome.Fail, clause, required, actual,
                $"分支机构不具有独立法人资格；依{clause.Citation}，申报主体须具有独立法人资格。");
        }
        if (industry.Length == 0)
        {
            return new Finding(findingCode, title, Outcome.NeedsReview, clause, required, actual,
                $"分支机构仅在{industries}等行业允许申报，请填写所属行业。");
        }
        if (!rules.BranchIndustries.Contains(industry, StringComparer.Ordinal))
        {
            return new Finding(findingCode, title, Outcome.Fail, clause, required, actual,
                $"所属行业“{industry}”不在允许分支机构申报的行业（{industries}等）之列；该行业如有特殊情况，须由自治区工信厅增列后方可申报。");
        }
        if (code is null)
        {
            return new Finding(findingCode, title, Outcome.Fail, clause, required, actual + "，统一社会信用代码无效",
                $"{industry}行业的分支机构可以申报，但须有有效的统一社会信用代码。");
        }
        return new Finding(findingCode, title, Outcome.Pass, clause, required, $"{actual}，统一社会信用代码 {code.Value}",
            $"{industry}行业允许法人的分支机构申报，且该分支机构有统一社会信用代码。");
    }

    private static Finding FalseInformationFinding(EligibilityRules rules, EligibilityInput input) =>
        input.FalseInformation
            ? new Finding("eligibility.false-information", "未提供虚假申报信息", Outcome.Fail, rules.FalseInformationClause,
                "未提供虚假申报信息", "发现提供虚假申报信息", "提供虚假申报信息的，不得申报。")
            : new Finding("eligibility.false-information", "未提供虚假申报信息", Outcome.Pass, rules.FalseInformationClause,
                "未提供虚假申报信息", "未发现虚假申报信息", "未发现提供虚假申报信息的情况。");

    private static Finding IncidentFinding(EligibilityRules rules, EligibilityInput input, LookbackWindow window)
    {
        const string code = "eligibility.major-incidents";
        const string title = "近三年无重大事故";
        var required = $"{window.Describe()}内未发生重大生产安全、质量和环境污染事故";
        var incidents = (input.Incidents ?? []).Where(i => i is not null).OrderBy(i => KnownDate(i) ?? DateOnly.MaxValue).ToList();

        // An incident without a date cannot be placed in or out of 近三年: 待核实, never "long ago".
        var undated = incidents.Where(i => KnownDate(i) is null).ToList();
        var future = incidents.Where(i => KnownDate(i) > window.Last).ToList();
        var inside = incidents.Where(i => KnownDate(i) is { } d && window.Contains(d)).ToList();
        var before = incidents.Where(i => KnownDate(i) < window.First).ToList();

        if (incidents.Count == 0)
        {
            return new Finding(code, title, Outcome.Pass, rules.IncidentClause, required, "未申报重大事故",
                $"{window.Describe()}内未发生重大安全、质量和环境污染事故。");
        }

        var facts = new List<string>();
        facts.AddRange(inside.Select(i => $"{Describe(i)}，在{window.Describe()}内"));
        facts.AddRange(before.Select(i => $"{Describe(i)}，早于{window.Describe()}，不在回溯期内"));
        facts.AddRange(future.Select(i => $"{Describe(i)}，晚于评估日{ChineseDates.Format(window.Last)}，日期有误"));
        facts.AddRange(undated.Select(i => $"{Describe(i)}，无法判断是否在{window.Describe()}内"));
        var actual = string.Join("；", facts);

        if (inside.Count > 0)
        {
            // Any major accident in the window bars the application, whatever its kind.
            return new Finding(code, title, Outcome.Fail, rules.IncidentClause, required, actual,
                $"{window.Describe()}内发生过{string.Join("、", inside.Select(KindLabel).Distinct())}，不得申报。");
        }
        if (undated.Count > 0)
        {
            return new Finding(code, title, Outcome.NeedsReview, rules.IncidentClause, required, actual,
                "有事故未填写发生日期，无法判断是否在回溯期内，请补充日期后核实。");
        }
        if (future.Count > 0)
        {
            return new Finding(code, title, Outcome.NeedsReview, rules.IncidentClause, required, actual,
                "事故日期晚于评估日，请核实日期。");
        }
        return new Finding(code, title, Outcome.Pass, rules.IncidentClause, required, actual,
            $"所申报事故均发生在{window.Describe()}之前，不影响申报。");
    }

    private static Finding DishonestyFinding(EligibilityRules rules, EligibilityInput input, LookbackWindow window)
    {
        const string code = "eligibility.serious-dishonesty";
        const string title = "未列入严重失信主体名单";
        var required = $"未被列入严重失信主体名单，{window.Describe()}无严重失信行为";
        if (!input.SeriousDishonestyListed)
        {
            return new Finding(code, title, Outcome.Pass, rules.DishonestyClause, required, "未列入严重失信主体名单",
                "未被列入严重失信主体名单。");
        }
        var actual = input.SeriousDishonestyListedOn is { } on
            ? $"{ChineseDates.Format(on)}被列入严重失信主体名单，目前仍在名单中"
            : "被列入严重失信主体名单（列入日期未填写），目前仍在名单中";
        return new Finding(code, title, Outcome.Fail, rules.DishonestyClause, required, actual,
            "被列入严重失信主体名单的，不得申报。");
    }

    private static DateOnly? KnownDate(Incident incident) => incident.Date is { } d && d != default ? d : null;

    private static string KindLabel(Incident incident) =>
        incident.Kind is { } kind && Enum.IsDefined(kind) ? EligibilityLabels.IncidentKind(kind) : "重大事故（类别未填写）";

    private static string Describe(Incident incident)
    {
        var when = KnownDate(incident) is { } d ? ChineseDates.Format(d) : "（日期未填写）";
        var what = string.IsNullOrWhiteSpace(incident.Description) ? "情况未说明" : incident.Description.Trim();
        return $"{when}发生{KindLabel(incident)}（{what}）";
    }

    /// <summary>
    /// A declared yes/no requirement: true passes, false fails, null (not declared) is 待核实 — never read as either answer.
    /// </summary>
    private static Finding YesNo(EligibilityRules rules, Clause? clause, string code, string title, bool? answer, string required, string yes, string no, string notDeclared)
    {
        if (clause is null)
        {
            // Finding needs a clause: cite the rule set itself, which is where the requirement is absent.
            return new Finding(code, title, Outcome.NotApplicable, new Clause(rules.Title, "（未列此项）", "本规则集不含此项要求。"),
                "本规则集不要求", "—", $"{rules.Title}不含“{title}”要求。");
        }
        return answer switch
        {
            true => new Finding(code, title, Outcome.Pass, clause, required, yes, $"{yes}，符合要求。"),
            false => new Finding(code, title, Outcome.Fail, clause, required, no, $"{no}，不符合{clause.Citation}。"),
            null => new Finding(code, title, Outcome.NeedsReview, clause, required, "未声明", $"{notDeclared}，须补充声明后核实。"),
        };
    }
}
