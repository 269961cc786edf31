namespace NuMeng.Recognition.Web.Features.Batches;


/// <summary>A batch as the edit page shows it.</summary>
public sealed record BatchDetail(
    Guid Id, Guid Stamp, BatchInput Input, BatchState State, int Applications, int Submitted,
    Guid? EntrustedAgencyId, string? AgencyName, DateTimeOffset? EntrustedAt)
{
    /// <summary>A batch's rule set and scene catalogue are fixed once an application has been submitted in it.</summary>
    public bool VersionsLocked => Submitted > 0;
}

/// <summary>A rule set a batch may name: a row of RuleSetRecords whose code judges the kind.</summary>
public sealed record RuleSetOption(string Code, string Version, string Name, bool ForTiers)
{
    public string Key => $"{Code}@{Version}";
}

/// <summary>An activated scene catalogue edition a tier batch may name.</summary>
public sealed record SceneEditionOption(string Code, string Version, string Name)
{
    public string Key => $"{Code}@{Version}";
}

/// <summary>An organisation of kind agency.</summary>
public sealed record AgencyOption(Guid Id, string Name);

/// <summary>What the batch form offers.</summary>
public sealed record BatchOptions(IReadOnlyList<RuleSetOption> RuleSets, IReadOnlyList<SceneEditionOption> SceneEditions, IReadOnlyList<AgencyOption> Agencies)
{
    public IReadOnlyList<RuleSetOption> RuleSetsFor(RecognitionKind kind) =>
        RuleSets.Where(r => r.ForTiers == RecognitionKinds.IsTier(kind)).ToList();
}

/// <summary>Labels and formats of the batch pages.</summary>
public static class BatchText
{
    /// <summary>The one label of a batch state (<see cref="Labels.Batch"/>).</summary>
    public static string State(BatchState state) => Labels.Batch(state);

    public static string Date(DateOnly? date) => date is { } d ? ChineseDates.Format(d) : "—";

    public static string Moment(DateTimeOffset? moment) => moment is { } m
        ? $"{ChineseDates.Format(DateOnly.FromDateTime(m.ToOffset(TimeSpan.FromHours(8)).DateTime))} {m.ToOffset(TimeSpan.FromHours(8)):HH:mm}"
        : "—";

    /// <summary>第一批 / 第二批 …</summary>
    public static string Round(int round) => Labels.Round(round);
}
