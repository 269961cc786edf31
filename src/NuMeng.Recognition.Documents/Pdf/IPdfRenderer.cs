namespace NuMeng.Recognition.Documents.Pdf;

/// <summary>Prints a complete HTML document to PDF.</summary>
public interface IPdfRenderer
{
    /// <summary>
    /// Prints <paramref name="html"/> (a complete document, as <see cref="Html.RazorHtmlRenderer"/> makes) to PDF bytes.
    /// Page size, margins, the running header and the footer (第 N 页 / 共 M 页, title, verification line) come from the
    /// document's own CSS (<c>@page</c> with margin boxes), so they print in the embedded font.
    /// </summary>
    /// <exception cref="PdfRendererUnavailableException">Chromium is not installed or cannot start.</exception>
    Task<byte[]> RenderAsync(string html, PdfRenderOptions? options = null, CancellationToken cancellationToken = default);
}

/// <summary>Print settings beyond the document's CSS; the defaults suit every document here.</summary>
public sealed record PdfRenderOptions
{
    /// <summary>Paper when the document sets none in CSS.</summary>
    public string Format { get; init; } = "A4";

    /// <summary>Whether to print background colours (table header shading, outcome marks).</summary>
    public bool PrintBackground { get; init; } = true;

    /// <summary>Margins when the document's CSS sets none (CSS <c>@page</c> wins, <c>preferCSSPageSize</c>).</summary>
    public string Margin { get; init; } = "25mm";

    /// <summary>
    /// Chromium's own header template (HTML with the classes pageNumber, totalPages, title). Off by default: Chromium
    /// draws it in a separate document without the page's web fonts, so Chinese in it prints as Type 3 glyphs from the
    /// system font; the documents here print their running header and footer with CSS margin boxes instead.
    /// </summary>
    public string? HeaderTemplate { get; init; }

    /// <summary>Chromium's own footer template; see <see cref="HeaderTemplate"/>.</summary>
    public string? FooterTemplate { get; init; }

    /// <summary>Produce a tagged (accessible) PDF with a document outline from the headings.</summary>
    public bool Tagged { get; init; } = true;
}
