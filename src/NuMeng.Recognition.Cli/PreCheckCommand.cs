using System.Text;
using NuMeng.Recognition.Domain.PreCheck;
using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Cli;

/// <summary>
/// numeng-precheck: evaluates a pre-check JSON file (format: docs/precheck-format.md) with the same domain code as the
/// portal's /precheck page and POST /api/v1/precheck.
/// </summary>
internal static class PreCheckCommand
{
    public const int ExitPassed = 0;
    public const int ExitNotPassed = 1;
    public const int ExitInputErrors = 2;
    public const int ExitUsage = 64;

    private const string Usage = """
        用法：numeng-precheck [--json] [--today yyyy-MM-dd] <文件.json | ->

        按现行规则评估申报前自评估 JSON 文件（格式见 docs/precheck-format.md）。
          --json            以 JSON 输出完整评估结果（与 POST /api/v1/precheck 的 200 响应正文相同）
          --today 日期      请求未填 assessmentDate 时以此日期为评估日期（默认今天），用于“近三年”等期间的计算
          -                 从标准输入读取
          -h, --help        显示本说明

        退出码：0 全部符合；1 存在不符合或待核实项；2 输入有误；64 用法错误。
        """;

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, DateOnly today)
    {
        var asJson = false;
        string? file = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json":
                    asJson = true;
                    break;
                case "--today" when i + 1 < args.Length:
                    if (!DateOnly.TryParseExact(args[++i], "yyyy-MM-dd", out today))
                    {
                        await stderr.WriteLineAsync($"--today 的日期格式应为 yyyy-MM-dd，实为“{args[i]}”。");
                        return ExitUsage;
                    }
                    break;
                case "-h" or "--help":
                    await stdout.WriteLineAsync(Usage);
                    return ExitPassed;
                default:
                    if (file is not null || (args[i].StartsWith('-') && args[i] != "-"))
                    {
                        await stderr.WriteLineAsync(Usage);
                        return ExitUsage;
                    }
                    file = args[i];
                    break;
            }
        }
        if (file is null)
        {
            await stderr.WriteLineAsync(Usage);
            return ExitUsage;
        }

        string json;
        try
        {
            json = file == "-" ? await stdin.ReadToEndAsync() : await File.ReadAllTextAsync(file, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var reason = ex switch
            {
                FileNotFoundException or DirectoryNotFoundException => "文件不存在。",
                UnauthorizedAccessException => "没有读取权限。",
                _ => ex.Message,
            };
            await stderr.WriteLineAsync($"无法读取文件“{file}”：{reason}");
            return ExitUsage;
        }

        var outcome = PreCheckService.Evaluate(json, today);
        if (asJson)
        {
            await stdout.WriteLineAsync(JsonInput.Write(outcome));
        }
        else
        {
            await stdout.WriteAsync(PreCheckText.Format(outcome));
        }
        return outcome.Errors.Count > 0 ? ExitInputErrors : outcome.Report!.Passed ? ExitPassed : ExitNotPassed;
    }
}
