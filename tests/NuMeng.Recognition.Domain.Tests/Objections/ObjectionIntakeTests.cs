using NuMeng.Recognition.Domain.Objections;

namespace NuMeng.Recognition.Domain.Tests.Objections;

/// <summary>
/// docs/rule-reference.md §9 "Objections": written and signed; a unit's objection carries its official seal, an individual signs with a
/// real name and gives contact details; anonymous objections are not accepted.
/// </summary>
public class ObjectionIntakeTests
{
    private const string GoodContent = "名单中某企业的数控化率数据与实际不符，车间多台设备未联网。";

    private static string Fields(IReadOnlyList<NuMeng.Recognition.Domain.Rules.InputError> errors) => string.Join(",", errors.Select(e => e.Field));

    [Theory]
    // individual: real name + contact + signed scan
    [InlineData(ObjectorType.Individual, "张三", "13800000000", GoodContent, true, "")]
    // unit: unit name + contact + sealed scan
    [InlineData(ObjectorType.Unit, "包头市某某机械有限公司", "0472-1234567", GoodContent, true, "")]
    [InlineData(ObjectorType.Individual, "张三", "13800000000", GoodContent, false, "scan")]
    [InlineData(ObjectorType.Unit, "包头市某机械有限公司", "0472-1234567", GoodContent, false, "scan")]
    [InlineData(ObjectorType.Individual, "", "13800000000", GoodContent, true, "name")]
    [InlineData(ObjectorType.Individual, "张", "13800000000", GoodContent, true, "name")]          // below 2 characters
    [InlineData(ObjectorType.Individual, "张三3", "13800000000", GoodContent, true, "name")]
    [InlineData(ObjectorType.Individual, "张三", "", GoodContent, true, "contact")]
    [InlineData(ObjectorType.Individual, "张三", "123456", GoodContent, true, "contact")]          // 6 digits: just below 7
    [InlineData(ObjectorType.Individual, "张三", "1234567", GoodContent, true, "")]                // 7 digits: at the bound
    [InlineData(ObjectorType.Individual, "张三", "13800000000", "", true, "content")]
    [InlineData(ObjectorType.Individual, "张三", "13800000000", "数据不实数据不实数", true, "content")] // 9: just below 10
    [InlineData(ObjectorType.Individual, "张三", "13800000000", "数据不实数据不实数据", true, "")]     // 10: at the bound
    [InlineData(null, "张三", "13800000000", GoodContent, true, "type")]
    [InlineData(null, "", "", "", false, "type,name,contact,content,scan")]
    public void Validate_Fields_ReportsEachProblem(ObjectorType? type, string name, string contact, string content, bool scan, string expected)
    {
        var errors = new ObjectionSubmission(type, name, contact, content, scan).Validate();
        Assert.Equal(expected, Fields(errors));
    }

    [Theory]
    [InlineData("匿名")]
    [InlineData("知情人")]
    [InlineData("热心群众")]
    [InlineData(" 某某 ")]
    [InlineData("Anonymous")]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_AnonymousName_RefusedWithChineseMessage(string name)
    {
        // docs/rule-reference.md §9: "anonymous objections are not accepted".
        var errors = new ObjectionSubmission(ObjectorType.Individual, name, "13800000000", GoodContent, true).Validate();
        var error = Assert.Single(errors);
        Assert.Equal("name", error.Field);
        Assert.Equal(ObjectionSubmission.AnonymousRefused, error.Message);
        Assert.Contains("不受理匿名异议", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, 2000, "")]
    [InlineData(101, 2000, "name")]
    [InlineData(100, 2001, "content")]
    public void Validate_LengthLimits_AtAndAboveBound(int nameLength, int contentLength, string expected)
    {
        var errors = new ObjectionSubmission(ObjectorType.Unit, new string('单', nameLength), "0471-6666666", new string('异', contentLength), true).Validate();
        Assert.Equal(expected, Fields(errors));
    }

    [Fact]
    public void Validate_Prefix_NamesTheFieldPath()
    {
        var errors = new ObjectionSubmission(ObjectorType.Unit, "某公司", "0471-6666666", GoodContent, false).Validate("objection");
        var error = Assert.Single(errors);
        Assert.Equal("objection.scan", error.Field);
        Assert.Contains("加盖单位公章", error.Message, StringComparison.Ordinal);
    }
}
