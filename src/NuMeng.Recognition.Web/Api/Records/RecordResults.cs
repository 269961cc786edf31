using System.Globalization;
using NuMeng.Recognition.Domain.PreCheck;

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
    /// the record exists (issue 3 "Tenancy": another organisation's user gets 404 by id).
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

/// <summary>Paging of list endpoints: <c>?skip=0&amp;take=50</c>; take 1–500, default 100.</summary>
internal readonly record struct Paging(int Skip, int Take)
{
    public const int DefaultTake = 100;
    public const int MaxTake = 500;

    /// <summary>Parses the query values; on a bad value returns false and a 400 with a Chinese message naming the parameter.</summary>
    public static bool TryRead(string? skip, string? take, out Paging paging, out IResult? problem)
    {
        paging = new Paging(0, DefaultTake);
        problem = null;
        var s = 0;
        var t = DefaultTake;
        if (skip is not null && (!int.TryParse(skip, NumberStyles.None, CultureInfo.InvariantCulture, out s) || s < 0))
        {
            problem = RecordResults.Problem(StatusCodes.Status400BadRequest, "输入有误", $"参数 skip 必须是不小于 0 的整数（收到“{skip}”）。");
            return false;
        }
        if (take is not null && (!int.TryParse(take, NumberStyles.None, CultureInfo.InvariantCulture, out t) || t < 1 || t > MaxTake))
        {
            problem = RecordResults.Problem(StatusCodes.Status400BadRequest, "输入有误", $"参数 take 必须是 1 到 {MaxTake} 之间的整数（收到“{take}”）。");
            return false;
        }
        paging = new Paging(s, t);
        return true;
    }
}
