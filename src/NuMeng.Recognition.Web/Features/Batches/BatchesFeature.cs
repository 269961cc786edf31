using NuMeng.Recognition.Web.Security;

namespace NuMeng.Recognition.Web.Features.Batches;

/// <summary>Registration of the Batches feature: one line each in DependencyInjection.cs.</summary>
public static class BatchesFeature
{
    /// <summary>The scene-catalogue template's address.</summary>
    public const string SceneTemplatePath = "/department/scenes/template.xlsx";

    /// <summary>The feature's services (scoped: they act for the scope's user).</summary>
    public static IServiceCollection AddBatchesFeature(this IServiceCollection services)
    {
        services.AddProcedure();
        services.AddScoped<BatchService>();
        services.AddScoped<BatchList>();
        services.AddScoped<IntakeService>();
        services.AddScoped<HolidayService>();
        services.AddScoped<SceneCatalogueService>();
        services.AddOptions<SceneImportLimits>().BindConfiguration(SceneImportLimits.Section);
        services.AddScoped<RuleSetResolver>();
        services.AddScoped<RuleSetVersionService>();
        return services;
    }

    /// <summary>The feature's minimal-API endpoints (pages are routed by the Razor components themselves).</summary>
    public static IEndpointRouteBuilder MapBatchesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The import template: the column headers and, as examples, the scenes of the built-in provisional edition.
        endpoints.MapGet(SceneTemplatePath, () => Results.File(
                SceneSpreadsheet.Template(SceneCatalogues.Provisional2025()),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "典型场景目录导入模板.xlsx"))
            .RequireAuthorization(Policies.Department);
        return endpoints;
    }
}
