using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NuMeng.Recognition.Documents.PreCheck;
using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Documents;

/// <summary>The document download endpoints. Today: the pre-check report as PDF.</summary>
public static class DocumentEndpoints
{
    /// <summary>A pre-check request is a few kilobytes; anything this large is refused before it is read.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>
    /// POST /api/v1/precheck/report.pdf: the same JSON as POST /api/v1/precheck (docs/precheck-format.md), or the
    /// /precheck page's form, answered with 申报前自评估报告 as a PDF; 400 with each input error in Chinese; 503 with the Chinese message saying what to
    /// install when Chromium is missing.
    /// </summary>
    public static IEndpointRouteBuilder MapRecognitionDocuments(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        DependencyInjection.LogReadiness(endpoints.ServiceProvider);
        endpoints.MapPost("/api/v1/precheck/report.pdf", PreCheckReportAsync)
            .WithName("PreCheckReportPdf")
            .WithSummary("申报前自评估报告（PDF）")
            .WithDescription("与 POST /api/v1/precheck 相同的请求格式，返回可打印的申报前自评估报告 PDF（A4，嵌入中文字体，每页页脚印有数据摘要和核验码）。无需登录。")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .Produces<DocumentProblem>(StatusCodes.Status400BadRequest, "application/problem+json")
            .Produces<DocumentProblem>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")
            .Produces<DocumentProblem>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")
            .Produces<DocumentProblem>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")
            .AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> PreCheckReportAsync(HttpRequest request, PreCheckReportPdf documents, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }
        string json;
        if (request.HasFormContentType)
        {
            // The /precheck page's own form (a "下载 PDF" button with formaction pointing here): fields named by their
            // JSON path, read by the same JsonInput.FromForm as the page; the enterprise section counts only when its
            // switch (_assessEligibility) is on, as on the page.
            var form = await request.ReadFormAsync(cancellationToken);
            var fields = form.Select(f => new KeyValuePair<string, IReadOnlyList<string>>(f.Key, f.Value.Select(v => v ?? string.Empty).ToList())).ToList();
            var posted = form["_assessEligibility"] == "true" ? fields : fields.Where(f => !f.Key.StartsWith("enterprise.", StringComparison.Ordinal));
            json = JsonInput.FromForm(posted, typeof(PreCheckRequest), out var formatErrors);
            if (formatErrors.Count > 0)
            {
                return Problem(StatusCodes.Status400BadRequest, "输入有误", [.. formatErrors]);
            }
        }
        else if (request.ContentType is not null && request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var buffer = new char[MaxBodyBytes + 1];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
            if (read > MaxBodyBytes)
            {
                return TooLarge();
            }
            json = new string(buffer, 0, read);
        }
        else
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "请求格式不支持", new InputError("Content-Type", "请以 application/json（或 /precheck 页面的表单）提交。"));
        }

        var now = clock.GetUtcNow();
        var requestModel = JsonInput.Read<PreCheckRequest>(json, out var readErrors);
        if (requestModel is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "输入有误", [.. readErrors]);
        }
        var outcome = PreCheckService.Evaluate(requestModel, DateOnly.FromDateTime(BeijingTime.From(now).DateTime));
        if (!outcome.IsValid)
        {
            return Problem(StatusCodes.Status400BadRequest, "输入有误", [.. outcome.Errors]);
        }

        var stamp = PreCheckReportPdf.StampFor(requestModel, outcome.Report!, now);
        try
        {
            var pdf = await documents.RenderPdfAsync(outcome.Report!, stamp, cancellationToken);
            return Results.File(pdf, "application/pdf", $"{stamp.Title}-{stamp.DocumentNumber}.pdf");
        }
        catch (PdfRendererUnavailableException ex)
        {
            loggers.CreateLogger(typeof(DocumentEndpoints).FullName!).LogError(ex, "PDF renderer unavailable ({Path})", ex.ExecutablePath);
            return Results.Json(
                new DocumentProblem("PDF 生成服务暂不可用", StatusCodes.Status503ServiceUnavailable, ex.Message, []),
                JsonInput.Options, "application/problem+json", StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static IResult TooLarge() =>
        Problem(StatusCodes.Status413PayloadTooLarge, "请求内容过大", new InputError("$", $"请求内容不能超过 {MaxBodyBytes / 1024} KB。"));

    private static IResult Problem(int status, string title, params InputError[] errors) =>
        Results.Json(new DocumentProblem(title, status, null, errors), JsonInput.Options, "application/problem+json", status);
}

/// <summary>The 4xx/5xx body: a Chinese title, a detail (why the service is unavailable) and one error per field.</summary>
public sealed record DocumentProblem(string Title, int Status, string? Detail, IReadOnlyList<InputError> Errors);
