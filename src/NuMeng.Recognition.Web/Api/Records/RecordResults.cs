using NuMeng.Recognition.Web.Infrastructure;

namespace NuMeng.Recognition.Web.Api.Records;

/// <summary>The error body of the record API: a Chinese title and explanation (RFC 9457 shape, <c>application/problem+json</c>).</summary>
public sealed record RecordProblem(string Title, int Status, string Detail);

/// <summary>One page of a list: how many rows the caller may see in total, and the rows of this page.</summary>
public sealed record RecordList<T>(int Total, int Skip, int Take, IReadOnlyList<T> Items);

/// <summary>Responses of the record API, written with the portal's one JSON format (camelCase, enums by name, readable Chinese).</summary>
internal static class RecordResults
{
    public const string ProblemContentType = "application/problem+json";

    public static IResult Ok<T>(T value) => TypedResults.Json(value, JsonInput.Options);

    /// <summary>
    /// Not found — also what a user gets for a record the tenancy rule hides from them: the answer never tells whether
    /// the record exists (another organisation's user gets 404 by id).
    /// </summary>
    public static IResult NotFound(string what) =>
        Problem(StatusCodes.Status404NotFound, "未找到", $"{what}不存在，或您无权查看。");

    public static IResult Problem(int status, string title, string detail) =>
        TypedResults.Json(new RecordProblem(title, status, detail), JsonInput.Options, ProblemContentType, status);

    public static IResult Unauthenticated() =>
        Problem(StatusCodes.Status401Unauthorized, "未登录", "请先登录后再访问此接口。");

    public static IResult Forbidden() =>
        Problem(StatusCodes.Status403Forbidden, "无权访问", "您的角色无权查看此类数据。");
}

/// <summary>Paging of list endpoints: <c>?skip=0&amp;take=50</c>; take 1–500, default 100 (<see cref="ListPaging"/>'s rules).</summary>
internal readonly record struct Paging(int Skip, int Take)
{
    public const int DefaultTake = ListPaging.ApiDefaultTake;

    /// <summary>The same page as the lists' paging.</summary>
    public ListPaging List => new(Skip, Take);

    /// <summary>Parses the query values; on a bad value returns false and a 400 with a Chinese message naming the parameter.</summary>
    public static bool TryRead(string? skip, string? take, out Paging paging, out IResult? problem)
    {
        var (parsed, error) = ListPaging.Parse(skip, take, DefaultTake);
        paging = new Paging(parsed.Skip, parsed.Take ?? DefaultTake);
        problem = error is null ? null : RecordResults.Problem(StatusCodes.Status400BadRequest, "输入有误", error);
        return error is null;
    }

    /// <summary>Paging and <see cref="ListFilter"/> from the request's query string (the same words the pages and exports take).</summary>
    public static bool TryRead(HttpRequest request, out ListFilter filter, out Paging paging, out IResult? problem)
    {
        filter = ListFilter.None;
        if (!TryRead(request.Query["skip"].FirstOrDefault(), request.Query["take"].FirstOrDefault(), out paging, out problem))
        {
            return false;
        }
        var (parsed, error) = ListFilter.Parse(request.Query);
        if (parsed is null)
        {
            problem = RecordResults.Problem(StatusCodes.Status400BadRequest, "输入有误", error!);
            return false;
        }
        filter = parsed;
        return true;
    }
}
