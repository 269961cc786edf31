using Microsoft.AspNetCore.Http;

namespace NuMeng.Recognition.Web.Features.ExpertDesk;

/// <summary>A posted static-SSR form: its values (shown again with the errors), the errors by field, a message.</summary>
public sealed class ExpertFormState
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public List<InputError> Errors { get; } = [];

    public string? Message { get; set; }

    public bool Posted { get; private set; }

    public static ExpertFormState FromForm(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var state = new ExpertFormState { Posted = true };
        foreach (var (key, value) in form)
        {
            state._values[key] = value.ToString();
        }
        return state;
    }

    public string? Get(string name) => _values.TryGetValue(name, out var v) ? v : null;

    public bool Has(string name) => _values.ContainsKey(name);

    public bool Confirmed => Get("confirm") == "yes";

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public static Guid? ParseGuid(string? text) => Guid.TryParse(text, out var g) ? g : null;

    /// <summary>Takes an outcome's message and errors.</summary>
    public void Take(ExpertOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Errors.AddRange(outcome.Errors);
        Message = outcome.Message;
    }
}
