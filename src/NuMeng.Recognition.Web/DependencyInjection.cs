using NuMeng.Recognition.Web.Api;
using NuMeng.Recognition.Web.Components;

namespace NuMeng.Recognition.Web;

/// <summary>Program.cs reads as a table of contents: services here, pipeline below.</summary>
public static class DependencyInjection
{
    public static WebApplicationBuilder AddRecognitionWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents();
        builder.Services.AddRecognitionApi();
        // The API writes JSON exactly as the domain reads it (camelCase, enums by name): one format everywhere.
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            foreach (var converter in NuMeng.Recognition.Domain.PreCheck.JsonInput.Options.Converters)
            {
                options.SerializerOptions.Converters.Add(converter);
            }
        });
        return builder;
    }

    public static WebApplication UseRecognitionWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRecognitionApi();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode();
        return app;
    }
}
