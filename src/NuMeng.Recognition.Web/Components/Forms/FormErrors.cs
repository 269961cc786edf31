namespace NuMeng.Recognition.Web.Components.Forms;

/// <summary>
/// The errors a service returned after a form passed its validator (a rule that needs the database, a refusal), put
/// beside their fields: the service names a field as the form's input does (<c>closesOn</c>), the model's property is
/// the same name in Pascal case (<c>ClosesOn</c>).
/// </summary>
public static class FormErrors
{
    /// <summary>The property of the edit context's model that a service's field name means.</summary>
    public static string PropertyName(string field) =>
        string.IsNullOrEmpty(field) ? field : char.ToUpperInvariant(field[0]) + field[1..];

    public static FieldIdentifier FieldFor(this EditContext context, string field)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Field(PropertyName(field));
    }

    /// <summary>Adds the service's errors to a store of the form and shows them.</summary>
    public static void Show(this EditContext context, IEnumerable<InputError> errors)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(errors);
        var store = new ValidationMessageStore(context);
        foreach (var error in errors)
        {
            store.Add(context.FieldFor(error.Field), error.Message);
        }
        context.NotifyValidationStateChanged();
    }

    /// <summary>A field's messages joined as one line (；between them), or null.</summary>
    public static string? MessageFor(this EditContext context, string field)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messages = context.GetValidationMessages(context.FieldFor(field)).ToList();
        return messages.Count == 0 ? null : string.Join("；", messages);
    }
}
