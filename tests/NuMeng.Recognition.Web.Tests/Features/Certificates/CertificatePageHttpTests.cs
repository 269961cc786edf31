using System.Net;
using AngleSharp.Html.Parser;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Certificates;

/// <summary>
/// The certificate pages over HTTP on the running portal: only the department (policy 工信厅经办人/负责人) gets them;
/// every other business role is sent to the access-denied page (GET and POST alike), anonymous users to the login; the
/// public /verify answers without an account.
/// </summary>
public sealed class CertificatePageHttpTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly Guid Certificate1 = WellKnownIds.For("demo:certificate:NMDW-2025-0001");

    public static TheoryData<string, string> DeniedCases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var user in new[] { "enterprise", "bureau.leader", "agency", "expert" })
            {
                foreach (var path in new[] { "/certificates", $"/certificates/{Certificate1:D}", "/certificates/renames", "/certificates/revocations", "/certificates/expiring", "/certificates/national" })
                {
                    data.Add(user, path);
                }
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(DeniedCases))]
    public async Task CertificatePages_OtherRoles_AccessDeniedOnGetAndPost(string user, string path)
    {
        using var client = await HttpSignIn.SignInAsync(portal, user, _ => null);

        using var get = await client.GetAsync(new Uri(path, UriKind.Relative));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "revoke", ["confirm"] = "yes" });
        using var post = await client.PostAsync(new Uri(path, UriKind.Relative), content);

        AssertDenied(get);
        // A POST is refused before any handler runs: denied (or 400 for the missing antiforgery token), never 200.
        Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"POST {path}: {(int)post.StatusCode}");
        if (post.StatusCode == HttpStatusCode.Redirect)
        {
            AssertDenied(post);
        }
    }

    [Fact]
    public async Task RevocationEvidence_Enterprise_Denied()
    {
        using var client = await HttpSignIn.SignInAsync(portal, "enterprise", _ => null);

        using var response = await client.GetAsync(new Uri($"/certificates/revocations/{WellKnownIds.For("demo:revocation:NMDW-2025-0002"):D}/evidence", UriKind.Relative));

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("/certificates")]
    [InlineData("/certificates/expiring")]
    public async Task CertificatePages_Anonymous_SentToLogin(string path)
    {
        using var client = HttpSignIn.NewClient(portal);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dept.staff")]
    [InlineData("dept.leader")]
    public async Task CertificatesPage_Department_ListsDemoCertificates(string user)
    {
        using var client = await HttpSignIn.SignInAsync(portal, user, _ => DemoSeeder.DemoAuthenticatorKey);

        var html = await client.GetStringAsync(new Uri("/certificates", UriKind.Relative));

        var numbers = new HtmlParser().ParseDocument(html).QuerySelectorAll("[data-testid=certificate-row]").Select(r => r.GetAttribute("data-number")).ToList();
        Assert.Equal(["NMDW-2025-0001", "NMDW-2025-0002", "NMDW-2025-0003"], numbers.Order());
        Assert.Contains("/exports/certificates.xlsx", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/verify?q=NMDW-2025-0001", "证书真实有效")]
    [InlineData("/verify?q=NMDW-2025-0002", "证书已撤销")]
    [InlineData("/verify?q=NMDW-2025-0099", "未找到编号为")]
    [InlineData("/verify?code=2222-2222-223", "校验位不符")]
    public async Task Verify_Anonymous_Answers(string url, string expected)
    {
        using var client = HttpSignIn.NewClient(portal);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).Body!.TextContent, StringComparison.Ordinal);
    }

    private void AssertDenied(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var location = response.Headers.Location!.OriginalString.Replace(portal.RootUri.ToString().TrimEnd('/'), "", StringComparison.Ordinal);
            Assert.StartsWith("/account/access-denied", location, StringComparison.Ordinal);
        }
    }
}
