namespace NuMeng.Recognition.Web.Components.Forms;

/// <summary>
/// A part of an EditForm that shows its messages: it renders again whenever the form's validation state changes (its
/// parameters alone would not change after a post), as the framework's <see cref="ValidationMessage{TValue}"/> does.
/// </summary>
public abstract class EditContextView : ComponentBase, IDisposable
{
    private EditContext? _subscribed;

    [CascadingParameter] protected EditContext? Context { get; set; }

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(Context, _subscribed))
        {
            return;
        }
        Unsubscribe();
        _subscribed = Context;
        if (_subscribed is not null)
        {
            _subscribed.OnValidationStateChanged += Changed;
        }
    }

    private void Changed(object? sender, ValidationStateChangedEventArgs e) => StateHasChanged();

    private void Unsubscribe()
    {
        if (_subscribed is not null)
        {
            _subscribed.OnValidationStateChanged -= Changed;
        }
    }

    public void Dispose()
    {
        Unsubscribe();
        GC.SuppressFinalize(this);
    }
}
