namespace NuMeng.Recognition.Domain.Rules;

/// <summary>The outcome of checking one requirement.</summary>
public enum Outcome
{
    /// <summary>符合.</summary>
    Pass,
    /// <summary>不符合.</summary>
    Fail,
    /// <summary>不适用 (e.g. a factory-only bar on a workshop).</summary>
    NotApplicable,
    /// <summary>待核实: the figures are missing or need an expert to confirm; not a pass.</summary>
    NeedsReview,
}

/// <summary>
/// One requirement checked: which clause, what it requires, what was found, and why the outcome follows.
/// </summary>
/// <param name="Code">Stable identifier, e.g. "2024.workshop.equipment-nc-rate".</param>
/// <param name="Title">Short Chinese name, e.g. 装备数控化率.</param>
/// <param name="Outcome">Pass, fail, not applicable or needs review.</param>
/// <param name="Clause">The clause the requirement comes from.</param>
/// <param name="Required">The bar in words, e.g. "≥ 60%（含本数）".</param>
/// <param name="Actual">What was found, e.g. "70.00%（21 / 30）".</param>
/// <param name="Explanation">One Chinese sentence a user understands.</param>
public sealed record Finding(
    string Code,
    string Title,
    Outcome Outcome,
    Clause Clause,
    string Required,
    string Actual,
    string Explanation)
{
    public bool Passed => Outcome is Outcome.Pass or Outcome.NotApplicable;

    public static string OutcomeLabel(Outcome outcome) => outcome switch
    {
        Outcome.Pass => "符合",
        Outcome.Fail => "不符合",
        Outcome.NotApplicable => "不适用",
        _ => "待核实",
    };

    public string OutcomeText => OutcomeLabel(Outcome);
}

/// <summary>A list of findings with an overall result: passed only when every finding passes or does not apply.</summary>
public sealed class Verdict
{
    public Verdict(string title, IEnumerable<Finding> findings)
    {
        Title = title;
        Findings = findings.ToList().AsReadOnly();
    }

    /// <summary>What was judged, e.g. 数字化车间认定技术条件（2024）.</summary>
    public string Title { get; }

    public IReadOnlyList<Finding> Findings { get; }

    public bool Passed => Findings.All(f => f.Passed);

    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<Finding> Failures => Findings.Where(f => f.Outcome is Outcome.Fail or Outcome.NeedsReview);
}
