using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NuMeng.Recognition.Documents.PreCheck;

namespace NuMeng.Recognition.Documents;

/// <summary>Registers the document services: one warm Chromium (lazily started), the HTML renderer, the documents.</summary>
public static class DependencyInjection
{
    /// <summary>
    /// Adds the document services; settings come from the "Documents" configuration section (ChromiumPath,
    /// FontDirectory, MaxConcurrentPages, RenderTimeout) when <paramref name="configuration"/> is given.
    /// Chromium starts on the first document, not here, so the portal starts (and runs) without it.
    /// </summary>
    public static IServiceCollection AddRecognitionDocuments(this IServiceCollection services, IConfiguration? configuration = null, Action<DocumentOptions>? configure = null)
    {
        var options = new DocumentOptions();
        configuration?.GetSection(DocumentOptions.SectionName).Bind(options);
        configure?.Invoke(options);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<DocumentFonts>();
        services.AddSingleton<RazorHtmlRenderer>();
        services.AddSingleton<ChromiumPdfRenderer>();
        services.AddSingleton<IPdfRenderer>(sp => sp.GetRequiredService<ChromiumPdfRenderer>());
        services.AddSingleton<PreCheckReportPdf>();
        services.AddSingleton<Procedure.ProcedureDocuments>();
        return services;
    }

    /// <summary>Logs, once at start-up, whether PDFs can embed the TrueType font and whether Chromium is installed.</summary>
    internal static void LogReadiness(IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("NuMeng.Recognition.Documents");
        var fonts = services.GetRequiredService<DocumentFonts>();
        var options = services.GetRequiredService<DocumentOptions>();
        if (fonts.FallbackReason is { } reason)
        {
            logger.LogWarning("{Reason}", reason);
        }
        if (!File.Exists(options.ChromiumPath))
        {
            logger.LogWarning("{Message}（{Path}）：门户照常运行，文档下载将返回此提示。", PdfRendererUnavailableException.NotInstalledMessage, options.ChromiumPath);
        }
    }
}
