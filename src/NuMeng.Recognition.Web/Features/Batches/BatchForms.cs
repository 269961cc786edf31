using NuMeng.Recognition.Web.Components.Forms;

namespace NuMeng.Recognition.Web.Features.Batches;

/// <summary>
/// The batch settings form as typed (numbers and dates as text, so a refused form shows them again); its property
/// names are the Pascal case of the field names <see cref="BatchInput.Validate"/> reports.
/// </summary>
public sealed class BatchForm
{
    public string? Stamp { get; set; }
    public string? Year { get; set; }
    public string? Round { get; set; }
    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? RuleSet { get; set; }
    public string? SceneCatalogue { get; set; }
    public string? OpensOn { get; set; }
    public string? ClosesOn { get; set; }
    public string? BureauDeadline { get; set; }
    public string? ExpertDeadline { get; set; }
    public string? PerLeagueCap { get; set; }
    public string? ScoreAggregation { get; set; }

    public static BatchForm From(BatchInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new BatchForm
        {
            Year = FormText.Of(input.Year),
            Round = FormText.Of(input.Round),
            Kind = input.Kind?.ToString(),
            Title = input.Title,
            RuleSet = input.RuleSetKey,
            SceneCatalogue = input.SceneCatalogueKey,
            OpensOn = FormText.Of(input.OpensOn),
            ClosesOn = FormText.Of(input.ClosesOn),
            BureauDeadline = FormText.Of(input.BureauReviewDeadline),
            ExpertDeadline = FormText.Of(input.ExpertReviewDeadline),
            PerLeagueCap = FormText.Of(input.PerLeagueCap),
            ScoreAggregation = input.ScoreAggregation?.ToString(),
        };
    }

    /// <summary>A new batch: this year, the default aggregation rule of new batches.</summary>
    public static BatchForm New(DateOnly today) => new()
    {
        Year = FormText.Of(today.Year),
        ScoreAggregation = RuleSetResolver.DefaultForNewBatches.Technical.Procedure.ScoreAggregation.ToString(),
    };

    /// <summary>The input the service checks against the rule sets and scene catalogues (after the validator passed).</summary>
    public BatchInput ToInput() => new(
        FormText.WholeNumber(Year), FormText.WholeNumber(Round), FormText.Enum<RecognitionKind>(Kind),
        Title?.Trim() ?? string.Empty, RuleSet?.Trim() ?? string.Empty, FormText.OrNull(SceneCatalogue),
        FormText.Date(OpensOn), FormText.Date(ClosesOn), FormText.Date(BureauDeadline), FormText.Date(ExpertDeadline),
        FormText.WholeNumber(PerLeagueCap), FormText.Enum<ScoreAggregationRule>(ScoreAggregation));
}

/// <summary>Numbers and dates must read; the rules on their values are <see cref="BatchInput.Validate"/>'s, run by the service.</summary>
public sealed class BatchFormValidator : AbstractValidator<BatchForm>
{
    public BatchFormValidator()
    {
        RuleFor(f => f.Year).WholeNumber("年度");
        RuleFor(f => f.Round).WholeNumber("批次");
        RuleFor(f => f.OpensOn).Date("申报开始日期");
        RuleFor(f => f.ClosesOn).Date("申报截止日期");
        RuleFor(f => f.BureauDeadline).Date("盟市初审截止日期");
        RuleFor(f => f.ExpertDeadline).Date("专家评审截止日期");
        RuleFor(f => f.PerLeagueCap).WholeNumber("每个盟市推荐名额");
    }
}

/// <summary>Opening or closing a batch (irreversible): the operation shown, the record's stamp, the confirmation.</summary>
public sealed class BatchStateForm
{
    public string? Stamp { get; set; }
    public string? Op { get; set; }
    public bool Confirm { get; set; }
}

public sealed class BatchStateFormValidator : AbstractValidator<BatchStateForm>
{
    public BatchStateFormValidator() => RuleFor(f => f.Confirm).Ticked("此操作不可撤回，请勾选确认");
}

/// <summary>Entrusting an agency with the batch's expert review.</summary>
public sealed class EntrustForm
{
    public string? Stamp { get; set; }
    public string? Agency { get; set; }
    public bool Confirm { get; set; }
}

public sealed class EntrustFormValidator : AbstractValidator<EntrustForm>
{
    public EntrustFormValidator()
    {
        RuleFor(f => f.Agency).Must(a => FormText.Id(a) is not null).WithMessage("请选择一家第三方机构");
        RuleFor(f => f.Confirm).Ticked("请勾选确认后再委托");
    }
}
