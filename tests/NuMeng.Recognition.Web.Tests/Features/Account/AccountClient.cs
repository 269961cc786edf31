using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Account;

/// <summary>An HTTP response as the tests read it: status, redirect target (path and query) and the parsed page.</summary>
internal sealed record PageResult(HttpStatusCode Status, string? Location, string Html)
{
    /// <summary>The Retry-After header in seconds, when the answer has one.</summary>
    public int? RetryAfterSeconds { get; init; }

    private IHtmlDocument? _document;

    public IHtmlDocument Document => _document ??= new HtmlParser().ParseDocument(Html);

    /// <summary>The visible text of the page's main element (or the whole body).</summary>
    public string MainText => (Document.QuerySelector("main") ?? Document.Body)?.TextContent ?? string.Empty;

    public string? Text(string selector) => Document.QuerySelector(selector)?.TextContent.Trim();
}

/// <summary>
/// A browser-like client for the account pages: its own cookie jar, no automatic redirects (tests see the 302s), forms
/// posted with the hidden fields the page rendered (antiforgery token, Blazor's <c>_handler</c>).
/// </summary>
internal sealed class AccountClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _root;

    /// <summary>The client's cookies (e.g. to replay a session cookie after sign-out).</summary>
    public CookieContainer Jar { get; } = new();

    public AccountClient(PortalFactory portal)
    {
        ArgumentNullException.ThrowIfNull(portal);
        _root = portal.RootUri;
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = Jar })
        {
            BaseAddress = portal.RootUri,
        };
    }

    public async Task<PageResult> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync(response);
    }

    /// <summary>
    /// GETs <paramref name="path"/>, takes the form that has a field named <paramref name="marker"/> (or whose
    /// <c>_handler</c> is <paramref name="marker"/>), sets <paramref name="fields"/> and posts it to its action.
    /// </summary>
    public async Task<PageResult> SubmitAsync(string path, string marker, IReadOnlyDictionary<string, string> fields)
    {
        var page = await GetAsync(path);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {path} 返回 {(int)page.Status}");
        return await PostFormAsync(page, path, marker, fields);
    }

    /// <summary>Posts a form of an already loaded page.</summary>
    public async Task<PageResult> PostFormAsync(PageResult page, string path, string marker, IReadOnlyDictionary<string, string> fields)
    {
        var form = page.Document.Forms.FirstOrDefault(f =>
                f.QuerySelector($"[name='{marker}']") is not null
                || f.QuerySelector($"input[name='_handler'][value='{marker}']") is not null)
            ?? throw new InvalidOperationException($"{path} 上找不到表单 {marker}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
        {
            values.Add(new(input.Name!, input.Value));
        }
        values.AddRange(fields);
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? path : action;
        using var content = new FormUrlEncodedContent(values);
        using var response = await _http.PostAsync(new Uri(target, UriKind.Relative), content);
        return await ReadAsync(response);
    }

    /// <summary>Posts raw fields (no token unless given): for refusal tests.</summary>
    public async Task<PageResult> PostRawAsync(string path, IReadOnlyDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content);
        return await ReadAsync(response);
    }

    /// <summary>The login form; returns the response to the password step.</summary>
    public Task<PageResult> PostLoginAsync(string userName, string password, string? returnUrl = null) =>
        SubmitAsync(returnUrl is null ? "/account/login" : "/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl), "Input.UserName",
            new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password });

    /// <summary>
    /// Signs in as a person would: password, then (when asked) the authenticator code from <paramref name="authenticatorKey"/>.
    /// Returns the final redirect target.
    /// </summary>
    public async Task<string> SignInAsync(string userName, string password = DemoSeeder.DemoPassword, string? authenticatorKey = DemoSeeder.DemoAuthenticatorKey, string? returnUrl = null)
    {
        var result = await PostLoginAsync(userName, password, returnUrl);
        Assert.True(result.Status == HttpStatusCode.Redirect, $"{userName} 登录失败：{result.Text(".auth-error") ?? result.Status.ToString()}");
        var location = result.Location!;
        if (location.StartsWith("/account/login-2fa", StringComparison.Ordinal))
        {
            Assert.NotNull(authenticatorKey);
            var second = await SubmitAsync(location, "Input.Code", new Dictionary<string, string>
            {
                ["Input.Code"] = await Infrastructure.Totp.FreshCodeAsync(_root, userName, authenticatorKey!),
            });
            Assert.True(second.Status == HttpStatusCode.Redirect, $"{userName} 双因素验证失败：{second.Text(".auth-error")}");
            location = second.Location!;
        }
        return location;
    }

    /// <summary>Posts the header's 退出 form.</summary>
    public async Task<PageResult> LogoutAsync()
    {
        var page = await GetAsync("/workspace");
        var form = page.Document.QuerySelector("form[action='/account/logout']") ?? throw new InvalidOperationException("页面上没有退出按钮");
        var token = form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        return await PostRawAsync("/account/logout", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
    }

    private static async Task<PageResult> ReadAsync(HttpResponseMessage response)
    {
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : null;
        return new PageResult(response.StatusCode, location, await response.Content.ReadAsStringAsync())
        {
            RetryAfterSeconds = response.Headers.RetryAfter?.Delta is { } delta ? (int)delta.TotalSeconds : null,
        };
    }

    public void Dispose() => _http.Dispose();

    /// <summary>RFC 6238 TOTP (HMAC-SHA-1, 30 s, 6 digits) of a base32 key: what an authenticator app shows.</summary>
    public static string Totp(string base32Key, DateTimeOffset time)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in base32Key.Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant())
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, time.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 authenticator codes are HMAC-SHA-1 by definition.
        var hash = HMACSHA1.HashData(bytes.ToArray(), counter.ToArray());
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var value = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
