using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NuMeng.Recognition.Documents.Xlsx;

namespace NuMeng.Recognition.Documents.Tests.Xlsx;

/// <summary>
/// <see cref="XlsxFormat.PlainNumber"/>: a year or a rank is a number Excel can sort and filter, shown without a thousands
/// separator (2026, never 2,026) — built-in number format 1 ("0").
/// </summary>
public sealed class XlsxPlainNumberTests
{
    private sealed record Row(int Year, int? Rank);

    [Theory]
    [InlineData(2026, "2026")]
    [InlineData(1, "1")]
    [InlineData(0, "0")]
    public void Write_PlainNumber_StoredAsANumberWithFormat0(int year, string stored)
    {
        var bytes = XlsxWriter.Write([new Row(year, null)], [new XlsxColumn<Row>("年度", r => r.Year, XlsxFormat.PlainNumber, 8)], "批次");

        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var cell = workbook.WorksheetParts.Single().Worksheet.Descendants<Cell>().Single(c => c.CellReference == "A2");
        Assert.Null(cell.DataType);
        Assert.Equal(stored, cell.CellValue!.Text);
        var format = (CellFormat)workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.ElementAt((int)cell.StyleIndex!.Value);
        Assert.Equal(1u, format.NumberFormatId!.Value);
        Assert.True(format.ApplyNumberFormat!.Value);
        Assert.Equal(year, int.Parse(cell.CellValue.Text, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Write_PlainNumberNull_LeavesTheCellEmpty()
    {
        var bytes = XlsxWriter.Write([new Row(2026, null)], [new XlsxColumn<Row>("推荐排序", r => r.Rank, XlsxFormat.PlainNumber, 8)], "初审");

        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.DoesNotContain(document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>(), c => c.CellReference == "A2");
    }

    [Fact]
    public void Write_PlainNumber_ValidAgainstTheOfficeSchema()
    {
        var bytes = XlsxWriter.Write([new Row(2026, 3)], [new XlsxColumn<Row>("年度", r => r.Year, XlsxFormat.PlainNumber, 8),
            new XlsxColumn<Row>("排序", r => r.Rank, XlsxFormat.PlainNumber, 8)], "批次");

        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document));
    }
}
