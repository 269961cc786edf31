namespace NuMeng.Recognition.Web.Features.Admin;

/// <summary>Runs the "verb:id" value of a user-table button through <see cref="UserAdministration"/>.</summary>
public static class UserActions
{
    /// <summary>Returns (ok, message) for the page to show.</summary>
    public static async Task<(bool Ok, string Message)> RunAsync(UserAdministration admin, string? op)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var parts = (op ?? string.Empty).Split(':', 2);
        if (parts.Length != 2 || !Guid.TryParse(parts[1], out var id))
        {
            return (false, "无效的操作");
        }
        var (error, done) = parts[0] switch
        {
            "deactivate" => (await admin.SetActiveAsync(id, active: false), "账户已停用"),
            "activate" => (await admin.SetActiveAsync(id, active: true), "账户已启用"),
            "unlock" => (await admin.UnlockAsync(id), "已解除锁定"),
            "reset2fa" => (await admin.ResetTwoFactorAsync(id), "已重置双因素登录，该用户下次登录时需重新设置"),
            _ => ("无效的操作", string.Empty),
        };
        return error is null ? (true, done) : (false, error);
    }
}
