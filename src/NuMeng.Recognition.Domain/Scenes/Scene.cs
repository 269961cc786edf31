namespace NuMeng.Recognition.Domain.Scenes;

/// <summary>
/// One typical scene (典型场景) of a catalogue edition.
/// </summary>
/// <param name="Code">Stable code within the edition, e.g. S01.</param>
/// <param name="Name">Chinese name, e.g. 工厂数字化规划设计.</param>
/// <param name="NationalSegment">The 环节 of the national guide it comes from (informational, e.g. 产品研发); may be empty.</param>
/// <param name="SubSegment">The sub-segment of the 《典型场景参考标准》 it belongs to; its segment follows from 要素条件 注 1–5.</param>
/// <param name="Tiers">
/// The tiers whose list (《典型场景参考标准-基础级》 … -领航级) the scene is on. 要素条件 二 to 五 count
/// "建设场景数不低于《典型场景参考标准-X级》中 N 个场景": a scene counts only for the tiers listed here.
/// </param>
public sealed record Scene(string Code, string Name, string NationalSegment, SubSegment SubSegment, IReadOnlyList<TierLevel> Tiers)
{
    /// <summary>The segment the scene counts for (要素条件 注 1–5).</summary>
    public Segment Segment => SubSegments.SegmentOf(SubSegment);

    /// <summary>Whether the scene is on the given tier's list, i.e. counts for that tier.</summary>
    public bool IsOnListOf(TierLevel tier) => Tiers.Contains(tier);

    /// <summary>"S01 工厂数字化规划设计".</summary>
    public string Display => $"{Code} {Name}";

    public override string ToString() => Display;
}
