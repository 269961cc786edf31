using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Documents.Xlsx;
using NuMeng.Recognition.Domain.Scenes;
using NuMeng.Recognition.Web.Features.Batches;
using NuMeng.Recognition.Web.Tests.Features.Review;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Batches;

/// <summary>
/// Importing a scene-catalogue edition (要素条件 附件 3) from .xlsx: a valid file is saved not yet active, previewed with
/// its counts and activated; a file with errors names each error by Excel row and column and saves nothing.
/// </summary>
public sealed class SceneImportTests
{
    private const string Staff = "dept.staff";

    private static SceneImportInput Header(string version = "2026") =>
        new("NM-2025-SCENES", version, "典型场景参考标准（2026年版，测试）", "测试文件", new DateOnly(2026, 1, 1), Provisional: false);

    private static MemoryStream Sheet(params string?[][] rows)
    {
        var columns = Enumerable.Range(0, 6).Select(i => new XlsxColumn<string?[]>(SceneSpreadsheet.Headers[i], r => i < r.Length ? r[i] : null)).ToList();
        return new MemoryStream(XlsxWriter.Write(rows, columns, "场景"));
    }

    [Fact]
    public async Task ImportAsync_Template_SavedInactivePreviewedThenActivated()
    {
        await using var test = await ServiceHost.CreateAsync();
        var service = test.Create<SceneCatalogueService>(Staff);
        // The downloadable template holds the 40 provisional scenes: a valid file as it stands.
        using var file = new MemoryStream(SceneSpreadsheet.Template(SceneCatalogues.Provisional2025()));

        var outcome = await service.ImportAsync(Header(), file);

        Assert.Equal(("已导入 40 个场景，请核对预览后启用", DepartmentOutcomeKind.Done), (outcome.Message, outcome.Kind));
        var preview = (await service.PreviewAsync(outcome.Id!.Value))!;
        Assert.False(preview.Edition.Active);
        Assert.Equal(40, preview.Catalogue.Scenes.Count);
        // SCENES.md: 工厂建设 S01–S03, 研发设计 S04–S07, 生产作业 S20–S29, 生产管理 S08–S19, 运营管理 S30–S40.
        Assert.Equal([3, 4, 10, 12, 11], preview.BySegment.Select(s => s.Count));
        Assert.All(preview.ByTier, t => Assert.Equal(40, t.Count));
        // Not offered to batches before activation.
        Assert.DoesNotContain("NM-2025-SCENES@2026", (await test.Create<BatchService>(Staff).OptionsAsync()).SceneEditions.Select(e => e.Key));

        var activated = await service.ActivateAsync(preview.Edition.Id, preview.Edition.Stamp);

        Assert.Equal(DepartmentOutcomeKind.Done, activated.Kind);
        await using var db = test.SystemContext();
        var record = await db.SceneCatalogueRecords.SingleAsync(r => r.Version == "2026");
        Assert.Equal(test.Clock.GetUtcNow(), record.ActivatedAt);
        Assert.Contains("\"code\":\"S40\"", record.PayloadJson, StringComparison.Ordinal);
        Assert.Equal(["scene-catalogue.import", "scene-catalogue.activate"],
            await db.AuditEntries.Where(e => e.EntityId == record.Id.ToString("D")).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Contains("NM-2025-SCENES@2026", (await test.Create<BatchService>(Staff).OptionsAsync()).SceneEditions.Select(e => e.Key));
        Assert.Equal(DepartmentOutcomeKind.AlreadyDone, (await service.ActivateAsync(record.Id, record.ConcurrencyStamp)).Kind);
    }

    [Fact]
    public async Task ImportAsync_FileWithErrors_EachErrorByRowAndColumnNothingSaved()
    {
        await using var test = await ServiceHost.CreateAsync();
        var service = test.Create<SceneCatalogueService>(Staff);
        using var file = Sheet(
            ["S01", "工厂数字化规划设计", "工厂建设", "工厂建设", "基础级、先进级", "工厂建设"],
            ["S02", "数字基础设施建设", "工厂建设", "信息设施", "基础级", null],
            ["S01", "重复编号的场景", "", "产品设计", "先进级", null],
            ["S04", "", "", "工艺设计", "超级", null],
            ["S05", "环节不符的场景", "", "质量管控", "卓越级", "生产管理"]);

        var outcome = await service.ImportAsync(Header(), file);

        Assert.Equal(DepartmentOutcomeKind.Invalid, outcome.Kind);
        var messages = outcome.Errors.Select(e => e.Message).ToList();
        Assert.Contains(messages, m => m.StartsWith("第 3 行 D 列（子环节）：未知的子环节“信息设施”", StringComparison.Ordinal));
        Assert.Contains("第 4 行 A 列（场景编号）：场景编号“S01”重复（与第 1 条相同）", messages);
        Assert.Contains("第 5 行 B 列（场景名称）：场景名称不能为空", messages);
        Assert.Contains("第 5 行 E 列（适用层级）：未知的层级“超级”，应为基础级、先进级、卓越级或领航级", messages);
        Assert.Contains(messages, m => m.StartsWith("第 6 行 F 列（环节（可选））：环节“生产管理”与子环节“质量管控”不符", StringComparison.Ordinal));
        Assert.Equal(5, messages.Count);
        await using var db = test.SystemContext();
        Assert.False(await db.SceneCatalogueRecords.AnyAsync(r => r.Version == "2026"));
    }

    [Fact]
    public async Task ImportAsync_NotAnXlsx_ToldToUploadTheTemplate()
    {
        await using var test = await ServiceHost.CreateAsync();
        using var file = new MemoryStream("code,name\nS01,x"u8.ToArray());

        var outcome = await test.Create<SceneCatalogueService>(Staff).ImportAsync(Header(), file);

        Assert.Equal(("file", "无法读取该文件：请上传 Excel 工作簿（.xlsx），可先下载模板填写"), (outcome.Errors[0].Field, outcome.Errors[0].Message));
    }

    [Fact]
    public async Task ImportAsync_ExistingVersionAndMissingName_FormErrors()
    {
        await using var test = await ServiceHost.CreateAsync();
        using var file = Sheet(["S01", "工厂数字化规划设计", "", "工厂建设", "基础级"]);

        var outcome = await test.Create<SceneCatalogueService>(Staff).ImportAsync(Header("2025-provisional") with { Name = "" }, file);

        Assert.Equal([("name", "场景目录名称不能为空")], outcome.Errors.Select(e => (e.Field, e.Message)));
        var duplicate = await test.Create<SceneCatalogueService>(Staff).ImportAsync(Header("2025-provisional"), Sheet(["S01", "x", "", "工厂建设", "基础级"]));
        Assert.Equal(("version", "场景目录 NM-2025-SCENES@2025-provisional 已存在，请使用新的版本号"), (duplicate.Errors[0].Field, duplicate.Errors[0].Message));
    }

    [Fact]
    public async Task ListAsync_Demo_ProvisionalEditionIsActive()
    {
        await using var test = await ServiceHost.CreateAsync();

        var editions = await test.Create<SceneCatalogueService>(Staff).ListAsync();

        var provisional = Assert.Single(editions);
        Assert.Equal(("NM-2025-SCENES@2025-provisional", true, true), (provisional.Key, provisional.Active, provisional.BuiltIn));
        Assert.True(provisional.Batches >= 4);
    }

    [Fact]
    public async Task ImportAsync_Agency_Refused()
    {
        await using var test = await ServiceHost.CreateAsync();
        using var file = new MemoryStream(SceneSpreadsheet.Template(SceneCatalogues.Provisional2025()));

        var outcome = await test.Create<SceneCatalogueService>("agency").ImportAsync(Header(), file);

        Assert.Equal(DepartmentOutcomeKind.Refused, outcome.Kind);
    }
}
