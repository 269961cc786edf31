using FluentValidation.Internal;

namespace NuMeng.Recognition.Web.Components.Forms;

/// <summary>
/// Runs the registered <see cref="IValidator{T}"/> of an <see cref="EditForm"/>'s model when the form is validated
/// (a static SSR post, or a submit) and when a field changes (interactive), and puts each failure beside its field:
/// a rule on <c>ClosesOn</c> shows where <c>&lt;FormField Name="closesOn"&gt;</c> is.
/// </summary>
public sealed class FluentValidationValidator : ComponentBase, IDisposable
{
    private ValidationMessageStore? _messages;
    private EditContext? _context;

    [CascadingParameter] private EditContext? CurrentEditContext { get; set; }

    [Inject] private IServiceProvider Services { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (CurrentEditContext is null)
        {
            throw new InvalidOperationException($"{nameof(FluentValidationValidator)} must be placed inside an EditForm.");
        }
        if (ReferenceEquals(CurrentEditContext, _context))
        {
            return;
        }
        Detach();
        _context = CurrentEditContext;
        _messages = new ValidationMessageStore(_context);
        _context.OnValidationRequested += ValidateModel;
        _context.OnFieldChanged += ValidateField;
    }

    private IValidator Validator(object model)
    {
        var type = typeof(IValidator<>).MakeGenericType(model.GetType());
        return Services.GetService(type) as IValidator
            ?? throw new InvalidOperationException($"No validator is registered for {model.GetType().Name}.");
    }

    private void ValidateModel(object? sender, ValidationRequestedEventArgs e)
    {
        var model = _context!.Model;
        var result = Validator(model).Validate(new ValidationContext<object>(model));
        _messages!.Clear();
        foreach (var failure in result.Errors)
        {
            _messages.Add(_context.Field(failure.PropertyName), failure.ErrorMessage);
        }
        _context.NotifyValidationStateChanged();
    }

    private void ValidateField(object? sender, FieldChangedEventArgs e)
    {
        var field = e.FieldIdentifier;
        var model = _context!.Model;
        var selector = new MemberNameValidatorSelector([field.FieldName]);
        var result = Validator(model).Validate(new ValidationContext<object>(model, new PropertyChain(), selector));
        _messages!.Clear(field);
        _messages.Add(field, result.Errors.Where(f => f.PropertyName == field.FieldName).Select(f => f.ErrorMessage));
        _context.NotifyValidationStateChanged();
    }

    private void Detach()
    {
        if (_context is null)
        {
            return;
        }
        _context.OnValidationRequested -= ValidateModel;
        _context.OnFieldChanged -= ValidateField;
        _messages?.Clear();
    }

    public void Dispose() => Detach();
}
