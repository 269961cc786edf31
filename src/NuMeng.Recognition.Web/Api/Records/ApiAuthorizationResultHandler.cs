using Microsoft.AspNetCore.Authorization.Policy;

namespace NuMeng.Recognition.Web.Api.Records;

/// <summary>Marks endpoints whose refusals are answered as Chinese JSON (401/403) instead of a redirect to the login page.</summary>
public sealed class JsonAuthorizationRefusal;

/// <summary>
/// The cookie scheme answers an anonymous request with a 302 to the login page — right for pages, wrong for a JSON
/// client. For endpoints carrying <see cref="JsonAuthorizationRefusal"/> this handler answers 401 (not signed in) or
/// 403 (role not allowed) with a Chinese problem body; every other endpoint keeps the default behaviour.
/// </summary>
internal sealed class ApiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<JsonAuthorizationRefusal>() is not null)
        {
            if (authorizeResult.Challenged)
            {
                return RecordResults.Unauthenticated().ExecuteAsync(context);
            }
            if (authorizeResult.Forbidden)
            {
                return RecordResults.Forbidden().ExecuteAsync(context);
            }
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
