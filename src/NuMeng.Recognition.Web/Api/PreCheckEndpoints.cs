using System.Text;

namespace NuMeng.Recognition.Web.Api;

/// <summary>POST /api/v1/precheck: the public pre-check (no account), the same domain code as /precheck and numeng-precheck.</summary>
public static class PreCheckEndpoints
{
    /// <summary>A pre-check request is a few kilobytes; anything this large is refused before it is read.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static RouteGroupBuilder MapPreCheck(this RouteGroupBuilder group)
    {
        group.MapPost("/precheck", EvaluateAsync)
            .WithName("PreCheck")
            .WithSummary("申报前自评估")
            .WithDescription("按现行规则集评估所填数据：逐条给出符合/不符合/待核实、依据条款和计算过程。无需登录。请求格式见 docs/precheck-format.md。")
            // No Accepts<T>(): its content-type matcher would answer a wrong Content-Type with an empty 415 before the
            // handler could explain it in Chinese; the request body is described by ApiEndpoints' operation transformer.
            .Produces<PreCheckOutcome>(StatusCodes.Status200OK)
            .Produces<InputProblem>(StatusCodes.Status400BadRequest, "application/problem+json")
            .Produces<InputProblem>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")
            .Produces<InputProblem>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")
            .AllowAnonymous();
        return group;
    }

    private static async Task<IResult> EvaluateAsync(HttpRequest request, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "请求格式不支持", new InputError("Content-Type", "请以 application/json 提交。"));
        }
        if (request.ContentLength > MaxBodyBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "请求内容过大", new InputError("$", $"请求内容不能超过 {MaxBodyBytes / 1024} KB。"));
        }

        string json;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            var buffer = new char[MaxBodyBytes + 1];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
            if (read > MaxBodyBytes)
            {
                return Problem(StatusCodes.Status413PayloadTooLarge, "请求内容过大", new InputError("$", $"请求内容不能超过 {MaxBodyBytes / 1024} KB。"));
            }
            json = new string(buffer, 0, read);
        }

        var outcome = PreCheckService.Evaluate(json, ChinaTime.Today(clock));
        return outcome.IsValid
            ? Results.Json(outcome, JsonInput.Options)
            : Problem(StatusCodes.Status400BadRequest, "输入有误", [.. outcome.Errors]);
    }

    private static IResult Problem(int status, string title, params InputError[] errors) =>
        Results.Json(new InputProblem(title, status, errors), JsonInput.Options, "application/problem+json", status);
}

/// <summary>The 4xx body: a Chinese title and one error per field.</summary>
public sealed record InputProblem(string Title, int Status, IReadOnlyList<InputError> Errors);
