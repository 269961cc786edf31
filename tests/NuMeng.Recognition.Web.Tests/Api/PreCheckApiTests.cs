using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Api;

/// <summary>POST /api/v1/precheck over real HTTP: the documented examples pass; bad input gets a Chinese 4xx, never a 500.</summary>
[Collection(BrowserCollection.Name)]
public class PreCheckApiTests(PortalFactory portal)
{
    private async Task<(HttpStatusCode Status, JsonElement Body, string ContentType)> PostAsync(string body, string contentType = "application/json")
    {
        using var client = portal.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await client.PostAsync(new Uri("/api/v1/precheck", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType ?? "");
    }

    [Theory]
    [InlineData("precheck-digital-workshop.json", "NM-2024-TECH")]
    [InlineData("precheck-tier-advanced.json", "NM-2025-TIER")]
    public async Task PostPreCheck_DocumentedExample_Returns200WithPassingReport(string example, string ruleSet)
    {
        var (status, body, _) = await PostAsync(Examples.Read(example));

        Assert.Equal(HttpStatusCode.OK, status);
        var report = body.GetProperty("report");
        Assert.True(report.GetProperty("passed").GetBoolean());
        Assert.Equal(ruleSet, report.GetProperty("ruleSet").GetProperty("code").GetString());
        var first = report.GetProperty("requirements").GetProperty("findings")[0];
        Assert.False(string.IsNullOrEmpty(first.GetProperty("clause").GetProperty("citation").GetString()));
        Assert.False(string.IsNullOrEmpty(first.GetProperty("actual").GetString()));
    }

    [Fact]
    public async Task PostPreCheck_FailingFigures_ReturnsFailWithClauseAndNumbers()
    {
        var json = Examples.Read("precheck-digital-workshop.json").Replace("\"digitalEquipment\": 21", "\"digitalEquipment\": 17", StringComparison.Ordinal);

        var (status, body, _) = await PostAsync(json);

        Assert.Equal(HttpStatusCode.OK, status);
        var report = body.GetProperty("report");
        Assert.False(report.GetProperty("passed").GetBoolean());
        var nc = report.GetProperty("requirements").GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("code").GetString() == "2024.workshop.equipment-nc-rate");
        Assert.Equal("fail", nc.GetProperty("outcome").GetString());
        Assert.Contains("17 / 30", nc.GetProperty("actual").GetString(), StringComparison.Ordinal);
        Assert.Contains("一（一）", nc.GetProperty("clause").GetProperty("article").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"kind\":\"digitalWorkshop\",\"technical\":{\"equipmentTotal\":\"三十\"}}", "technical.equipmentTotal", "整数")]
    [InlineData("{\"kind\":\"digitalWorkshop\",\"technical\":{\"equipmentTotal\":-1}}", "technical.equipmentTotal", "")]
    [InlineData("{\"kind\":\"digitalWorkshop\",\"technical\":{\"equipmentTotal\":30,\"digitalEquipment\":31}}", "technical.digitalEquipment", "")]
    [InlineData("{\"technical\":{}}", "kind", "认定类型")]
    [InlineData("{\"kind\":\"digitalWorkshop\"}", "technical", "技术指标")]
    [InlineData("{ broken", "$", "")]
    public async Task PostPreCheck_BadInput_Returns400WithChineseErrorNamingTheField(string body, string field, string words)
    {
        var (status, problem, contentType) = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal("输入有误", problem.GetProperty("title").GetString());
        var error = problem.GetProperty("errors").EnumerateArray().First(e => e.GetProperty("field").GetString() == field);
        Assert.Contains(words, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostPreCheck_NotJson_Returns415InChinese()
    {
        var (status, problem, _) = await PostAsync("kind=digitalWorkshop", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Contains("application/json", problem.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesThePreCheckEndpointAndItsRequest()
    {
        using var client = portal.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;

        var post = document.GetProperty("paths").GetProperty("/api/v1/precheck").GetProperty("post");
        Assert.Equal("申报前自评估", post.GetProperty("summary").GetString());
        Assert.True(post.GetProperty("responses").TryGetProperty("400", out _));
        var request = post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var properties = request.GetProperty("properties");
        Assert.True(properties.TryGetProperty("technical", out _));
        Assert.Contains("digitalWorkshop", properties.GetProperty("kind").GetRawText(), StringComparison.Ordinal);
    }
}
