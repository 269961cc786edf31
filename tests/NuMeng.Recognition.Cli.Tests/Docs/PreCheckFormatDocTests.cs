using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NuMeng.Recognition.Cli.Tests.Docs;

/// <summary>
/// docs/precheck-format.md must tell the truth: every complete request it shows (a JSON block with "kind") is run through
/// the command and must pass, and the documented example files are quoted verbatim.
/// </summary>
public partial class PreCheckFormatDocTests
{
    private static readonly string Doc = RepositoryFiles.Read("docs", "precheck-format.md");

    [GeneratedRegex(@"```json\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    private static IEnumerable<JsonObject> Requests() =>
        JsonBlock().Matches(Doc)
            .Select(m => m.Groups["body"].Value.Trim())
            .Where(body => body.StartsWith('{'))
            .Select(body => JsonNode.Parse(body) as JsonObject)
            .Where(node => node?.ContainsKey("kind") == true)
            .Select(node => node!);

    [Fact]
    public async Task Doc_EveryCompleteRequestExample_PassesTheCommand()
    {
        var requests = Requests().ToList();

        Assert.True(requests.Count >= 3, $"应至少有三个完整示例，实为 {requests.Count} 个");
        foreach (var request in requests)
        {
            using var stdin = new StringReader(request.ToJsonString());
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var exit = await PreCheckCommand.RunAsync(["--today", "2026-11-21", "-"], stdin, stdout, stderr, new DateOnly(2030, 1, 1));
            Assert.True(exit == PreCheckCommand.ExitPassed, $"{request["kind"]} 示例未通过（退出码 {exit}）：\n{stdout}{stderr}");
        }
    }

    [Theory]
    [InlineData("precheck-digital-workshop.json")]
    [InlineData("precheck-tier-advanced.json")]
    public void Doc_QuotesTheExampleFileVerbatim(string file)
    {
        var example = JsonNode.Parse(File.ReadAllText(RepositoryFiles.Example(file)));

        Assert.Contains($"docs/examples/{file}", Doc, StringComparison.Ordinal);
        Assert.Contains(Requests(), request => JsonNode.DeepEquals(request, example));
    }
}
