using SegmentInfo = NuMeng.Recognition.Domain.Scenes.Segments;

namespace NuMeng.Recognition.Domain.Scenes;

/// <summary>The chosen scenes of one sub-segment.</summary>
public sealed record SubSegmentCoverage(SubSegment SubSegment, IReadOnlyList<Scene> Scenes)
{
    public string Label => SubSegments.Label(SubSegment);

    public int Count => Scenes.Count;
}

/// <summary>The chosen scenes of one segment, broken down by its sub-segments (要素条件 注 1–5).</summary>
public sealed record SegmentCoverage(Segment Segment, IReadOnlyList<SubSegmentCoverage> SubSegments)
{
    public string Label => Segments.Label(Segment);

    public IReadOnlyList<Scene> Scenes => SubSegments.SelectMany(s => s.Scenes).ToList().AsReadOnly();

    public int Count => SubSegments.Sum(s => s.Count);

    /// <summary>A segment is covered (覆盖) when at least one chosen scene belongs to it.</summary>
    public bool IsCovered => Count > 0;
}

/// <summary>
/// Chosen scenes rolled up per segment and sub-segment, with every segment and sub-segment present (zero counts
/// included) so a form can show running counts. When built for a tier, only scenes on that tier's list count.
/// </summary>
public sealed class SceneCoverage
{
    private SceneCoverage(TierLevel? tier, IReadOnlyList<Scene> scenes, IReadOnlyList<Scene> notOnList)
    {
        Tier = tier;
        Scenes = scenes;
        NotOnTierList = notOnList;
        Segments = SegmentInfo.All
            .Select(segment => new SegmentCoverage(
                segment,
                SegmentInfo.SubSegmentsOf(segment)
                    .Select(sub => new SubSegmentCoverage(sub, scenes.Where(s => s.SubSegment == sub).ToList().AsReadOnly()))
                    .ToList().AsReadOnly()))
            .ToList().AsReadOnly();
    }

    /// <summary>Rolls up the given scenes; with a tier, scenes not on that tier's list are set aside in <see cref="NotOnTierList"/>.</summary>
    public static SceneCoverage Of(IEnumerable<Scene> scenes, TierLevel? tier = null)
    {
        var distinct = scenes.DistinctBy(s => s.Code.Trim(), StringComparer.OrdinalIgnoreCase).ToList();
        if (tier is not { } t)
        {
            return new SceneCoverage(null, distinct.AsReadOnly(), []);
        }
        return new SceneCoverage(
            t,
            distinct.Where(s => s.IsOnListOf(t)).ToList().AsReadOnly(),
            distinct.Where(s => !s.IsOnListOf(t)).ToList().AsReadOnly());
    }

    /// <summary>The tier whose list was applied, or null for all chosen scenes.</summary>
    public TierLevel? Tier { get; }

    /// <summary>The scenes that count.</summary>
    public IReadOnlyList<Scene> Scenes { get; }

    /// <summary>Chosen scenes that do not count because they are not on <see cref="Tier"/>'s list.</summary>
    public IReadOnlyList<Scene> NotOnTierList { get; }

    public int Count => Scenes.Count;

    /// <summary>All five segments, in order, each with all its sub-segments.</summary>
    public IReadOnlyList<SegmentCoverage> Segments { get; }

    public SegmentCoverage For(Segment segment) => Segments.Single(s => s.Segment == segment);

    public SubSegmentCoverage For(SubSegment subSegment) =>
        For(SubSegments.SegmentOf(subSegment)).SubSegments.Single(s => s.SubSegment == subSegment);

    public IReadOnlyList<Segment> CoveredSegments => Segments.Where(s => s.IsCovered).Select(s => s.Segment).ToList().AsReadOnly();

    /// <summary>The required segments that have no counted scene, in segment order.</summary>
    public IReadOnlyList<Segment> Missing(IEnumerable<Segment> required)
    {
        var set = required.ToHashSet();
        return Segments.Where(s => set.Contains(s.Segment) && !s.IsCovered).Select(s => s.Segment).ToList().AsReadOnly();
    }
}
