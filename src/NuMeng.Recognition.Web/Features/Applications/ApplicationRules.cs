using NuMeng.Recognition.Data.Batches;
using NuMeng.Recognition.Domain.RuleSets;

namespace NuMeng.Recognition.Web.Features.Applications;

/// <summary>
/// The rule sets a batch is judged by. The batch records the code and version (DOMAIN.md: an application is always
/// evaluated under its batch's version); only one version of each exists yet, so every batch maps to
/// <see cref="RuleSetCatalog.Current"/>. When the department publishes a second version, this is the one place that
/// picks by <see cref="Batch.RuleSetCode"/>/<see cref="Batch.RuleSetVersion"/>.
/// </summary>
public static class ApplicationRules
{
    public static RuleSetCatalog CatalogFor(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return RuleSetCatalog.Current;
    }

    /// <summary>A batch takes applications while open and between its opening and closing days (inclusive).</summary>
    public static bool IsOpen(Batch batch, DateOnly today) =>
        batch.State == BatchState.Open && today >= batch.ApplicationOpensOn && today <= batch.ApplicationClosesOn;
}
