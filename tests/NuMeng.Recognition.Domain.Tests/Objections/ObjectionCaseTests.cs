using NuMeng.Recognition.Domain.Objections;

namespace NuMeng.Recognition.Domain.Tests.Objections;

/// <summary>docs/rule-reference.md §9: "Each objection is a case: received → verified → decided (upheld … dismissed …), with the reasons recorded."</summary>
public class ObjectionCaseTests
{
    [Theory]
    [InlineData(ObjectionState.Received, ObjectionCaseAction.Verify, ObjectionState.Verified)]
    [InlineData(ObjectionState.Verified, ObjectionCaseAction.Uphold, ObjectionState.Upheld)]
    [InlineData(ObjectionState.Verified, ObjectionCaseAction.Dismiss, ObjectionState.Dismissed)]
    public void Transition_LegalStep_NewState(ObjectionState from, ObjectionCaseAction action, ObjectionState to)
    {
        var result = ObjectionCase.Transition(from, action, "经核实，情况属实。");
        Assert.True(result.Succeeded);
        Assert.Equal(to, result.State);
    }

    [Theory]
    [InlineData(ObjectionState.Received, ObjectionCaseAction.Uphold, "请先核实")]
    [InlineData(ObjectionState.Received, ObjectionCaseAction.Dismiss, "请先核实")]
    [InlineData(ObjectionState.Verified, ObjectionCaseAction.Verify, "已核实")]
    [InlineData(ObjectionState.Upheld, ObjectionCaseAction.Dismiss, "已作出决定")]
    [InlineData(ObjectionState.Dismissed, ObjectionCaseAction.Uphold, "已作出决定")]
    [InlineData(ObjectionState.Upheld, ObjectionCaseAction.Verify, "已作出决定")]
    public void Transition_IllegalStep_Refused(ObjectionState from, ObjectionCaseAction action, string message)
    {
        var result = ObjectionCase.Transition(from, action, "经核实，情况属实。");
        Assert.False(result.Succeeded);
        Assert.Contains(message, Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ObjectionCaseAction.Verify, "", "notes", false)]
    [InlineData(ObjectionCaseAction.Uphold, "属实", "reasons", false)]      // 2 characters: below 5
    [InlineData(ObjectionCaseAction.Dismiss, "四个字啊", "reasons", false)] // 4: just below
    [InlineData(ObjectionCaseAction.Dismiss, "五个字理由", "", true)]       // 5: at the bound
    public void Transition_ReasonsRequired(ObjectionCaseAction action, string text, string field, bool ok)
    {
        var from = action == ObjectionCaseAction.Verify ? ObjectionState.Received : ObjectionState.Verified;
        var result = ObjectionCase.Transition(from, action, text);
        Assert.Equal(ok, result.Succeeded);
        Assert.Equal(field, result.Errors.Select(e => e.Field).SingleOrDefault() ?? "");
    }

    [Theory]
    [InlineData(2000, true)]
    [InlineData(2001, false)]
    public void Transition_ReasonsTooLong_Refused(int length, bool ok)
    {
        Assert.Equal(ok, ObjectionCase.Transition(ObjectionState.Verified, ObjectionCaseAction.Uphold, new string('理', length)).Succeeded);
    }

    [Theory]
    [InlineData(2026, 1, "YY-2026-0001")]
    [InlineData(2026, 42, "YY-2026-0042")]
    [InlineData(2027, 12345, "YY-2027-12345")]
    public void CaseNumber_Format(int year, int sequence, string expected)
    {
        Assert.Equal(expected, ObjectionCaseNumber.Format(year, sequence));
        Assert.Equal((year, sequence), ObjectionCaseNumber.Parse(expected));
    }

    [Theory]
    [InlineData("", "YY-2026-0001")]
    [InlineData("YY-2026-0001", "YY-2026-0002")]
    [InlineData("YY-2026-0001,YY-2026-0007,YY-2025-0099", "YY-2026-0008")]  // another year's numbers do not count
    [InlineData("garbage,YY-2026-0003", "YY-2026-0004")]
    public void CaseNumber_Next_AfterExisting(string existing, string expected)
    {
        var numbers = existing.Split(',', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, ObjectionCaseNumber.Next(2026, numbers));
    }

    [Theory]
    [InlineData("YY-26-0001")]
    [InlineData("XX-2026-0001")]
    [InlineData("YY-2026-0000")]
    [InlineData("YY-2026-001")]
    [InlineData(null)]
    public void CaseNumber_Parse_Invalid_Null(string? number)
    {
        Assert.Null(ObjectionCaseNumber.Parse(number));
    }
}
