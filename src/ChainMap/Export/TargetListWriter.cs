using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ChainMap.Domain;
using CsvHelper;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;

namespace ChainMap.Export;

/// <summary>
/// Writes a target list, row by row as the source yields them, as CSV (CsvHelper, UTF-8 with BOM so
/// that Excel reads Chinese) or .xlsx (MiniExcel streaming from the enumerable). Text cells go
/// through <see cref="SpreadsheetSafe"/>. Nothing is collected: memory stays flat whatever the row count.
/// </summary>
internal static class TargetListWriter
{
    public const string SheetName = "目标企业";

    /// <summary>The columns, in order, of both formats.</summary>
    public static readonly string[] Columns =
    [
        "序号", "企业名称", "统一社会信用代码", "省份", "城市", "区县", "环节编码", "环节", "层级", "得分", "得分构成", "推荐理由", "引荐路径", "标签", "注册资本（万元）", "企业ID",
    ];

    /// <summary>Separator of list values inside one cell (reasons, paths, tags, score parts).</summary>
    public const string ListSeparator = "；";

    public static Task WriteAsync(ExportFormat format, IAsyncEnumerable<TargetExportRow> rows, Stream output, CancellationToken cancellationToken) => format.Name switch
    {
        "csv" => WriteCsvAsync(rows, output, cancellationToken),
        "xlsx" => WriteXlsxAsync(rows, output, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format.Name, "not a target-list format"),
    };

    public static async Task WriteCsvAsync(IAsyncEnumerable<TargetExportRow> rows, Stream output, CancellationToken cancellationToken)
    {
        await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        await using var text = new StreamWriter(output, new UTF8Encoding(false), bufferSize: 32 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(text, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync();
        var rank = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var cells = Cells(row, ++rank);
            csv.WriteField(cells.Rank.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(cells.Name);
            csv.WriteField(cells.Uscc);
            csv.WriteField(cells.Province);
            csv.WriteField(cells.City);
            csv.WriteField(cells.County);
            csv.WriteField(cells.SegmentCode);
            csv.WriteField(cells.Segment);
            csv.WriteField(cells.Tier);
            csv.WriteField(cells.Score.ToString("0.##", CultureInfo.InvariantCulture));
            csv.WriteField(cells.ScoreParts);
            csv.WriteField(cells.Reasons);
            csv.WriteField(cells.IntroductionPaths);
            csv.WriteField(cells.Tags);
            csv.WriteField(cells.RegisteredCapital?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            csv.WriteField(cells.CompanyId.ToString(CultureInfo.InvariantCulture));
            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
        await text.FlushAsync(cancellationToken);
    }

    public static Task WriteXlsxAsync(IAsyncEnumerable<TargetExportRow> rows, Stream output, CancellationToken cancellationToken) =>
        SyncWriterBridge.WriteAsync(
            output,
            (stream, token) => MiniExcel.SaveAsAsync(stream, Sheet(rows, token), sheetName: SheetName, excelType: ExcelType.XLSX, configuration: XlsxSettings.Configuration(), cancellationToken: token),
            cancellationToken);

    private static async IAsyncEnumerable<TargetCells> Sheet(IAsyncEnumerable<TargetExportRow> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rank = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return Cells(row, ++rank);
        }
    }

    internal static TargetCells Cells(TargetExportRow row, int rank) => new()
    {
        Rank = rank,
        Name = SpreadsheetSafe.Text(row.Name),
        Uscc = SpreadsheetSafe.Text(row.Uscc),
        Province = SpreadsheetSafe.Text(row.Province),
        City = SpreadsheetSafe.Text(row.City),
        County = SpreadsheetSafe.Text(row.County),
        SegmentCode = SpreadsheetSafe.Text(row.SegmentCode),
        Segment = SpreadsheetSafe.Text(row.SegmentName),
        Tier = row.Tier.ToChinese(),
        Score = Math.Round(row.Score, 2),
        ScoreParts = SpreadsheetSafe.Text(string.Join(ListSeparator, row.ScoreParts.Select(p => $"{p.Name} {p.Points.ToString("0.##", CultureInfo.InvariantCulture)}"))),
        Reasons = SpreadsheetSafe.Text(string.Join(ListSeparator, row.Reasons)),
        IntroductionPaths = SpreadsheetSafe.Text(string.Join(ListSeparator, row.IntroductionPaths)),
        Tags = SpreadsheetSafe.Text(string.Join(ListSeparator, row.Tags)),
        RegisteredCapital = row.RegisteredCapital,
        CompanyId = row.CompanyId,
    };

    /// <summary>One row as cells, for MiniExcel (the attributes name the columns) and the CSV writer alike.</summary>
    internal sealed class TargetCells
    {
        [ExcelColumn(Name = "序号", Index = 0, Width = 7)]
        public int Rank { get; set; }

        [ExcelColumn(Name = "企业名称", Index = 1, Width = 36)]
        public string Name { get; set; } = "";

        [ExcelColumn(Name = "统一社会信用代码", Index = 2, Width = 22)]
        public string Uscc { get; set; } = "";

        [ExcelColumn(Name = "省份", Index = 3, Width = 10)]
        public string Province { get; set; } = "";

        [ExcelColumn(Name = "城市", Index = 4, Width = 12)]
        public string City { get; set; } = "";

        [ExcelColumn(Name = "区县", Index = 5, Width = 12)]
        public string County { get; set; } = "";

        [ExcelColumn(Name = "环节编码", Index = 6, Width = 20)]
        public string SegmentCode { get; set; } = "";

        [ExcelColumn(Name = "环节", Index = 7, Width = 18)]
        public string Segment { get; set; } = "";

        [ExcelColumn(Name = "层级", Index = 8, Width = 7)]
        public string Tier { get; set; } = "";

        [ExcelColumn(Name = "得分", Index = 9, Width = 8)]
        public double Score { get; set; }

        [ExcelColumn(Name = "得分构成", Index = 10, Width = 24)]
        public string ScoreParts { get; set; } = "";

        [ExcelColumn(Name = "推荐理由", Index = 11, Width = 60)]
        public string Reasons { get; set; } = "";

        [ExcelColumn(Name = "引荐路径", Index = 12, Width = 60)]
        public string IntroductionPaths { get; set; } = "";

        [ExcelColumn(Name = "标签", Index = 13, Width = 24)]
        public string Tags { get; set; } = "";

        [ExcelColumn(Name = "注册资本（万元）", Index = 14, Width = 14)]
        public decimal? RegisteredCapital { get; set; }

        [ExcelColumn(Name = "企业ID", Index = 15, Width = 10)]
        public long CompanyId { get; set; }
    }
}
