using System.Reflection;

namespace NuMeng.Recognition.Documents.Html;

/// <summary>
/// The one print stylesheet every document shares (embedded print.css), plus the parts made per document: the
/// @font-face rules and the @page rules whose margin boxes print the running header and the stamp in the footer of
/// every page. Margin boxes are laid out with the page's own fonts, so the footer's Chinese is embedded like the body's.
/// </summary>
public static class PrintStylesheet
{
    private static readonly Lazy<string> Shared = new(() =>
    {
        using var stream = typeof(PrintStylesheet).Assembly.GetManifestResourceStream("NuMeng.Recognition.Documents.print.css")
            ?? throw new InvalidOperationException("print.css is not embedded in " + typeof(PrintStylesheet).Assembly.GetName().Name);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    /// <summary>The shared rules (typography, tables, page breaks).</summary>
    public static string SharedCss => Shared.Value;

    /// <summary>The whole stylesheet for one document.</summary>
    public static string For(DocumentStamp stamp, DocumentFonts fonts, string issuerName, PageSetup? page = null) =>
        fonts.FontFaceCss() + PageRules(stamp, issuerName, page) + SharedCss;

    /// <summary>
    /// A4 with the margins of GB/T 9704-2012 at the sides (版心 156 mm), a running header (issuer left, title right)
    /// and a footer: the stamp's identity line and the source hash on the left; 第 N 页 / 共 M 页 and the verification
    /// code on the right.
    /// </summary>
    public static string PageRules(DocumentStamp stamp, string issuerName, PageSetup? page = null)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        page ??= PageSetup.Portrait;
        var left = stamp.SourceSha256 is null ? stamp.IdentityLine : stamp.IdentityLine + "\n" + stamp.SourceLabel + " SHA-256：" + stamp.SourceSha256;
        var header = page.RunningHeader
            ? $"@top-left {{ content: {CssString(issuerName)}; {MarginBox} vertical-align: bottom; padding-bottom: 2mm; border-bottom: 0.5pt solid #000; }}\n"
              + $"  @top-right {{ content: {CssString(stamp.Title)}; {MarginBox} vertical-align: bottom; padding-bottom: 2mm; border-bottom: 0.5pt solid #000; }}"
            : string.Empty;
        var code = stamp.VerificationCode is null ? string.Empty : "\\A" + CssString("核验码：" + stamp.VerificationCode)[1..^1];
        return $$"""
            @page {
              size: {{(page.Landscape ? "A4 landscape" : "A4")}};
              margin: {{page.Margin}};
              {{header}}
              @bottom-left { content: {{CssString(left)}}; {{MarginBox}} white-space: pre; vertical-align: top; padding-top: 2mm; width: {{(page.Landscape ? "200mm" : "122mm")}}; border-top: 0.5pt solid #000; }
              @bottom-right { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页{{code}}"; {{MarginBox}} white-space: pre; vertical-align: top; padding-top: 2mm; text-align: right; border-top: 0.5pt solid #000; }
            }

            """;
    }

    private const string MarginBox = "font-family: \"" + DocumentFonts.Family + "\", \"Noto Sans CJK SC\", sans-serif; font-size: 7.5pt; line-height: 1.45; color: #000;";

    /// <summary>
    /// A CSS string literal: quotes, backslashes and line breaks escaped (a line break becomes \A), and &lt; &gt; &amp; as
    /// hex escapes so no text can close the &lt;style&gt; element the stylesheet is printed in.
    /// </summary>
    internal static string CssString(string text)
    {
        var css = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': css.Append("\\\""); break;
                case '\\': css.Append("\\\\"); break;
                case '\n': css.Append("\\A "); break;
                case '\r': break;
                // The stylesheet sits inside <style>: a "</style>" in a title must not end it.
                case '<': css.Append("\\3C "); break;
                case '>': css.Append("\\3E "); break;
                case '&': css.Append("\\26 "); break;
                case < ' ': css.Append(' '); break;
                default: css.Append(c); break;
            }
        }
        return css.Append('"').ToString();
    }
}

/// <summary>
/// How a document sits on the paper: A4 portrait with the running header (every form and list), or A4 landscape without
/// it (the certificate, whose face carries the issuer itself). The footer with the stamp and page numbers prints always.
/// </summary>
/// <param name="Landscape">A4 landscape (297 × 210 mm) instead of portrait.</param>
/// <param name="RunningHeader">Print the issuer and the title above a rule at the top of every page.</param>
/// <param name="Margin">The CSS page margins.</param>
public sealed record PageSetup(bool Landscape, bool RunningHeader, string Margin)
{
    /// <summary>A4 portrait, GB/T 9704-2012 margins (版心 156 mm), running header.</summary>
    public static PageSetup Portrait { get; } = new(false, true, "24mm 26mm 26mm 28mm");

    /// <summary>A4 landscape, narrow even margins, no running header: a certificate.</summary>
    public static PageSetup Certificate { get; } = new(true, false, "12mm 14mm 20mm 14mm");
}
