namespace NuMeng.Recognition.Web.Features.Applications;

/// <summary>The outcome of an enterprise's action: done, or a Chinese message and/or problems naming fields.</summary>
public sealed record ServiceResult<T>(T? Value, string? Error, IReadOnlyList<InputError> Problems)
{
    public bool Succeeded => Error is null && Problems.Count == 0;
}

/// <summary>Factories of <see cref="ServiceResult{T}"/>.</summary>
public static class ServiceResult
{
    public static ServiceResult<T> Ok<T>(T value) => new(value, null, []);

    public static ServiceResult<T> Fail<T>(string error) => new(default, error, []);

    public static ServiceResult<T> Blocked<T>(IReadOnlyList<InputError> problems, string? error = null) => new(default, error, problems);
}

/// <summary>An open batch an enterprise may apply in.</summary>
public sealed record OpenBatch(Guid Id, string Title, RecognitionKind Kind, DateOnly OpensOn, DateOnly ClosesOn)
{
    public string KindLabel => RecognitionKinds.Label(Kind);
}

/// <summary>The result of starting an application: its id, and whether it already existed (same batch and name).</summary>
public sealed record StartedApplication(Guid Id, bool AlreadyExisted);

/// <summary>An uploaded evidence file still on the draft.</summary>
public sealed record EvidenceFile(Guid Id, string ItemKey, string FileName, long SizeBytes, string Sha256, DateTimeOffset UploadedAt);

/// <summary>One reason of the bureau's return, in the bureau's order.</summary>
public sealed record ReturnReason(string ItemKey, string Reason)
{
    public string ItemLabel => ApplicationItems.Label(ItemKey);
}

/// <summary>The return for revision being answered.</summary>
public sealed record OpenReturn(Guid ReviewId, string Opinion, IReadOnlyList<ReturnReason> Reasons, DateTimeOffset ReturnedAt);

/// <summary>A draft as the form edits it.</summary>
public sealed record DraftView(
    Guid Id,
    Guid BatchId,
    string BatchTitle,
    DateOnly BatchClosesOn,
    RecognitionKind Kind,
    ApplicationState State,
    string Name,
    ApplicationContent Content,
    string? ReadProblem,
    Guid Stamp,
    DateTimeOffset SavedAt,
    int LatestVersionNumber,
    IReadOnlyList<EvidenceFile> Files,
    OpenReturn? Return)
{
    /// <summary>Only a draft or a returned application can be changed (nothing submitted is ever edited).</summary>
    public bool Editable => ApplicationStages.EditableByEnterprise.Contains(State);

    public string KindLabel => RecognitionKinds.Label(Kind);

    public string StateLabel => WorkflowLabels.State(State);
}

/// <summary>A save that went through: the new stamp and when.</summary>
public sealed record SavedDraft(Guid Stamp, DateTimeOffset SavedAt, string? Warning);

/// <summary>A draft changed by an evidence upload or removal.</summary>
public sealed record EvidenceChange(ApplicationContent Content, Guid Stamp, DateTimeOffset SavedAt, EvidenceFile? File);

/// <summary>A frozen version as the enterprise sees it.</summary>
public sealed record SubmittedVersion(Guid VersionId, int Number, string Hash, DateTimeOffset SubmittedAt, bool AlreadySubmitted);
