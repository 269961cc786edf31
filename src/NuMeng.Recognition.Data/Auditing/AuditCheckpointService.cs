using Microsoft.Extensions.Hosting;

namespace NuMeng.Recognition.Data.Auditing;

/// <summary>
/// Writes the audit log's signed checkpoints (ADR 0010): at start, whenever the head is <see cref="AuditOptions.CheckpointEvery"/>
/// entries past the last checkpoint (appends signal it), and at least every <see cref="AuditOptions.CheckpointInterval"/>
/// (on <see cref="TimeProvider"/>). A broken chain is logged as an error and not anchored.
/// </summary>
public sealed partial class AuditCheckpointService(
    IServiceScopeFactory scopes, AuditIntegrity integrity, TimeProvider time, ILogger<AuditCheckpointService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunOnceAsync(stoppingToken);
            try
            {
                await integrity.WaitAsync(integrity.Options.CheckpointInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<IAuditLog>().CheckpointAsync(cancellationToken);
            if (!outcome.Report.IsIntact)
            {
                LogBroken(logger, outcome.Report.Describe());
            }
            else if (outcome.Written is { } written)
            {
                LogWritten(logger, written.Sequence);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit chain broken, no checkpoint written: {Report}")]
    private static partial void LogBroken(ILogger logger, string report);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit checkpoint written at sequence {Sequence}")]
    private static partial void LogWritten(ILogger logger, long sequence);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit checkpoint failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
