namespace NuMeng.Recognition.Web.Features.Applications.Form;

/// <summary>
/// One draft being edited: the stamp each save carries, when it was saved, and the conflict that stops autosaving so
/// nothing is overwritten silently. Saves, uploads, removals and the submission run one at a time (<see cref="DraftAutosave"/>).
/// </summary>
public sealed class DraftSession : IDisposable
{
    private readonly ApplicationDrafts _drafts;
    private readonly ApplicationEvidence _evidence;
    private readonly ApplicationSubmission _submission;
    private readonly DraftAutosave _autosave;
    private readonly Action _changed;

    /// <param name="invoke">Runs a save on the page's dispatcher (the autosave timer fires on another thread).</param>
    /// <param name="changed">Asks the page to render (the save status follows every save).</param>
    public DraftSession(DraftView draft, DraftFormState state, ApplicationDrafts drafts, ApplicationEvidence evidence,
        ApplicationSubmission submission, Func<Func<Task>, Task> invoke, Action changed, TimeSpan autosaveDelay)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(invoke);
        (Draft, State, _drafts, _evidence, _submission, _changed) = (draft, state, drafts, evidence, submission, changed);
        (Stamp, SavedAt, Files) = (draft.Stamp, draft.SavedAt, [.. draft.Files]);
        _autosave = new DraftAutosave(() => invoke(SaveNowAsync), autosaveDelay);
    }

    public DraftView Draft { get; private set; }
    public DraftFormState State { get; }
    public Guid Stamp { get; private set; }
    public DateTimeOffset? SavedAt { get; private set; }
    public string? Conflict { get; private set; }
    public string? Warning { get; private set; }
    public bool Saving { get; private set; }
    /// <summary>An upload, removal or submission is running: its buttons are disabled.</summary>
    public bool Busy { get; private set; }
    public SubmittedVersion? Submitted { get; private set; }
    public string? SubmitError { get; private set; }
    public List<EvidenceFile> Files { get; }
    /// <summary>Uploads refused (too large, wrong type), shown beside their evidence item.</summary>
    public List<InputError> UploadErrors { get; } = [];

    public string Status => Conflict is not null ? "未保存：内容已在别处修改"
        : Saving ? "正在保存…"
        : _autosave.Dirty ? "有未保存的修改…"
        : SavedAt is { } at ? $"已保存 {ApplicationTimes.Time(at)}" : string.Empty;

    /// <summary>A field changed: save after the delay (an editable draft only).</summary>
    public void Touch()
    {
        if (Draft.Editable)
        {
            _autosave.Touch();
        }
    }

    public Task FlushAsync() => _autosave.FlushAsync();

    private async Task SaveNowAsync()
    {
        if (Conflict is not null)
        {
            return;
        }
        Saving = true;
        _changed();
        var result = await _drafts.SaveAsync(Draft.Id, State.ToContent(), Stamp);
        Saving = false;
        if (result.Succeeded)
        {
            (Stamp, SavedAt, Warning) = (result.Value!.Stamp, result.Value.SavedAt, result.Value.Warning);
        }
        else
        {
            StopWith(result.Error);
        }
        _changed();
    }

    private void StopWith(string? error)
    {
        Conflict = error ?? ApplicationDrafts.ConflictMessage;
        _autosave.Stopped = true;
    }

    /// <summary>Uploads one file of an evidence item; the upload saves the whole draft with it.</summary>
    public async Task UploadAsync(string item, IBrowserFile file, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(file);
        var field = $"evidence.{item}";
        UploadErrors.RemoveAll(x => x.Field == field);
        if (file.Size > maxBytes)
        {
            UploadErrors.Add(new InputError(field, $"文件“{file.Name}”超过 {maxBytes / 1024 / 1024} MB，请压缩后上传。"));
            return;
        }
        Busy = true;
        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream(maxBytes))
        {
            await stream.CopyToAsync(buffer);
        }
        buffer.Position = 0;
        await _autosave.RunExclusiveAsync(async () =>
        {
            var result = await _evidence.AddAsync(Draft.Id, item, buffer, file.Name, State.ToContent(), Stamp);
            if (result.Succeeded)
            {
                Accept(result.Value!);
                Files.Add(result.Value!.File!);
            }
            else if (result.Error == ApplicationDrafts.ConflictMessage)
            {
                StopWith(result.Error);
            }
            else
            {
                UploadErrors.AddRange(result.Problems.Count > 0 ? result.Problems : [new InputError(field, result.Error!)]);
            }
        });
        Busy = false;
    }

    public async Task RemoveAsync(Guid attachmentId)
    {
        Busy = true;
        await _autosave.RunExclusiveAsync(async () =>
        {
            var result = await _evidence.RemoveAsync(Draft.Id, attachmentId, State.ToContent(), Stamp);
            if (result.Succeeded)
            {
                Accept(result.Value!);
                Files.RemoveAll(f => f.Id == attachmentId);
            }
            else
            {
                StopWith(result.Error);
            }
        });
        Busy = false;
    }

    /// <summary>An upload or removal saved the whole draft: take its stamp and evidence.</summary>
    private void Accept(EvidenceChange change)
    {
        (Stamp, SavedAt) = (change.Stamp, change.SavedAt);
        State.Evidence = change.Content.Evidence;
        _autosave.MarkSaved();
    }

    /// <summary>
    /// Submits once: the flag is set before the first await, so a second click finds it busy; the server is idempotent
    /// too. Returns the server's problems when it refused with some.
    /// </summary>
    public async Task<IReadOnlyList<InputError>?> SubmitAsync()
    {
        if (Busy || Submitted is not null)
        {
            return null;
        }
        Busy = true;
        SubmitError = null;
        IReadOnlyList<InputError>? problems = null;
        await _autosave.FlushAsync();
        await _autosave.RunExclusiveAsync(async () =>
        {
            if (Conflict is not null)
            {
                return;
            }
            var result = await _submission.SubmitAsync(Draft.Id, Stamp);
            if (result.Succeeded)
            {
                Submitted = result.Value;
                _autosave.Stopped = true;
                Draft = await _drafts.LoadAsync(Draft.Id) ?? Draft;
            }
            else
            {
                SubmitError = result.Error;
                problems = result.Problems.Count > 0 ? result.Problems : null;
            }
        });
        Busy = false;
        return problems;
    }

    public void Dispose() => _autosave.Dispose();
}
