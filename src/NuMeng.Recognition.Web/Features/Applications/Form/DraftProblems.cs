namespace NuMeng.Recognition.Web.Features.Applications.Form;

/// <summary>
/// What stands between a draft and its submission (the domain's <see cref="SubmissionCheck"/>), and what the form shows
/// beside its fields: what is wrong with what is typed at once, what is missing only once the submit step was seen.
/// </summary>
public static class DraftProblems
{
    public static (IReadOnlyList<InputError> Problems, IReadOnlyList<InputError> Shown) Of(
        DraftFormState state, ApplicationContent content, DraftView draft, RuleSetCatalog catalog, DateOnly today,
        IEnumerable<InputError> uploadErrors, bool visitedSubmit)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<InputError>(state.FormatErrors);
        problems.AddRange(SubmissionCheck.Check(content, draft.Kind, catalog, today));
        if (draft.Return is { } open)
        {
            problems.AddRange(SubmissionCheck.CheckReplies(content, open.ReviewId, open.Reasons.Select(r => (r.ItemKey, r.Reason)).ToList()));
        }
        var shown = new List<InputError>(state.FormatErrors);
        shown.AddRange(SubmissionCheck.Validate(content, draft.Kind, catalog, today));
        shown.AddRange(uploadErrors);
        if (visitedSubmit)
        {
            shown.AddRange(problems);
        }
        return (problems, shown);
    }
}
