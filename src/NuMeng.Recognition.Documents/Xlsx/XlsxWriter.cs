using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace NuMeng.Recognition.Documents.Xlsx;

/// <summary>How a column's values are written and shown in Excel.</summary>
public enum XlsxFormat
{
    /// <summary>Text (a shared string), e.g. an enterprise name or a credit code: never turned into a number.</summary>
    Text,
    /// <summary>A whole number, shown with thousands separators: #,##0.</summary>
    WholeNumber,
    /// <summary>A number with two decimals: #,##0.00.</summary>
    TwoDecimals,
    /// <summary>
    /// A percentage held in percent, as everywhere in this product (60 means 60 %): written as 0.6 so Excel computes
    /// with it, shown as 60.00%.
    /// </summary>
    Percent,
    /// <summary>A date (DateOnly, DateTime or DateTimeOffset) as a real Excel date, shown as 2026年11月21日.</summary>
    Date,
    /// <summary>A moment as a real Excel date and time in Beijing time, shown as 2026年11月21日 09:05.</summary>
    DateTime,
    /// <summary>A whole number without thousands separators (format 0), e.g. a year (2026, never 2,026) or a rank.</summary>
    PlainNumber,
}

/// <summary>One column of an export: its Chinese header, how to get the value from a row, its format and width.</summary>
/// <param name="Header">Chinese header, e.g. 企业名称.</param>
/// <param name="Value">The cell value of a row; null leaves the cell empty.</param>
/// <param name="Format">How the value is written and shown.</param>
/// <param name="Width">Column width in Excel's character units (a Chinese character is about two).</param>
public sealed record XlsxColumn<T>(string Header, Func<T, object?> Value, XlsxFormat Format = XlsxFormat.Text, double Width = 16);

/// <summary>
/// A small generic .xlsx exporter for every list in the portal ("Chinese headers, correct number and date
/// formats"): a bold, shaded, frozen header row with an auto-filter, the column widths given, numbers as numbers, dates
/// as real Excel dates, text as shared strings. DocumentFormat.OpenXml 2.20.0 (ClosedXML and EPPlus cannot restore here).
/// </summary>
public static class XlsxWriter
{
    /// <summary>Custom number format: 2026年11月21日 (Excel's own 年/月/日 formats depend on the reader's locale).</summary>
    public const string DateFormatCode = "yyyy\"年\"m\"月\"d\"日\"";

    /// <summary>Custom number format: 2026年11月21日 09:05.</summary>
    public const string DateTimeFormatCode = "yyyy\"年\"m\"月\"d\"日\" hh:mm";

    // Built-in number formats (ECMA-376 18.8.30): 1 = 0, 3 = #,##0, 4 = #,##0.00, 10 = 0.00%.
    private const uint PlainFormatId = 1;
    private const uint IntegerFormatId = 3;
    private const uint DecimalFormatId = 4;
    private const uint PercentFormatId = 10;
    private const uint DateFormatId = 164;
    private const uint DateTimeFormatId = 165;

    // Cell format indexes in the stylesheet below.
    private const uint HeaderStyle = 1;

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Writes the rows as one worksheet and returns the .xlsx file.</summary>
    public static byte[] Write<T>(IEnumerable<T> rows, IReadOnlyList<XlsxColumn<T>> columns, string sheetName)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException("至少需要一列", nameof(columns));
        }
        var name = SafeSheetName(sheetName);

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = CreateStylesheet();
            var strings = new SharedStrings();

            var sheetData = new SheetData();
            var header = new Row { RowIndex = 1 };
            for (var c = 0; c < columns.Count; c++)
            {
                header.Append(TextCell(Reference(c, 1), columns[c].Header, strings, HeaderStyle));
            }
            sheetData.Append(header);

            uint rowIndex = 1;
            foreach (var item in rows)
            {
                rowIndex++;
                var row = new Row { RowIndex = rowIndex };
                for (var c = 0; c < columns.Count; c++)
                {
                    var cell = ValueCell(Reference(c, rowIndex), columns[c].Format, columns[c].Value(item), strings);
                    if (cell is not null)
                    {
                        row.Append(cell);
                    }
                }
                sheetData.Append(row);
            }

            var lastColumn = ColumnName(columns.Count - 1);
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            worksheetPart.Worksheet = new Worksheet(
                new SheetDimension { Reference = $"A1:{lastColumn}{rowIndex}" },
                new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
                { WorkbookViewId = 0, TabSelected = true }),
                new SheetFormatProperties { DefaultRowHeight = 16.5 },
                new Columns(columns.Select((column, i) => new Column
                {
                    Min = (uint)(i + 1),
                    Max = (uint)(i + 1),
                    Width = column.Width,
                    CustomWidth = true,
                })),
                sheetData,
                new AutoFilter { Reference = $"A1:{lastColumn}{rowIndex}" });

            var sharedStringPart = workbookPart.AddNewPart<SharedStringTablePart>();
            sharedStringPart.SharedStringTable = strings.ToTable();

            workbookPart.Workbook.Append(new Sheets(new Sheet
            {
                Id = workbookPart.GetIdOfPart(worksheetPart),
                SheetId = 1,
                Name = name,
            }));
            // The auto-filter needs its hidden defined name for Excel to keep the filter buttons.
            workbookPart.Workbook.Append(new DefinedNames(new DefinedName($"'{name.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${lastColumn}${rowIndex}")
            {
                Name = "_xlnm._FilterDatabase",
                LocalSheetId = 0,
                Hidden = true,
            }));
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Cell? ValueCell(string reference, XlsxFormat format, object? value, SharedStrings strings)
    {
        if (value is null || value is string { Length: 0 })
        {
            return null;
        }
        switch (format)
        {
            case XlsxFormat.Text:
                return TextCell(reference, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, strings, FormatIndex(format));
            case XlsxFormat.WholeNumber:
                return NumberCell(reference, ToDecimal(value, reference), FormatIndex(format));
            case XlsxFormat.TwoDecimals:
            case XlsxFormat.PlainNumber:
                return NumberCell(reference, ToDecimal(value, reference), FormatIndex(format));
            case XlsxFormat.Percent:
                return NumberCell(reference, ToDecimal(value, reference) / 100m, FormatIndex(format));
            case XlsxFormat.Date:
            case XlsxFormat.DateTime:
                var serial = ToOaDate(value, reference, dateOnly: format == XlsxFormat.Date);
                return new Cell
                {
                    CellReference = reference,
                    CellValue = new CellValue(serial.ToString("R", CultureInfo.InvariantCulture)),
                    StyleIndex = FormatIndex(format),
                };
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }

    private static Cell TextCell(string reference, string text, SharedStrings strings, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.SharedString,
        CellValue = new CellValue(strings.IndexOf(XmlSafe(text)).ToString(CultureInfo.InvariantCulture)),
        StyleIndex = style,
    };

    /// <summary>Text typed into the portal may hold characters XML cannot carry (control characters): they are dropped.</summary>
    internal static string XmlSafe(string text)
    {
        if (text.All(System.Xml.XmlConvert.IsXmlChar))
        {
            return text;
        }
        var safe = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (System.Xml.XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
            else if (i + 1 < text.Length && System.Xml.XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text, i, 2);
                i++;
            }
        }
        return safe.ToString();
    }

    private static Cell NumberCell(string reference, decimal value, uint style) => new()
    {
        CellReference = reference,
        CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)),
        StyleIndex = style,
    };

    private static decimal ToDecimal(object value, string reference) => value switch
    {
        decimal d => d,
        int i => i,
        long l => l,
        short s => s,
        uint u => u,
        double d => (decimal)d,
        float f => (decimal)f,
        _ => throw new ArgumentException($"单元格 {reference} 应为数值，实际为 {value.GetType().Name}", nameof(value)),
    };

    private static double ToOaDate(object value, string reference, bool dateOnly)
    {
        var moment = value switch
        {
            DateOnly d => d.ToDateTime(TimeOnly.MinValue),
            DateTime t => t,
            DateTimeOffset o => o.ToOffset(Beijing).DateTime,
            _ => throw new ArgumentException($"单元格 {reference} 应为日期，实际为 {value.GetType().Name}", nameof(value)),
        };
        return (dateOnly ? moment.Date : moment).ToOADate();
    }

    private static uint FormatIndex(XlsxFormat format) => format switch
    {
        XlsxFormat.Text => 2,
        XlsxFormat.WholeNumber => 3,
        XlsxFormat.TwoDecimals => 4,
        XlsxFormat.Percent => 5,
        XlsxFormat.Date => 6,
        XlsxFormat.DateTime => 7,
        XlsxFormat.PlainNumber => 8,
        _ => 0,
    };

    private static Stylesheet CreateStylesheet()
    {
        static Font Font(bool bold) => bold
            ? new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "等线" }, new FontFamilyNumbering { Val = 2 }, new FontCharSet { Val = 134 })
            : new Font(new FontSize { Val = 11 }, new FontName { Val = "等线" }, new FontFamilyNumbering { Val = 2 }, new FontCharSet { Val = 134 });
        static CellFormat Number(uint formatId) => new() { NumberFormatId = formatId, ApplyNumberFormat = true, FontId = 0, FillId = 0, BorderId = 0 };

        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin },
            new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin },
            new BottomBorder { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = DateFormatCode },
                new NumberingFormat { NumberFormatId = DateTimeFormatId, FormatCode = DateTimeFormatCode })
            { Count = 2 },
            new Fonts(Font(bold: false), Font(bold: true)) { Count = 2 },
            // Fills 0 and 1 are reserved by Excel (none, gray125); 2 shades the header.
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7E6E6" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
            { Count = 3 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 },
                new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
                {
                    NumberFormatId = 49, FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true,
                },
                new CellFormat { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true },
                Number(IntegerFormatId),
                Number(DecimalFormatId),
                Number(PercentFormatId),
                Number(DateFormatId),
                Number(DateTimeFormatId),
                Number(PlainFormatId))
            { Count = 9 },
            new CellStyles(new CellStyle { Name = "常规", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    /// <summary>Excel's rules for sheet names: at most 31 characters, none of : \ / ? * [ ], not empty.</summary>
    internal static string SafeSheetName(string name)
    {
        var cleaned = new string((name ?? string.Empty).Select(c => ":\\/?*[]".Contains(c, StringComparison.Ordinal) ? '_' : c).ToArray()).Trim('\'').Trim();
        if (cleaned.Length == 0)
        {
            cleaned = "Sheet1";
        }
        return cleaned.Length > 31 ? cleaned[..31] : cleaned;
    }

    internal static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }
        return name;
    }

    private static string Reference(int column, uint row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>The workbook's shared strings, each text stored once.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _items = [];
        private int _count;

        public int IndexOf(string text)
        {
            _count++;
            if (!_index.TryGetValue(text, out var i))
            {
                i = _items.Count;
                _items.Add(text);
                _index.Add(text, i);
            }
            return i;
        }

        public SharedStringTable ToTable() => new(_items.Select(s => new SharedStringItem(new Text(s)
        {
            // Keep leading/trailing spaces and line breaks as typed.
            Space = s.Length > 0 && (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]) || s.Contains('\n', StringComparison.Ordinal))
                ? SpaceProcessingModeValues.Preserve
                : null,
        })))
        {
            Count = (uint)_count,
            UniqueCount = (uint)_items.Count,
        };
    }
}
