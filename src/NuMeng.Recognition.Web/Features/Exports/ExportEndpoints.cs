using NuMeng.Recognition.Web.Infrastructure;

namespace NuMeng.Recognition.Web.Features.Exports;

/// <summary>
/// <c>GET /exports/{list}.xlsx</c>: one endpoint per list, each checking the list's own policy on the server. A visitor who
/// is not signed in is sent to sign in (and comes back to the download); a signed-in user the list is not for gets 403 with
/// a Chinese message (a download link is no page to redirect into). Each export is recorded in the audit log with the
/// list, the filters and the number of rows (exports hand out personal data: 等保 requires the trace).
/// </summary>
public static class ExportEndpoints
{
    /// <summary>The workbook's content type.</summary>
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Maps every list's endpoint, and a 404 for a list that does not exist.</summary>
    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        foreach (var list in ExportCatalogue.All)
        {
            endpoints.MapGet(list.Path, (HttpContext http, ExportQueries queries, IAuthorizationService authorization, IAuditLog audit, TimeProvider clock, CancellationToken cancellationToken) =>
                    ExportAsync(list, http, queries, authorization, audit, clock, cancellationToken))
                .ExcludeFromDescription();
        }
        endpoints.MapGet("/exports/{name}.xlsx", (string name) =>
                Results.Text($"没有名为“{name}”的可导出列表。", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound))
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(ExportList list, HttpContext http, ExportQueries queries, IAuthorizationService authorization,
        IAuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var signedIn = http.User.Identity?.IsAuthenticated == true;
        if (list.Roles is not null && !signedIn)
        {
            return Results.Challenge();
        }
        if (!(await authorization.AuthorizeAsync(http.User, list.Policy)).Succeeded)
        {
            return Results.Text($"您的角色无权导出“{list.Title}”。", "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        }
        // The list's own filters and paging, the same words its page and its API endpoint take (every row by default).
        var (filter, error) = ListFilter.Parse(http.Request.Query);
        var (paging, pagingError) = ListPaging.Parse(http.Request.Query);
        if (filter is null || pagingError is not null)
        {
            return Results.Text(error ?? pagingError!, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        var file = await list.Build(queries, filter, paging, cancellationToken);
        if (signedIn)
        {
            await audit.AppendAsync(new AuditEvent("export." + list.Name, "Export", list.Name, new
            {
                list = list.Title,
                rows = file.RowCount,
                filters = filter.ToAudit(),
                personalData = list.PersonalData,
            }), cancellationToken);
        }

        var stamp = ChinaTime.Today(clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        // RFC 6266/5987: old clients take the ASCII name, every current browser the UTF-8 Chinese one.
        return FileResponses.Attachment(file.Content, XlsxContentType, $"{list.Title}-{stamp}.xlsx", $"{list.Name}-{stamp}.xlsx");
    }
}
