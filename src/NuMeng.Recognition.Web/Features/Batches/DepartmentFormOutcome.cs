using NuMeng.Recognition.Web.Components.Forms;

namespace NuMeng.Recognition.Web.Features.Batches;

/// <summary>How the department's forms end: success shows a page again by GET (a reload never posts twice).</summary>
internal static class DepartmentFormOutcome
{
    /// <summary>
    /// Done or already done: <paramref name="successUrl"/> of <paramref name="done"/> (or <c>already</c>); not found:
    /// 404 where <paramref name="notFoundIs404"/>; otherwise the service's errors beside the form's fields, and the
    /// overall message (a refusal or a conflict) returned for the form to show.
    /// </summary>
    public static string? Finish(this NavigationManager navigation, StepOutcome outcome, EditContext form, string done,
        Func<string, string> successUrl, bool notFoundIs404 = false)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(successUrl);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done or OutcomeKind.AlreadyDone:
                navigation.NavigateTo(successUrl(outcome.Kind == OutcomeKind.Done ? done : "already"));
                return null;
            case OutcomeKind.NotFound when notFoundIs404:
                navigation.NotFound();
                return null;
            default:
                form.Show(outcome.Errors);
                return outcome.Errors.Count == 0 ? outcome.Message : null;
        }
    }

    /// <summary>The batch page after a batch form: <c>/department/batches/{id}?done=…</c>.</summary>
    public static string? FinishBatch(this NavigationManager navigation, StepOutcome outcome, Guid? id, string done, EditContext form) =>
        navigation.Finish(outcome, form, done, code => $"/department/batches/{(outcome.Id ?? id)!.Value:D}?done={code}", notFoundIs404: true);
}
