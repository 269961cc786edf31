using NuMeng.Recognition.Web.Api.Records;

namespace NuMeng.Recognition.Web.Api;

/// <summary>The JSON HTTP API (version 1) and its OpenAPI document.</summary>
public static class ApiEndpoints
{
    public static IServiceCollection AddRecognitionApi(this IServiceCollection services)
    {
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "内蒙古自治区数字化车间和智能工厂认定管理平台 API";
                document.Info.Version = "v1";
                document.Info.Description = "公开接口：申报前自评估（无需登录）。所有判定与门户页面、命令行工具使用同一套规则代码。";
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(async (operation, context, cancellationToken) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().Any(m => m.EndpointName == "PreCheck"))
                {
                    var schema = await context.GetOrCreateSchemaAsync(typeof(NuMeng.Recognition.Domain.PreCheck.PreCheckRequest), null, cancellationToken);
                    operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
                    {
                        Required = true,
                        Description = "自评估数据，格式见 docs/precheck-format.md",
                        Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>
                        {
                            ["application/json"] = new() { Schema = schema },
                        },
                    };
                }
            });
        });
        services.AddRecordApi();
        return services;
    }

    public static WebApplication MapRecognitionApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        var v1 = app.MapGroup("/api/v1").WithTags("v1");
        v1.MapPreCheck();
        v1.MapRecords();
        return app;
    }
}
