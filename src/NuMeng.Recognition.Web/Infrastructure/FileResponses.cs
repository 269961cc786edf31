using Microsoft.Net.Http.Headers;

namespace NuMeng.Recognition.Web.Infrastructure;

/// <summary>
/// The portal's one way to send a file: evidence, PDFs and workbooks are confidential, so every file answer carries
/// <c>Content-Disposition</c> with the (Chinese) name RFC 5987-encoded as <c>filename*=UTF-8''…</c> next to an ASCII
/// <c>filename</c> for old clients, <c>X-Content-Type-Options: nosniff</c> (never sniffed into another type) and
/// <c>Cache-Control: private, no-store</c> (never kept by a proxy or the browser).
/// </summary>
public static class FileResponses
{
    /// <summary>Shown in the browser (PDFs, images), under <paramref name="fileName"/> when saved.</summary>
    public static IResult Inline(Stream content, string contentType, string fileName, bool enableRangeProcessing = false) =>
        new SafeFile(Results.Stream(content, contentType, enableRangeProcessing: enableRangeProcessing), Disposition("inline", fileName, null));

    /// <summary>Shown in the browser (a rendered PDF).</summary>
    public static IResult Inline(byte[] content, string contentType, string fileName) =>
        new SafeFile(Results.Bytes(content, contentType), Disposition("inline", fileName, null));

    /// <summary>Downloaded as <paramref name="fileName"/>; <paramref name="asciiFallback"/> for clients without RFC 5987.</summary>
    public static IResult Attachment(Stream content, string contentType, string fileName, string? asciiFallback = null) =>
        new SafeFile(Results.Stream(content, contentType), Disposition("attachment", fileName, asciiFallback));

    /// <summary>Downloaded as <paramref name="fileName"/>; <paramref name="asciiFallback"/> for clients without RFC 5987.</summary>
    public static IResult Attachment(byte[] content, string contentType, string fileName, string? asciiFallback = null) =>
        new SafeFile(Results.Bytes(content, contentType), Disposition("attachment", fileName, asciiFallback));

    /// <summary>The header value: <c>inline; filename=…; filename*=UTF-8''…</c>.</summary>
    public static string Disposition(string type, string fileName, string? asciiFallback)
    {
        var disposition = new ContentDispositionHeaderValue(type);
        // SetHttpFileName: filename* in UTF-8 and an ASCII filename with the other characters replaced.
        disposition.SetHttpFileName(fileName);
        if (asciiFallback is not null)
        {
            disposition.FileName = asciiFallback;
        }
        return disposition.ToString();
    }

    private sealed class SafeFile(IResult body, string disposition) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var headers = httpContext.Response.Headers;
            headers.ContentDisposition = disposition;
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = "private, no-store";
            return body.ExecuteAsync(httpContext);
        }
    }
}
