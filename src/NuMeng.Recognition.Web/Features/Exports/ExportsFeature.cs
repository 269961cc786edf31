namespace NuMeng.Recognition.Web.Features.Exports;

/// <summary>Registration of the Exports feature: one line each in DependencyInjection.cs.</summary>
public static class ExportsFeature
{
    /// <summary>The feature's services, and one authorisation policy per exported list (<c>Export.{list}</c>).</summary>
    public static IServiceCollection AddExportsFeature(this IServiceCollection services)
    {
        services.AddScoped<ExportQueries>();
        services.AddAuthorization(options =>
        {
            foreach (var list in ExportCatalogue.All)
            {
                options.AddPolicy(list.Policy, policy =>
                {
                    if (list.Roles is null)
                    {
                        policy.RequireAssertion(_ => true);
                        return;
                    }
                    policy.RequireAuthenticatedUser();
                    if (list.Roles.Count > 0)
                    {
                        policy.RequireRole(list.Roles.Select(RoleNames.Of));
                    }
                });
            }
        });
        return services;
    }

    /// <summary><c>GET /exports/{list}.xlsx</c> for every list of <see cref="ExportCatalogue"/>.</summary>
    public static IEndpointRouteBuilder MapExportsEndpoints(this IEndpointRouteBuilder endpoints) => ExportEndpoints.Map(endpoints);
}
