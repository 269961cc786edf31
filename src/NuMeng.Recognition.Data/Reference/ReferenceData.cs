using NuMeng.Recognition.Data.Common;

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
/// Identity and snapshot of a versioned rule set. The domain builds rule sets from code; the database keeps which
/// versions exist (and a JSON snapshot) so batches reference them and the department can see what applies.
/// </summary>
public sealed class RuleSetRecord : Entity
{
    public string Code { get; set; } = string.Empty;

    public string Version { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string SourceDocument { get; set; } = string.Empty;

    public DateOnly EffectiveDate { get; set; }

    public string PayloadJson { get; set; } = "{}";
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
