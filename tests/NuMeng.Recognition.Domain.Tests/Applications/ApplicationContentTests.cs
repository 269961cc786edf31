using NuMeng.Recognition.Domain.Applications;
using NuMeng.Recognition.Domain.Rules;
using static NuMeng.Recognition.Domain.Tests.Applications.ApplicationSamples;

namespace NuMeng.Recognition.Domain.Tests.Applications;

public class ApplicationContentTests
{
    [Fact]
    public void ToJson_CompleteWorkshop_ReadsBackToTheSameJson()
    {
        var content = CompleteWorkshop();

        var json = content.ToJson();
        var read = ApplicationContent.Read(json, out var errors);

        Assert.Empty(errors);
        Assert.NotNull(read);
        Assert.Equal(json, read!.ToJson());
        Assert.Equal(21, read.Technical!.DigitalEquipment);
        Assert.Equal("张伟", read.Commitment!.SignerName);
        Assert.Equal(content.EvidenceFor(EvidenceItems.CommitmentScan), read.EvidenceFor(EvidenceItems.CommitmentScan));
    }

    [Theory]
    [InlineData("\"project\"")]
    [InlineData("\"constructionStart\": \"2023-03\"")]
    [InlineData("\"totalInvestmentWan\": 5800")]
    [InlineData("\"technical.digitalEquipment\": [")]
    [InlineData("\"baseline\": \"renovation\"")]
    [InlineData("\"commitment\"")]
    [InlineData("\"signerName\": \"张伟\"")]
    public void ToJson_CompleteWorkshop_UsesCamelCaseFieldsEnumNamesAndEvidenceKeys(string expected)
    {
        Assert.Contains(expected, CompleteWorkshop().ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownField_NamesTheFieldInChinese()
    {
        var content = ApplicationContent.Read("""{"project":{"name":"车间","colour":"红"}}""", out var errors);

        Assert.Null(content);
        var error = Assert.Single(errors);
        Assert.Equal("project.colour", error.Field);
        Assert.Contains("不认识的字段", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDraft_UnknownFieldsOfAnOlderForm_KeepsWhatItKnowsAndSaysWhat()
    {
        var content = ApplicationContent.ReadDraft("""{"workshopName":"旧字段","project":{"name":"液态奶灌装数字化车间"},"technical":{"equipmentTotal":30}}""", out var problem);

        Assert.Equal("液态奶灌装数字化车间", content.Project!.Name);
        Assert.Equal(30, content.Technical!.EquipmentTotal);
        Assert.NotNull(problem);
        Assert.Contains("workshopName", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDraft_UnreadableValues_StartsEmptyAndSaysSo()
    {
        // The demo seed's draft format: MES modules as Chinese labels, which the enum reader refuses.
        var content = ApplicationContent.ReadDraft("""{"technical":{"mesModules":["工艺执行管理"]}}""", out var problem);

        Assert.Null(content.Technical);
        Assert.Contains("无法读取", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{}")]
    public void ReadDraft_NothingSaved_EmptyWithoutProblem(string? json)
    {
        var content = ApplicationContent.ReadDraft(json, out var problem);

        Assert.Null(problem);
        Assert.Null(content.Project);
        Assert.Empty(content.Evidence);
    }

    [Fact]
    public void ToPreCheckRequest_2024Kind_CarriesEnterpriseTechnicalAndKpiNotTier()
    {
        var content = CompleteWorkshop() with { Tier = BasicTier };

        var request = content.ToPreCheckRequest(RecognitionKind.DigitalWorkshop);

        Assert.Equal(RecognitionKind.DigitalWorkshop, request.Kind);
        Assert.Same(content.Enterprise, request.Enterprise);
        Assert.Same(content.Technical, request.Technical);
        Assert.Same(content.Kpi, request.Kpi);
        Assert.Null(request.Tier);
    }

    [Fact]
    public void ToPreCheckRequest_TierKind_CarriesEnterpriseAndTierOnly()
    {
        var content = CompleteBasicTier() with { Technical = Workshop, Kpi = Kpis };

        var request = content.ToPreCheckRequest(RecognitionKind.TierBasic);

        Assert.Same(content.Tier, request.Tier);
        Assert.Null(request.Technical);
        Assert.Null(request.Kpi);
    }

    [Theory]
    [InlineData(RecognitionKind.DigitalWorkshop)]
    [InlineData(RecognitionKind.TierBasic)]
    public void Evaluate_CompleteSample_PassesWithTheSameEngineAsThePreCheck(RecognitionKind kind)
    {
        var content = kind == RecognitionKind.DigitalWorkshop ? CompleteWorkshop() : CompleteBasicTier();

        var outcome = content.Evaluate(kind, Today, Catalog);
        var direct = Domain.PreCheck.PreCheckService.Evaluate(content.ToPreCheckRequest(kind), Today, Catalog);

        Assert.True(outcome.IsValid, string.Join("；", outcome.Errors));
        Assert.True(outcome.Report!.Passed, outcome.Report.Summary);
        Assert.Equal(direct.Report!.Summary, outcome.Report.Summary);
    }

    [Fact]
    public void WithEvidence_EmptyList_RemovesTheItem()
    {
        var content = ApplicationContent.Empty.WithEvidence("other", [Guid.NewGuid()]);

        var removed = content.WithEvidence("other", []);

        Assert.Single(content.Evidence);
        Assert.Empty(removed.Evidence);
        Assert.Empty(removed.EvidenceFor("other"));
    }

    // 管理办法 第五条（二）: 申报的数字化车间、智能工厂已建成并正常使用 — so construction must have ended by this month.
    [Theory]
    [InlineData("2023-03", "2024-10", null, null)]
    [InlineData("2024-10", "2024-10", null, null)]                          // same month: allowed
    [InlineData("2024-11", "2024-10", "project.constructionEnd", "不能早于")] // one month before the start
    [InlineData("2026-01", "2026-11", null, null)]                          // ends this month (today 2026-11-21): built
    [InlineData("2026-01", "2026-12", "project.constructionEnd", "晚于本月")] // next month: not yet built
    [InlineData("2023/03", "2024-10", "project.constructionStart", "yyyy-MM")]
    [InlineData("2023-13", "2024-10", "project.constructionStart", "yyyy-MM")]
    [InlineData("2023-03", "十月", "project.constructionEnd", "yyyy-MM")]
    public void ProjectValidate_ConstructionMonths_ChecksFormatOrderAndCompletion(string start, string end, string? field, string? fragment)
    {
        var errors = (Project with { ConstructionStart = start, ConstructionEnd = end }).Validate("project", Today);

        if (field is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.Equal(field, error.Field);
            Assert.Contains(fragment!, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("0.01", false)]
    [InlineData("-0.01", true)]
    public void ProjectValidate_Investment_NegativeIsAnError(string investment, bool error)
    {
        var errors = (Project with { TotalInvestmentWan = decimal.Parse(investment, System.Globalization.CultureInfo.InvariantCulture) }).Validate("project", Today);

        Assert.Equal(error, errors.Any(e => e.Field == "project.totalInvestmentWan"));
    }

    [Theory]
    [InlineData(ProjectInfo.SummaryMaxLength - 1, false)]
    [InlineData(ProjectInfo.SummaryMaxLength, false)]
    [InlineData(ProjectInfo.SummaryMaxLength + 1, true)]
    public void ProjectValidate_SummaryLength_AtMostTheLimit(int length, bool error)
    {
        var errors = (Project with { Summary = new string('字', length) }).Validate("project", Today);

        Assert.Equal(error, errors.Any(e => e.Field == "project.summary"));
    }

    [Fact]
    public void ProjectValidate_MissingValues_AreNotDraftErrors()
    {
        Assert.Empty(new ProjectInfo().Validate("project", Today));
    }
}
