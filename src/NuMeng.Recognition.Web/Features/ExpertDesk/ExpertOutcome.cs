namespace NuMeng.Recognition.Web.Features.ExpertDesk;

/// <summary>How an expert's action ended.</summary>
public enum ExpertOutcomeKind
{
    /// <summary>Done and saved.</summary>
    Done,
    /// <summary>Nothing to do: it was done before (a second click).</summary>
    AlreadyDone,
    /// <summary>No such assignment of this expert.</summary>
    NotFound,
    /// <summary>Not allowed now (conflict declared, sheet locked, panel open, wrong stage); <see cref="ExpertOutcome.Message"/> says why.</summary>
    Refused,
    /// <summary>The input has errors.</summary>
    Invalid,
    /// <summary>Someone saved the row in between.</summary>
    Conflict,
}

/// <summary>The result of an expert's action, with a Chinese message or the input errors.</summary>
public sealed record ExpertOutcome(ExpertOutcomeKind Kind, string? Message, IReadOnlyList<InputError> Errors)
{
    public bool Succeeded => Kind is ExpertOutcomeKind.Done or ExpertOutcomeKind.AlreadyDone;

    public static ExpertOutcome Done(string message) => new(ExpertOutcomeKind.Done, message, []);

    public static ExpertOutcome AlreadyDone(string message) => new(ExpertOutcomeKind.AlreadyDone, message, []);

    public static ExpertOutcome NotFound() => new(ExpertOutcomeKind.NotFound, "未找到该评审任务，或您无权查看", []);

    public static ExpertOutcome Refused(string message) => new(ExpertOutcomeKind.Refused, message, []);

    public static ExpertOutcome Invalid(IReadOnlyList<InputError> errors) => new(ExpertOutcomeKind.Invalid, "请修改标出的内容后再提交", errors);

    public static ExpertOutcome Conflict(string message) => new(ExpertOutcomeKind.Conflict, message, []);
}
