namespace NuMeng.Recognition.Domain.PreCheck;

/// <summary>
/// The pre-check: reads, validates and evaluates a request. The /precheck page, POST /api/v1/precheck and numeng-precheck
/// all call this, and the application form's live check calls the same evaluators.
/// </summary>
public static class PreCheckService
{
    /// <summary>Reads the JSON (or form-derived JSON) and evaluates it under the current rule sets.</summary>
    public static PreCheckOutcome Evaluate(string? json, DateOnly today, RuleSetCatalog? catalog = null)
    {
        var request = JsonInput.Read<PreCheckRequest>(json, out var errors);
        return request is null ? new PreCheckOutcome(errors, null) : Evaluate(request, today, catalog);
    }

    public static PreCheckOutcome Evaluate(PreCheckRequest request, DateOnly today, RuleSetCatalog? catalog = null)
    {
        catalog ??= RuleSetCatalog.Current;
        var errors = Validate(request, catalog);
        if (errors.Count > 0)
        {
            return new PreCheckOutcome(errors, null);
        }

        var kind = request.Kind!.Value;
        var assessedOn = request.AssessmentDate ?? today;
        var eligibility = request.Enterprise is null
            ? null
            : EligibilityEvaluator.Evaluate(catalog.EligibilityFor(kind), request.Enterprise, assessedOn);

        if (RecognitionKinds.IsTier(kind))
        {
            var level = TierLevels.TryFromRecognitionKind(kind, out var l) ? l : throw new InvalidOperationException(kind.ToString());
            var evaluation = TierEvaluator.Evaluate(catalog.Tiers, catalog.Scenes, level, request.Tier!);
            return new PreCheckOutcome([], new PreCheckReport
            {
                Kind = kind,
                RuleSet = catalog.Tiers.Info,
                AssessedOn = assessedOn,
                Eligibility = eligibility,
                Requirements = evaluation.Verdict,
                Tier = Summarise(evaluation),
            });
        }

        var technical = TechnicalEvaluator.Evaluate(catalog.Technical, kind, request.Technical!, request.Kpi ?? new KpiInputs());
        return new PreCheckOutcome([], new PreCheckReport
        {
            Kind = kind,
            RuleSet = catalog.Technical.Info,
            AssessedOn = assessedOn,
            Eligibility = eligibility,
            Requirements = technical.Verdict,
            Kpis = technical.Kpis,
            KpiSettingsUsed = technical.SettingsUsed,
        });
    }

    /// <summary>Every problem with the request, each naming its JSON field, in Chinese.</summary>
    public static IReadOnlyList<InputError> Validate(PreCheckRequest request, RuleSetCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<InputError>(ValidateSections(request, catalog));
        // Any figure out of range that no section's labelled check reported (docs/precheck-format.md “数值范围”).
        errors.AddRange(FigureRange.Check(request, string.Empty).Where(e => !errors.Exists(x => x.Field == e.Field)));
        return errors;
    }

    private static List<InputError> ValidateSections(PreCheckRequest request, RuleSetCatalog catalog)
    {
        var errors = new List<InputError>();
        if (request.Kind is not { } kind)
        {
            errors.Add(new InputError("kind", "请选择认定类型（digitalWorkshop 数字化车间、smartFactory 智能工厂、tierBasic 基础级、tierAdvanced 先进级、tierExcellent 卓越级、tierLeading 领航级）。"));
            return errors;
        }
        if (request.Enterprise is not null)
        {
            errors.AddRange(request.Enterprise.Validate("enterprise"));
        }
        if (RecognitionKinds.IsTier(kind))
        {
            if (request.Tier is null)
            {
                errors.Add(new InputError("tier", $"申报{RecognitionKinds.Label(kind)}须填写建设场景和智能制造能力成熟度。"));
            }
            else
            {
                errors.AddRange(request.Tier.Validate(catalog.Scenes, "tier"));
            }
            return errors;
        }
        if (request.Technical is null)
        {
            errors.Add(new InputError("technical", $"申报{RecognitionKinds.Label(kind)}须填写技术指标。"));
        }
        else
        {
            errors.AddRange(request.Technical.Validate("technical", kind));
        }
        if (request.Kpi is not null)
        {
            errors.AddRange(request.Kpi.Validate("kpi"));
        }
        return errors;
    }

    private static TierSummary Summarise(TierEvaluation evaluation)
    {
        static string? Label(TierLevel? level) => level is { } l ? TierLevels.FullLabel(l) : null;
        static IReadOnlyList<TierGapLine> Lines(IEnumerable<TierGap> gaps) => gaps.Select(g => new TierGapLine(g.Text, g.Clause.Citation)).ToList();
        var coverage = evaluation.RequestedCheck.Coverage;
        return new TierSummary(
            evaluation.Catalogue.DisplayName,
            evaluation.Catalogue.Provisional,
            Label(evaluation.HighestTierMet),
            Label(evaluation.HighestTierApplicable),
            Label(evaluation.NextTier),
            Lines(evaluation.Gaps),
            Lines(evaluation.RequestedGaps),
            coverage.Segments.Select(s => new SegmentCoverageLine(
                s.Label,
                s.Count,
                s.Scenes.Select(x => x.Display).ToList(),
                s.SubSegments.Select(x => new SubSegmentCoverageLine(x.Label, x.Count)).ToList())).ToList(),
            coverage.NotOnTierList.Select(x => x.Display).ToList(),
            evaluation.Checklist.Select(c => new ChecklistLine(Segments.Label(c.Segment), c.Text, c.Clause.Citation)).ToList());
    }
}
