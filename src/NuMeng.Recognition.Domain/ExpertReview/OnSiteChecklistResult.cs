namespace NuMeng.Recognition.Domain.ExpertReview;

/// <summary>The panel's answer for one checklist item.</summary>
/// <param name="Key"><see cref="OnSiteChecklistItem.Key"/>.</param>
/// <param name="Confirmed">true 属实, false 不属实, null not answered yet.</param>
/// <param name="Note">核查说明.</param>
public sealed record OnSiteAnswer(string Key, bool? Confirmed, string? Note);

/// <summary>
/// The on-site result the panel leader submits: an answer per checklist item, a conclusion and passed yes/no. Rules
/// (ours; the documents only say 现场核查): on submission every item is answered; an item not confirmed needs a note
/// saying what was found; the conclusion is required; "通过" is refused while an item is not confirmed (the panel
/// cannot pass what it could not confirm — it records "不通过" with its reasons instead). A draft is checked only for
/// lengths and unknown items.
/// </summary>
public sealed record OnSiteChecklistResult(IReadOnlyList<OnSiteAnswer> Answers, string? Conclusion, bool? Passed)
{
    /// <summary>Longest note per item.</summary>
    public const int MaxNoteLength = 1000;

    /// <summary>Longest conclusion.</summary>
    public const int MaxConclusionLength = 2000;

    /// <summary>Errors, field paths <c>items[i].confirmed</c>, <c>items[i].note</c>, <c>conclusion</c>, <c>passed</c> (i: index in the checklist).</summary>
    public IReadOnlyList<InputError> Validate(OnSiteChecklist checklist, bool forSubmission, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(checklist);
        var errors = new List<InputError>();
        var p = prefix.Length == 0 ? string.Empty : prefix + ".";
        foreach (var unknown in Answers.Where(a => checklist.Items.All(i => i.Key != a.Key)).Select(a => a.Key).Distinct())
        {
            errors.Add(new InputError($"{p}items", $"核查表中没有“{unknown}”这一项，请刷新页面后重新填写"));
        }
        for (var i = 0; i < checklist.Items.Count; i++)
        {
            var item = checklist.Items[i];
            var answer = Answers.FirstOrDefault(a => a.Key == item.Key);
            var note = string.IsNullOrWhiteSpace(answer?.Note) ? null : answer!.Note!.Trim();
            if (note is { Length: > MaxNoteLength })
            {
                errors.Add(new InputError($"{p}items[{i}].note", $"“{item.Title}”的核查说明不能超过 {MaxNoteLength} 字"));
            }
            if (!forSubmission)
            {
                continue;
            }
            if (answer?.Confirmed is null)
            {
                errors.Add(new InputError($"{p}items[{i}].confirmed", $"请确认“{item.Title}”现场核查是否属实"));
            }
            else if (answer.Confirmed == false && note is null)
            {
                errors.Add(new InputError($"{p}items[{i}].note", $"“{item.Title}”现场核查不属实，请填写核查说明"));
            }
        }
        var conclusion = Conclusion?.Trim();
        if (conclusion is { Length: > MaxConclusionLength })
        {
            errors.Add(new InputError($"{p}conclusion", $"核查结论不能超过 {MaxConclusionLength} 字"));
        }
        if (forSubmission)
        {
            if (string.IsNullOrEmpty(conclusion))
            {
                errors.Add(new InputError($"{p}conclusion", "请填写核查结论"));
            }
            if (Passed is null)
            {
                errors.Add(new InputError($"{p}passed", "请选择现场核查是否通过"));
            }
            else if (Passed == true && checklist.Items.Any(item => Answers.FirstOrDefault(a => a.Key == item.Key)?.Confirmed == false))
            {
                var titles = checklist.Items.Where(item => Answers.FirstOrDefault(a => a.Key == item.Key)?.Confirmed == false).Select(item => item.Title);
                errors.Add(new InputError($"{p}passed", $"有核查项不属实（{string.Join("、", titles)}），不能判定现场核查通过"));
            }
        }
        return errors.AsReadOnly();
    }
}
