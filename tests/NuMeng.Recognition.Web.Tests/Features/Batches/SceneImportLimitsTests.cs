using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NuMeng.Recognition.Domain.Scenes;
using NuMeng.Recognition.Web;
using NuMeng.Recognition.Web.Features.Batches;
using NuMeng.Recognition.Web.Tests.Features.Review;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Batches;

/// <summary>
/// a small .xlsx that inflates to tens of megabytes (a zip bomb), or claims a small size and inflates to
/// more, or holds too many rows or cells, is refused before it is parsed, with a Chinese message, and the refusal is
/// audited. The bombs are built here: the template workbook with its sheet replaced by generated, compressed XML.
/// </summary>
public sealed class SceneImportLimitsTests
{
    private const string Staff = "dept.staff";
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static SceneImportInput Header() =>
        new("NM-2025-SCENES", "2026-bomb", "典型场景参考标准（测试）", "测试文件", new DateOnly(2026, 1, 1), Provisional: false);

    /// <summary>The template workbook with its first sheet's XML written by <paramref name="sheet"/>.</summary>
    private static MemoryStream Workbook(Action<StreamWriter> sheet)
    {
        var bytes = SceneSpreadsheet.Template(SceneCatalogues.Provisional2025());
        var stream = new MemoryStream();
        stream.Write(bytes);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var old = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
            var name = old.FullName;
            old.Delete();
            var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize);
            using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
            writer.Write($"<worksheet xmlns=\"{Main}\"><sheetData>");
            sheet(writer);
            writer.Write("</sheetData></worksheet>");
        }
        stream.Position = 0;
        return stream;
    }

    private static void Rows(StreamWriter writer, int rows, int cellsPerRow)
    {
        for (var r = 1; r <= rows; r++)
        {
            writer.Write($"<row r=\"{r}\">");
            for (var c = 0; c < cellsPerRow; c++)
            {
                writer.Write($"<c t=\"inlineStr\"><is><t>S{r:D2}</t></is></c>");
            }
            writer.Write("</row>");
        }
    }

    /// <summary>One row whose single cell holds <paramref name="megabytes"/> MB of text.</summary>
    private static void HugeCell(StreamWriter writer, int megabytes)
    {
        writer.Write("<row r=\"1\"><c t=\"inlineStr\"><is><t>");
        var block = new string('A', 1024 * 1024);
        for (var i = 0; i < megabytes; i++)
        {
            writer.Write(block);
        }
        writer.Write("</t></is></c></row>");
    }

    /// <summary>Rewrites the uncompressed size of every worksheet entry (local and central headers) to 1 KB: a lying header.</summary>
    private static MemoryStream UnderstateSheetSize(MemoryStream zip)
    {
        var bytes = zip.ToArray();
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            var (sizeAt, nameLengthAt, nameAt) = signature switch
            {
                0x04034b50 => (22, 26, 30), // local file header
                0x02014b50 => (24, 28, 46), // central directory header
                _ => (-1, 0, 0),
            };
            if (sizeAt < 0)
            {
                continue;
            }
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + nameLengthAt));
            if (i + nameAt + nameLength > bytes.Length)
            {
                continue;
            }
            var name = Encoding.UTF8.GetString(bytes, i + nameAt, nameLength);
            if (name.StartsWith("xl/worksheets/", StringComparison.Ordinal))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + sizeAt), 1024);
            }
        }
        return new MemoryStream(bytes);
    }

    private static async Task<(StepOutcome Outcome, List<string> Refusals, bool Saved)> ImportAsync(Stream file)
    {
        await using var test = await ServiceHost.CreateAsync();
        var service = test.Create<SceneCatalogueService>(Staff);

        var outcome = await service.ImportAsync(Header(), file);

        await using var db = test.SystemContext();
        var refusals = await db.AuditEntries.Where(e => e.Action == "scene-catalogue.import-refused").Select(e => e.Action).ToListAsync();
        return (outcome, refusals, await db.SceneCatalogueRecords.AnyAsync(r => r.Version == "2026-bomb"));
    }

    [Fact]
    public async Task ImportAsync_ZipBombInflatingTo40Megabytes_RefusedUnparsedAndAudited()
    {
        using var bomb = Workbook(w => HugeCell(w, 40));
        Assert.True(bomb.Length < 200 * 1024, $"the bomb should be small on the wire, is {bomb.Length} bytes");

        var (outcome, refusals, saved) = await ImportAsync(bomb);

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal("file", outcome.Errors[0].Field);
        Assert.StartsWith("文件解压后超过 10 MB", outcome.Errors[0].Message, StringComparison.Ordinal);
        Assert.Single(refusals);
        Assert.False(saved);
    }

    [Fact]
    public async Task ImportAsync_BombWhoseHeaderUnderstatesItsSize_CaughtWhileInflating()
    {
        using var honest = Workbook(w => HugeCell(w, 40));
        using var lying = UnderstateSheetSize(honest);

        var (outcome, refusals, saved) = await ImportAsync(lying);

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal("file", outcome.Errors[0].Field);
        // Either the counting stream stops at 10 MB or the zip reader notices the lie: never parsed either way.
        Assert.True(outcome.Errors[0].Message.StartsWith("文件解压后超过 10 MB", StringComparison.Ordinal)
            || outcome.Errors[0].Message.StartsWith("无法读取该文件", StringComparison.Ordinal), outcome.Errors[0].Message);
        Assert.Single(refusals);
        Assert.False(saved);
    }

    [Theory]
    [InlineData(2_100, 1, "表格超过 2000 行场景")]
    [InlineData(1_000, 50, "表格的单元格超过 40000 个")]
    public async Task ImportAsync_TooManyRowsOrCells_RefusedBeforeParsing(int rows, int cellsPerRow, string message)
    {
        using var file = Workbook(w => Rows(w, rows, cellsPerRow));

        var (outcome, refusals, saved) = await ImportAsync(file);

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.StartsWith(message, outcome.Errors[0].Message, StringComparison.Ordinal);
        Assert.Single(refusals);
        Assert.False(saved);
    }

    [Fact]
    public async Task ImportAsync_LimitsFromSettings_AreApplied()
    {
        await using var test = await ServiceHost.CreateAsync();
        var limits = Options.Create(new SceneImportLimits { MaxRows = 10 });
        var service = ActivatorUtilities.CreateInstance<SceneCatalogueService>(test.As<IServiceProvider>(Staff), limits);
        // The template's 40 scenes are within the defaults but not within 10 rows.
        using var file = new MemoryStream(SceneSpreadsheet.Template(SceneCatalogues.Provisional2025()));

        var outcome = await service.ImportAsync(Header(), file);

        Assert.StartsWith("表格超过 10 行场景", outcome.Errors[0].Message, StringComparison.Ordinal);
    }
}
