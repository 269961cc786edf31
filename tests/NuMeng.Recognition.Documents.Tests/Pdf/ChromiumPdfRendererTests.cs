using NuMeng.Recognition.Documents.Pdf;
using NuMeng.Recognition.Documents.Tests.Infrastructure;

namespace NuMeng.Recognition.Documents.Tests.Pdf;

/// <summary>The renderer itself: the missing-Chromium message ("a document request answers with a clear
/// Chinese message saying what to install"), and concurrent documents through the pool of tabs.</summary>
[Collection(RendererCollection.Name)]
public sealed class ChromiumPdfRendererTests(RendererFixture fixture)
{
    [Fact]
    public async Task RenderAsync_ChromiumMissing_ThrowsChineseMessageSayingWhatToInstall()
    {
        var missing = Path.Combine(Path.GetTempPath(), "numeng-no-such-chromium", "chromium");
        await using var renderer = new ChromiumPdfRenderer(new DocumentOptions { ChromiumPath = missing });

        var ex = await Assert.ThrowsAsync<PdfRendererUnavailableException>(() => renderer.RenderAsync("<p>测试</p>"));

        Assert.StartsWith("未安装 Chromium：请运行 deploy/dev/install-prerequisites.sh（apt-get install chromium fonts-noto-cjk）", ex.Message, StringComparison.Ordinal);
        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
        Assert.Equal(missing, ex.ExecutablePath);
        Assert.False(renderer.IsInstalled);
    }

    [Fact]
    public async Task RenderAsync_ChromiumMissing_FailsAgainOnTheNextRequestWithoutHanging()
    {
        await using var renderer = new ChromiumPdfRenderer(new DocumentOptions { ChromiumPath = "/nonexistent/chromium" });

        await Assert.ThrowsAsync<PdfRendererUnavailableException>(() => renderer.RenderAsync("<p>一</p>"));
        await Assert.ThrowsAsync<PdfRendererUnavailableException>(() => renderer.RenderAsync("<p>二</p>"));
    }

    [PdfFact]
    public async Task RenderAsync_MoreDocumentsThanTabs_PrintsEachItsOwnContent()
    {
        // Five documents through a pool of two tabs at once: each PDF holds its own text, none another's.
        var words = new[] { "甲号文件", "乙号文件", "丙号文件", "丁号文件", "戊号文件" };

        var pdfs = await Task.WhenAll(words.Select(w => fixture.Pdf.RenderAsync(
            $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><style>{fixture.Fonts.FontFaceCss()} body {{ font-family: \"{Documents.Html.DocumentFonts.Family}\"; }}</style></head><body><p>{w}</p></body></html>")));

        for (var i = 0; i < words.Length; i++)
        {
            var path = Path.Combine(PdfTools.OutputDirectory, $"concurrent-{i}.pdf");
            await File.WriteAllBytesAsync(path, pdfs[i]);
            var text = PdfTools.Run("pdftotext", path, "-");
            Assert.Contains(words[i], text, StringComparison.Ordinal);
            Assert.All(words.Where((_, j) => j != i), other => Assert.DoesNotContain(other, text, StringComparison.Ordinal));
        }
    }
}
