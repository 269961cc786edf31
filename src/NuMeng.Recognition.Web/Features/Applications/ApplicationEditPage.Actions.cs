using Microsoft.AspNetCore.Components.Forms;
using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Web.Features.Applications;

/// <summary>The form's server actions: uploads, removals and the submission, each run with no autosave beside it.</summary>
public sealed partial class ApplicationEditPage
{
    private async Task UploadAsync((string Item, InputFileChangeEventArgs Args) e)
    {
        var (item, args) = e;
        _uploadErrors.RemoveAll(x => x.Field == $"evidence.{item}");
        var max = AttachmentSettings.Value.MaxBytes;
        var file = args.File;
        if (file.Size > max)
        {
            _uploadErrors.Add(new InputError($"evidence.{item}", $"文件“{file.Name}”超过 {max / 1024 / 1024} MB，请压缩后上传。"));
            Recompute();
            return;
        }
        _busy = true;
        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream(max))
        {
            await stream.CopyToAsync(buffer);
        }
        buffer.Position = 0;
        await _autosave!.RunExclusiveAsync(async () =>
        {
            var result = await Evidence.AddAsync(Id, item, buffer, file.Name, _state.ToContent(), _stamp);
            if (result.Succeeded)
            {
                Accept(result.Value!);
                _files.Add(result.Value!.File!);
            }
            else if (result.Error == ApplicationDrafts.ConflictMessage)
            {
                StopWith(result.Error);
            }
            else
            {
                _uploadErrors.AddRange(result.Problems.Count > 0 ? result.Problems : [new InputError($"evidence.{item}", result.Error!)]);
            }
        });
        _busy = false;
        Recompute();
    }

    private async Task RemoveFileAsync(Guid attachmentId)
    {
        _busy = true;
        await _autosave!.RunExclusiveAsync(async () =>
        {
            var result = await Evidence.RemoveAsync(Id, attachmentId, _state.ToContent(), _stamp);
            if (result.Succeeded)
            {
                Accept(result.Value!);
                _files.RemoveAll(f => f.Id == attachmentId);
            }
            else
            {
                StopWith(result.Error);
            }
        });
        _busy = false;
        Recompute();
    }

    /// <summary>An upload or removal saved the whole draft: take its stamp and evidence.</summary>
    private void Accept(EvidenceChange change)
    {
        (_stamp, _savedAt) = (change.Stamp, change.SavedAt);
        _state.Evidence = change.Content.Evidence;
        _autosave!.MarkSaved();
    }

    /// <summary>Submits once: the flag is set before the first await, so a second click finds it busy; the server is idempotent too.</summary>
    private async Task SubmitAsync()
    {
        if (_busy || _submitted is not null || _autosave is null)
        {
            return;
        }
        _busy = true;
        _submitError = null;
        await _autosave.FlushAsync();
        await _autosave.RunExclusiveAsync(async () =>
        {
            if (_conflict is not null)
            {
                return;
            }
            var result = await Submission.SubmitAsync(Id, _stamp);
            if (result.Succeeded)
            {
                _submitted = result.Value;
                _autosave.Stopped = true;
                _draft = await Drafts.LoadAsync(Id) ?? _draft;
            }
            else
            {
                _submitError = result.Error;
                if (result.Problems.Count > 0)
                {
                    _problems = result.Problems;
                }
            }
        });
        _busy = false;
    }
}
