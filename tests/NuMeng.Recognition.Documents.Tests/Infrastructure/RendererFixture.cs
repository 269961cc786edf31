using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Documents.Html;
using NuMeng.Recognition.Documents.Pdf;
using NuMeng.Recognition.Documents.PreCheck;

namespace NuMeng.Recognition.Documents.Tests.Infrastructure;

/// <summary>The document services as the portal registers them, with one warm Chromium shared by the PDF tests.</summary>
public sealed class RendererFixture : IAsyncLifetime
{
    private readonly ServiceProvider _services;

    public RendererFixture()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRecognitionDocuments(configure: o => o.ChromiumPath = PdfTools.ChromiumPath);
        // Validated as the Development host validates them: a scoped service taken from the root provider fails here too.
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public IServiceProvider Services => _services;

    public RazorHtmlRenderer Html => _services.GetRequiredService<RazorHtmlRenderer>();

    public IPdfRenderer Pdf => _services.GetRequiredService<IPdfRenderer>();

    public PreCheckReportPdf PreCheck => _services.GetRequiredService<PreCheckReportPdf>();

    public DocumentFonts Fonts => _services.GetRequiredService<DocumentFonts>();

    /// <summary>PDFs already printed in this run, by example file: (path, pdftotext output, stamp).</summary>
    public ConcurrentDictionary<string, Task<(string Path, string Text, DocumentStamp Stamp)>> Printed { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _services.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class RendererCollection : ICollectionFixture<RendererFixture>
{
    public const string Name = "renderer";
}
