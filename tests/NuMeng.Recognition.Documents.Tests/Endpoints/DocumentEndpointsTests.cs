using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NuMeng.Recognition.Documents.PreCheck;
using NuMeng.Recognition.Documents.Tests.Infrastructure;
using NuMeng.Recognition.Domain.PreCheck;

namespace NuMeng.Recognition.Documents.Tests.Endpoints;

/// <summary>
/// POST /api/v1/precheck/report.pdf hosted in-process as the portal will host it (AddRecognitionDocuments +
/// MapRecognitionDocuments): the PDF, Chinese input errors, and the Chinese 503 when Chromium is missing.
/// </summary>
public sealed class DocumentEndpointsTests
{
    private const string Url = "/api/v1/precheck/report.pdf";

    [Fact]
    public async Task PostReport_ChromiumMissing_503WithChineseMessageSayingWhatToInstall()
    {
        await using var app = await StartAsync("/nonexistent/chromium");

        var response = await app.GetTestClient().PostAsync(Url, Json(Examples.Read("precheck-digital-workshop.json")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("PDF 生成服务暂不可用", body.RootElement.GetProperty("title").GetString());
        Assert.StartsWith("未安装 Chromium：请运行 deploy/dev/install-prerequisites.sh（apt-get install chromium fonts-noto-cjk）",
            body.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostReport_InvalidFigures_400NamingEachFieldInChinese()
    {
        await using var app = await StartAsync("/nonexistent/chromium");
        const string json = """{ "kind": "digitalWorkshop", "technical": { "manufacturingType": "process", "equipmentTotal": 30, "digitalEquipment": 31 } }""";

        var response = await app.GetTestClient().PostAsync(Url, Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("输入有误", body.RootElement.GetProperty("title").GetString());
        var fields = body.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("technical.digitalEquipment", fields);
    }

    [Fact]
    public async Task PostReport_MalformedJson_400()
    {
        await using var app = await StartAsync("/nonexistent/chromium");

        var response = await app.GetTestClient().PostAsync(Url, Json("{ \"kind\": "));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostReport_NotJson_415InChinese()
    {
        await using var app = await StartAsync("/nonexistent/chromium");

        var response = await app.GetTestClient().PostAsync(Url, new StringContent("kind: digitalWorkshop", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("请以 application/json（或 /precheck 页面的表单）提交", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostReport_PageFormWithMalformedNumber_400NamingTheField()
    {
        await using var app = await StartAsync("/nonexistent/chromium");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["kind"] = "digitalWorkshop",
            ["technical.manufacturingType"] = "process",
            ["technical.equipmentTotal"] = "三十",
        });

        var response = await app.GetTestClient().PostAsync(Url, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("technical.equipmentTotal", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [PdfFact]
    public async Task PostReport_PageForm_PdfOfTheSameReportAsTheJson()
    {
        // The /precheck page posts fields named by JSON path; the enterprise section only with its switch on.
        await using var app = await StartAsync(PdfTools.ChromiumPath);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["kind"] = "digitalWorkshop",
            ["assessmentDate"] = "2026-11-21",
            ["enterprise.creditCode"] = "91150100MA0N2C4X1X",
            ["technical.manufacturingType"] = "process",
            ["technical.equipmentTotal"] = "30",
            ["technical.digitalEquipment"] = "21",
            ["technical.keyProcessTotal"] = "10",
            ["technical.digitalKeyProcesses"] = "8",
            ["technical.uploadRate"] = "96.5",
        });

        var response = await app.GetTestClient().PostAsync(Url, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var path = Path.Combine(PdfTools.OutputDirectory, "endpoint-form.pdf");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        var text = PdfTools.Run("pdftotext", path, "-");
        Assert.Contains("70.00%（21 / 30）", text, StringComparison.Ordinal);
        Assert.Contains("未填写企业基本情况，未评估", text, StringComparison.Ordinal);
    }

    [PdfFact]
    public async Task PostReport_Example_PdfNamedByNumberWithTheDataHashInside()
    {
        await using var app = await StartAsync(PdfTools.ChromiumPath);
        var json = Examples.Read("precheck-digital-workshop.json");
        var (request, report) = Examples.Evaluate("precheck-digital-workshop.json");
        var expected = PreCheckReportPdf.StampFor(request, report, Examples.GeneratedAt);

        var response = await app.GetTestClient().PostAsync(Url, Json(json));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"申报前自评估报告-{expected.DocumentNumber}.pdf", response.Content.Headers.ContentDisposition!.FileNameStar);
        var path = Path.Combine(PdfTools.OutputDirectory, "endpoint-precheck.pdf");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        var text = PdfTools.Run("pdftotext", path, "-");
        Assert.Contains(expected.SourceSha256!, text.Replace("\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("2026年11月21日 09:05", text, StringComparison.Ordinal);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<WebApplication> StartAsync(string chromiumPath)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Host.UseDefaultServiceProvider(o => { o.ValidateScopes = true; o.ValidateOnBuild = true; });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Examples.GeneratedAt));
        builder.Services.AddRecognitionDocuments(builder.Configuration, o => o.ChromiumPath = chromiumPath);
        var app = builder.Build();
        app.MapRecognitionDocuments();
        await app.StartAsync();
        return app;
    }
}
