using NuMeng.Recognition.Web.Infrastructure.Attachments;

namespace NuMeng.Recognition.Web.Api.Records;

/// <summary>
/// The read-only record API under <c>/api/v1</c>. Signed-in users only
/// (anonymous → 401 JSON); every query goes through the DbContext's tenancy filters and never bypasses them, so a record
/// the user may not see is answered exactly like one that does not exist (404). Role policies
/// (<see cref="RecordPolicies"/>) refuse whole kinds of record to roles that must never see them (403).
/// </summary>
public static class RecordEndpoints
{
    /// <summary>Services of the record API: the attachment store, the role policies, JSON 401/403 for API endpoints.</summary>
    public static IServiceCollection AddRecordApi(this IServiceCollection services)
    {
        services.AddAttachmentStore();
        services.AddRecordPolicies();
        // Registered after AddAuthorization's TryAdd of the default handler, or before it: either way this one is used.
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
        return services;
    }

    /// <summary>Maps the record endpoints into the <c>/api/v1</c> group.</summary>
    public static RouteGroupBuilder MapRecords(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        var records = v1.MapGroup("")
            .RequireAuthorization()
            .WithMetadata(new JsonAuthorizationRefusal())
            .WithTags("records");
        ApplicationRecordEndpoints.Map(records);
        ReviewRecordEndpoints.Map(records);
        OtherRecordEndpoints.Map(records);

        // Anything else under /api/v1 (an unknown path, a malformed id) gets a Chinese JSON 404, not the HTML not-found page.
        v1.MapFallback(() => RecordResults.Problem(StatusCodes.Status404NotFound, "未找到", "接口不存在，请核对地址。"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return v1;
    }
}
