using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Web.Features.Batches;

namespace NuMeng.Recognition.Web.Tests.Features.Batches;

/// <summary>
/// The batch page's form validators: text that does not read as a number or a date is refused with a Chinese message
/// that names the field (the rules on the values are <see cref="BatchInput.Validate"/>'s, run by the service).
/// </summary>
public sealed class BatchFormValidatorTests
{
    private static BatchForm Valid() => new()
    {
        Year = "2027", Round = "1", Kind = "TierBasic", Title = "2027年第一批基础级智能工厂认定", RuleSet = "NM-2025-TIER@1",
        SceneCatalogue = "NM-2025-SCENES@2025-provisional", OpensOn = "2027-03-01", ClosesOn = "2027-04-30",
        BureauDeadline = "", ExpertDeadline = "", PerLeagueCap = "", ScoreAggregation = "TrimmedMeanFromFive",
    };

    public static TheoryData<string, string, string> Unreadable => new()
    {
        { nameof(BatchForm.Year), "二〇二七", "年度须为整数，收到“二〇二七”" },
        { nameof(BatchForm.Round), "1.5", "批次须为整数，收到“1.5”" },
        { nameof(BatchForm.PerLeagueCap), "三", "每个盟市推荐名额须为整数，收到“三”" },
        { nameof(BatchForm.OpensOn), "2027/03/01", "申报开始日期不是有效日期（应为 年-月-日，如 2026-03-01），收到“2027/03/01”" },
        { nameof(BatchForm.ClosesOn), "2027-02-30", "申报截止日期不是有效日期（应为 年-月-日，如 2026-03-01），收到“2027-02-30”" },
        { nameof(BatchForm.BureauDeadline), "明年", "盟市初审截止日期不是有效日期（应为 年-月-日，如 2026-03-01），收到“明年”" },
        { nameof(BatchForm.ExpertDeadline), "x", "专家评审截止日期不是有效日期（应为 年-月-日，如 2026-03-01），收到“x”" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Validate_UnreadableText_RefusedWithMessageNamingTheField(string property, string text, string message)
    {
        var form = Valid();
        typeof(BatchForm).GetProperty(property)!.SetValue(form, text);

        var result = new BatchFormValidator().Validate(form);

        var failure = Assert.Single(result.Errors);
        Assert.Equal((property, message), (failure.PropertyName, failure.ErrorMessage));
    }

    [Fact]
    public void Validate_ReadableOrEmpty_NoErrorsAndInputReadsTheValues()
    {
        var form = Valid();

        Assert.True(new BatchFormValidator().Validate(form).IsValid);
        var input = form.ToInput();
        Assert.Equal((2027, 1, RecognitionKind.TierBasic, new DateOnly(2027, 4, 30), (int?)null, (DateOnly?)null),
            (input.Year, input.Round, input.Kind, input.ClosesOn, input.PerLeagueCap, input.BureauReviewDeadline));
    }

    [Fact]
    public void From_StoredInput_RoundTripsThroughTheForm()
    {
        var stored = Valid().ToInput() with { PerLeagueCap = 3, ExpertReviewDeadline = new DateOnly(2027, 7, 31) };

        Assert.Equal(stored, BatchForm.From(stored).ToInput());
    }

    public static TheoryData<bool, string?, string?, string?> Confirmations => new()
    {
        { false, "11111111-1111-1111-1111-111111111111", "Confirm", "请勾选确认后再委托" },
        { true, "", "Agency", "请选择一家第三方机构" },
        { true, "不是机构", "Agency", "请选择一家第三方机构" },
        { true, "11111111-1111-1111-1111-111111111111", null, null },
    };

    [Theory]
    [MemberData(nameof(Confirmations))]
    public void EntrustValidate_AgencyAndConfirmation_MessageNamesWhatIsMissing(bool confirm, string? agency, string? property, string? message)
    {
        var result = new EntrustFormValidator().Validate(new EntrustForm { Confirm = confirm, Agency = agency });

        (string, string)[] expected = property is null ? [] : [(property, message!)];
        Assert.Equal(expected, result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToArray());
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void StateValidate_Confirmation_RequiredForTheIrreversibleStep(bool confirm, bool valid)
    {
        var result = new BatchStateFormValidator().Validate(new BatchStateForm { Confirm = confirm, Op = "open" });

        Assert.Equal(valid, result.IsValid);
        Assert.All(result.Errors, e => Assert.Equal(("Confirm", "此操作不可撤回，请勾选确认"), (e.PropertyName, e.ErrorMessage)));
    }
}
