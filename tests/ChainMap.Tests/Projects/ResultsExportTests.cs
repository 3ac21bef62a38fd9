using System.Globalization;
using System.IO.Compression;
using ChainMap.Projects;
using CsvHelper;
using MiniExcelLibs;

namespace ChainMap.Tests.Projects;

/// <summary>The results exports read back with CsvHelper and MiniExcel, as a user's spreadsheet would read them.</summary>
public sealed class ResultsExportTests
{
    private const string Evil = "=HYPERLINK(\"http://evil.example\",\"点我\")";

    // The hand-made set of ProjectResultsTests, by team, with one team whose name is a formula.
    private static ResultsReport Report() => ProjectResults.Compute(
        ProjectResultsTests.Input(), ProjectResultsTests.From, ProjectResultsTests.To, ResultsDimension.Team,
        [new KnownGroup("csj", "长三角驻点招商专班"), new KnownGroup("zsj", Evil), new KnownGroup("cy", "@成渝")]);

    [Test]
    public async Task Csv_reads_back_with_chinese_headers_one_row_per_group_and_the_total()
    {
        using var stream = new MemoryStream();
        await ResultsExport.WriteCsvAsync(Report(), stream, CancellationToken.None);
        var bytes = stream.ToArray();
        using var reader = new StreamReader(new MemoryStream(bytes));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<Dictionary<string, string>>();
        await csv.ReadAsync();
        csv.ReadHeader();
        var headers = csv.HeaderRecord!;
        while (await csv.ReadAsync())
        {
            rows.Add(headers.ToDictionary(h => h, h => csv.GetField(h)!));
        }

        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 BOM so that Excel reads the Chinese");
        Assert.That(headers, Is.EqualTo(ResultsExport.Headers));
        Assert.That(rows.Select(r => r["分组代码"]), Is.EqualTo(new[] { "csj", "zsj", "cy", "gone", "*" }));
        var csj = rows[0];
        Assert.That(csj["期间"], Is.EqualTo("2026-01-01至2026-03-31"));
        Assert.That(csj["分组"], Is.EqualTo("长三角驻点招商专班"));
        // csj: 签约 P1 + P2 + P5 = 3 projects, 23000 万元; 签约→落地 1 of 3 = 0.3333; 谋划 median (20 + 40) / 2 = 30; 4 activities.
        Assert.That(csj["签约项目数"], Is.EqualTo("3"));
        Assert.That(decimal.Parse(csj["签约计划投资(万元)"], CultureInfo.InvariantCulture), Is.EqualTo(23000m));
        Assert.That(csj["签约→落地转化数"], Is.EqualTo("1"));
        Assert.That(csj["签约→落地转化率"], Is.EqualTo("0.3333"));
        Assert.That(csj["开工→投产转化率"], Is.Empty, "no project reached 开工: no rate");
        Assert.That(csj["谋划停留中位天数"], Is.EqualTo("30"));
        Assert.That(csj["活动数"], Is.EqualTo("4"));
        Assert.That(rows[^1]["分组"], Is.EqualTo("合计"));
        Assert.That(rows[^1]["洽谈项目数"], Is.EqualTo("4"));
    }

    [Test]
    public async Task Csv_neutralises_text_that_a_spreadsheet_would_run_as_a_formula()
    {
        using var stream = new MemoryStream();
        await ResultsExport.WriteCsvAsync(Report(), stream, CancellationToken.None);
        stream.Position = 0;
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var names = new List<string>();
        await csv.ReadAsync();
        csv.ReadHeader();
        while (await csv.ReadAsync())
        {
            names.Add(csv.GetField("分组")!);
        }

        Assert.That(names[1], Is.EqualTo("'" + Evil));
        Assert.That(names[2], Is.EqualTo("'@成渝"));
    }

    [TestCase("=1+1", "'=1+1")]
    [TestCase("+86", "'+86")]
    [TestCase("-3", "'-3")]
    [TestCase("@SUM(A1)", "'@SUM(A1)")]
    [TestCase("\tx", "'\tx")]
    [TestCase("\rx", "'\rx")]
    [TestCase("长三角", "长三角")]
    [TestCase("", "")]
    public void Neutralise_prefixes_only_formula_starts(string text, string expected)
    {
        Assert.That(ResultsExport.Neutralise(text), Is.EqualTo(expected));
    }

    [Test]
    public async Task Xlsx_reads_back_with_numbers_as_numbers_and_no_formula()
    {
        using var stream = new MemoryStream();
        await ResultsExport.WriteXlsxAsync(Report(), stream, CancellationToken.None);
        stream.Position = 0;
        var rows = MiniExcel.Query(stream, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();

        Assert.That(rows, Has.Count.EqualTo(5));
        Assert.That(rows[0].Keys, Is.EqualTo(ResultsExport.Headers));
        var zsj = rows[1];
        // zsj: 洽谈 stays 32, 37, 45 → median 37; 终止 P3 = 1 project, 20000 万元; a3, a4 = 2 activities.
        Assert.That(Convert.ToDouble(zsj["洽谈停留中位天数"], CultureInfo.InvariantCulture), Is.EqualTo(37.0));
        Assert.That(Convert.ToInt32(zsj["终止项目数"], CultureInfo.InvariantCulture), Is.EqualTo(1));
        Assert.That(Convert.ToDecimal(zsj["终止计划投资(万元)"], CultureInfo.InvariantCulture), Is.EqualTo(20000m));
        Assert.That(Convert.ToInt32(zsj["活动数"], CultureInfo.InvariantCulture), Is.EqualTo(2));
        Assert.That(zsj["分组"], Is.EqualTo("'" + Evil));
        Assert.That(Convert.ToDouble(rows[^1]["洽谈→签约转化率"], CultureInfo.InvariantCulture), Is.EqualTo(0.75), "total: 3 of 4 signed");

        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var sheet = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
        using var xml = new StreamReader(sheet.Open());
        var content = await xml.ReadToEndAsync();
        Assert.That(content, Does.Not.Contain("<x:f>").And.Not.Contain("<f>"), "no cell is written as a formula");
    }
}
