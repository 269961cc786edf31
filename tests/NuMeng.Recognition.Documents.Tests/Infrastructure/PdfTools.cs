using System.Diagnostics;
using System.Text;

namespace NuMeng.Recognition.Documents.Tests.Infrastructure;

/// <summary>
/// What the PDF tests need: Chromium to print, poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm) to check.
/// Outside CI a missing tool skips those tests with the reason; under CI=true they run and fail, so a green CI always
/// means the PDFs were printed and checked (deploy/dev/install-prerequisites.sh installs both).
/// </summary>
internal static class PdfTools
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] Poppler = ["pdftotext", "pdfinfo", "pdffonts", "pdftoppm"];

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the PDF tests cannot run here, or null when everything is installed.</summary>
    public static string? MissingReason
    {
        get
        {
            var missing = new List<string>();
            if (!File.Exists(ChromiumPath))
            {
                missing.Add($"Chromium（{ChromiumPath}）");
            }
            missing.AddRange(Poppler.Where(tool => FindOnPath(tool) is null).Select(tool => tool + "（poppler-utils）"));
            return missing.Count == 0 ? null : $"未安装 {string.Join("、", missing)}：请运行 deploy/dev/install-prerequisites.sh";
        }
    }

    /// <summary>The skip reason for a PDF test: null under CI (the test runs and fails) or when all is installed.</summary>
    public static string? SkipReason => IsCi ? null : MissingReason;

    /// <summary>Runs a poppler tool and returns its standard output (UTF-8).</summary>
    public static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + tool);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited {process.ExitCode}: {stderr.Result}");
        }
        return stdout.Result;
    }

    /// <summary>Where tests leave the PDFs and page images for people to look at (not committed).</summary>
    public static string OutputDirectory
    {
        get
        {
            var dir = Path.Combine(Path.GetTempPath(), "numeng-documents");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
}

/// <summary>A fact that needs Chromium and poppler: skipped with the reason when they are missing, except under CI=true.</summary>
public sealed class PdfFactAttribute : FactAttribute
{
    public PdfFactAttribute()
    {
        Skip = PdfTools.SkipReason;
    }
}

/// <summary>A theory that needs Chromium and poppler; see <see cref="PdfFactAttribute"/>.</summary>
public sealed class PdfTheoryAttribute : TheoryAttribute
{
    public PdfTheoryAttribute()
    {
        Skip = PdfTools.SkipReason;
    }
}
