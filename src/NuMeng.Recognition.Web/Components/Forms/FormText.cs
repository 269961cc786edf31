namespace NuMeng.Recognition.Web.Components.Forms;

/// <summary>
/// What form models hold as typed text (so a refused form shows exactly what was typed) read as values, and the
/// validator rules that refuse unreadable text with a Chinese message naming the field.
/// </summary>
public static class FormText
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>A whole number, or null when empty or unreadable (the validator reports unreadable text).</summary>
    public static int? WholeNumber(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A date as date inputs post it (yyyy-MM-dd), or null.</summary>
    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>A defined enum member by name, or null (empty, a number, or unknown).</summary>
    public static T? Enum<T>(string? text)
        where T : struct, System.Enum =>
        System.Enum.TryParse<T>(text, ignoreCase: false, out var value) && System.Enum.IsDefined(value)
            && !int.TryParse(text, out _) ? value : null;

    public static Guid? Id(string? text) => Guid.TryParse(text, out var g) ? g : null;

    /// <summary>Text that is empty after trimming as null.</summary>
    public static string? OrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static string Of(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Of(DateOnly? date) => date?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>Empty, or a whole number: “{label}须为整数，收到“…””.</summary>
    public static IRuleBuilderOptions<T, string?> WholeNumber<T>(this IRuleBuilder<T, string?> rule, string label) =>
        rule.Must(text => string.IsNullOrWhiteSpace(text) || WholeNumber(text) is not null)
            .WithMessage((_, text) => $"{label}须为整数，收到“{text?.Trim()}”");

    /// <summary>Empty, or a date: “{label}不是有效日期（应为 年-月-日，如 2026-03-01），收到“…””.</summary>
    public static IRuleBuilderOptions<T, string?> Date<T>(this IRuleBuilder<T, string?> rule, string label) =>
        rule.Must(text => string.IsNullOrWhiteSpace(text) || Date(text) is not null)
            .WithMessage((_, text) => $"{label}不是有效日期（应为 年-月-日，如 2026-03-01），收到“{text?.Trim()}”");

    /// <summary>A ticked confirmation box of an irreversible step.</summary>
    public static IRuleBuilderOptions<T, bool> Ticked<T>(this IRuleBuilder<T, bool> rule, string message) =>
        rule.Equal(true).WithMessage(message);
}
