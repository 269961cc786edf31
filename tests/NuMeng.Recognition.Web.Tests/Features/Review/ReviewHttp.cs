using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Review;

/// <summary>
/// A form post the way a browser sends it, on a client of <see cref="HttpSignIn"/>: it carries the page's hidden fields
/// (antiforgery token, Blazor's <c>_handler</c>).
/// </summary>
internal static class ReviewHttp
{
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
