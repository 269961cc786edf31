using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Documents;
using NuMeng.Recognition.Documents.Html;
using NuMeng.Recognition.Documents.Procedure;
using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Benchmarks;

/// <summary>
/// "generating a certificate takes well under a second with a warm renderer". One certificate (model → Razor
/// → HTML → PDF in the warm Chromium, QR code included) and a batch of 100 (as the department issues a publication's
/// certificates: all requested at once, printed by the renderer's pool of MaxConcurrentPages tabs). Chromium is started
/// and warmed in the global setup, so the figures are the steady state of a running portal.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class CertificateBenchmarks
{
    /// <summary>
    /// In process: BenchmarkDotNet's usual out-of-process toolchain rebuilds the project in a fresh obj folder, where
    /// build/NotoFonts.targets fetches the 57 MB font package again and the build runs past BenchmarkDotNet's timeout.
    /// Each iteration is whole documents printed by Chromium (milliseconds to seconds), so in-process measurement is exact enough.
    /// </summary>
    private sealed class InProcessConfig : ManualConfig
    {
        // A 100-certificate iteration takes tens of seconds on a loaded machine: the in-process default timeout is too short.
        public InProcessConfig() => AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5)
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: false))
            .WithId("certificate"));
    }

    private ServiceProvider _services = default!;
    private ProcedureDocuments _documents = default!;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRecognitionDocuments(configure: o => o.ChromiumPath = Environment.GetEnvironmentVariable("NUMENG_CHROMIUM") ?? "/usr/bin/chromium");
        _services = services.BuildServiceProvider();
        _documents = _services.GetRequiredService<ProcedureDocuments>();
        // Warm: start Chromium, open the tabs, load the fonts.
        Task.WhenAll(Enumerable.Range(1, 4).Select(Print)).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "证书：1 张（模型→HTML→PDF，含二维码）")]
    public Task<byte[]> OneCertificate() => Print(1);

    [Benchmark(Description = "证书：100 张一批（同时提交，渲染池并行）", OperationsPerInvoke = 1)]
    public async Task<int> HundredCertificates()
    {
        var pdfs = await Task.WhenAll(Enumerable.Range(1, 100).Select(Print));
        return pdfs.Sum(p => p.Length);
    }

    private Task<byte[]> Print(int n)
    {
        var number = $"NMDW-2026-{n:D4}";
        var code = VerificationCodes.Derive("certificate", number, null);
        var url = _documents.Options.VerificationUrl(code);
        var model = new CertificateModel(_documents.Options.DepartmentName, number, "呼和浩特青城智造乳业有限公司", $"酸奶发酵数字化车间{n}",
            RecognitionKind.DigitalWorkshop, new DateOnly(2026, 7, 20), new DateOnly(2031, 7, 19), code, url, ProcedureDocuments.QrSvg(url),
            "内工信数字字〔2026〕18号", "有效");
        var stamp = new DocumentStamp
        {
            Title = "证书",
            DocumentNumber = number,
            GeneratedAt = new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero),
            SourceSha256 = DocumentStamp.Sha256Hex(number),
            VerificationCode = code,
        };
        return _documents.RenderPdfAsync<CertificateDocument>(model, stamp, PageSetup.Certificate);
    }
}
