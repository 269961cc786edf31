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

    /// <summary>
    /// The portal's public address, printed on certificates as the verification link and encoded in their QR code
    /// (<c>{PublicBaseUrl}/verify?code=…</c>). Set it to the address the public reaches the portal at.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5298";

    /// <summary>The issuing department (发文机关), printed in the red header of notices and on certificates.</summary>
    public string DepartmentName { get; set; } = "内蒙古自治区工业和信息化厅";

    /// <summary>The department's contact for the public, printed on notices (联系人、电话、地址).</summary>
    public string DepartmentContact { get; set; } = "自治区工业和信息化厅数字化发展处，电话：0471-0000000，地址：呼和浩特市新城区（演示）";

    /// <summary>The public verification URL for a code: <c>{PublicBaseUrl}/verify?code={code}</c>.</summary>
    public string VerificationUrl(string code) =>
        $"{PublicBaseUrl.TrimEnd('/')}/verify?code={Uri.EscapeDataString(code)}";
}
