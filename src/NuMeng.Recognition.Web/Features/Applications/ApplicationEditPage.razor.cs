using NuMeng.Recognition.Web.Features.Applications.Form;
using NuMeng.Recognition.Web.Features.Batches;
using NuMeng.Recognition.Web.Infrastructure.Attachments;

namespace NuMeng.Recognition.Web.Features.Applications;

/// <summary>
/// The multi-step application form (Interactive Server): every change is evaluated at once by the pre-check engine and
/// saved 1.5 s later (or at once on a step change) by its <see cref="DraftSession"/>, which stops autosaving and asks
/// for a reload when a save finds the draft changed elsewhere, so nothing is overwritten silently.
/// </summary>
public sealed partial class ApplicationEditPage
{
    private static readonly TimeSpan AutosaveDelay = TimeSpan.FromSeconds(1.5);

    [Parameter] public Guid Id { get; set; }

    [Inject] private ApplicationDrafts Drafts { get; set; } = default!;
    [Inject] private ApplicationEvidence Evidence { get; set; } = default!;
    [Inject] private ApplicationSubmission Submission { get; set; } = default!;
    [Inject] private RuleSetResolver Rules { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IOptions<AttachmentOptions> AttachmentSettings { get; set; } = default!;

    private bool _notFound;
    private DraftSession? _session;
    private DraftView? Draft => _session?.Draft;
    // Set once the draft is loaded; the markup reads it only then.
    private DraftSession Session => _session!;
    private DraftFormState _state = new();
    // The rule sets the batch names (RuleSetResolver: its stored snapshot), set once the draft is loaded.
    private RuleSetCatalog _catalog = default!;
    private IReadOnlyList<ApplicationStep> _steps = [];
    private int _step;
    private bool _visitedSubmit;
    private PreCheckOutcome _outcome = new([], null);
    private IReadOnlyList<InputError> _problems = [];
    private IReadOnlyList<EvidenceItem> _evidenceItems = [];

    protected override async Task OnInitializedAsync()
    {
        var draft = await Drafts.LoadAsync(Id);
        if (draft is null)
        {
            _notFound = true;
            return;
        }
        _catalog = await Rules.ForBatchAsync(draft.BatchId);
        _steps = Form.ApplicationSteps.For(draft.Kind);
        _state = DraftFormState.From(draft.Content);
        _state.Changed += OnChanged;
        _session = new DraftSession(draft, _state, Drafts, Evidence, Submission, InvokeAsync, StateHasChanged, AutosaveDelay);
        Recompute();
    }

    /// <summary>
    /// A field changed. The event belongs to the field's component, which alone re-renders on its own: the page must ask
    /// for its render so the live check, the step badges and the save status follow every keystroke.
    /// </summary>
    private void OnChanged(string path)
    {
        Recompute();
        _session?.Touch();
        StateHasChanged();
    }

    private void Recompute()
    {
        var today = ChinaTime.Today(Clock);
        var content = _state.ToContent();
        _outcome = content.Evaluate(Draft!.Kind, today, _catalog);
        _evidenceItems = EvidenceItems.For(Draft.Kind, _catalog, content);
        (_problems, var shown) = DraftProblems.Of(_state, content, Draft, _catalog, today, _session!.UploadErrors, _visitedSubmit);
        _state.SetErrors(shown);
    }

    private async Task GoToAsync(int index)
    {
        if (_session is not null)
        {
            await _session.FlushAsync();
        }
        _step = Math.Clamp(index, 0, _steps.Count - 1);
        _visitedSubmit |= _steps[_step].Key == "submit";
        Recompute();
    }

    private Task GoToFieldAsync(string field) => GoToAsync(_steps.IndexOf(field, _step));

    private int ProblemsIn(string stepKey) => _problems.Count(p => Form.ApplicationSteps.StepOf(p.Field) == stepKey);

    private async Task UploadAsync((string Item, InputFileChangeEventArgs Args) e)
    {
        await _session!.UploadAsync(e.Item, e.Args.File, AttachmentSettings.Value.MaxBytes);
        Recompute();
    }

    private async Task RemoveFileAsync(Guid attachmentId)
    {
        await _session!.RemoveAsync(attachmentId);
        Recompute();
    }

    private async Task SubmitAsync()
    {
        if (await _session!.SubmitAsync() is { } problems)
        {
            _problems = problems;
        }
    }

    private void Reload() => Navigation.NavigateTo(Navigation.Uri, forceLoad: true);

    public void Dispose()
    {
        _state.Changed -= OnChanged;
        _session?.Dispose();
    }
}
