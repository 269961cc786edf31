using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging.Abstractions;

namespace NuMeng.Recognition.Documents.Html;

/// <summary>
/// Renders a Razor component with its parameters to a complete HTML document with .NET's <see cref="HtmlRenderer"/>
/// (docs/platform-notes.md §14): static rendering, no circuit, no browser. The document carries the shared print stylesheet,
/// the @font-face rules for the embedded font and the @page rules printing the stamp on every page.
/// <para>
/// The renderer is a singleton, but <see cref="HtmlRenderer"/> resolves scoped services (the components' activator, a
/// navigation manager, whatever a component injects). Each render therefore runs in a service scope of its own, disposed
/// with it: built on the root provider it failed in Development, where the host validates scopes.
/// </para>
/// </summary>
public sealed class RazorHtmlRenderer
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ILoggerFactory _loggerFactory;
    private readonly DocumentFonts _fonts;
    private readonly DocumentOptions _options;

    public RazorHtmlRenderer(IServiceScopeFactory scopes, DocumentFonts fonts, DocumentOptions options, ILoggerFactory? loggerFactory = null)
    {
        _scopes = scopes;
        _fonts = fonts;
        _options = options;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    }

    public DocumentFonts Fonts => _fonts;

    /// <summary>The complete HTML document: <typeparamref name="TComponent"/> inside the print page.</summary>
    public Task<string> RenderDocumentAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters, DocumentStamp stamp, PageSetup? pageSetup = null)
        where TComponent : IComponent
    {
        ArgumentNullException.ThrowIfNull(stamp);
        var page = new Dictionary<string, object?>
        {
            [nameof(PrintPage.Stamp)] = stamp,
            [nameof(PrintPage.Stylesheet)] = PrintStylesheet.For(stamp, _fonts, _options.IssuerName, pageSetup),
            [nameof(PrintPage.Body)] = typeof(TComponent),
            [nameof(PrintPage.BodyParameters)] = parameters.ToDictionary(p => p.Key, p => p.Value!),
        };
        return RenderAsync<PrintPage>(page);
    }

    /// <summary>A component's own HTML (a fragment, no stylesheet): for tests and for embedding.</summary>
    public async Task<string> RenderAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        ArgumentNullException.ThrowIfNull(parameters);
        await using var scope = _scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, _loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters.ToDictionary(p => p.Key, p => p.Value)));
            return output.ToHtmlString();
        });
    }
}
