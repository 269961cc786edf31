using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Documents.Procedure;
using NuMeng.Recognition.Documents.Tests.Infrastructure;

namespace NuMeng.Recognition.Documents.Tests.Procedure;

/// <summary>
/// Every document of the procedure printed by the real Chromium from a hand-made model, checked with poppler: the
/// Chinese text and the figures are in the text layer, every page is A4 (the certificate A4 landscape) with the stamp and
/// the page number, and the fonts are embedded. Each PDF is left with its PNG pages in /tmp/numeng-documents/procedure
/// for people to look at.
/// </summary>
[Collection(RendererCollection.Name)]
public sealed partial class ProcedureDocumentPdfTests(RendererFixture fixture)
{
    public static TheoryData<string> Keys => ProcedureSamples.Keys;

    [PdfTheory]
    [MemberData(nameof(Keys))]
    public async Task RenderPdfAsync_Sample_PrintsChineseTextFiguresAndHash(string key)
    {
        var sample = ProcedureSamples.Get(key);
        var (path, text) = await PrintAsync(sample);

        var squashed = Squash(text);
        Assert.All(sample.Expected, expected => Assert.Contains(Squash(expected), squashed, StringComparison.Ordinal));
        Assert.Contains(Squash("核验码：" + sample.Stamp.VerificationCode), squashed, StringComparison.Ordinal);
        if (sample.Stamp.SourceSha256 is { } hash)
        {
            Assert.Contains(hash, squashed, StringComparison.Ordinal);
        }
        Assert.True(File.Exists(path));
    }

    [PdfTheory]
    [MemberData(nameof(Keys))]
    public async Task RenderPdfAsync_Sample_EveryPageIsA4WithPageNumber(string key)
    {
        var sample = ProcedureSamples.Get(key);
        var (path, _) = await PrintAsync(sample);
        var pages = int.Parse(Pages().Match(PdfTools.Run("pdfinfo", path)).Groups[1].Value, CultureInfo.InvariantCulture);
        var info = PdfTools.Run("pdfinfo", "-f", "1", "-l", $"{pages}", path);
        var sizes = PageSize().Matches(info).Select(m => (W: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), H: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();

        Assert.Equal(pages, sizes.Count);
        // A4 is 595.28 × 841.89 pt (Chromium writes 594.96 × 841.92); the certificate is the same sheet turned.
        var (w, h) = sample.Page.Landscape ? (842.0, 595.0) : (595.0, 842.0);
        Assert.All(sizes, s =>
        {
            Assert.InRange(s.W, w - 1.5, w + 1.5);
            Assert.InRange(s.H, h - 1.5, h + 1.5);
        });
        if (key == "certificate")
        {
            Assert.Equal(1, pages);
        }
        for (var page = 1; page <= pages; page++)
        {
            var text = Squash(PdfTools.Run("pdftotext", "-f", $"{page}", "-l", $"{page}", path, "-"));
            Assert.Contains(Squash($"第 {page} 页 / 共 {pages} 页"), text, StringComparison.Ordinal);
        }
    }

    [PdfFact]
    public async Task RenderPdfAsync_Certificate_EmbedsTrueTypeFontsNotType3()
    {
        var (path, _) = await PrintAsync(ProcedureSamples.Get("certificate"));

        var fonts = PdfTools.Run("pdffonts", path).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();

        Assert.NotEmpty(fonts);
        Assert.All(fonts, line => Assert.DoesNotContain("Type 3", line, StringComparison.Ordinal));
    }

    private Task<(string Path, string Text)> PrintAsync(ProcedureSample sample) =>
        Printed.GetOrAdd(sample.Key, _ => PrintOnceAsync(sample));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<(string, string)>> Printed = new();

    private async Task<(string Path, string Text)> PrintOnceAsync(ProcedureSample sample)
    {
        var documents = fixture.Services.GetRequiredService<ProcedureDocuments>();
        var method = typeof(ProcedureDocuments).GetMethod(nameof(ProcedureDocuments.RenderPdfAsync))!.MakeGenericMethod(sample.Component);
        var pdf = await (Task<byte[]>)method.Invoke(documents, [sample.Model, sample.Stamp, sample.Page, CancellationToken.None])!;
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        var dir = Path.Combine(PdfTools.OutputDirectory, "procedure");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, sample.Key + ".pdf");
        await File.WriteAllBytesAsync(path, pdf);
        PdfTools.Run("pdftoppm", "-r", "60", "-png", path, Path.Combine(dir, sample.Key));
        // -raw keeps the order the text was written in (cell by cell), so wrapped table cells still read whole.
        return (path, PdfTools.Run("pdftotext", "-raw", path, "-"));
    }

    private static string Squash(string text) => Whitespace().Replace(text, string.Empty);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex Pages();

    [GeneratedRegex(@"size:\s+([\d.]+) x ([\d.]+) pts")]
    private static partial Regex PageSize();
}
