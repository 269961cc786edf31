namespace NuMeng.Recognition.Documents.Html;

/// <summary>
/// The Noto Sans SC TrueType files the documents print with. With an @font-face pointing at a TrueType (glyf) file,
/// Chromium embeds a subset as a CID TrueType font; with the system's fonts-noto-cjk collection (.ttc, CFF outlines)
/// it draws every glyph as Type 3 (docs/platform-notes.md §13). build/NotoFonts.targets fetches the files into fonts/.
/// </summary>
public sealed class DocumentFonts
{
    /// <summary>The family name the stylesheet uses; private, so a system font of the same name never stands in.</summary>
    public const string Family = "NuMeng Noto Sans SC";

    public const string RegularFile = "NotoSansSC-Regular.ttf";
    public const string BoldFile = "NotoSansSC-Bold.ttf";

    public DocumentFonts(DocumentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory = options.FontDirectory ?? Path.Combine(AppContext.BaseDirectory, "fonts");
        var regular = Path.Combine(Directory, RegularFile);
        var bold = Path.Combine(Directory, BoldFile);
        IsEmbeddable = File.Exists(regular) && File.Exists(bold);
        RegularUrl = new Uri(Path.GetFullPath(regular)).AbsoluteUri;
        BoldUrl = new Uri(Path.GetFullPath(bold)).AbsoluteUri;
    }

    /// <summary>Where the TrueType files are looked for.</summary>
    public string Directory { get; }

    /// <summary>Whether both TrueType files are there, so PDFs embed a CID TrueType subset.</summary>
    public bool IsEmbeddable { get; }

    public string RegularUrl { get; }

    public string BoldUrl { get; }

    /// <summary>Why documents fall back to system fonts, or null when the TrueType files are there.</summary>
    public string? FallbackReason => IsEmbeddable
        ? null
        : $"未找到 Noto Sans SC TrueType 字体（{Path.Combine(Directory, RegularFile)}），PDF 将使用系统 Noto Sans CJK SC（Type 3 字形）。请在可访问 npm 的环境重新构建（build/NotoFonts.targets）。";

    /// <summary>
    /// The @font-face rules: the TrueType files when present, each with the system's Noto CJK as a local() fallback.
    /// </summary>
    public string FontFaceCss()
    {
        var css = new StringBuilder();
        foreach (var (weight, url, local) in new[] { (400, RegularUrl, "Noto Sans CJK SC"), (700, BoldUrl, "Noto Sans CJK SC Bold") })
        {
            css.Append("@font-face { font-family: \"").Append(Family).Append("\"; font-style: normal; font-weight: ")
                .Append(weight.ToString(CultureInfo.InvariantCulture)).Append("; src: ");
            if (IsEmbeddable)
            {
                css.Append("url(\"").Append(url).Append("\") format(\"truetype\"), ");
            }
            css.Append("local(\"").Append(local).Append("\"); }\n");
        }
        return css.ToString();
    }
}
