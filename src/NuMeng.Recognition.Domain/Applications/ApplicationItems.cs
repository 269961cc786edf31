namespace NuMeng.Recognition.Domain.Applications;

/// <summary>
/// Names of the items a reviewer's reason or an enterprise's reply can be about: the application as a whole
/// (<c>general</c>), a section of the content (<c>technical</c>), a field (<c>technical.digitalEquipment</c>, named by
/// its section) or an evidence item (see <see cref="EvidenceItems"/>).
/// </summary>
public static class ApplicationItems
{
    /// <summary>The application as a whole.</summary>
    public const string General = "general";

    private static readonly Dictionary<string, string> Sections = new(StringComparer.Ordinal)
    {
        [General] = "整体意见",
        ["project"] = "申报项目基本信息",
        ["enterprise"] = "企业基本情况与资格声明",
        ["technical"] = "技术指标",
        ["kpi"] = "效益指标",
        ["tier"] = "建设场景与智能制造能力成熟度",
        ["evidence"] = "证明材料",
        ["consultancy"] = "咨询机构",
        ["commitment"] = "承诺书",
    };

    /// <summary>
    /// 整体意见, 技术指标, 证明材料：生产装备及数字化装备清单 …; a field of a section reads as its section; an unknown key is
    /// returned as it is.
    /// </summary>
    public static string Label(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Sections.TryGetValue(key, out var section))
        {
            return section;
        }
        var evidence = EvidenceItems.Label(key);
        if (evidence != key)
        {
            return evidence;
        }
        var head = key.Split('.', '[')[0];
        return Sections.TryGetValue(head, out var parent) ? parent : key;
    }
}
