using System.IO.Compression;
using System.Xml;

namespace NuMeng.Recognition.Web.Features.Batches;

/// <summary>
/// Limits on a scene-catalogue workbook, checked before it is parsed (settings <c>SceneImport:*</c>). An .xlsx is a zip:
/// a 200 KB upload can inflate to gigabytes (a "zip bomb"), so the declared and the actual inflated sizes, the number
/// of parts, rows and cells are all bounded first.
/// </summary>
public sealed class SceneImportLimits
{
    public const string Section = "SceneImport";

    /// <summary>Largest total inflated size of the workbook's parts (default 10 MB; a catalogue of 2,000 scenes is under 1 MB).</summary>
    public long MaxInflatedBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Most rows in the worksheets (default 2,000 scenes plus the header row).</summary>
    public int MaxRows { get; set; } = SceneSpreadsheet.MaxRows;

    /// <summary>Most cells in the worksheets (default 40,000: 2,000 rows of six columns leave room for notes).</summary>
    public int MaxCells { get; set; } = 40_000;

    /// <summary>Most parts in the package (a workbook has about ten).</summary>
    public int MaxEntries { get; set; } = 200;
}

/// <summary>Checks an .xlsx package against <see cref="SceneImportLimits"/> without parsing it as a workbook.</summary>
public static class XlsxPackageGuard
{
    private const string NotAWorkbook = "无法读取该文件：请上传 Excel 工作簿（.xlsx），可先下载模板填写";

    /// <summary>
    /// Null when the package is within the limits, else the Chinese reason it is refused. Every part is inflated through
    /// a counting stream that stops at the limit, so a part whose header under-states its size is caught too; the
    /// worksheets are read as XML (DTDs prohibited) to count their rows and cells. <paramref name="content"/> is rewound.
    /// </summary>
    public static InputError? Check(Stream content, SceneImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        var start = content.CanSeek ? content.Position : 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries;
            if (entries.Count > limits.MaxEntries)
            {
                return new InputError("file", $"文件结构异常（包含 {entries.Count} 个部件，上限 {limits.MaxEntries} 个），已拒绝导入");
            }
            var declared = entries.Sum(e => Math.Max(0, e.Length));
            if (declared > limits.MaxInflatedBytes)
            {
                return TooLarge(limits);
            }
            var budget = new CountingBudget(limits.MaxInflatedBytes);
            var (rows, cells) = (0L, 0L);
            foreach (var entry in entries)
            {
                using var inflated = new CountingStream(entry.Open(), budget);
                if (IsWorksheet(entry.FullName))
                {
                    var (r, c) = CountRowsAndCells(inflated);
                    rows += r;
                    cells += c;
                    if (rows > limits.MaxRows + 1L)
                    {
                        return new InputError("file", $"表格超过 {limits.MaxRows} 行场景，请检查是否选错了文件");
                    }
                    if (cells > limits.MaxCells)
                    {
                        return new InputError("file", $"表格的单元格超过 {limits.MaxCells} 个，请只保留场景目录的 6 列后重新导入");
                    }
                }
                else
                {
                    inflated.CopyTo(Stream.Null);
                }
            }
            return null;
        }
        catch (InflatedSizeExceededException)
        {
            return TooLarge(limits);
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            return new InputError("file", NotAWorkbook);
        }
        finally
        {
            if (content.CanSeek)
            {
                content.Position = start;
            }
        }
    }

    private static InputError TooLarge(SceneImportLimits limits) =>
        new("file", $"文件解压后超过 {limits.MaxInflatedBytes / 1024 / 1024} MB（场景目录通常不到 1 MB），疑为异常文件，已拒绝导入");

    private static bool IsWorksheet(string name) =>
        name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);

    private static (long Rows, long Cells) CountRowsAndCells(Stream sheet)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };
        using var reader = XmlReader.Create(sheet, settings);
        var (rows, cells) = (0L, 0L);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            if (reader.LocalName == "row")
            {
                rows++;
            }
            else if (reader.LocalName == "c")
            {
                cells++;
            }
        }
        return (rows, cells);
    }

    private sealed class InflatedSizeExceededException : Exception;

    /// <summary>The bytes left for all parts together.</summary>
    private sealed class CountingBudget(long limit)
    {
        private long _used;

        public void Take(int bytes)
        {
            _used += bytes;
            if (_used > limit)
            {
                throw new InflatedSizeExceededException();
            }
        }
    }

    /// <summary>A read-only stream that charges every byte read to the budget and throws once it is spent.</summary>
    private sealed class CountingStream(Stream inner, CountingBudget budget) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            budget.Take(read);
            return read;
        }

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            budget.Take(read);
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
