using NuMeng.Recognition.Web.Components.Forms;

namespace NuMeng.Recognition.Web.Features.Batches;

/// <summary>
/// A copied rule set's draft as typed: version, name, start date, and the changed figures by key (<c>F[factory.equipmentNcRate]</c>);
/// the figures' rules are <c>RuleSetFigures</c>' (in the domain), run by the service.
/// </summary>
public sealed class RuleSetDraftForm
{
    public string? Version { get; set; }
    public string? Name { get; set; }
    public string? EffectiveDate { get; set; }
    public Dictionary<string, string> F { get; set; } = new(StringComparer.Ordinal);

    public RuleSetDraftInput ToInput(IEnumerable<string> figureKeys) => new(
        Version?.Trim() ?? string.Empty, Name?.Trim() ?? string.Empty, FormText.Date(EffectiveDate),
        figureKeys.Where(F.ContainsKey).ToDictionary(k => k, k => (string?)F[k].Trim(), StringComparer.Ordinal));
}

public sealed class RuleSetDraftFormValidator : AbstractValidator<RuleSetDraftForm>
{
    public RuleSetDraftFormValidator() => RuleFor(f => f.EffectiveDate).Date("适用起始日");
}

/// <summary>Activating or discarding a draft: its stamp, and (activation) the confirmation, which the service checks.</summary>
public sealed class RuleSetDecisionForm
{
    public string? Stamp { get; set; }
    public bool Confirm { get; set; }
}
