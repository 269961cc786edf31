using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Web.Features.Batches;

/// <summary>How a department action ended.</summary>
public enum DepartmentOutcomeKind
{
    /// <summary>Done and saved.</summary>
    Done,
    /// <summary>Already in the requested state (a second click): nothing changed.</summary>
    AlreadyDone,
    /// <summary>The input has errors (see <see cref="DepartmentOutcome.Errors"/>).</summary>
    Invalid,
    /// <summary>Not allowed (role, state, rule): <see cref="DepartmentOutcome.Message"/> says why.</summary>
    Refused,
    /// <summary>Someone else changed the record since the form was shown.</summary>
    Conflict,
    /// <summary>No such record.</summary>
    NotFound,
}

/// <summary>The result of a department action: a Chinese message, the field errors, and the id of the record concerned.</summary>
public sealed record DepartmentOutcome(DepartmentOutcomeKind Kind, string Message, IReadOnlyList<InputError> Errors, Guid? Id = null)
{
    public bool Succeeded => Kind is DepartmentOutcomeKind.Done or DepartmentOutcomeKind.AlreadyDone;

    public static DepartmentOutcome Done(string message, Guid? id = null) => new(DepartmentOutcomeKind.Done, message, [], id);

    public static DepartmentOutcome AlreadyDone(string message, Guid? id = null) => new(DepartmentOutcomeKind.AlreadyDone, message, [], id);

    public static DepartmentOutcome Invalid(IReadOnlyList<InputError> errors) =>
        new(DepartmentOutcomeKind.Invalid, $"请修改以下 {errors.Count} 处后再提交", errors);

    public static DepartmentOutcome Refused(string message) => new(DepartmentOutcomeKind.Refused, message, []);

    public static DepartmentOutcome Conflict(string message) => new(DepartmentOutcomeKind.Conflict, message, []);

    public static DepartmentOutcome NotFound() => new(DepartmentOutcomeKind.NotFound, "未找到该记录", []);
}
