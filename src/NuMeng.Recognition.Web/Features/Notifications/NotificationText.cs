namespace NuMeng.Recognition.Web.Features.Notifications;

/// <summary>What a notification may say and where it may point.</summary>
public static class NotificationText
{
    /// <summary>Column lengths of <c>Notification</c> (Data: Lengths.Text, Lengths.Name).</summary>
    public const int MaxTextLength = 4000;

    public const int MaxLinkLength = 200;

    /// <summary>The text, trimmed, shortened to the column; empty text is a programming error.</summary>
    public static string Check(string text)
    {
        var t = (text ?? string.Empty).Trim();
        if (t.Length == 0)
        {
            throw new ArgumentException("通知内容不能为空", nameof(text));
        }
        return t.Length <= MaxTextLength ? t : t[..(MaxTextLength - 1)] + "…";
    }

    /// <summary>Only a path inside the portal: a notification must never send its reader to another site.</summary>
    public static string? CheckLink(string? link)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }
        var l = link.Trim();
        if (!IsLocalPath(l) || l.Length > MaxLinkLength)
        {
            throw new ArgumentException($"通知链接必须是本平台内的路径（以 / 开头，不超过 {MaxLinkLength} 个字符）：{l}", nameof(link));
        }
        return l;
    }

    /// <summary>"/x…" but not "//host" or "/\host" (browsers read both as another site).</summary>
    public static bool IsLocalPath(string? link) =>
        link is { Length: > 0 } l && l[0] == '/' && (l.Length == 1 || (l[1] != '/' && l[1] != '\\'));
}
