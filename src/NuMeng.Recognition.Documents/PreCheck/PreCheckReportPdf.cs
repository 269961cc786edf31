namespace NuMeng.Recognition.Documents.PreCheck;

/// <summary>The pre-check report (申报前自评估报告) as HTML and PDF, with its stamp.</summary>
public sealed class PreCheckReportPdf(RazorHtmlRenderer html, IPdfRenderer pdf)
{
    public const string Title = "申报前自评估报告";

    /// <summary>
    /// The stamp of a pre-check report. Nothing is stored, so every part is computed from the data: the SHA-256 of
    /// the request in canonical JSON (the format of docs/precheck-format.md, as the domain writes it), a number from the
    /// assessment date and that hash, and a verification code from both. The same data gives the same stamp.
    /// </summary>
    public static DocumentStamp StampFor(PreCheckRequest request, PreCheckReport report, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(report);
        var hash = DocumentStamp.Sha256Hex(JsonInput.Write(request));
        var number = $"ZPG-{report.AssessedOn:yyyyMMdd}-{hash[..8].ToUpperInvariant()}";
        return new DocumentStamp
        {
            Title = Title,
            DocumentNumber = number,
            GeneratedAt = generatedAt,
            SourceSha256 = hash,
            SourceLabel = "自评估数据",
            VerificationCode = VerificationCodes.Derive("precheck", number, hash),
        };
    }

    /// <summary>The complete HTML document (what Chromium prints).</summary>
    public Task<string> RenderHtmlAsync(PreCheckReport report, DocumentStamp stamp) =>
        html.RenderDocumentAsync<PreCheckReportDocument>(
            new Dictionary<string, object?>
            {
                [nameof(PreCheckReportDocument.Report)] = report,
                [nameof(PreCheckReportDocument.Stamp)] = stamp,
            },
            stamp);

    /// <summary>The PDF.</summary>
    /// <exception cref="PdfRendererUnavailableException">Chromium is not installed or cannot start.</exception>
    public async Task<byte[]> RenderPdfAsync(PreCheckReport report, DocumentStamp stamp, CancellationToken cancellationToken = default)
    {
        var document = await RenderHtmlAsync(report, stamp);
        return await pdf.RenderAsync(document, cancellationToken: cancellationToken);
    }
}
