using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace NuMeng.Recognition.Web.Features.Batches;

/// <summary>One data row of the spreadsheet: its row number in Excel and its six cells (A–F).</summary>
public sealed record SheetRow(int RowNumber, IReadOnlyList<string?> Cells);

/// <summary>
/// The scene-catalogue spreadsheet (docs SCENES.md): columns A 场景编号, B 场景名称, C 国家指引环节, D 子环节（《典型场景参考标准》）,
/// E 适用层级, F 环节（可选，须与子环节相符）, one scene per row under a header row. Reads the first worksheet with
/// DocumentFormat.OpenXml and writes the template with the portal's <see cref="XlsxWriter"/>. Errors of the domain's
/// validation (<see cref="SceneCatalogue.FromRows(SceneCatalogueHeader, IEnumerable{SceneRow}, string)"/>) are told with
/// the Excel row and column.
/// </summary>
public static partial class SceneSpreadsheet
{
    /// <summary>Largest file accepted (a catalogue of a few hundred scenes is some tens of kilobytes).</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>Most scene rows accepted.</summary>
    public const int MaxRows = 2000;

    /// <summary>Column headers, A to F.</summary>
    public static IReadOnlyList<string> Headers { get; } = ["场景编号", "场景名称", "国家指引环节", "子环节", "适用层级", "环节（可选）"];

    private static readonly string[] FieldOfColumn = ["code", "name", "nationalSegment", "subSegment", "tiers", "segment"];

    /// <summary>The template: the header row and, as examples, the scenes of <paramref name="catalogue"/>.</summary>
    public static byte[] Template(SceneCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var columns = new List<XlsxColumn<Scene>>
        {
            new(Headers[0], s => s.Code, Width: 10),
            new(Headers[1], s => s.Name, Width: 28),
            new(Headers[2], s => s.NationalSegment, Width: 14),
            new(Headers[3], s => SubSegments.Label(s.SubSegment), Width: 14),
            new(Headers[4], s => string.Join("、", s.Tiers.Select(TierLevels.Label)), Width: 30),
            new(Headers[5], s => Segments.Label(s.Segment), Width: 12),
        };
        return XlsxWriter.Write(catalogue.Scenes, columns, "典型场景目录");
    }

    /// <summary>
    /// Reads the data rows of the first worksheet (a first row holding 场景编号 is the header and skipped; empty rows are
    /// skipped). Returns the rows, or the reason the file cannot be read. The package is first checked against
    /// <paramref name="limits"/> (inflated size, rows, cells: <see cref="XlsxPackageGuard"/>), so nothing oversized is parsed.
    /// </summary>
    public static (IReadOnlyList<SheetRow> Rows, IReadOnlyList<InputError> Errors) Read(Stream content, SceneImportLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        limits ??= new SceneImportLimits();
        if (XlsxPackageGuard.Check(content, limits) is { } refused)
        {
            return ([], [refused]);
        }
        var rows = new List<SheetRow>();
        try
        {
            using var document = SpreadsheetDocument.Open(content, false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook");
            var first = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new InvalidDataException("no sheet");
            var part = (WorksheetPart)workbook.GetPartById(first.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var sheetData = part.Worksheet.GetFirstChild<SheetData>();
            var rowNumber = 0;
            foreach (var row in sheetData?.Elements<Row>() ?? [])
            {
                rowNumber = row.RowIndex?.Value is { } index ? (int)index : rowNumber + 1;
                var cells = new string?[6];
                var position = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : position;
                    position = column + 1;
                    if (column is >= 0 and < 6)
                    {
                        cells[column] = CellText(cell, shared)?.Trim();
                    }
                }
                if (cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }
                if (rows.Count == 0 && rowNumber == 1 && (cells[0] ?? "").Contains("编号", StringComparison.Ordinal))
                {
                    continue;
                }
                rows.Add(new SheetRow(rowNumber, cells));
                if (rows.Count > limits.MaxRows)
                {
                    return ([], [new InputError("file", $"表格超过 {limits.MaxRows} 行场景，请检查是否选错了文件")]);
                }
            }
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException
            or ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            return ([], [new InputError("file", "无法读取该文件：请上传 Excel 工作簿（.xlsx），可先下载模板填写")]);
        }
        if (rows.Count == 0)
        {
            return ([], [new InputError("file", "表格中没有场景：第 1 行为表头，从第 2 行起每行填写一个场景")]);
        }
        return (rows, []);
    }

    /// <summary>
    /// Validates the rows with the domain and builds the edition, rewriting each error's position as the Excel row and
    /// column (第 5 行 D 列（子环节）：…).
    /// </summary>
    public static SceneCatalogueImport Build(SceneCatalogueHeader header, IReadOnlyList<SheetRow> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var import = SceneCatalogue.FromRows(header, rows.Select(r => r.Cells), "catalogue");
        if (import.Succeeded)
        {
            return import;
        }
        var errors = import.Errors.Select(e => Locate(e, rows)).ToList();
        return new SceneCatalogueImport(null, errors.AsReadOnly());
    }

    private static InputError Locate(InputError error, IReadOnlyList<SheetRow> rows)
    {
        var match = ScenePath().Match(error.Field);
        if (!match.Success)
        {
            // Header fields (catalogue.code …) belong to the form, not to the sheet.
            return new InputError(error.Field.Replace("catalogue.", "", StringComparison.Ordinal), error.Message);
        }
        var index = int.Parse(match.Groups["i"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var column = Array.IndexOf(FieldOfColumn, match.Groups["f"].Value);
        var rowNumber = index < rows.Count ? rows[index].RowNumber : index + 2;
        var where = column < 0 ? $"第 {rowNumber} 行" : $"第 {rowNumber} 行 {(char)('A' + column)} 列（{Headers[column]}）";
        var text = RowPrefix().Replace(error.Message, "");
        return new InputError($"file.row{rowNumber}", $"{where}：{text}");
    }

    private static string? CellText(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(cell.CellValue?.Text, out var i) && i >= 0 && i < shared.Count ? shared[i] : null;
        }
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText;
        }
        return cell.CellValue?.Text;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z')
            {
                break;
            }
            index = index * 26 + (ch - 'A' + 1);
        }
        return index - 1;
    }

    [GeneratedRegex(@"^catalogue\.scenes\[(?<i>\d+)\]\.(?<f>\w+)$")]
    private static partial Regex ScenePath();

    [GeneratedRegex(@"^第 \d+ 条场景：")]
    private static partial Regex RowPrefix();
}
