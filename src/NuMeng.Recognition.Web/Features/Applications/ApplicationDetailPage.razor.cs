namespace NuMeng.Recognition.Web.Features.Applications;

/// <summary>Status and history of one application; withdraw and answer-and-resubmit, each after a confirmation.</summary>
public sealed partial class ApplicationDetailPage
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private ApplicationQueries Queries { get; set; } = default!;
    [Inject] private ApplicationDrafts Drafts { get; set; } = default!;
    [Inject] private ApplicationSubmission Submission { get; set; } = default!;

    private ApplicationDetail? _detail;
    private bool _notFound;
    private bool _busy;
    private bool _ok;
    private bool _confirmWithdraw;
    private bool _confirmResubmit;
    private string? _message;
    private string[] _replies = [];
    private IReadOnlyList<InputError> _problems = [];

    private bool CanWithdraw => _detail is not null
        && ApplicationWorkflow.CanTransition(_detail.Summary.State, ApplicationAction.Withdraw, ActorRole.EnterpriseApplicant);

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _detail = await Queries.DetailAsync(Id);
        _notFound = _detail is null;
        if (_detail?.OpenReturn is { } open)
        {
            var draft = await Drafts.LoadAsync(Id);
            _replies = open.Reasons.Select(r => draft?.Content.Replies.FirstOrDefault(x => x.ReviewId == open.ReviewId && x.ItemKey == r.ItemKey && x.Reason == r.Reason)?.Reply ?? string.Empty).ToArray();
        }
    }

    private IEnumerable<string> Errors(string field) => _problems.Where(p => p.Field == field).Select(p => p.Message);

    private async Task WithdrawAsync()
    {
        if (_busy || _detail is null)
        {
            return;
        }
        _busy = true;
        var result = await Submission.WithdrawAsync(Id, _detail.Stamp);
        (_ok, _message) = result.Succeeded ? (true, "申报已撤回。") : (false, result.Error);
        _confirmWithdraw = false;
        await LoadAsync();
        _busy = false;
    }

    private async Task ResubmitAsync()
    {
        if (_busy || _detail?.OpenReturn is not { } open)
        {
            return;
        }
        _busy = true;
        var replies = open.Reasons.Select((r, i) => new ReturnReply(open.ReviewId, r.ItemKey, r.Reason, _replies[i].Trim())).ToList();
        var draft = await Drafts.LoadAsync(Id);
        var result = draft is null
            ? null
            : await Submission.SubmitAsync(Id, draft.Stamp, replies);
        _confirmResubmit = false;
        if (result?.Succeeded == true)
        {
            (_ok, _message, _problems) = (true, $"已重新提交第 {result.Value!.Number} 版，哈希值 {result.Value.Hash}。", []);
            await LoadAsync();
        }
        else
        {
            (_ok, _message, _problems) = (false, result?.Error ?? ApplicationDrafts.NotFound, result?.Problems ?? []);
        }
        _busy = false;
    }
}
