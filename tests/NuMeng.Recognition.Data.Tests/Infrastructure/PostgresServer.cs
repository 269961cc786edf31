using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Npgsql;

namespace NuMeng.Recognition.Data.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server owned by the test run (docs/platform-notes.md: initdb into a temp dir, postgres as a background process
/// on a free port, stopped by its PID). Run as the "postgres" user when the tests run as root (PostgreSQL refuses root).
/// Binaries: NUMENG_PG_BIN, else the newest /usr/lib/postgresql/*/bin.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string CollectionName = "PostgreSQL server";

    private static readonly Lazy<string?> BinDirectory = new(FindBinDirectory);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "numeng-pg-" + Guid.NewGuid().ToString("N")[..8]);
    private Process? _process;
    private int _postmasterPid;

    public int Port { get; private set; }

    /// <summary>The directory of the PostgreSQL binaries (psql, pg_dump, …), or null when not installed.</summary>
    public static string? Binaries => BinDirectory.Value;

    /// <summary>Why PostgreSQL tests are skipped, or null when they must run (binaries found, or CI=true).</summary>
    public static string? SkipReason =>
        BinDirectory.Value is not null || IsCi
            ? null
            : "PostgreSQL 未安装（未找到 initdb/postgres；设置 NUMENG_PG_BIN 或 apt-get install postgresql）：跳过 PostgreSQL 测试";

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Connection string of a database on this server (pooling off for admin work on templates).</summary>
    public string ConnectionString(string database, bool pooling = true) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling={pooling};Timeout=30;Command Timeout=60";

    public async Task InitializeAsync()
    {
        var bin = BinDirectory.Value;
        if (bin is null)
        {
            if (IsCi)
            {
                throw new InvalidOperationException(
                    "CI=true 但找不到 PostgreSQL（/usr/lib/postgresql/*/bin 或 NUMENG_PG_BIN）：数据层测试必须在真实的 PostgreSQL 上运行");
            }
            return;
        }

        var asRoot = geteuid() == 0;
        var data = Path.Combine(_root, "data");
        Directory.CreateDirectory(_root);
        if (asRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", _root]);
        }
        await RunAsync(Path.Combine(bin, "initdb"),
            ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], asRoot);

        Port = FreePort();
        var (file, args) = Command(Path.Combine(bin, "postgres"),
            ["-D", data, "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", _root, "-F",
             "-c", "max_connections=200"], asRoot);
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("无法启动 postgres");
        _process.ErrorDataReceived += (_, _) => { };
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres", pooling: false));
                await connection.OpenAsync();
                break;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(200);
            }
        }
        var pidFile = Path.Combine(data, "postmaster.pid");
        _postmasterPid = int.Parse((await File.ReadAllLinesAsync(pidFile))[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs SQL against the maintenance database.</summary>
    public async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres", pooling: false));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_postmasterPid > 0)
        {
            // Fast shutdown of the postmaster we started (by PID, never by name).
            try
            {
                using var postmaster = Process.GetProcessById(_postmasterPid);
                _ = kill(_postmasterPid, 2 /* SIGINT: fast shutdown */);
                await postmaster.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
            catch (OperationCanceledException)
            {
                _ = kill(_postmasterPid, 9);
            }
        }
        if (_process is { HasExited: false })
        {
            await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token).ContinueWith(_ => { }, TaskScheduler.Default);
            if (!_process.HasExited)
            {
                _process.Kill();
            }
        }
        _process?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static (string File, IReadOnlyList<string> Args) Command(string file, IReadOnlyList<string> args, bool asPostgresUser) =>
        asPostgresUser ? ("runuser", ["-u", "postgres", "--", file, .. args]) : (file, args);

    private static async Task RunAsync(string file, IReadOnlyList<string> args, bool asPostgresUser = false)
    {
        var (f, a) = Command(file, args, asPostgresUser);
        var start = new ProcessStartInfo(f) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in a)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{f} {string.Join(' ', a)} 失败（{process.ExitCode}）：{await stderr}{await stdout}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindBinDirectory()
    {
        var fromEnv = Environment.GetEnvironmentVariable("NUMENG_PG_BIN");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return File.Exists(Path.Combine(fromEnv, "postgres")) ? fromEnv : null;
        }
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }
        return Directory.GetDirectories(root)
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .Where(x => File.Exists(Path.Combine(x.Dir, "postgres")) && File.Exists(Path.Combine(x.Dir, "initdb")))
            .OrderByDescending(x => x.Version)
            .Select(x => x.Dir)
            .FirstOrDefault();
    }

    [DllImport("libc")]
    private static extern uint geteuid();

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}

[CollectionDefinition(PostgresServer.CollectionName)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>;
