using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Documents;

/// <summary>
/// One running portal on the demo database for the document tests, with one signed-in client per demo account (signing
/// the department in again inside one 30-second TOTP step is avoided) and a System-actor view of the database to read
/// the figures the PDFs must print.
/// </summary>
public sealed class DocumentPortal : IAsyncLifetime
{
    public PortalFactory Portal { get; } = new();

    /// <summary>A client signed in as <paramref name="user"/> (null: anonymous), shared by the tests.</summary>
    public Task<HttpClient> ClientAsync(string? user) => Portal.ClientAsync(user);

    /// <summary>A context that sees everything (System actor), for expected values.</summary>
    public RecognitionDbContext SystemContext() => Portal.SystemContext("文档测试");

    /// <summary>The SHA-256 of an application's latest version.</summary>
    public async Task<string> LatestHashAsync(Guid applicationId)
    {
        await using var db = SystemContext();
        return await db.ApplicationVersions.Where(v => v.ApplicationId == applicationId)
            .OrderByDescending(v => v.Number).Select(v => v.ContentHash).FirstAsync();
    }

    public Task InitializeAsync()
    {
        _ = Portal.RootUri; // start the server (and seed) once, before the tests run
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Portal.DisposeAsync();

    /// <summary>Runs a poppler tool (pdftotext, pdfinfo, pdftoppm) and returns its output.</summary>
    public static string Poppler(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + tool);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return process.ExitCode == 0 ? stdout.Result : throw new InvalidOperationException($"{tool} exited {process.ExitCode}: {stderr.Result}");
    }

    /// <summary>Whether Chromium and poppler are here; under CI=true the tests run (and fail) regardless.</summary>
    public static string? SkipReason =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || (File.Exists("/usr/bin/chromium") && File.Exists("/usr/bin/pdftotext"))
            ? null
            : "未安装 Chromium 或 poppler-utils：请运行 deploy/dev/install-prerequisites.sh";
}

/// <summary>A theory that prints PDFs: skipped with the reason without Chromium/poppler, except under CI=true.</summary>
public sealed class DocumentTheoryAttribute : TheoryAttribute
{
    public DocumentTheoryAttribute()
    {
        Skip = DocumentPortal.SkipReason;
    }
}

/// <summary>A fact that prints PDFs: skipped with the reason without Chromium/poppler, except under CI=true.</summary>
public sealed class DocumentFactAttribute : FactAttribute
{
    public DocumentFactAttribute()
    {
        Skip = DocumentPortal.SkipReason;
    }
}
