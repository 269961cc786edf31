namespace NuMeng.Recognition.Web.Features.Account;

/// <summary>
/// Redirects from static SSR account pages (a 302 before the response starts, as the Identity template does), only
/// ever to a local address: a <c>returnUrl</c> pointing elsewhere is replaced by the workspace (open-redirect guard).
/// </summary>
public sealed class AccountRedirect(NavigationManager navigation)
{
    public const string Workspace = "/workspace";

    /// <summary><paramref name="returnUrl"/> when it is a local path ("/x", not "//host" or "/\host"), else the workspace.</summary>
    public static string LocalOrWorkspace(string? returnUrl) => IsLocal(returnUrl) ? returnUrl! : Workspace;

    /// <summary>True for an absolute path on this site.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Contains("://", StringComparison.Ordinal)
        && !url.Any(char.IsControl);

    public void To(string uri) => navigation.NavigateTo(uri);

    /// <summary>To <paramref name="path"/> carrying a local <paramref name="returnUrl"/> along.</summary>
    public void To(string path, string? returnUrl, params (string Key, string Value)[] query)
    {
        var parts = new List<string>();
        if (IsLocal(returnUrl))
        {
            parts.Add("returnUrl=" + Uri.EscapeDataString(returnUrl!));
        }
        parts.AddRange(query.Select(q => q.Key + "=" + Uri.EscapeDataString(q.Value)));
        navigation.NavigateTo(parts.Count == 0 ? path : path + "?" + string.Join('&', parts));
    }
}
