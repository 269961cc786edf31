using NuMeng.Recognition.Domain.Kpi;
using NuMeng.Recognition.Web.Features.PreCheck;

namespace NuMeng.Recognition.Web.Features.Applications.Form;

/// <summary>Choices of the form's selects and check lists: JSON names as values, Chinese labels as text.</summary>
internal static class Options
{
    public static readonly IReadOnlyList<(string, string)> YesNo = [("true", "是"), ("false", "否")];

    public static readonly IReadOnlyList<(string, string)> LegalStatuses =
        Enum.GetValues<LegalStatus>().Select(s => (PreCheckPage.JsonName(s), EligibilityLabels.LegalStatus(s))).ToList();

    public static readonly IReadOnlyList<(string, string)> IncidentKinds =
        Enum.GetValues<IncidentKind>().Select(s => (PreCheckPage.JsonName(s), EligibilityLabels.IncidentKind(s))).ToList();

    public static readonly IReadOnlyList<(string, string)> ManufacturingTypeOptions =
        Enum.GetValues<ManufacturingType>().Select(t => (PreCheckPage.JsonName(t), ManufacturingTypes.Label(t))).ToList();

    public static readonly IReadOnlyList<(string, string)> Mes =
        MesModules.All.Select(m => (PreCheckPage.JsonName(m), MesModules.Label(m))).ToList();

    public static readonly IReadOnlyList<(string, string)> Systems =
        InformationSystemKinds.All.Select(m => (PreCheckPage.JsonName(m), InformationSystemKinds.Label(m))).ToList();

    public static readonly IReadOnlyList<(string, string)> Baselines =
        Enum.GetValues<KpiBaseline>().Select(b => (PreCheckPage.JsonName(b), KpiBaselines.Label(b))).ToList();

    public static readonly IReadOnlyList<(string, string)> Maturity =
        MaturityLevels.All.Select(m => (PreCheckPage.JsonName(m), MaturityLevels.Label(m))).ToList();

    public static readonly IReadOnlyList<(string, string)> Tiers =
        TierLevels.All.Select(t => (PreCheckPage.JsonName(t), TierLevels.FullLabel(t))).ToList();
}
