using Microsoft.Playwright;

namespace NuMeng.Recognition.Web.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download: docs/platform-notes.md). Outside CI a missing Chromium skips browser
/// tests with a message; under CI=true it fails them, so a green CI always means the browser tests ran.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public string? UnavailableReason { get; private set; }

    /// <summary>Where tests leave screenshots for people to look at (not committed).</summary>
    public static string ScreenshotDirectory
    {
        get
        {
            var dir = Path.Combine(Path.GetTempPath(), "numeng-screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            UnavailableReason = $"未找到 Chromium（{ChromiumPath}）：请运行 deploy/dev/install-prerequisites.sh";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(UnavailableReason);
            }
            return;
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        Skip.IfUnavailable(this);
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>, ICollectionFixture<PortalFactory>
{
    public const string Name = "browser";
}

internal static class Skip
{
    public static void IfUnavailable(BrowserFixture fixture)
    {
        if (fixture.Browser is null)
        {
            throw new SkipException(fixture.UnavailableReason ?? "浏览器不可用");
        }
    }
}

/// <summary>xunit 2 has no dynamic skip; the test fails with this message instead, which says exactly what to install.</summary>
public sealed class SkipException(string message) : Exception(message);
