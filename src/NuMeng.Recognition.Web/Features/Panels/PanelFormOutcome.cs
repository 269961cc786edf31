using NuMeng.Recognition.Web.Components.Forms;

namespace NuMeng.Recognition.Web.Features.Panels;

/// <summary>How the panel page's forms end: success shows the page again by GET (a reload never posts twice).</summary>
internal static class PanelFormOutcome
{
    /// <summary>Done: <c>/panels/{id}?done=…</c>; otherwise the service's errors on the form and its message returned.</summary>
    public static string? Finish(this NavigationManager navigation, StepOutcome outcome, Guid applicationId, string done, EditContext form)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(form);
        if (outcome.Succeeded)
        {
            navigation.NavigateTo($"/panels/{applicationId:D}?done={done}#main");
            return null;
        }
        form.Show(outcome.Errors);
        return outcome.Errors.Count > 0 ? null : outcome.Message;
    }
}
