using System.Text.RegularExpressions;
using NuMeng.Recognition.Web.Security;

namespace NuMeng.Recognition.Web.Tests.Deploy;

/// <summary>
/// deploy/linux/nginx-numeng.conf proxies to the address the systemd unit listens on, keeps WebSockets and
/// ip_hash, and adds the portal's security headers on every response (<c>always</c>). The file is parsed here: blocks
/// balance and every directive ends with a semicolon.
/// </summary>
public sealed partial class NginxConfigTests
{
    private static readonly string Root = SolutionRoot();
    private static readonly string Config = StripComments(File.ReadAllText(Path.Combine(Root, "deploy", "linux", "nginx-numeng.conf")));
    private static readonly string Unit = File.ReadAllText(Path.Combine(Root, "deploy", "linux", "numeng-recognition.service"));

    [Fact]
    public void NginxConfig_Parses_BlocksBalanceAndDirectivesEnd()
    {
        var depth = 0;
        foreach (var line in Config.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            depth += line.Count(c => c == '{') - line.Count(c => c == '}');
            Assert.True(depth >= 0, $"unbalanced '}}' at: {line}");
            Assert.True(line.EndsWith(';') || line.EndsWith('{') || line.EndsWith('}'), $"directive without ';': {line}");
        }
        Assert.Equal(0, depth);
    }

    [Fact]
    public void NginxUpstream_IsTheAddressTheServiceListensOn()
    {
        var listen = UnitUrl().Match(Unit);
        Assert.True(listen.Success, "numeng-recognition.service sets no ASPNETCORE_URLS");
        var upstream = Block("upstream numeng_portal");

        var servers = UpstreamServer().Matches(upstream).Select(m => m.Groups["address"].Value).ToList();

        Assert.Equal([$"{listen.Groups["host"].Value}:{listen.Groups["port"].Value}"], servers);
        Assert.Contains("ip_hash;", upstream, StringComparison.Ordinal);
    }

    [Fact]
    public void NginxProxy_KeepsWebSocketsAndForwardsSchemeAndClient()
    {
        var location = Block("location /");

        Assert.Contains("proxy_pass         http://numeng_portal;", location, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header   Upgrade $http_upgrade;", location, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header   Connection $connection_upgrade;", location, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header   X-Forwarded-Proto $scheme;", location, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header   X-Forwarded-For $proxy_add_x_forwarded_for;", location, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Headers => new()
    {
        { "Content-Security-Policy", SecurityHeaders.ContentSecurityPolicy },
        { "X-Content-Type-Options", "nosniff" },
        { "Referrer-Policy", SecurityHeaders.ReferrerPolicy },
        { "Permissions-Policy", SecurityHeaders.PermissionsPolicy },
        { "Strict-Transport-Security", SecurityHeaders.StrictTransportSecurity },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void NginxTlsServer_AddsThePortalsHeaderAlwaysAndHidesTheUpstreamCopy(string name, string value)
    {
        var server = Block("listen 443", backToServer: true);

        Assert.Contains($"add_header {name} \"{value}\" always;", server, StringComparison.Ordinal);
        Assert.Contains($"proxy_hide_header  {name};", Block("location /"), StringComparison.Ordinal);
        Assert.Contains("server_tokens off;", server, StringComparison.Ordinal);
    }

    /// <summary>The block that starts at <paramref name="start"/> (or, with <paramref name="backToServer"/>, the server block holding it).</summary>
    private static string Block(string start, bool backToServer = false)
    {
        var at = Config.IndexOf(start, StringComparison.Ordinal);
        Assert.True(at >= 0, $"nginx-numeng.conf has no '{start}'");
        if (backToServer)
        {
            at = Config.LastIndexOf("server {", at, StringComparison.Ordinal);
        }
        var open = Config.IndexOf('{', at);
        var depth = 0;
        for (var i = open; i < Config.Length; i++)
        {
            depth += Config[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return Config[open..(i + 1)];
            }
        }
        throw new InvalidOperationException($"unterminated block '{start}'");
    }

    private static string StripComments(string text) =>
        string.Join('\n', text.Split('\n').Select(l => l.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? l[..hash] : l));

    private static string SolutionRoot([System.Runtime.CompilerServices.CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (!File.Exists(Path.Combine(dir.FullName, "NuMeng.Recognition.sln")))
        {
            dir = dir.Parent ?? throw new InvalidOperationException("找不到 NuMeng.Recognition.sln");
        }
        return dir.FullName;
    }

    [GeneratedRegex(@"^Environment=ASPNETCORE_URLS=http://(?<host>[0-9.]+):(?<port>\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex UnitUrl();

    [GeneratedRegex(@"^\s*server\s+(?<address>[0-9.]+:\d+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();
}
