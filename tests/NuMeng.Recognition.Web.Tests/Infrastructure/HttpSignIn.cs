using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using NuMeng.Recognition.Data.Seeding;

namespace NuMeng.Recognition.Web.Tests.Infrastructure;

/// <summary>
/// Signs a user in the way a browser does, over real HTTP with a cookie jar: GET /account/login, post the form (with its
/// antiforgery token and handler name), and when the account has two-factor sign-in, post the authenticator code computed
/// by <see cref="Totp"/> from the account's key to /account/login-2fa. Returns a client that carries the session cookie
/// and does not follow redirects (so tests see 302s, 401s and 404s as they are).
/// </summary>
public static class HttpSignIn
{
    /// <summary>A client with its own cookie jar and no automatic redirects, talking to the running portal.</summary>
    public static HttpClient NewClient(PortalFactory portal)
    {
        ArgumentNullException.ThrowIfNull(portal);
        return NewClient(portal.RootUri);
    }

    /// <summary>A client with its own cookie jar and no automatic redirects, talking to the portal at <paramref name="root"/>.</summary>
    public static HttpClient NewClient(Uri root)
    {
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = root };
    }

    /// <summary>Signs the demo account <paramref name="userName"/> in with the demo password (and its authenticator code when asked).</summary>
    public static Task<HttpClient> SignInAsync(PortalFactory portal, string userName) =>
        SignInAsync(portal, userName, DemoAuthenticator.KeyOf);

    /// <summary>
    /// Signs <paramref name="userName"/> in (demo password by default). <paramref name="authenticatorKey"/> gives the
    /// base32 authenticator key of an account that has two-factor sign-in (DEMO-ACCOUNTS.md); it is asked only when the
    /// portal asks for a code. Throws with the page's error message when sign-in fails.
    /// </summary>
    public static Task<HttpClient> SignInAsync(
        PortalFactory portal, string userName, Func<string, string?> authenticatorKey, string password = DemoSeeder.DemoPassword)
    {
        ArgumentNullException.ThrowIfNull(portal);
        return SignInAsync(portal.RootUri, userName, authenticatorKey, password);
    }

    /// <summary>As <see cref="SignInAsync(PortalFactory, string, Func{string, string?}, string)"/>, on the portal at <paramref name="root"/>.</summary>
    public static async Task<HttpClient> SignInAsync(
        Uri root, string userName, Func<string, string?> authenticatorKey, string password = DemoSeeder.DemoPassword)
    {
        ArgumentNullException.ThrowIfNull(authenticatorKey);
        var client = NewClient(root);
        try
        {
            var location = await PostFormAsync(client, "/account/login", "Input.UserName", new Dictionary<string, string>
            {
                ["Input.UserName"] = userName,
                ["Input.Password"] = password,
                ["Input.RememberMe"] = "false",
            }, userName);
            if (location.Contains("/account/login-2fa", StringComparison.OrdinalIgnoreCase))
            {
                var key = authenticatorKey(userName)
                    ?? throw new InvalidOperationException($"{userName} 需要双因素验证，但没有提供身份验证器密钥");
                location = await PostFormAsync(client, location, "Input.Code", new Dictionary<string, string>
                {
                    ["Input.Code"] = await Totp.FreshCodeAsync(root, userName, key),
                    ["Input.RememberMachine"] = "false",
                }, userName);
            }
            if (location.Contains("/account/login", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{userName} 登录后被送回登录页：{location}");
            }
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// GETs <paramref name="url"/>, finds the form holding <paramref name="marker"/>, posts its hidden fields (antiforgery
    /// token, Blazor's <c>_handler</c>) plus <paramref name="fields"/> back to the same address and returns the redirect
    /// target. A 200 means the form was shown again with an error: that error becomes the exception message.
    /// </summary>
    private static async Task<string> PostFormAsync(HttpClient client, string url, string marker, Dictionary<string, string> fields, string userName)
    {
        using var page = await client.GetAsync(new Uri(url, UriKind.Relative));
        if (page.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} 返回 {(int)page.StatusCode}，期望 200（{userName}）");
        }
        var form = FindForm(await page.Content.ReadAsStringAsync(), marker)
            ?? throw new InvalidOperationException($"{url} 上找不到含 {marker} 的表单");
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        using var content = new FormUrlEncodedContent(values);
        using var response = await client.PostAsync(new Uri(url, UriKind.Relative), content);
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found or HttpStatusCode.RedirectKeepVerb)
        {
            var location = response.Headers.Location ?? throw new InvalidOperationException($"POST {url} 的重定向没有 Location");
            return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
        }
        var html = await response.Content.ReadAsStringAsync();
        var error = new HtmlParser().ParseDocument(html).QuerySelector("[data-testid=login-error], .auth-error, .validation-message")?.TextContent.Trim();
        throw new InvalidOperationException($"{userName} 登录失败（POST {url} 返回 {(int)response.StatusCode}）：{error ?? "页面没有给出原因"}");
    }

    private static IHtmlFormElement? FindForm(string html, string marker)
    {
        var document = new HtmlParser().ParseDocument(html);
        return document.Forms.FirstOrDefault(f => f.QuerySelector($"input[name='{marker}']") is not null);
    }
}
