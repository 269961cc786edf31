namespace NuMeng.Recognition.Web;

/// <summary>How a step ended.</summary>
public enum OutcomeKind
{
    /// <summary>Done and saved.</summary>
    Done,
    /// <summary>Already in the requested state (a second click, another tab): nothing changed.</summary>
    AlreadyDone,
    /// <summary>The input has errors (see <see cref="StepOutcome.Errors"/>); nothing changed.</summary>
    Invalid,
    /// <summary>Not allowed (role, state, rule): <see cref="StepOutcome.Message"/> says why; nothing changed.</summary>
    Refused,
    /// <summary>Someone else changed the record since the form was shown; nothing changed.</summary>
    Conflict,
    /// <summary>No such record for this user (the tenancy filter hides other organisations' records).</summary>
    NotFound,
}

/// <summary>
/// The one result of a state-changing step, as pages and the API show it: the kind, a Chinese message, the field errors
/// and the id of the record concerned.
/// </summary>
public record StepOutcome(OutcomeKind Kind, string Message, IReadOnlyList<InputError> Errors, Guid? Id = null)
{
    /// <summary>Shown for a record that does not exist or is not the user's to see.</summary>
    public const string NotFoundMessage = "未找到该记录";

    /// <summary>Done now or done before: the page may move on.</summary>
    public bool Succeeded => Kind is OutcomeKind.Done or OutcomeKind.AlreadyDone;

    /// <summary>Every message in one line (for a page's error box): the field errors, else the message.</summary>
    public string Text => Errors.Count > 0 ? string.Join("；", Errors.Select(e => e.Message)) : Message;

    public static StepOutcome Done(string message, Guid? id = null) => new(OutcomeKind.Done, message, [], id);

    public static StepOutcome AlreadyDone(string message, Guid? id = null) => new(OutcomeKind.AlreadyDone, message, [], id);

    /// <summary>Field errors; the message defaults to the count of places to fix.</summary>
    public static StepOutcome Invalid(IReadOnlyList<InputError> errors, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new(OutcomeKind.Invalid, message ?? $"请修改以下 {errors.Count} 处后再提交", errors);
    }

    /// <summary>One field error.</summary>
    public static StepOutcome Invalid(string field, string error) => Invalid([new InputError(field, error)]);

    public static StepOutcome Refused(string message) => new(OutcomeKind.Refused, message, []);

    public static StepOutcome Conflict(string message) => new(OutcomeKind.Conflict, message, []);

    public static StepOutcome NotFound(string message = NotFoundMessage) => new(OutcomeKind.NotFound, message, []);

    /// <summary>The same outcome carrying a value for the caller (e.g. the version a submission froze).</summary>
    public StepOutcome<T> With<T>(T? value) => new(Kind, Message, Errors, Id, value);
}

/// <summary>A <see cref="StepOutcome"/> with the value the step produced (null unless it succeeded).</summary>
public sealed record StepOutcome<T>(OutcomeKind Kind, string Message, IReadOnlyList<InputError> Errors, Guid? Id, T? Value)
    : StepOutcome(Kind, Message, Errors, Id);
