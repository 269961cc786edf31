namespace NuMeng.Recognition.Web.Features.Applications.Form;

/// <summary>
/// Autosave timing for the application form: a change starts (or restarts) a short delay, after which the save runs;
/// saves never overlap, so each one carries the stamp the previous one returned. <see cref="FlushAsync"/> saves at
/// once (step change, upload, submit). The save itself decides what happens on a conflict.
/// </summary>
public sealed class DraftAutosave(Func<Task> save, TimeSpan delay) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CancellationTokenSource? _pending;
    private bool _disposed;

    /// <summary>Changes not yet saved.</summary>
    public bool Dirty { get; private set; }

    /// <summary>Stops saving (after a conflict: nothing may be overwritten).</summary>
    public bool Stopped { get; set; }

    /// <summary>A field changed: save after the delay unless another change comes first.</summary>
    public void Touch()
    {
        Dirty = true;
        _pending?.Cancel();
        _pending?.Dispose();
        _pending = new CancellationTokenSource();
        var token = _pending.Token;
        _ = Task.Delay(delay, token).ContinueWith(t =>
        {
            if (!t.IsCanceled)
            {
                _ = FlushAsync();
            }
        }, TaskScheduler.Default);
    }

    /// <summary>Saves now if anything changed, after any save already running.</summary>
    public Task FlushAsync() => RunExclusiveAsync(async () =>
    {
        if (Dirty && !Stopped)
        {
            Dirty = false;
            await save();
        }
    });

    /// <summary>Runs <paramref name="action"/> (an upload, a submission) with no save running beside it; pending changes are saved first.</summary>
    public async Task RunExclusiveAsync(Func<Task> action)
    {
        if (_disposed)
        {
            return;
        }
        _pending?.Cancel();
        await _gate.WaitAsync();
        try
        {
            await action();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Marks the current changes as saved by someone else (an upload saved the whole draft).</summary>
    public void MarkSaved() => Dirty = false;

    public void Dispose()
    {
        _disposed = true;
        _pending?.Cancel();
        _pending?.Dispose();
        _gate.Dispose();
    }
}
