using System.Net;
using NuMeng.Recognition.Web.Tests.Infrastructure;
using static NuMeng.Recognition.Web.Tests.Features.Documents.DocumentEndpointTests;

namespace NuMeng.Recognition.Web.Tests.Features.Documents;

/// <summary>
/// Each document is authorised like the record it prints: another 盟市's bureau, another enterprise, an expert not on
/// the panel or a role that does not own such records gets 404 (the record does not exist for it; no PDF is made);
/// anonymous callers of a private document are sent to sign in; 公示 and 认定名单 are public.
/// </summary>
public sealed class DocumentAccessTests(DocumentPortal fixture) : IClassFixture<DocumentPortal>
{
    public static TheoryData<string, string?, HttpStatusCode> Denied => new()
    {
        // 申报书 of A2 (呼和浩特, enterprise 2): another enterprise, another 盟市's bureau, anonymous.
        { $"/documents/applications/{A2:D}/versions/1/application.pdf", "enterprise", HttpStatusCode.NotFound },
        { $"/documents/applications/{A2:D}/versions/1/application.pdf", "bureau2.reviewer", HttpStatusCode.NotFound },
        { $"/documents/applications/{A2:D}/versions/1/application.pdf", null, HttpStatusCode.Redirect },
        // A version that does not exist.
        { $"/documents/applications/{A2:D}/versions/9/application.pdf", "enterprise.02", HttpStatusCode.NotFound },
        // 初审意见 of A7 (呼和浩特): 包头's bureau; another enterprise.
        { $"/documents/applications/{A7:D}/bureau-opinion.pdf", "bureau2.reviewer", HttpStatusCode.NotFound },
        { $"/documents/applications/{A7:D}/bureau-opinion.pdf", "enterprise.02", HttpStatusCode.NotFound },
        // 推荐汇总表: a bureau asking for another 盟市; an enterprise.
        { $"/documents/batches/{Basic26:D}/bureau-summary.pdf?league=1502", "bureau.reviewer", HttpStatusCode.NotFound },
        { $"/documents/batches/{Basic26:D}/bureau-summary.pdf", "enterprise", HttpStatusCode.NotFound },
        // 专家评分表: another expert; the enterprise; a draft (A8, not submitted) even for its own expert.
        { $"/documents/assignments/{Assignment(A9, 1):D}/score-sheet.pdf", "expert2", HttpStatusCode.NotFound },
        { $"/documents/assignments/{Assignment(A9, 1):D}/score-sheet.pdf", "enterprise.06", HttpStatusCode.NotFound },
        { $"/documents/assignments/{Assignment(A8, 1):D}/score-sheet.pdf", "expert", HttpStatusCode.NotFound },
        // 评分汇总表: experts and bureaus are not the panel's organisers.
        { $"/documents/applications/{A9:D}/score-summary.pdf", "expert", HttpStatusCode.NotFound },
        { $"/documents/applications/{A9:D}/score-summary.pdf", "leader.1504", HttpStatusCode.NotFound },
        // 评分汇总表 of an open panel (A8: the leader's sheet is a draft, no consensus): not even the organisers (ADR 0008).
        { $"/documents/applications/{A8:D}/score-summary.pdf", "dept.staff", HttpStatusCode.NotFound },
        { $"/documents/applications/{A8:D}/score-summary.pdf", "agency", HttpStatusCode.NotFound },
        // 现场核查表: the enterprise; an expert not on the panel.
        { $"/documents/applications/{A9:D}/onsite-check.pdf", "enterprise.06", HttpStatusCode.NotFound },
        { $"/documents/applications/{A9:D}/onsite-check.pdf", "expert2", HttpStatusCode.NotFound },
        // 预选名单: department only.
        { $"/documents/batches/{Factory25:D}/preselection.pdf", "agency", HttpStatusCode.NotFound },
        { $"/documents/batches/{Factory25:D}/preselection.pdf", null, HttpStatusCode.Redirect },
        // 证书 of A13 (enterprise 1): another enterprise, another 盟市's bureau, anonymous.
        { $"/documents/certificates/{Certificate3:D}/certificate.pdf", "enterprise.07", HttpStatusCode.NotFound },
        { $"/documents/certificates/{Certificate3:D}/certificate.pdf", "bureau2.reviewer", HttpStatusCode.NotFound },
        { $"/documents/certificates/{Certificate3:D}/certificate.pdf", null, HttpStatusCode.Redirect },
        // 撤销通知 of A11 (enterprise 10): another enterprise; the administrators see no business data.
        { $"/documents/revocations/{Revocation2:D}/notice.pdf", "enterprise", HttpStatusCode.NotFound },
        { $"/documents/revocations/{Revocation2:D}/notice.pdf", "sysadmin", HttpStatusCode.NotFound },
        // Public documents that do not exist.
        { $"/documents/notices/{Guid.Empty:D}/notice.pdf", null, HttpStatusCode.NotFound },
        { $"/documents/publications/{Guid.Empty:D}/list.pdf", null, HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Denied))]
    public async Task Get_CallerCannotSeeTheRecord_NotFoundOrSignIn(string url, string? user, HttpStatusCode expected)
    {
        var client = await fixture.ClientAsync(user);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("未找到该文档，或您无权查看", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}

/// <summary>Without Chromium the portal runs and every document answers 503 with the Chinese message saying what to install.</summary>
public sealed class DocumentRendererMissingTests : IDisposable
{
    private readonly PortalFactory _portal = new(new PortalOptions { Settings = new Dictionary<string, string?> { ["Documents:ChromiumPath"] = "/nonexistent/chromium" } });

    [Theory]
    [InlineData("notice")]
    [InlineData("publication")]
    public async Task Get_ChromiumMissing_ServiceUnavailableInChinese(string document)
    {
        using var client = HttpSignIn.NewClient(_portal);
        var url = document == "notice" ? $"/documents/notices/{Notice:D}/notice.pdf" : $"/documents/publications/{Publication:D}/list.pdf";

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("未安装 Chromium", text, StringComparison.Ordinal);
        Assert.Contains("apt-get install chromium", text, StringComparison.Ordinal);
    }

    public void Dispose() => _portal.Dispose();
}
