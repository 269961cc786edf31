using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using NuMeng.Recognition.Domain.Applications;
using NuMeng.Recognition.Domain.PreCheck;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.RuleSets;
using NuMeng.Recognition.Domain.Tiers;
using NuMeng.Recognition.Web.Features.Applications.Form;
using NuMeng.Recognition.Web.Features.Batches;
using NuMeng.Recognition.Web.Infrastructure.Attachments;

namespace NuMeng.Recognition.Web.Features.Applications;

/// <summary>
/// The multi-step application form (Interactive Server): every change is evaluated at once by the pre-check engine and
/// saved 1.5 s later (or at once on a step change); a save that finds the draft changed elsewhere stops autosaving and
/// asks for a reload, so nothing is overwritten silently.
/// </summary>
public sealed partial class ApplicationEditPage
{
    private static readonly TimeSpan AutosaveDelay = TimeSpan.FromSeconds(1.5);

    private sealed record Step(string Key, string Title);

    [Parameter] public Guid Id { get; set; }

    [Inject] private ApplicationDrafts Drafts { get; set; } = default!;
    [Inject] private ApplicationEvidence Evidence { get; set; } = default!;
    [Inject] private ApplicationSubmission Submission { get; set; } = default!;
    [Inject] private RuleSetResolver Rules { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IOptions<AttachmentOptions> AttachmentSettings { get; set; } = default!;

    private DraftView? _draft;
    private bool _notFound;
    private DraftFormState _state = new();
    private DraftAutosave? _autosave;
    // The rule sets the batch names (RuleSetResolver: its stored snapshot), set once the draft is loaded.
    private RuleSetCatalog _catalog = default!;
    private IReadOnlyList<Step> _steps = [];
    private int _step;
    private Guid _stamp;
    private DateTimeOffset? _savedAt;
    private bool _saving;
    private bool _busy;
    private string? _conflict;
    private string? _warning;
    private string? _submitError;
    private SubmittedVersion? _submitted;
    private PreCheckOutcome _outcome = new([], null);
    private IReadOnlyList<InputError> _problems = [];
    private readonly List<InputError> _uploadErrors = [];
    private List<EvidenceFile> _files = [];
    private IReadOnlyList<EvidenceItem> _evidenceItems = [];

    private string SaveStatus => _conflict is not null ? "未保存：内容已在别处修改"
        : _saving ? "正在保存…"
        : _autosave?.Dirty == true ? "有未保存的修改…"
        : _savedAt is { } at ? $"已保存 {ApplicationTimes.Time(at)}" : string.Empty;

    private string? TierRequirement => _draft is not null && RecognitionKinds.IsTier(_draft.Kind) && _catalog.Tiers.Defines(TierOf(_draft.Kind))
        ? $"至少覆盖{string.Join("、", _catalog.Tiers.Tier(TierOf(_draft.Kind)).RequiredSegments.Select(Domain.Scenes.Segments.Label))}环节，建设本层级清单内场景不少于 {_catalog.Tiers.Tier(TierOf(_draft.Kind)).MinimumScenes} 个。"
        : null;

    protected override async Task OnInitializedAsync()
    {
        _draft = await Drafts.LoadAsync(Id);
        if (_draft is null)
        {
            _notFound = true;
            return;
        }
        _catalog = await Rules.ForBatchAsync(_draft.BatchId);
        _steps = RecognitionKinds.IsTier(_draft.Kind)
            ? [new("basics", "基本信息与资格声明"), new("tier", "建设场景与成熟度"), new("evidence", "证明材料"), new("commitment", "咨询机构与承诺"), new("submit", "提交")]
            : [new("basics", "基本信息与资格声明"), new("technical", "技术指标"), new("kpi", "效益指标"), new("evidence", "证明材料"), new("commitment", "咨询机构与承诺"), new("submit", "提交")];
        _stamp = _draft.Stamp;
        _savedAt = _draft.SavedAt;
        _files = [.. _draft.Files];
        _state = DraftFormState.From(_draft.Content);
        _state.Changed += OnChanged;
        _autosave = new DraftAutosave(() => InvokeAsync(SaveNowAsync), AutosaveDelay);
        Recompute();
    }

    /// <summary>
    /// A field changed. The event belongs to the field's component, which alone re-renders on its own: the page must ask
    /// for its render so the live check, the step badges and the save status follow every keystroke.
    /// </summary>
    private void OnChanged(string path)
    {
        Recompute();
        if (_draft?.Editable == true)
        {
            _autosave?.Touch();
        }
        StateHasChanged();
    }

    private void Recompute()
    {
        var today = ChinaTime.Today(Clock);
        var content = _state.ToContent();
        _outcome = content.Evaluate(_draft!.Kind, today, _catalog);
        _evidenceItems = EvidenceItems.For(_draft.Kind, _catalog, content);
        var problems = new List<InputError>(_state.FormatErrors);
        problems.AddRange(SubmissionCheck.Check(content, _draft.Kind, _catalog, today));
        if (_draft.Return is { } open)
        {
            problems.AddRange(SubmissionCheck.CheckReplies(content, open.ReviewId, open.Reasons.Select(r => (r.ItemKey, r.Reason)).ToList()));
        }
        _problems = problems;
        // Beside the fields: what is wrong with what is typed; what is missing only once the submit step was seen.
        var shown = new List<InputError>(_state.FormatErrors);
        shown.AddRange(SubmissionCheck.Validate(content, _draft.Kind, _catalog, today));
        shown.AddRange(_uploadErrors);
        if (_visitedSubmit)
        {
            shown.AddRange(problems);
        }
        _state.SetErrors(shown);
    }

    private bool _visitedSubmit;

    private async Task SaveNowAsync()
    {
        if (_draft is null || _conflict is not null)
        {
            return;
        }
        _saving = true;
        StateHasChanged();
        var result = await Drafts.SaveAsync(Id, _state.ToContent(), _stamp);
        _saving = false;
        if (result.Succeeded)
        {
            (_stamp, _savedAt, _warning) = (result.Value!.Stamp, result.Value.SavedAt, result.Value.Warning);
        }
        else
        {
            StopWith(result.Error);
        }
        StateHasChanged();
    }

    private void StopWith(string? error)
    {
        _conflict = error ?? ApplicationDrafts.ConflictMessage;
        if (_autosave is not null)
        {
            _autosave.Stopped = true;
        }
    }

    private async Task GoToAsync(int index)
    {
        if (_autosave is not null)
        {
            await _autosave.FlushAsync();
        }
        _step = Math.Clamp(index, 0, _steps.Count - 1);
        if (_steps[_step].Key == "submit")
        {
            _visitedSubmit = true;
        }
        Recompute();
    }

    private Task GoToFieldAsync(string field)
    {
        var section = field.Split('.', '[')[0];
        var key = section switch
        {
            "project" or "enterprise" => "basics",
            "evidence" => "evidence",
            "consultancy" or "commitment" => "commitment",
            "replies" => "submit",
            _ => section,
        };
        var index = _steps.ToList().FindIndex(s => s.Key == key);
        return GoToAsync(index < 0 ? _step : index);
    }

    private int ProblemsIn(string stepKey) => _problems.Count(p => StepOf(p.Field) == stepKey);

    private static string StepOf(string field) => field.Split('.', '[')[0] switch
    {
        "project" or "enterprise" => "basics",
        "consultancy" or "commitment" => "commitment",
        "replies" => "submit",
        var s => s,
    };

    private static TierLevel TierOf(RecognitionKind kind) => TierLevels.TryFromRecognitionKind(kind, out var t) ? t : TierLevel.Basic;

    private void Reload() => Navigation.NavigateTo(Navigation.Uri, forceLoad: true);

    public void Dispose()
    {
        _state.Changed -= OnChanged;
        _autosave?.Dispose();
    }
}
