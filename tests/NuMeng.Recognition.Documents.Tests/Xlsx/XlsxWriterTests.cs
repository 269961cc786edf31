using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NuMeng.Recognition.Documents.Xlsx;

namespace NuMeng.Recognition.Documents.Tests.Xlsx;

/// <summary>
/// The .xlsx exporter, read back with OpenXml: Chinese headers in a bold frozen row, numbers and dates stored as real
/// numbers with the right formats ("Chinese headers, correct number and date formats").
/// </summary>
public sealed class XlsxWriterTests
{
    private sealed record Recognised(string Enterprise, string CreditCode, int Equipment, decimal Cost, decimal Rate, DateOnly AwardedOn, DateTimeOffset SubmittedAt, decimal? Score);

    private static readonly IReadOnlyList<XlsxColumn<Recognised>> Columns =
    [
        new("企业名称", r => r.Enterprise, XlsxFormat.Text, 30),
        new("统一社会信用代码", r => r.CreditCode, XlsxFormat.Text, 22),
        new("生产装备总数", r => r.Equipment, XlsxFormat.WholeNumber, 12),
        new("运营成本（万元）", r => r.Cost, XlsxFormat.TwoDecimals, 14),
        new("装备数控化率", r => r.Rate, XlsxFormat.Percent, 12),
        new("认定日期", r => r.AwardedOn, XlsxFormat.Date, 16),
        new("提交时间", r => r.SubmittedAt, XlsxFormat.DateTime, 20),
        new("专家评分", r => r.Score, XlsxFormat.TwoDecimals, 10),
    ];

    private static readonly Recognised[] Rows =
    [
        new Recognised("内蒙古某化工有限公司", "91150100MA0N2C4X1X", 1200, 5860.43m, 70m, new DateOnly(2026, 12, 1), new DateTimeOffset(2026, 11, 21, 1, 5, 0, TimeSpan.Zero), 86.5m),
        new Recognised("包头某稀土材料有限公司", "91150200MA0Q7BHR5E", 30, 0.005m, 27.7197m, new DateOnly(2025, 1, 31), new DateTimeOffset(2026, 3, 4, 18, 0, 0, TimeSpan.Zero), null),
    ];

    [Fact]
    public void Write_Rows_HeaderRowHasChineseHeadersInBold()
    {
        using var sheet = Open(XlsxWriter.Write(Rows, Columns, "申报清单"));

        Assert.Equal(Columns.Select(c => c.Header), sheet.RowTexts(1));
        Assert.All(sheet.Row(1).Elements<Cell>(), cell => Assert.True(sheet.Font(cell).Bold is not null, "header cell not bold"));
        Assert.Null(sheet.Font(sheet.Cell("A2")).Bold);
    }

    [Fact]
    public void Write_Rows_ValidAgainstTheOfficeSchema()
    {
        using var sheet = Open(XlsxWriter.Write(Rows, Columns, "申报清单"));

        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(sheet.Document)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
    }

    [Fact]
    public void Write_Rows_HeaderFrozenAndFiltered()
    {
        using var sheet = Open(XlsxWriter.Write(Rows, Columns, "申报清单"));

        var pane = sheet.Worksheet.Descendants<Pane>().Single();
        Assert.Equal(1d, pane.VerticalSplit!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A1:H3", sheet.Worksheet.Descendants<AutoFilter>().Single().Reference!.Value);
        Assert.Equal("申报清单", sheet.Document.WorkbookPart!.Workbook.Descendants<Sheet>().Single().Name!.Value);
    }

    [Fact]
    public void Write_Rows_ColumnWidthsAsGiven()
    {
        using var sheet = Open(XlsxWriter.Write(Rows, Columns, "申报清单"));

        var widths = sheet.Worksheet.Descendants<Column>().Select(c => c.Width!.Value).ToList();
        Assert.Equal(Columns.Select(c => c.Width), widths);
    }

    [Theory]
    // (cell, stored value, number format code)
    [InlineData("C2", "1200", "#,##0")]
    [InlineData("D2", "5860.43", "#,##0.00")]
    [InlineData("D3", "0.005", "#,##0.00")]          // stored at full precision; Excel shows 0.01
    [InlineData("E2", "0.7", "0.00%")]               // 70 (percent) → 0.7 shown as 70.00%
    [InlineData("E3", "0.277197", "0.00%")]
    [InlineData("F2", "46357", "yyyy\"年\"m\"月\"d\"日\"")]   // 2026-12-01 as an Excel serial date
    [InlineData("F3", "45688", "yyyy\"年\"m\"月\"d\"日\"")]   // 2025-01-31
    [InlineData("G2", "46347.37847222222", "yyyy\"年\"m\"月\"d\"日\" hh:mm")] // 2026-11-21 09:05 Beijing
    [InlineData("H2", "86.5", "#,##0.00")]
    public void Write_NumbersAndDates_StoredAsNumbersWithTheirFormat(string reference, string value, string format)
    {
        using var sheet = Open(XlsxWriter.Write(Rows, Columns, "申报清单"));
        var cell = sheet.Cell(reference);

        Assert.Null(cell.DataType);
        Assert.Equal(double.Parse(value, CultureInfo.InvariantCulture), double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture), 8);
        Assert.Equal(format, sheet.FormatCode(cell));
    }

    [Fact]
    public void Write_DateCell_ReadsBackAsTheSameDay()
    {
        using var sheet = Open(XlsxWriter.Write(Rows, Columns, "申报清单"));

        var serial = double.Parse(sheet.Cell("F2").CellValue!.Text, CultureInfo.InvariantCulture);
        Assert.Equal(new DateTime(2026, 12, 1), DateTime.FromOADate(serial));
    }

    [Fact]
    public void Write_TextCells_SharedStringsKeepCreditCodeAsText()
    {
        using var sheet = Open(XlsxWriter.Write(Rows, Columns, "申报清单"));

        Assert.Equal(CellValues.SharedString, sheet.Cell("B2").DataType!.Value);
        Assert.Equal("91150100MA0N2C4X1X", sheet.Text(sheet.Cell("B2")));
        Assert.Equal("包头某稀土材料有限公司", sheet.Text(sheet.Cell("A3")));
        Assert.Equal("@", sheet.FormatCode(sheet.Cell("B2")));
    }

    [Fact]
    public void Write_NullValue_LeavesCellEmpty()
    {
        using var sheet = Open(XlsxWriter.Write(Rows, Columns, "申报清单"));

        Assert.Null(sheet.Row(3).Elements<Cell>().FirstOrDefault(c => c.CellReference == "H3"));
    }

    [Fact]
    public void Write_NoRows_HeaderOnly()
    {
        using var sheet = Open(XlsxWriter.Write([], Columns, "空"));

        Assert.Single(sheet.Worksheet.Descendants<Row>());
        Assert.Equal("A1:H1", sheet.Worksheet.Descendants<AutoFilter>().Single().Reference!.Value);
    }

    [Fact]
    public void Write_WrongTypeInNumberColumn_ThrowsNamingTheCell()
    {
        IReadOnlyList<XlsxColumn<string>> columns = [new("数量", s => s, XlsxFormat.WholeNumber)];

        var ex = Assert.Throws<ArgumentException>(() => XlsxWriter.Write(["十二"], columns, "表"));

        Assert.Contains("单元格 A2 应为数值", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("企业\u0001名称\u000B", "企业名称")]   // control characters XML cannot carry are dropped
    [InlineData("多行\n文本\t制表", "多行\n文本\t制表")]
    [InlineData("𠀀扩展区汉字", "𠀀扩展区汉字")]           // a surrogate pair is kept
    public void XmlSafe_Text_DropsOnlyWhatXmlCannotCarry(string text, string expected)
    {
        Assert.Equal(expected, XlsxWriter.XmlSafe(text));
    }

    [Fact]
    public void Write_TextWithControlCharacter_StillOpens()
    {
        IReadOnlyList<XlsxColumn<string>> columns = [new("名称", s => s)];

        using var sheet = Open(XlsxWriter.Write(["甲\u0002乙"], columns, "表"));

        Assert.Equal("甲乙", sheet.Text(sheet.Cell("A2")));
    }

    [Theory]
    [InlineData("申报清单", "申报清单")]
    [InlineData("2026/11 名单[草稿]", "2026_11 名单_草稿_")]
    [InlineData("", "Sheet1")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一")]
    public void SafeSheetName_Name_FollowsExcelRules(string name, string expected)
    {
        Assert.Equal(expected, XlsxWriter.SafeSheetName(name));
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void ColumnName_Index_ExcelLetters(int index, string expected)
    {
        Assert.Equal(expected, XlsxWriter.ColumnName(index));
    }

    private static SheetReader Open(byte[] bytes) => new(bytes);

    /// <summary>Reads a written workbook back with OpenXml.</summary>
    private sealed class SheetReader : IDisposable
    {
        private readonly MemoryStream _stream;

        public SheetReader(byte[] bytes)
        {
            _stream = new MemoryStream(bytes);
            Document = SpreadsheetDocument.Open(_stream, false);
            Worksheet = Document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        }

        public SpreadsheetDocument Document { get; }

        public Worksheet Worksheet { get; }

        private Stylesheet Styles => Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;

        public Row Row(uint index) => Worksheet.Descendants<Row>().Single(r => r.RowIndex!.Value == index);

        public Cell Cell(string reference) => Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);

        public IEnumerable<string> RowTexts(uint index) => Row(index).Elements<Cell>().Select(Text);

        public string Text(Cell cell) =>
            Document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>()
                .ElementAt(int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText;

        public Font Font(Cell cell) => Styles.Fonts!.Elements<Font>().ElementAt((int)Format(cell).FontId!.Value);

        public string FormatCode(Cell cell)
        {
            var id = Format(cell).NumberFormatId!.Value;
            var custom = Styles.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(f => f.NumberFormatId!.Value == id);
            // Built-in formats (ECMA-376 18.8.30) used by the writer.
            return custom?.FormatCode!.Value ?? id switch
            {
                3 => "#,##0",
                4 => "#,##0.00",
                10 => "0.00%",
                49 => "@",
                _ => id.ToString(CultureInfo.InvariantCulture),
            };
        }

        private CellFormat Format(Cell cell) => Styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

        public void Dispose()
        {
            Document.Dispose();
            _stream.Dispose();
        }
    }
}
