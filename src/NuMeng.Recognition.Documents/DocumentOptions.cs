namespace NuMeng.Recognition.Documents;

/// <summary>Settings of the document services (configuration section "Documents").</summary>
public sealed class DocumentOptions
{
    public const string SectionName = "Documents";

    /// <summary>The Chromium executable (Debian: apt-get install chromium).</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>
    /// Folder holding NotoSansSC-Regular.ttf and NotoSansSC-Bold.ttf; default: fonts/ beside the application
    /// (build/NotoFonts.targets puts them there). Without them documents use the system's Noto Sans CJK SC.
    /// </summary>
    public string? FontDirectory { get; set; }

    /// <summary>How many documents print at once (each one a Chromium tab); more wait their turn.</summary>
    public int MaxConcurrentPages { get; set; } = 2;

    /// <summary>How long one document may take to load and print before the request fails.</summary>
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Printed at the top left of every page.</summary>
    public string IssuerName { get; set; } = "内蒙古自治区数字化车间和智能工厂认定管理平台";
}
