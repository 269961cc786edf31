namespace NuMeng.Recognition.Web.Features.Applications;

/// <summary>
/// Batch rules of the application pages. The rule sets a batch is judged by come from
/// <see cref="Batches.RuleSetResolver"/> (the batch's stored snapshot, ADR 0009).
/// </summary>
public static class ApplicationRules
{
    /// <summary>A batch takes applications while open and between its opening and closing days (inclusive).</summary>
    public static bool IsOpen(Batch batch, DateOnly today) =>
        BatchWorkflow.TakesApplications(batch.State, batch.ApplicationOpensOn, batch.ApplicationClosesOn, today);
}
