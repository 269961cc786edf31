using NuMeng.Recognition.Domain.RuleSets;

namespace NuMeng.Recognition.Data.Reference;

/// <summary>Kind of a calendar entry (HOLIDAYS.md).</summary>
public enum HolidayKind
{
    /// <summary>法定节假日（放假）.</summary>
    Holiday,
    /// <summary>调休上班 (a weekend day that is a working day).</summary>
    MakeUpWorkday,
}

/// <summary>
/// One day of the holiday calendar the department maintains (the State Council's notice for a year appears in November
/// of the year before). Used to compute notice end dates.
/// </summary>
public sealed class HolidayEntry : Entity
{
    public DateOnly Date { get; set; }

    public HolidayKind Kind { get; set; }

    /// <summary>e.g. 春节, 国庆节.</summary>
    public string Name { get; set; } = string.Empty;
}

/// <summary>
/// One version of a rule set as an immutable snapshot (ADR 0009): its identity, the whole rule set as canonical JSON
/// (<see cref="Domain.RuleSets.RuleSetJson"/>, then <see cref="CanonicalJson"/>) and the SHA-256 of that text. A batch
/// names a version by <see cref="Code"/>@<see cref="Version"/> and is judged by this payload, never by the code's
/// current version. A version is a draft until the department activates it; from then on the row is locked
/// (<see cref="ILockableRow"/>: the context refuses any change or deletion), so a version a batch can name is never edited.
/// </summary>
public sealed class RuleSetRecord : Entity, ILockableRow
{
    public string Code { get; set; } = string.Empty;

    public string Version { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string SourceDocument { get; set; } = string.Empty;

    public DateOnly EffectiveDate { get; set; }

    /// <summary>Technical (2024 kinds) or tiers (2025 kinds).</summary>
    public RuleSetFamily Family { get; set; }

    /// <summary>The rule set as canonical JSON; set through <see cref="SetPayload"/> only.</summary>
    public string PayloadJson { get; set; } = "{}";

    /// <summary>SHA-256 (lower-case hex) of <see cref="PayloadJson"/>'s UTF-8 bytes.</summary>
    public string PayloadSha256 { get; set; } = string.Empty;

    /// <summary>The version this one was copied from (null for the built-in versions).</summary>
    public string? BasedOnVersion { get; set; }

    /// <summary>Who prepared it (null for the versions seeded from code).</summary>
    public Guid? CreatedByUserId { get; set; }

    /// <summary>When the department activated it for new batches; null while it is a draft.</summary>
    public DateTimeOffset? ActivatedAt { get; set; }

    public Guid? ActivatedByUserId { get; set; }

    public bool IsActive => ActivatedAt is not null;

    public string Key => $"{Code}@{Version}";

    string ILockableRow.LockPropertyName => nameof(ActivatedAt);

    /// <summary>Stores <paramref name="json"/> in canonical form with its hash.</summary>
    public void SetPayload(string json)
    {
        PayloadJson = CanonicalJson.Canonicalize(json);
        PayloadSha256 = ComputeHash(PayloadJson);
    }

    /// <summary>Whether the stored hash is the hash of the stored payload (a tampered row fails).</summary>
    public bool HashMatches() => PayloadSha256 == ComputeHash(PayloadJson);

    public static string ComputeHash(string canonicalJson) => Sha256Hex.Of(System.Text.Encoding.UTF8.GetBytes(canonicalJson));
}

/// <summary>Identity and snapshot of a versioned scene catalogue (2025 典型场景参考标准; SCENES.md).</summary>
public sealed class SceneCatalogueRecord : Entity
{
    public string Code { get; set; } = string.Empty;

    public string Version { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string SourceDocument { get; set; } = string.Empty;

    public DateOnly EffectiveDate { get; set; }

    public string PayloadJson { get; set; } = "{}";

    /// <summary>When the department activated this edition for new batches; null while it is an imported preview.</summary>
    public DateTimeOffset? ActivatedAt { get; set; }
}
