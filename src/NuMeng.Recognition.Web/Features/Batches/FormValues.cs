using System.Globalization;
using Microsoft.AspNetCore.Http;
using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Web.Features.Batches;

/// <summary>
/// The values of a posted static-SSR form, kept as typed so the form shows them again, and the errors beside each field
/// (field names are the input names). Parsing helpers add a Chinese error instead of throwing.
/// </summary>
public sealed class FormValues
{
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public List<InputError> Errors { get; } = [];

    /// <summary>The form's overall message (a refusal or a conflict).</summary>
    public string? Message { get; set; }

    public string Get(string name) => Values.GetValueOrDefault(name, string.Empty);

    public void Set(string name, string? value) => Values[name] = value ?? string.Empty;

    public string? ErrorFor(string field)
    {
        var messages = Errors.Where(e => e.Field == field).Select(e => e.Message).ToList();
        return messages.Count == 0 ? null : string.Join("；", messages);
    }

    /// <summary>Whether the confirmation box of an irreversible step was ticked.</summary>
    public bool Confirmed => Get("confirm") == "yes";

    public static FormValues FromForm(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var state = new FormValues();
        foreach (var (key, value) in form)
        {
            state.Values[key] = value.ToString().Trim();
        }
        return state;
    }

    /// <summary>A whole number, or null when empty; an error when not a whole number.</summary>
    public int? WholeNumber(string name, string label)
    {
        var text = Get(name);
        if (text.Length == 0)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        Errors.Add(new InputError(name, $"{label}须为整数，收到“{text}”"));
        return null;
    }

    /// <summary>A date (yyyy-MM-dd as date inputs post it), or null when empty; an error when unreadable.</summary>
    public DateOnly? Date(string name, string label)
    {
        var text = Get(name);
        if (text.Length == 0)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        Errors.Add(new InputError(name, $"{label}不是有效日期（应为 年-月-日，如 2026-03-01），收到“{text}”"));
        return null;
    }

    public Guid? Id(string name) => System.Guid.TryParse(Get(name), out var g) ? g : null;

    /// <summary>A defined enum member by name, or null (empty, a number, or unknown).</summary>
    public T? Enum<T>(string name)
        where T : struct, System.Enum
    {
        var text = Get(name);
        return System.Enum.TryParse<T>(text, ignoreCase: false, out var value) && System.Enum.IsDefined(value)
            && !int.TryParse(text, out _) ? value : null;
    }

    /// <summary>A DateOnly as a date input's value.</summary>
    public static string DateValue(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
