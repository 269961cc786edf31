namespace NuMeng.Recognition.Data.Auditing;

/// <summary>Settings of the audit log's integrity (section <c>Audit</c>; ADR 0010).</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// Directory of the append-only checkpoint file (<see cref="FileAuditAnchorStore.FileName"/>), outside the database and
    /// out of the database administrator's reach. Relative paths are under the content root. Default outside Production:
    /// App_Data/audit-anchors; Production requires it.
    /// </summary>
    public string? AnchorDirectory { get; set; }

    /// <summary>A checkpoint is written once the head is this many entries past the last one (default 50).</summary>
    public int CheckpointEvery { get; set; } = 50;

    /// <summary>And at least this often while entries are added (default one hour).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromHours(1);

    public static readonly string DefaultAnchorDirectory = Path.Combine("App_Data", "audit-anchors");

    public static AuditOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(Section).Get<AuditOptions>() ?? new AuditOptions();
    }

    /// <summary>The anchor directory as an absolute path; in Production a missing setting stops start-up.</summary>
    public string ResolveAnchorDirectory(string contentRoot, bool mayDefault)
    {
        if (string.IsNullOrWhiteSpace(AnchorDirectory) && !mayDefault)
        {
            throw new InvalidOperationException(
                "生产环境必须配置审计检查点目录：请设置 Audit:AnchorDirectory（数据库之外、数据库管理员无法改写的目录，环境变量 Audit__AnchorDirectory）。"
                + " / Production requires Audit:AnchorDirectory: a directory outside the database that its administrator cannot rewrite.");
        }
        return Path.GetFullPath(string.IsNullOrWhiteSpace(AnchorDirectory) ? DefaultAnchorDirectory : AnchorDirectory, contentRoot);
    }
}

/// <summary>
/// A signed checkpoint of the audit chain: at <see cref="At"/> the entry <see cref="Sequence"/> had MAC <see cref="Mac"/>.
/// <see cref="LegacyThrough"/>: entries 1 to this number are v1 rows (plain SHA-256) written before the upgrade, sealed by the
/// first checkpoint; 0 on a log that began with v2.
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string Mac, DateTimeOffset At, long LegacyThrough)
{
    private const string Tag = "numeng-audit-checkpoint-v1";

    /// <summary>One line: tag, sequence, MAC, UTC time, legacy boundary, RSA-SHA256 signature of the rest (tab-separated).</summary>
    public string ToLine(AuditKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var payload = Payload();
        return payload + "\t" + keys.Sign(payload);
    }

    /// <summary>Parses and checks the signature of one line; null when the line is malformed or its signature is not the portal's.</summary>
    public static AuditCheckpoint? TryParse(string line, AuditKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var parts = (line ?? string.Empty).Split('\t');
        if (parts.Length != 6 || parts[0] != Tag
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || !DateTimeOffset.TryParseExact(parts[3], "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            || !long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var legacy))
        {
            return null;
        }
        var checkpoint = new AuditCheckpoint(sequence, parts[2], at, legacy);
        return checkpoint.Payload() == string.Join('\t', parts[..5]) && keys.Verify(checkpoint.Payload(), parts[5]) ? checkpoint : null;
    }

    private string Payload() => string.Join('\t', Tag,
        Sequence.ToString(CultureInfo.InvariantCulture), Mac,
        At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        LegacyThrough.ToString(CultureInfo.InvariantCulture));
}

/// <summary>
/// Where checkpoints go: somewhere the database administrator cannot rewrite. The default is an append-only file
/// (<see cref="FileAuditAnchorStore"/>); a WORM bucket or a syslog forwarder that can be read back implements the same two calls.
/// Lines are opaque here: signing and checking are <see cref="AuditCheckpoint"/>'s.
/// </summary>
public interface IAuditAnchorStore
{
    /// <summary>Appends one line durably (flushed to disk before returning).</summary>
    Task AppendAsync(string line, CancellationToken cancellationToken = default);

    /// <summary>Every line ever appended, oldest first.</summary>
    Task<IReadOnlyList<string>> ReadAllAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// One file, <c>audit-checkpoints.log</c>, in the configured directory, opened for append only (O_APPEND) for each line and
/// flushed to disk. On Linux make it append-only even for its owner with <c>chattr +a</c> (deploy/linux/README).
/// </summary>
public sealed class FileAuditAnchorStore : IAuditAnchorStore, IDisposable
{
    public const string FileName = "audit-checkpoints.log";
    private readonly SemaphoreSlim _gate = new(1, 1);

    public FileAuditAnchorStore(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        FilePath = Path.Combine(directory, FileName);
    }

    public string FilePath { get; }

    public async Task AppendAsync(string line, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("A checkpoint is one line.", nameof(line));
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var stream = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            var bytes = Encoding.UTF8.GetBytes(line + "\n");
            await stream.WriteAsync(bytes, cancellationToken);
            stream.Flush(flushToDisk: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<string>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }
        await using var stream = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }
        return lines;
    }

    public void Dispose() => _gate.Dispose();
}

/// <summary>
/// The audit log's keys, anchor store and checkpoint policy, shared by every scope (singleton). Appends call
/// <see cref="Notify"/>; the checkpoint service (<see cref="AuditCheckpointService"/>) waits on <see cref="WaitAsync"/>.
/// </summary>
public sealed class AuditIntegrity(AuditKeys keys, IAuditAnchorStore anchors, AuditOptions options) : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly SemaphoreSlim _checkpointGate = new(1, 1);

    public AuditKeys Keys => keys;

    public IAuditAnchorStore Anchors => anchors;

    public AuditOptions Options => options;

    internal SemaphoreSlim CheckpointGate => _checkpointGate;

    private long _lastCheckpointed = -1;

    internal long LastCheckpointed
    {
        get => Interlocked.Read(ref _lastCheckpointed);
        set => Interlocked.Exchange(ref _lastCheckpointed, value);
    }

    /// <summary>An entry was appended: wake the checkpoint service when the head is far enough past the last checkpoint.</summary>
    public void Notify(long sequence)
    {
        var last = LastCheckpointed;
        if (last < 0 || sequence - last >= Math.Max(1, options.CheckpointEvery))
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    /// <summary>Waits for <see cref="Notify"/> or the timeout; true when signalled.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signalled = _signal.WaitAsync(cancel.Token);
        var elapsed = Task.Delay(timeout, time, cancel.Token);
        await Task.WhenAny(signalled, elapsed);
        await cancel.CancelAsync();
        try
        {
            await signalled;
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The checkpoints in the store whose signature checks, and the (1-based) numbers of lines that do not.</summary>
    public async Task<AuditAnchorSet> ReadAnchorsAsync(CancellationToken cancellationToken = default)
    {
        var lines = await anchors.ReadAllAsync(cancellationToken);
        var valid = new List<AuditCheckpoint>();
        var invalid = new List<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (AuditCheckpoint.TryParse(lines[i], keys) is { } checkpoint)
            {
                valid.Add(checkpoint);
            }
            else
            {
                invalid.Add(i + 1);
            }
        }
        return new AuditAnchorSet(valid, invalid);
    }

    public void Dispose()
    {
        _signal.Dispose();
        _checkpointGate.Dispose();
    }
}

/// <summary>What the anchor store holds.</summary>
public sealed record AuditAnchorSet(IReadOnlyList<AuditCheckpoint> Checkpoints, IReadOnlyList<int> InvalidLines)
{
    public static readonly AuditAnchorSet Empty = new([], []);

    /// <summary>The checkpoint with the highest sequence (the latest anchor), or null.</summary>
    public AuditCheckpoint? Latest => Checkpoints.Count == 0 ? null : Checkpoints.MaxBy(c => c.Sequence);

    /// <summary>The legacy boundary sealed by the first checkpoint; null before any checkpoint (a v1 prefix is then accepted).</summary>
    public long? LegacyThrough => Checkpoints.Count == 0 ? null : Checkpoints[0].LegacyThrough;
}
