using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace NuMeng.Recognition.Web.Tests.Features.Exports;

/// <summary>An exported workbook's first sheet read back with DocumentFormat.OpenXml: texts, raw values and number formats.</summary>
internal sealed class XlsxSheet : IDisposable
{
    private readonly MemoryStream _stream;
    private readonly SpreadsheetDocument _document;
    private readonly Worksheet _worksheet;
    private readonly List<string> _strings;
    private readonly Stylesheet _styles;

    public XlsxSheet(byte[] bytes)
    {
        _stream = new MemoryStream(bytes);
        _document = SpreadsheetDocument.Open(_stream, false);
        var workbook = _document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        SheetName = sheet.Name!.Value!;
        _worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet;
        _strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        _styles = workbook.WorkbookStylesPart!.Stylesheet;
    }

    public string SheetName { get; }

    private IEnumerable<Row> Rows => _worksheet.GetFirstChild<SheetData>()!.Elements<Row>();

    /// <summary>The header row's texts.</summary>
    public IReadOnlyList<string> Headers => Rows.First().Elements<Cell>().Select(Text).ToList();

    /// <summary>The data rows, each as header → text (numbers as stored, empty cells absent).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Records
    {
        get
        {
            var headers = Rows.First().Elements<Cell>().ToDictionary(c => Column(c.CellReference!.Value!), Text);
            return Rows.Skip(1)
                .Select(r => (IReadOnlyDictionary<string, string>)r.Elements<Cell>().ToDictionary(c => headers[Column(c.CellReference!.Value!)], Text))
                .ToList();
        }
    }

    /// <summary>The cell of <paramref name="header"/> in the first data row where <paramref name="key"/> has <paramref name="value"/>.</summary>
    public Cell CellOf(string header, string key, string value)
    {
        var headers = Rows.First().Elements<Cell>().ToDictionary(Text, c => Column(c.CellReference!.Value!));
        var row = Rows.Skip(1).First(r => r.Elements<Cell>().Any(c => Column(c.CellReference!.Value!) == headers[key] && Text(c) == value));
        return row.Elements<Cell>().Single(c => Column(c.CellReference!.Value!) == headers[header]);
    }

    /// <summary>The number format code of a cell (built-in ids as "#id").</summary>
    public string FormatCode(Cell cell)
    {
        var format = (CellFormat)_styles.CellFormats!.ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        var id = format.NumberFormatId?.Value ?? 0;
        return _styles.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(n => n.NumberFormatId?.Value == id)?.FormatCode?.Value ?? "#" + id;
    }

    public static double Number(Cell cell) => double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);

    /// <summary>True when the first row is frozen (a pane split below row 1).</summary>
    public bool HeaderFrozen => _worksheet.Descendants<Pane>().Any(p => p.State?.Value == PaneStateValues.Frozen && p.VerticalSplit?.Value == 1);

    /// <summary>Every column has a custom width.</summary>
    public IReadOnlyList<double> Widths => _worksheet.Descendants<Column>().Select(c => c.Width!.Value).ToList();

    private string Text(Cell cell) => cell.DataType?.Value == CellValues.SharedString
        ? _strings[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)]
        : cell.CellValue?.Text ?? string.Empty;

    private static string Column(string reference) => new(reference.TakeWhile(char.IsLetter).ToArray());

    public void Dispose()
    {
        _document.Dispose();
        _stream.Dispose();
    }
}
