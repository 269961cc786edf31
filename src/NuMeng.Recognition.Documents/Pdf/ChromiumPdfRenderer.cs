using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace NuMeng.Recognition.Documents.Pdf;

/// <summary>
/// One warm headless Chromium for the whole process (a singleton), started on the first document, printing through a
/// small pool of tabs: <see cref="DocumentOptions.MaxConcurrentPages"/> documents print at once, more wait. A crashed
/// browser is started again on the next request. Each tab first opens a blank file:// page in a private work folder,
/// so the documents' @font-face rules may load the TrueType fonts from file:// URLs (Chromium refuses file:// resources
/// to pages from other origins); documents are then written into that page with <c>setContent</c>, which keeps the
/// origin, and the fonts stay in the tab's memory cache between documents.
/// </summary>
public sealed class ChromiumPdfRenderer : IPdfRenderer, IAsyncDisposable, IDisposable
{
    /// <summary>
    /// The flags docs/platform-notes.md verified on these machines; without the networking ones Chromium floods the closed network
    /// with refused connections. Playwright adds a fresh temporary user-data dir and --headless itself.
    /// </summary>
    internal static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly DocumentOptions _options;
    private readonly ILogger<ChromiumPdfRenderer> _logger;
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<IPage> _idle = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _workDirectory;
    private string? _blankUrl;
    private bool _disposed;

    public ChromiumPdfRenderer(DocumentOptions options, ILogger<ChromiumPdfRenderer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger ?? NullLogger<ChromiumPdfRenderer>.Instance;
        _slots = new SemaphoreSlim(Math.Max(1, options.MaxConcurrentPages));
    }

    /// <summary>Whether the executable exists (the browser may still fail to start).</summary>
    public bool IsInstalled => File.Exists(_options.ChromiumPath);

    public async Task<byte[]> RenderAsync(string html, PdfRenderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ObjectDisposedException.ThrowIf(_disposed, this);
        options ??= new PdfRenderOptions();
        await _slots.WaitAsync(cancellationToken);
        IPage? page = null;
        try
        {
            var browser = await EnsureStartedAsync(cancellationToken);
            page = TakeIdlePage() ?? await OpenPageAsync(browser);
            var timeout = (float)_options.RenderTimeout.TotalMilliseconds;
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load, Timeout = timeout });
            // Print only once every @font-face has loaded, or Chromium prints with the fallback font.
            await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
            cancellationToken.ThrowIfCancellationRequested();
            var pdf = await page.PdfAsync(new PagePdfOptions
            {
                Format = options.Format,
                PreferCSSPageSize = true,
                PrintBackground = options.PrintBackground,
                Margin = new Margin { Top = options.Margin, Bottom = options.Margin, Left = options.Margin, Right = options.Margin },
                DisplayHeaderFooter = options.HeaderTemplate is not null || options.FooterTemplate is not null,
                HeaderTemplate = options.HeaderTemplate ?? "<span></span>",
                FooterTemplate = options.FooterTemplate ?? "<span></span>",
                Tagged = options.Tagged,
                Outline = options.Tagged,
            });
            _idle.Add(page);
            page = null;
            return pdf;
        }
        catch (PlaywrightException ex) when (_browser is { IsConnected: false })
        {
            _logger.LogWarning(ex, "Chromium disconnected while printing; it will be started again on the next document");
            await ResetAsync();
            throw new PdfRendererUnavailableException("Chromium 在生成文档时意外退出，请重试；若反复出现，请检查服务器内存和 Chromium 安装。", ex)
            {
                ExecutablePath = _options.ChromiumPath,
            };
        }
        finally
        {
            if (page is not null)
            {
                // A tab that failed mid-document is not trusted with the next one.
                await ClosePageQuietlyAsync(page);
            }
            _slots.Release();
        }
    }

    private async Task<IBrowser> EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }
        await _startLock.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } started)
            {
                return started;
            }
            await ResetCoreAsync();
            if (!File.Exists(_options.ChromiumPath))
            {
                throw new PdfRendererUnavailableException($"{PdfRendererUnavailableException.NotInstalledMessage}。未找到：{_options.ChromiumPath}")
                {
                    ExecutablePath = _options.ChromiumPath,
                };
            }
            var work = Path.Combine(Path.GetTempPath(), "numeng-pdf-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(work);
            var blank = Path.Combine(work, "blank.html");
            await File.WriteAllTextAsync(blank, "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"></head><body></body></html>", cancellationToken);
            _workDirectory = work;
            _blankUrl = new Uri(blank).AbsoluteUri;
            try
            {
                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = _options.ChromiumPath,
                    Headless = true,
                    Args = Flags,
                    Timeout = (float)_options.RenderTimeout.TotalMilliseconds,
                });
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException or IOException or InvalidOperationException)
            {
                await ResetCoreAsync();
                throw new PdfRendererUnavailableException(
                    $"Chromium 无法启动（{_options.ChromiumPath}）：{FirstLine(ex.Message)}。请运行 deploy/dev/install-prerequisites.sh 检查安装。", ex)
                {
                    ExecutablePath = _options.ChromiumPath,
                };
            }
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation("Chromium {Version} started for PDF printing ({Path})", _browser.Version, _options.ChromiumPath);
            }
            return _browser;
        }
        finally
        {
            _startLock.Release();
        }
    }

    private IPage? TakeIdlePage()
    {
        while (_idle.TryTake(out var page))
        {
            if (!page.IsClosed)
            {
                return page;
            }
        }
        return null;
    }

    private async Task<IPage> OpenPageAsync(IBrowser browser)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN", JavaScriptEnabled = true });
        page.SetDefaultTimeout((float)_options.RenderTimeout.TotalMilliseconds);
        await page.GotoAsync(_blankUrl!);
        return page;
    }

    private static async Task ClosePageQuietlyAsync(IPage page)
    {
        try
        {
            await page.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // Already gone with its browser.
        }
    }

    private async Task ResetAsync()
    {
        await _startLock.WaitAsync();
        try
        {
            await ResetCoreAsync();
        }
        finally
        {
            _startLock.Release();
        }
    }

    private async Task ResetCoreAsync()
    {
        _idle.Clear();
        if (_browser is not null)
        {
            try
            {
                await _browser.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // It already crashed: nothing to close.
            }
            await _browser.DisposeAsync();
            _browser = null;
        }
        _playwright?.Dispose();
        _playwright = null;
        if (_workDirectory is not null)
        {
            try
            {
                Directory.Delete(_workDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
            _workDirectory = null;
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    /// <summary>For a container disposed synchronously; the host disposes asynchronously.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        await ResetAsync();
        _startLock.Dispose();
        _slots.Dispose();
    }
}
