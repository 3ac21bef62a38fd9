using System.Globalization;
using System.Text;
using ChainMap.Domain;
using ChainMap.Export;
using ChainMap.Tests.Support;
using CsvHelper;
using MiniExcelLibs;

namespace ChainMap.Tests.Export;

public sealed class TargetListWriterTests
{
    private const int StreamedRows = 100_000;

    private static TargetExportRow Row(long id, string name, string? uscc = "91420000MA4KXXXX1X", IReadOnlyList<string>? reasons = null) => new(
        id, name, uscc, "江苏省", "苏州市", "相城区", "ZQ-BODY", "上装制造", Tier.Midstream, 71.256,
        [new ScorePart("企业实力", 51.256), new ScorePart("缺口匹配", 20)],
        reasons ?? ["随州市上装制造薄弱（强链）", "专精特新"],
        ["随州市程力示例（客户）→ 该企业", "江苏随州商会 → 该企业"],
        ["专精特新", "高新技术企业"],
        5000.5m);

    private static async IAsyncEnumerable<TargetExportRow> Rows(params TargetExportRow[] rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    private static readonly TargetExportRow[] Injection =
    [
        Row(1, "=cmd|' /C calc'!A0"),
        Row(2, "+SUM(1,2)"),
        Row(3, "-2+3", reasons: ["@SUM(A1)"]),
        Row(4, "@import"),
        Row(5, "\tTabbed 公司"),
        Row(6, "\rReturn 公司"),
        Row(7, "苏州正常有限公司"),
    ];

    [Test]
    public async Task Csv_is_utf8_with_bom_has_every_column_and_reads_back_with_csvhelper()
    {
        var output = new AsyncOnlyStream();
        await TargetListWriter.WriteCsvAsync(Rows(Row(42, "苏州市凯盛仓栅车厢有限公司"), Row(43, "第二家, 含逗号\"引号\"")), output, CancellationToken.None);

        Assert.That(output.Bytes.Take(3), Is.EqualTo(Encoding.UTF8.Preamble.ToArray()));
        using var reader = new StreamReader(new MemoryStream(output.Bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var records = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();

        Assert.That(csv.HeaderRecord, Is.EqualTo(TargetListWriter.Columns));
        Assert.That(TargetListWriter.Columns, Is.SupersetOf(new[] { "企业名称", "省份", "城市", "区县", "环节", "得分", "推荐理由", "引荐路径" }));
        Assert.That(records, Has.Count.EqualTo(2));
        var first = records[0];
        Assert.That(first["序号"], Is.EqualTo("1"));
        Assert.That(first["企业名称"], Is.EqualTo("苏州市凯盛仓栅车厢有限公司"));
        Assert.That(first["统一社会信用代码"], Is.EqualTo("91420000MA4KXXXX1X"));
        Assert.That((first["省份"], first["城市"], first["区县"]), Is.EqualTo(("江苏省", "苏州市", "相城区")));
        Assert.That((first["环节编码"], first["环节"], first["层级"]), Is.EqualTo(("ZQ-BODY", "上装制造", "中游")));
        Assert.That(first["得分"], Is.EqualTo("71.26"));
        Assert.That(first["得分构成"], Is.EqualTo("企业实力 51.26；缺口匹配 20"));
        Assert.That(first["推荐理由"], Is.EqualTo("随州市上装制造薄弱（强链）；专精特新"));
        Assert.That(first["引荐路径"], Is.EqualTo("随州市程力示例（客户）→ 该企业；江苏随州商会 → 该企业"));
        Assert.That(first["标签"], Is.EqualTo("专精特新；高新技术企业"));
        Assert.That(first["注册资本（万元）"], Is.EqualTo("5000.5"));
        Assert.That(first["企业ID"], Is.EqualTo("42"));
        Assert.That(records[1]["企业名称"], Is.EqualTo("第二家, 含逗号\"引号\""));
    }

    [Test]
    public async Task Csv_cells_that_would_start_a_formula_get_a_leading_apostrophe()
    {
        var output = new AsyncOnlyStream();
        await TargetListWriter.WriteCsvAsync(Rows(Injection), output, CancellationToken.None);

        using var reader = new StreamReader(new MemoryStream(output.Bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var records = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();

        Assert.That(records.Select(r => r["企业名称"]), Is.EqualTo(new[] { "'=cmd|' /C calc'!A0", "'+SUM(1,2)", "'-2+3", "'@import", "'\tTabbed 公司", "'\rReturn 公司", "苏州正常有限公司" }));
        Assert.That(records[2]["推荐理由"], Is.EqualTo("'@SUM(A1)"));
    }

    [Test]
    public async Task Xlsx_has_the_target_sheet_with_the_same_columns_and_neutralised_formulas()
    {
        var output = new AsyncOnlyStream();
        await TargetListWriter.WriteXlsxAsync(Rows(Injection), output, CancellationToken.None);
        using var xlsx = new MemoryStream(output.Bytes);

        Assert.That(MiniExcel.GetSheetNames(xlsx), Is.EqualTo(new[] { "目标企业" }));
        var rows = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "目标企业").Cast<IDictionary<string, object?>>().ToList();
        Assert.That(rows[0].Keys, Is.EqualTo(TargetListWriter.Columns));
        // An XML reader turns the raw carriage return into a line feed; the apostrophe in front is what counts.
        Assert.That(rows.Select(r => r["企业名称"]), Is.EqualTo(new[] { "'=cmd|' /C calc'!A0", "'+SUM(1,2)", "'-2+3", "'@import", "'\tTabbed 公司", "'\nReturn 公司", "苏州正常有限公司" }));
        Assert.That(rows[2]["推荐理由"], Is.EqualTo("'@SUM(A1)"));
        Assert.That(Convert.ToDouble(rows[6]["得分"], CultureInfo.InvariantCulture), Is.EqualTo(71.26), "scores are numbers");
        Assert.That(rows[6]["引荐路径"], Is.EqualTo("随州市程力示例（客户）→ 该企业；江苏随州商会 → 该企业"));
        Assert.That(rows[6]["城市"], Is.EqualTo("苏州市"));
    }

    [Test]
    public async Task Empty_target_list_still_has_its_header_in_both_formats()
    {
        var csv = new AsyncOnlyStream();
        await TargetListWriter.WriteCsvAsync(Rows(), csv, CancellationToken.None);
        var xlsx = new AsyncOnlyStream();
        await TargetListWriter.WriteXlsxAsync(Rows(), xlsx, CancellationToken.None);

        Assert.That(Encoding.UTF8.GetString(csv.Bytes).TrimStart('\uFEFF').TrimEnd(), Is.EqualTo(string.Join(",", TargetListWriter.Columns)));
        var rows = MiniExcel.Query(new MemoryStream(xlsx.Bytes), useHeaderRow: false, sheetName: "目标企业").Cast<IDictionary<string, object?>>().ToList();
        Assert.That(rows, Has.Count.EqualTo(1));
        Assert.That(rows[0].Values, Is.EqualTo(TargetListWriter.Columns));
    }

    [TestCase("csv")]
    [TestCase("xlsx")]
    public async Task A_100k_row_export_streams_to_the_output_while_rows_are_still_being_produced(string formatName)
    {
        var format = TargetListFormats.Find(formatName)!;
        var output = new AsyncOnlyStream(keep: false);
        long writtenAtHalf = -1;
        var rows = SyntheticTargetRows.GenerateAsync(StreamedRows, i =>
        {
            if (i == StreamedRows / 2)
            {
                writtenAtHalf = output.Written;
            }
        });

        await TargetListWriter.WriteAsync(format, rows, output, CancellationToken.None);

        if (formatName == "csv")
        {
            Assert.That(output.LineFeeds, Is.EqualTo(StreamedRows + 1), "header and every row written");
        }

        Assert.That(output.Written, Is.GreaterThan(StreamedRows * 100L), "the rows are in the output");
        Assert.That(writtenAtHalf, Is.GreaterThan(output.Written * 4 / 10), "by the time half the rows were produced, at least 40% of the bytes had left: nothing waits for the end");
    }

    [Test]
    public void Cancelling_a_streamed_xlsx_export_stops_the_producer()
    {
        using var cancel = new CancellationTokenSource();
        var produced = 0;
        var rows = SyntheticTargetRows.GenerateAsync(StreamedRows, i =>
        {
            produced = i;
            if (i == 1000)
            {
                cancel.Cancel();
            }
        }, cancel.Token);

        Assert.That(async () => await TargetListWriter.WriteXlsxAsync(rows, new AsyncOnlyStream(keep: false), cancel.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(produced, Is.LessThan(2000));
    }
}
