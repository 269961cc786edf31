using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using NuMeng.Recognition.Data.Seeding;

namespace NuMeng.Recognition.Web.Tests.Features.Review;

/// <summary>
/// HTTP sessions on <see cref="ReviewPortalFactory"/> the way a browser has them: a cookie jar, no automatic redirects,
/// and a form post that carries the page's hidden fields (antiforgery token, Blazor's <c>_handler</c>).
/// </summary>
internal static class ReviewHttp
{
    public static HttpClient NewClient(ReviewPortalFactory portal) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }, disposeHandler: true)
        {
            BaseAddress = portal.RootUri,
        };

    /// <summary>Signs a demo account without two-factor sign-in in (enterprise and bureau accounts).</summary>
    public static async Task<HttpClient> SignInAsync(ReviewPortalFactory portal, string userName)
    {
        var client = NewClient(portal);
        var (status, location, _) = await PostFormAsync(client, "/account/login", "Input.UserName", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = DemoSeeder.DemoPassword,
            ["Input.RememberMe"] = "false",
        });
        if (status != HttpStatusCode.Redirect && status != HttpStatusCode.Found && status != HttpStatusCode.SeeOther || location?.Contains("/account/login", StringComparison.Ordinal) != false)
        {
            client.Dispose();
            throw new InvalidOperationException($"{userName} 登录失败：{(int)status} {location}");
        }
        return client;
    }

    /// <summary>GETs <paramref name="url"/>, fills the form holding <paramref name="marker"/> and posts it back.</summary>
    public static async Task<(HttpStatusCode Status, string? Location, string Html)> PostFormAsync(
        HttpClient client, string url, string marker, IReadOnlyDictionary<string, string> fields)
    {
        using var page = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var form = new HtmlParser().ParseDocument(html).Forms
            .FirstOrDefault(f => f.QuerySelector($"[name='{marker}']") is not null)
            ?? throw new InvalidOperationException($"{url}（{(int)page.StatusCode}）上找不到含 {marker} 的表单");
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }
        using var content = new FormUrlEncodedContent(values);
        // The form's own action (a path, maybe with a fragment the browser never sends).
        var action = form.GetAttribute("action") is { Length: > 0 } a && a.StartsWith('/') ? a.Split('#')[0] : url;
        using var response = await client.PostAsync(new Uri(action, UriKind.Relative), content);
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : null;
        return (response.StatusCode, location, await response.Content.ReadAsStringAsync());
    }
}
