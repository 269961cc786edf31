using Microsoft.AspNetCore.Hosting;

namespace NuMeng.Recognition.Web.Tests.Infrastructure;

/// <summary>
/// The test hosts run the portal as <c>Testing</c>, but <c>dotnet run</c> runs it as <c>Development</c>, where the
/// host validates the service provider: no scoped service resolved from the root provider, and every registration
/// buildable at start-up. Without the same checks the tests could not see a failure every Development user sees (issue
/// #10 §5: every PDF answered 500 because the HTML renderer resolved scoped services from the root provider).
/// </summary>
public static class ScopeValidation
{
    /// <summary>Validates scopes and the whole container at build, as the Development environment does.</summary>
    public static IWebHostBuilder ValidateLikeDevelopment(this IWebHostBuilder builder) =>
        builder.UseDefaultServiceProvider(options =>
        {
            options.ValidateScopes = true;
            options.ValidateOnBuild = true;
        });
}
