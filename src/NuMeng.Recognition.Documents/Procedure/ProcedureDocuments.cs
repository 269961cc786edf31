using Microsoft.AspNetCore.Components;
using QRCoder;

namespace NuMeng.Recognition.Documents.Procedure;

/// <summary>
/// Prints the procedure's documents: a print component with its model and stamp → HTML (inside the print page) → PDF
/// in the warm Chromium. Every component here takes two parameters, <c>Model</c> and <c>Stamp</c>.
/// </summary>
public sealed class ProcedureDocuments(RazorHtmlRenderer html, IPdfRenderer pdf, DocumentOptions options)
{
    /// <summary>The document settings (issuer, department, public base URL).</summary>
    public DocumentOptions Options => options;

    /// <summary>The complete HTML document Chromium prints.</summary>
    public Task<string> RenderHtmlAsync<TComponent>(object model, DocumentStamp stamp, PageSetup? page = null)
        where TComponent : IComponent =>
        html.RenderDocumentAsync<TComponent>(
            new Dictionary<string, object?> { ["Model"] = model, ["Stamp"] = stamp },
            stamp,
            page);

    /// <summary>The PDF of one document.</summary>
    /// <exception cref="PdfRendererUnavailableException">Chromium is not installed or cannot start.</exception>
    public async Task<byte[]> RenderPdfAsync<TComponent>(object model, DocumentStamp stamp, PageSetup? page = null, CancellationToken cancellationToken = default)
        where TComponent : IComponent
    {
        var document = await RenderHtmlAsync<TComponent>(model, stamp, page);
        return await pdf.RenderAsync(document, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// The stamp of a document made from one submitted version: its SHA-256, and a verification code derived from the
    /// document kind, its number and that hash (the same record always gives the same code).
    /// </summary>
    public static DocumentStamp StampFor(string title, string kind, string number, string? sourceSha256, DateTimeOffset generatedAt, string sourceLabel = "申报版本") => new()
    {
        Title = title,
        DocumentNumber = number,
        GeneratedAt = generatedAt,
        SourceSha256 = sourceSha256,
        SourceLabel = sourceLabel,
        VerificationCode = VerificationCodes.Derive(kind, number, sourceSha256),
    };

    /// <summary>
    /// The SHA-256 of a list document's data (each line joined): printed as 名单数据 SHA-256, so a paper list can be
    /// checked against the system like a single version.
    /// </summary>
    public static string ListHash(IEnumerable<string> lines) => DocumentStamp.Sha256Hex(string.Join("\n", lines));

    /// <summary>A QR code of <paramref name="text"/> as an inline SVG (vector, so it prints sharp at any size).</summary>
    public static string QrSvg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
        // Drop the XML declaration: the SVG is written inside the HTML document.
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }
}
