using NuMeng.Recognition.Domain.Versions;

namespace NuMeng.Recognition.Domain.Tests.Versions;

public class ContentDiffTests
{
    [Fact]
    public void Compare_SameContent_NoChanges()
    {
        const string json = """{"kind":"digitalWorkshop","technical":{"equipmentTotal":30,"mesModules":["a","b"]}}""";

        Assert.Empty(ContentDiff.Compare(json, json));
    }

    [Theory]
    // A resubmission answering "数字化装备数量有误" changes one figure: exactly that field is named.
    [InlineData("""{"technical":{"digitalEquipment":17}}""", """{"technical":{"digitalEquipment":21}}""", "technical.digitalEquipment", ChangeKind.Changed, "17", "21")]
    [InlineData("""{"technical":{}}""", """{"technical":{"uploadRate":95.5}}""", "technical.uploadRate", ChangeKind.Added, null, "95.5")]
    [InlineData("""{"kpi":{"cycleTime":{"before":90}}}""", """{"kpi":{"cycleTime":{}}}""", "kpi.cycleTime.before", ChangeKind.Removed, "90", null)]
    [InlineData("""{"technical":{"visualManagement":false}}""", """{"technical":{"visualManagement":true}}""", "technical.visualManagement", ChangeKind.Changed, "否", "是")]
    // Scene codes are a set: order does not matter, a new scene is a change of the one field.
    [InlineData("""{"tier":{"sceneCodes":["S08","S01"]}}""", """{"tier":{"sceneCodes":["S01","S08","S20"]}}""", "tier.sceneCodes", ChangeKind.Changed, "S01、S08", "S01、S08、S20")]
    [InlineData("""{"kpi":{"operatingCost":{"lines":[{"name":"运输费用","after":344}]}}}""", """{"kpi":{"operatingCost":{"lines":[{"name":"运输费用","after":340}]}}}""", "kpi.operatingCost.lines[0].after", ChangeKind.Changed, "344", "340")]
    public void Compare_OneFieldDiffers_NamesItWithBothValues(string before, string after, string path, ChangeKind kind, string? old, string? @new)
    {
        var change = Assert.Single(ContentDiff.Compare(before, after));

        Assert.Equal(path, change.Path);
        Assert.Equal(kind, change.Kind);
        Assert.Equal(old, change.Before);
        Assert.Equal(@new, change.After);
    }

    [Fact]
    public void Compare_SceneOrderOnly_NoChange()
    {
        Assert.Empty(ContentDiff.Compare("""{"tier":{"sceneCodes":["S08","S01"]}}""", """{"tier":{"sceneCodes":["S01","S08"]}}"""));
    }

    [Fact]
    public void Compare_NewSection_ListsEveryLeaf()
    {
        var changes = ContentDiff.Compare("""{"kind":"smartFactory"}""", """{"kind":"smartFactory","kpi":{"baseline":"renovation","cycleTime":{"before":90,"after":60}}}""");

        Assert.Equal(["kpi.baseline", "kpi.cycleTime.after", "kpi.cycleTime.before"], changes.Select(c => c.Path));
        Assert.All(changes, c => Assert.Equal(ChangeKind.Added, c.Kind));
    }

    [Fact]
    public void Compare_FirstVersion_EverythingAdded()
    {
        var changes = ContentDiff.Compare(null, """{"kind":"digitalWorkshop","technical":{"equipmentTotal":30}}""");

        Assert.Equal(["kind", "technical.equipmentTotal"], changes.Select(c => c.Path));
    }
}
