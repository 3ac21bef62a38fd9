using System.Globalization;
using System.Text;
using ChainMap.Import;
using ChainMap.Tests.Support;
using MiniExcelLibs;

namespace ChainMap.Tests.Import;

public sealed class CompanyImportTests
{
    private static readonly string Uscc1 = ImportTestStore.NewUscc("421303", "MA4K0L2X1");
    private static readonly string Uscc2 = ImportTestStore.NewUscc("421303", "MA4K0L2X2");
    private static readonly string Uscc3 = ImportTestStore.NewUscc("420106", "MA4K0L2X3");
    private ImportTestStore store = null!;

    [SetUp]
    public async Task CreateStore() => store = await ImportTestStore.CreateAsync();

    [TearDown]
    public async Task DisposeStore() => await store.DisposeAsync();

    [Test]
    public async Task Gbk_file_with_Chinese_headers_imports_every_row()
    {
        var path = store.Write("gbk.csv", $"""
            企业名称,统一社会信用代码,省份,城市,区县,注册资本(万元),成立日期,主营产品
            随州市甲专用汽车有限公司,{Uscc1},湖北省,随州市,曾都区,5000,2010-05-01,罐体、专用车
            隨州市乙液壓有限公司,{Uscc2},湖北,随州,曾都,"1,200",2012/3/4,液压油缸
            武汉丙科技有限公司,,湖北省,武汉市,,800,,
            """, ImportFileInspector.Gb18030);

        var summary = await store.ImportAsync(path);

        Assert.That(summary.FileProblem, Is.Null);
        Assert.That(summary.Format, Is.EqualTo("GB18030/GBK, comma-separated"));
        Assert.That((summary.Read, summary.Inserted, summary.Updated, summary.Unchanged, summary.Rejected), Is.EqualTo((3L, 3L, 0L, 0L, 0L)));
        Assert.That(summary.Written, Is.True);
        var second = await store.Store.GetCompanyByUsccAsync(Uscc2, CancellationToken.None);
        Assert.That(second!.Name, Is.EqualTo("隨州市乙液壓有限公司"), "names are stored as written, in their script");
        Assert.That(second.CountyCode, Is.EqualTo("421303"));
        Assert.That(second.RegisteredCapital, Is.EqualTo(1200m));
        Assert.That(second.Founded, Is.EqualTo(new DateOnly(2012, 3, 4)));
        Assert.That(await store.CountAsync(), Is.EqualTo(3));
    }

    [Test]
    public async Task Excel_unicode_text_utf16_with_its_bom_and_tabs_imports_every_row()
    {
        // Excel's Save As "Unicode 文本 (*.txt)": UTF-16 little-endian with its byte-order mark, tab-separated, CRLF.
        var path = store.Write("unicode.txt", $"企业名称\t统一社会信用代码\t省份\t城市\t区县\t主营产品\r\n"
            + $"随州市甲专用汽车有限公司\t{Uscc1}\t湖北省\t随州市\t曾都区\t罐体、专用车\r\n"
            + $"隨州市乙液壓有限公司\t{Uscc2}\t湖北\t随州\t曾都\t液压油缸\r\n", Encoding.Unicode);

        var summary = await store.ImportAsync(path);

        Assert.That(File.ReadAllBytes(path)[..2], Is.EqualTo(new byte[] { 0xFF, 0xFE }), "the file is what Excel writes");
        Assert.That(summary.FileProblem, Is.Null);
        Assert.That(summary.Format, Is.EqualTo("UTF-16LE with BOM, tab-separated"));
        Assert.That((summary.Read, summary.Inserted, summary.Rejected), Is.EqualTo((2L, 2L, 0L)));
        var first = await store.Store.GetCompanyByUsccAsync(Uscc1, CancellationToken.None);
        var second = await store.Store.GetCompanyByUsccAsync(Uscc2, CancellationToken.None);
        Assert.That(first!.Name, Is.EqualTo("随州市甲专用汽车有限公司"), "no byte-order mark left in the first cell");
        Assert.That((second!.Name, second.CountyCode), Is.EqualTo(("隨州市乙液壓有限公司", "421303")));
    }

    private static readonly string XlsFixture = Path.GetFullPath(Path.Combine(TestData.DataPath, "..", "tests", "ChainMap.Tests", "Import", "fixtures", "bureau-list.xls"));

    [Test]
    public async Task An_excel_97_2003_workbook_imports_its_first_sheet_below_its_title()
    {
        // scripts/data/make_xls_fixture.mjs: a title row, the header, two companies, a blank row, a third; a second sheet of notes.
        var path = store.WriteBytes("重点企业名单.xls", await File.ReadAllBytesAsync(XlsFixture));

        var summary = await store.ImportAsync(path);

        Assert.That(summary.FileProblem, Is.Null);
        Assert.That(summary.Format, Is.EqualTo("xls, first sheet"));
        Assert.That((summary.Read, summary.Inserted, summary.Rejected), Is.EqualTo((3L, 3L, 0L)), "the notes sheet is not read");
        Assert.That(summary.Problems.Select(p => (p.Line, p.Severity)), Does.Contain((1, ProblemSeverity.Warning)), "the title row is skipped with a warning");
        var first = await store.Store.GetCompanyByUsccAsync("91421303MA4K0XL011", CancellationToken.None);
        var second = await store.Store.GetCompanyByUsccAsync("91421303MA4K0XL024", CancellationToken.None);
        Assert.That((first!.Name, first.CountyCode, first.RegisteredCapital, first.Founded), Is.EqualTo(("随州市示例专用汽车有限公司", "421303", 5000m, new DateOnly(2010, 5, 1))));
        Assert.That((second!.Name, second.RegisteredCapital, second.Founded), Is.EqualTo(("隨州市示例液壓有限公司", 1200.5m, new DateOnly(2012, 3, 4))));
        Assert.That(first.Memberships.Select(m => m.SegmentCode), Has.Some.StartsWith("ZQ-"), "the products cell is read");
        Assert.That(await store.CountAsync(), Is.EqualTo(3));
    }

    [Test]
    public async Task A_damaged_or_foreign_compound_file_is_rejected_whole()
    {
        var bytes = await File.ReadAllBytesAsync(XlsFixture);
        var truncated = store.WriteBytes("truncated.xls", bytes[..(bytes.Length / 3)]);
        // the OLE signature with nothing a workbook holds after it (a Word or Outlook file is refused the same way)
        var foreign = store.WriteBytes("memo.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[1024]]);

        var truncatedSummary = await store.ImportAsync(truncated);
        var foreignSummary = await store.ImportAsync(foreign);

        Assert.That(truncatedSummary.FileProblem?.Reason, Does.StartWith("not a readable Excel 97-2003 (.xls) workbook: ").And.EndWith("save it as .xlsx or CSV UTF-8"));
        Assert.That(foreignSummary.FileProblem?.Reason, Does.StartWith("not a readable Excel 97-2003 (.xls) workbook: "));
        Assert.That(await store.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task A_cell_written_as_an_excel_text_formula_is_read_as_its_text()
    {
        // ="…" keeps leading zeros and long codes as text when the CSV is opened in Excel; a formula of anything else stays as written.
        var path = store.Write("formula.csv", $"企业名称,统一社会信用代码,股票代码,省份,城市,主营产品\n"
            + $"甲液压有限公司,\"=\"\"{Uscc1}\"\"\",\"=\"\"000001\"\"\",湖北省,随州市,\"=SUM(A1)\"\n");

        var summary = await store.ImportAsync(path);

        var company = await store.Store.GetCompanyByUsccAsync(Uscc1, CancellationToken.None);
        Assert.That(summary.Problems, Is.Empty, "the USCC is valid once unwrapped");
        Assert.That((company!.ListedCode, company.Products), Is.EqualTo(("000001", "=SUM(A1)")));
    }

    [Test]
    public async Task Big_endian_utf16_with_its_bom_imports()
    {
        var path = store.Write("be.csv", $"企业名称,统一社会信用代码,区县\n甲液压有限公司,{Uscc1},曾都区\n", Encoding.BigEndianUnicode);

        var summary = await store.ImportAsync(path);

        Assert.That(summary.Format, Is.EqualTo("UTF-16BE with BOM, comma-separated"));
        Assert.That((summary.Read, summary.Inserted), Is.EqualTo((1L, 1L)));
        Assert.That((await store.Store.GetCompanyByUsccAsync(Uscc1, CancellationToken.None))!.Name, Is.EqualTo("甲液压有限公司"));
    }

    [Test]
    public async Task Utf16_that_does_not_decode_or_holds_nul_is_rejected_whole_with_its_line()
    {
        // an unpaired high surrogate (0xD800) on line 3, and a NUL character on line 2
        var bad = store.WriteBytes("surrogate.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("企业名称\t区县\n甲公司\t曾都区\n乙"), 0x00, 0xD8, .. Encoding.Unicode.GetBytes("公司\t曾都区\n")]);
        var nul = store.WriteBytes("nul.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("企业名称\t区县\n甲\0公司\t曾都区\n")]);
        var noBom = store.WriteBytes("nobom.txt", Encoding.Unicode.GetBytes("企业名称\t区县\n甲公司\t曾都区\n"));

        var badSummary = await store.ImportAsync(bad);
        var nulSummary = await store.ImportAsync(nul);
        var noBomSummary = await store.ImportAsync(noBom);

        Assert.That((badSummary.FileProblem?.Line, badSummary.FileProblem?.Reason), Is.EqualTo((3, (string?)
            "undecodable bytes: the file opens with a UTF-16 byte-order mark but is not valid UTF-16 text (an unpaired surrogate or an odd last byte); save it as CSV UTF-8 or .xlsx")));
        Assert.That((nulSummary.FileProblem?.Line, nulSummary.FileProblem?.Value, nulSummary.FileProblem?.Reason), Is.EqualTo((2, (string?)"U+0000", (string?)
            "the file contains NUL characters: it is binary, not a CSV table; save it as CSV UTF-8 or .xlsx")));
        Assert.That(noBomSummary.FileProblem?.Reason, Does.Contain("NUL bytes: it is binary (or UTF-16 text)"), "UTF-16 without its mark cannot be told from binary");
        Assert.That(await store.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Utf8_file_with_bom_and_English_headers_imports()
    {
        var path = store.Write("bom.csv", $"Company Name,USCC,Region Code,Products\n甲液压有限公司,{Uscc1},421303,液压油缸\n乙液压有限公司,,320506,齿轮泵\n", new UTF8Encoding(true));

        var summary = await store.ImportAsync(path);

        Assert.That(summary.Format, Is.EqualTo("UTF-8 with BOM, comma-separated"));
        Assert.That((summary.Read, summary.Inserted, summary.Rejected), Is.EqualTo((2L, 2L, 0L)));
        Assert.That(summary.Columns.Select(c => c.Field), Is.EqualTo(new[] { "name", "uscc", "region_code", "products" }));
        var first = await store.Store.GetCompanyByUsccAsync(Uscc1, CancellationToken.None);
        Assert.That(first!.Memberships.Single().SegmentCode, Is.EqualTo("ZQ-HYD"));
        Assert.That(first.Memberships.Single().Evidence, Does.StartWith("产品: "));
        Assert.That(first.Memberships.Single().Confidence, Is.InRange(0.5, 0.9));
    }

    [Test]
    public async Task Xlsx_file_imports_with_numbers_and_dates_from_cells()
    {
        var path = Path.Combine(store.Directory, "companies.xlsx");
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["公司名称"] = "随州市甲专用汽车有限公司", ["信用代码"] = Uscc1, ["行政区划代码"] = "421303", ["注册资本"] = 5000.5, ["成立时间"] = new DateTime(2010, 5, 1), ["员工人数"] = 120d },
            new() { ["公司名称"] = "广水市乙专用汽车有限公司", ["信用代码"] = null, ["行政区划代码"] = "421381", ["注册资本"] = null, ["成立时间"] = null, ["员工人数"] = null },
        };
        MiniExcel.SaveAs(path, rows);

        var summary = await store.ImportAsync(path);

        Assert.That(summary.Format, Is.EqualTo("xlsx, first sheet"));
        Assert.That((summary.Read, summary.Inserted, summary.Rejected), Is.EqualTo((2L, 2L, 0L)));
        var first = await store.Store.GetCompanyByUsccAsync(Uscc1, CancellationToken.None);
        Assert.That(first!.RegisteredCapital, Is.EqualTo(5000.5m));
        Assert.That(first.Founded, Is.EqualTo(new DateOnly(2010, 5, 1)));
        Assert.That(first.Employees, Is.EqualTo(120));
    }

    [TestCase("板块,公司全称,英文名称,注册地址,A股代码,A股简称,A股上市日期,地 区,省 份,城 市,所属行业", "主板,湖北三环锻造股份有限公司,Sanhuan,湖北省谷城县,000001,三环锻造,2010-01-01,华中,湖北,襄阳,C 制造业", "A股代码", "000001")]
    [TestCase("公司代码,公司简称,公司全称,省份,城市", "600066,宇通客车,宇通客车股份有限公司,河南,郑州", "公司代码", "600066")]
    public async Task An_exchanges_own_list_gives_the_listed_code(string header, string row, string codeColumn, string code)
    {
        // 深交所's list names the code A股代码, 上交所's 公司代码: a listed company counts towards strength (docs/discovery.md).
        var summary = await store.ImportAsync(store.Write("exchange.csv", header + "\n" + row + "\n"));

        Assert.That((summary.Inserted, summary.Rejected), Is.EqualTo((1L, 0L)));
        Assert.That(summary.Columns.Single(c => c.Field == CompanyColumns.ListedCode).Header, Is.EqualTo(codeColumn));
        var company = (await store.Store.SearchCompaniesAsync(new ChainMap.Storage.CompanyQuery(null, null, null, null, 1, 5), CancellationToken.None)).Items.Single();
        Assert.That(company.ListedCode, Is.EqualTo(code));
    }

    [Test]
    public async Task Export_notes_of_two_cells_above_the_table_are_skipped_and_a_table_without_a_name_column_is_still_refused()
    {
        var notes = await store.ImportAsync(store.Write("notes.csv", "数据来源：企查查,导出时间：2026-12-01\n筛选条件：湖北省,共 1 条\n企业名称,所属省份,所属城市\n湖北程力专用汽车股份有限公司,湖北省,随州市\n"));
        var unnamed = await store.ImportAsync(store.Write("unnamed.csv", "单位,省份\n甲有限公司,湖北省\n"));

        Assert.That((notes.Read, notes.Inserted, notes.Rejected), Is.EqualTo((1L, 1L, 0L)));
        Assert.That(notes.Problems.Select(p => (p.Line, p.Severity, p.Reason)), Is.EqualTo(new[]
        {
            (1, ProblemSeverity.Warning, "line 1 names no company column (export notes above the table): the header was found on line 3, and the lines above it were skipped"),
        }));
        Assert.That(unnamed.Problems.Single().Reason, Does.StartWith("no company name column"));
        Assert.That(unnamed.Problems.Single().Line, Is.EqualTo(1));
    }

    [Test]
    public async Task A_Wind_export_is_read_by_its_own_headers_and_its_notes_and_totals_below_the_table_are_no_companies()
    {
        // Wind names the full name 公司中文名称 beside the short 证券简称, and the industry 所属Wind行业 as a GICS path; exports and a
        // bureau's own sheets end with a total row and notes, which are skipped with a warning, neither read nor rejected.
        var summary = await store.ImportAsync(store.Write("wind.csv",
            "证券代码,证券简称,公司中文名称,省份,城市,所属Wind行业,注册资本(万元)\n" +
            "600276.SH,恒瑞医药,江苏恒瑞医药股份有限公司,江苏省,连云港市,医疗保健-制药、生物科技与生命科学-制药-西药,637000\n" +
            "601058.SH,赛轮轮胎,,山东省,青岛市,可选消费-汽车与汽车零部件-汽车零配件-轮胎与橡胶,328000\n" +
            "合计,,,,,,965000\n" +
            "\n" +
            "数据来源：Wind\n"));

        Assert.That((summary.Read, summary.Inserted, summary.Rejected), Is.EqualTo((2L, 2L, 0L)));
        Assert.That(summary.Columns.Where(c => c.Field == CompanyColumns.Name).Select(c => (c.Header, c.WhenEmpty)),
            Is.EqualTo(new[] { ("证券简称", (string?)"公司中文名称"), ("公司中文名称", null) }), "the short name only where the full name is empty");
        Assert.That(summary.Columns.Single(c => c.Field == CompanyColumns.Industry).Header, Is.EqualTo("所属Wind行业"));
        Assert.That(summary.Problems.Select(p => (p.Line, p.Severity, p.Reason)), Is.EqualTo(new[]
        {
            (4, ProblemSeverity.Warning, "line 4 is a total row (合计), not a company: skipped"),
            (6, ProblemSeverity.Warning, "line 6 is a note below the table, not a company: skipped"),
        }));
        var companies = (await store.Store.SearchCompaniesAsync(new ChainMap.Storage.CompanyQuery(null, null, null, null, 1, 5), CancellationToken.None)).Items;
        Assert.That(companies.Select(c => c.Name), Is.EquivalentTo(new[] { "江苏恒瑞医药股份有限公司", "赛轮轮胎" }), "the short name only where the full name is empty");
        var hengrui = companies.Single(c => c.Name == "江苏恒瑞医药股份有限公司");
        var sailun = companies.Single(c => c.Name == "赛轮轮胎");
        Assert.That((await store.Store.GetCompanyAsync(hengrui.Id, CancellationToken.None))!.Memberships.Select(m => m.SegmentCode), Does.Contain("SW-CHEM"));
        Assert.That((await store.Store.GetCompanyAsync(sailun.Id, CancellationToken.None))!.Memberships.Select(m => m.SegmentCode), Does.Contain("ZQ-TIRE"));
    }

    [TestCase("csv")]
    [TestCase("xlsx")]
    public async Task A_header_merged_over_two_rows_is_read_whole_and_its_second_row_is_no_company(string format)
    {
        // A bureau's spreadsheet: 所在地区 merged over 省 | 市 | 区县, 注册资本 over nothing.
        string?[][] table =
        [
            ["序号", "企业名称", "所在地区", null, null, "主营产品"],
            [null, null, "省", "市", "区县", null],
            ["1", "徐州重型机械有限公司", "江苏省", "徐州市", "铜山区", "随车起重机"],
            ["2", "湖北程力专用汽车股份有限公司", "湖北省", "随州市", "曾都区", "专用汽车"],
        ];
        string path;
        if (format == "csv")
        {
            path = store.Write("merged-header.csv", string.Join("\n", table.Select(row => string.Join(",", row.Select(cell => cell ?? string.Empty)))) + "\n");
        }
        else
        {
            path = Path.Combine(store.Directory, "merged-header.xlsx");
            MiniExcel.SaveAs(path, table.Select(row => row.Select((cell, i) => (Key: ((char)('A' + i)).ToString(), Value: (object?)cell)).ToDictionary(c => c.Key, c => c.Value)), printHeader: false);
        }

        var summary = await store.ImportAsync(path);

        Assert.That((summary.Read, summary.Inserted, summary.Rejected), Is.EqualTo((2L, 2L, 0L)));
        Assert.That(summary.Columns.Where(c => c.Field is not null).Select(c => (c.Header, c.Field)), Is.EqualTo(new (string, string?)[]
        {
            ("企业名称", "name"), ("省", "province"), ("市", "city"), ("区县", "county"), ("主营产品", "products"),
        }));
        Assert.That(summary.Problems.Select(p => (p.Line, p.Severity)), Is.EqualTo(new[] { (2, ProblemSeverity.Warning) }));
        Assert.That(summary.Problems[0].Reason, Does.StartWith("line 2 is a second header row (the header's cells are merged over two rows): 省, 市, 区县 name the columns under it"));
        var companies = await store.Store.SearchCompaniesAsync(new ChainMap.Storage.CompanyQuery(null, null, null, null, 1, 50), CancellationToken.None);
        Assert.That(companies.Items.Select(c => (c.Name, c.RegionCode)), Is.EquivalentTo(new[] { ("徐州重型机械有限公司", "320312"), ("湖北程力专用汽车股份有限公司", "421303") }),
            "placed in their counties, not in their provinces alone");
    }

    [TestCase("2016-02-29")]
    [TestCase("2015-02-29")]
    [TestCase("1985-12-31")]
    [TestCase("0000-01-01")]
    [TestCase("2015-13-45")]
    [TestCase("2015-2-3")]
    [TestCase("2015/02/03")]
    [TestCase("２０１５-０２-０３")]
    [TestCase("2015-02-3x")]
    [TestCase("201a-02-03")]
    public void A_founding_date_read_on_the_short_path_is_what_the_yyyy_MM_dd_format_reads(string text)
    {
        var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : (DateOnly?)null;
        Assert.That(CompanyRowResolver.IsoDate(text), Is.EqualTo(expected));
    }

    [Test]
    public async Task Reimporting_the_same_file_changes_nothing()
    {
        var path = store.Write("companies.csv", $"企业名称,统一社会信用代码,行政区划代码,注册资本,标签\n甲液压有限公司,{Uscc1},421303,500,专精特新\n乙液压有限公司,,320506,800,\n");
        var first = await store.ImportAsync(path);
        var id = (await store.Store.GetCompanyByUsccAsync(Uscc1, CancellationToken.None))!.Id;
        var provenanceBefore = await store.Store.GetCompanyProvenanceAsync(id, CancellationToken.None);

        var second = await store.ImportAsync(path);

        Assert.That(first.Inserted, Is.EqualTo(2));
        Assert.That((second.Read, second.Inserted, second.Updated, second.Unchanged, second.Rejected), Is.EqualTo((2L, 0L, 0L, 2L, 0L)));
        Assert.That(await store.CountAsync(), Is.EqualTo(2));
        Assert.That(await store.Store.GetCompanyProvenanceAsync(id, CancellationToken.None), Is.EqualTo(provenanceBefore));
    }

    [Test]
    public async Task A_later_file_updates_fields_and_each_value_keeps_its_source()
    {
        await store.ImportAsync(store.Write("vendor-a.csv", $"企业名称,统一社会信用代码,行政区划代码,注册资本\n甲液压有限公司,{Uscc1},421303,500\n"));
        var later = await store.ImportAsync(store.Write("vendor-b.csv", $"企业名称,统一社会信用代码,员工人数,注册资本\n甲液压有限公司,{Uscc1},80,650\n"));
        var company = await store.Store.GetCompanyByUsccAsync(Uscc1, CancellationToken.None);
        var provenance = (await store.Store.GetCompanyProvenanceAsync(company!.Id, CancellationToken.None)).ToDictionary(p => p.Field, p => p.FileName);

        Assert.That((later.Updated, later.Inserted), Is.EqualTo((1L, 0L)));
        Assert.That(company.RegisteredCapital, Is.EqualTo(650m));
        Assert.That(company.Employees, Is.EqualTo(80));
        Assert.That(company.RegionCode, Is.EqualTo("421303"), "the USCC region fallback does not replace the stored county");
        Assert.That(provenance["name"], Is.EqualTo("vendor-a.csv"));
        Assert.That(provenance["region"], Is.EqualTo("vendor-a.csv"));
        Assert.That(provenance["registered_capital"], Is.EqualTo("vendor-b.csv"));
        Assert.That(provenance["employees"], Is.EqualTo("vendor-b.csv"));
    }

    [Test]
    public async Task Invalid_uscc_is_a_warning_and_the_company_is_imported_without_it_and_found_by_name_later()
    {
        var bad = Uscc1[..17] + (Uscc1[17] == '0' ? '1' : '0');
        var path = store.Write("bad.csv", $"企业名称,统一社会信用代码,行政区划代码\n甲液压有限公司,{Uscc2},421303\n乙液压有限公司,{bad},421303\n");

        var summary = await store.ImportAsync(path);
        var imported = (await store.Store.SearchCompaniesAsync(new ChainMap.Storage.CompanyQuery("乙液压", null, null, null, 1, 10), CancellationToken.None)).Items.Single();

        Assert.That((summary.Read, summary.Inserted, summary.Rejected), Is.EqualTo((2L, 2L, 0L)));
        Assert.That(summary.Problems, Is.EqualTo(new[]
        {
            new ImportProblem("bad.csv", 3, "统一社会信用代码", bad, $"invalid USCC: check character is '{bad[17]}' but should be '{Uscc1[17]}'; the company is imported without it and identified by its name and region", ProblemSeverity.Warning),
        }));
        Assert.That((imported.Uscc, imported.RegionCode), Is.EqualTo(((string?)null, "421303")));

        // The corrected file later adds the code to the same company: no duplicate.
        var corrected = await store.ImportAsync(store.Write("fixed.csv", $"企业名称,统一社会信用代码,行政区划代码\n乙液压有限公司,{Uscc1},421303\n"));
        Assert.That((corrected.Inserted, corrected.Updated), Is.EqualTo((0L, 1L)));
        Assert.That((await store.Store.GetCompanyByUsccAsync(Uscc1, CancellationToken.None))!.Id, Is.EqualTo(imported.Id));
    }

    [Test]
    public async Task A_county_name_shared_by_two_cities_is_reported_as_ambiguous_not_guessed()
    {
        var path = store.Write("ambiguous.csv", "企业名称,城市,区县\n甲科技有限公司,,朝阳区\n乙科技有限公司,北京市,朝阳区\n");

        var summary = await store.ImportAsync(path);

        Assert.That((summary.Inserted, summary.Rejected), Is.EqualTo((1L, 1L)));
        var problem = summary.Problems.Single();
        Assert.That((problem.File, problem.Line, problem.Column, problem.Value), Is.EqualTo(("ambiguous.csv", 2, "区县", "朝阳区")));
        Assert.That(problem.Reason, Is.EqualTo("ambiguous: 北京市朝阳区 (110105)、吉林省长春市朝阳区 (220104); give the province or city, or the region code"));
    }

    [Test]
    public async Task Unknown_city_imports_at_the_province_with_a_warning_and_unknown_region_code_is_rejected()
    {
        var path = store.Write("regions.csv", "企业名称,省份,城市,行政区划代码\n甲科技有限公司,湖北省,火星市,\n乙科技有限公司,,,999999\n");

        var summary = await store.ImportAsync(path);

        Assert.That((summary.Inserted, summary.Rejected), Is.EqualTo((1L, 1L)));
        Assert.That(summary.Problems, Is.EqualTo(new[]
        {
            new ImportProblem("regions.csv", 2, "城市", "火星市", "no city of this name lies in 湖北省; the company is placed in 湖北省", ProblemSeverity.Warning),
            new ImportProblem("regions.csv", 3, "行政区划代码", "999999", "not a GB/T 2260 division code"),
        }));
        Assert.That((await store.Store.SearchCompaniesAsync(new ChainMap.Storage.CompanyQuery("甲科技", null, null, null, 1, 10), CancellationToken.None)).Items.Single().RegionCode, Is.EqualTo("420000"));
    }

    [Test]
    public async Task Unreadable_numbers_and_dates_are_left_out_with_a_warning_and_the_row_is_imported()
    {
        var path = store.Write("numbers.csv", "企业名称,行政区划代码,注册资本(万元),成立日期,员工人数\n甲科技有限公司,421303,abc,2015-13-45,12\n乙科技有限公司,421303,500万卢布,,五十\n");

        var summary = await store.ImportAsync(path);

        Assert.That((summary.Read, summary.Inserted, summary.Rejected), Is.EqualTo((2L, 2L, 0L)));
        Assert.That(summary.Problems, Is.EqualTo(new[]
        {
            new ImportProblem("numbers.csv", 2, "注册资本(万元)", "abc", "not a non-negative amount in 万元 (e.g. 500, 1,200.5, 500万元, 1.2亿): the company is imported without this value", ProblemSeverity.Warning),
            new ImportProblem("numbers.csv", 2, "成立日期", "2015-13-45", "not a date (expected e.g. 2015-06-30, 2015/6/30 or 2015年6月30日): the company is imported without this value", ProblemSeverity.Warning),
            new ImportProblem("numbers.csv", 3, "注册资本(万元)", "500万卢布", "not a non-negative amount in 万元 (e.g. 500, 1,200.5, 500万元, 1.2亿): the company is imported without this value", ProblemSeverity.Warning),
            new ImportProblem("numbers.csv", 3, "员工人数", "五十", "not a whole non-negative number of people (or a band such as 50-99人, 1000人以上): the company is imported without this value", ProblemSeverity.Warning),
        }));
        var companies = (await store.Store.SearchCompaniesAsync(new ChainMap.Storage.CompanyQuery(null, null, null, null, 1, 5), CancellationToken.None)).Items;
        var first = companies.Single(c => c.Name == "甲科技有限公司");
        Assert.That((first.RegisteredCapital, first.Founded, first.Employees), Is.EqualTo(((decimal?)null, (DateOnly?)null, (int?)12)));
        Assert.That(companies.Single(c => c.Name == "乙科技有限公司").RegisteredCapital, Is.Null);
    }

    [Test]
    public async Task An_unreadable_value_leaves_the_stored_one_as_it_was()
    {
        await store.ImportAsync(store.Write("first.csv", $"企业名称,统一社会信用代码,行政区划代码,注册资本(万元),成立日期\n甲科技有限公司,{Uscc1},421303,800,2012-03-04\n"));

        var summary = await store.ImportAsync(store.Write("second.csv", $"企业名称,统一社会信用代码,行政区划代码,注册资本(万元),成立日期\n甲科技有限公司,{Uscc1},421303,八百左右,去年春天\n"));
        var notKnown = await store.ImportAsync(store.Write("third.csv", $"企业名称,统一社会信用代码,行政区划代码,注册资本(万元),成立日期\n甲科技有限公司,{Uscc1},421303,待定,不详\n"));

        Assert.That((summary.Unchanged, summary.Rejected, summary.Problems.Count), Is.EqualTo((1L, 0L, 2)));
        Assert.That((notKnown.Unchanged, notKnown.Rejected, notKnown.Problems.Count), Is.EqualTo((1L, 0L, 0)), "待定 and 不详 say \"not known\": empty, no mistake");
        var company = await store.Store.GetCompanyByUsccAsync(Uscc1, CancellationToken.None);
        Assert.That((company!.RegisteredCapital, company.Founded), Is.EqualTo(((decimal?)800m, (DateOnly?)new DateOnly(2012, 3, 4))));
    }

    [Test]
    public async Task Amounts_in_other_units_and_blank_markers_are_understood()
    {
        var path = store.Write("units.csv", "企业名称,行政区划代码,注册资本,营业收入,员工人数\n甲科技有限公司,421303,1.2亿,\"3,000万元\",-\n乙科技有限公司,421303,\"3,100()\",10（ ）,\n");

        var summary = await store.ImportAsync(path);
        var companies = (await store.Store.SearchCompaniesAsync(new ChainMap.Storage.CompanyQuery(null, null, null, null, 1, 5), CancellationToken.None)).Items
            .ToDictionary(c => c.Name);

        Assert.That((summary.Inserted, summary.Problems.Count), Is.EqualTo((2L, 0)));
        Assert.That(companies["甲科技有限公司"].RegisteredCapital, Is.EqualTo(12000m));
        Assert.That(companies["甲科技有限公司"].Revenue, Is.EqualTo(3000m));
        Assert.That(companies["甲科技有限公司"].Employees, Is.Null);
        Assert.That((companies["乙科技有限公司"].RegisteredCapital, companies["乙科技有限公司"].Revenue), Is.EqualTo(((decimal?)3100m, (decimal?)10m)),
            "empty brackets where a register writes its unit (3,100(), as in the 2002 辽宁 register) say no unit, as a bare number: 万元");
    }

    [Test]
    public async Task Amounts_in_a_foreign_currency_are_converted_to_wan_yuan_at_the_tables_rate()
    {
        // data/money/exchange-rates.csv: 7.187717 元 per 美元, 0.922033 per 港币, 8.106066 per 欧元, 0.048037 per 日元.
        var path = store.Write("currencies.csv", """
            企业名称,行政区划代码,注册资本,营业收入
            甲汽车部件有限公司,421303,652.6800(万美元),"USD 5,000,000"
            乙有限公司,421303,8(万元美元),500万港币
            丙有限公司,421303,100(万欧元),2000(万日元)
            丁有限公司,421303,美元,500万卢布
            戊有限公司,421303,780(万元(港币)),100(万元(人民币))
            """);

        var summary = await store.ImportAsync(path);

        Assert.That((summary.Inserted, summary.Rejected), Is.EqualTo((5L, 0L)));
        var companies = (await store.Store.SearchCompaniesAsync(new ChainMap.Storage.CompanyQuery(null, null, null, null, 1, 10), CancellationToken.None)).Items
            .ToDictionary(c => c.Name, c => (c.RegisteredCapital, c.Revenue));
        Assert.That(companies["甲汽车部件有限公司"], Is.EqualTo(((decimal?)4691.2791m, (decimal?)3593.8585m)));
        Assert.That(companies["乙有限公司"], Is.EqualTo(((decimal?)57.5017m, (decimal?)461.0165m)));
        Assert.That(companies["丙有限公司"], Is.EqualTo(((decimal?)810.6066m, (decimal?)96.074m)));
        Assert.That(companies["丁有限公司"], Is.EqualTo(((decimal?)null, (decimal?)null)));
        Assert.That(companies["戊有限公司"], Is.EqualTo(((decimal?)719.1857m, (decimal?)100m)), "a register's currency in brackets inside the unit's");
        Assert.That(summary.Problems, Is.EqualTo(new[]
        {
            new ImportProblem("currencies.csv", 5, "注册资本", "美元", "not an amount in 美元 (e.g. 500万美元, 652.68(万美元)): the company is imported without this value", ProblemSeverity.Warning),
            new ImportProblem("currencies.csv", 5, "营业收入", "500万卢布", "not a non-negative amount in 万元 (e.g. 500, 1,200.5, 500万元, 1.2亿): the company is imported without this value", ProblemSeverity.Warning),
        }), "a currency the table does not hold is no amount in 万元");
    }

    [Test]
    public async Task A_file_without_a_name_column_is_rejected_whole()
    {
        var path = store.Write("noname.csv", "统一社会信用代码,行政区划代码\n" + Uscc1 + ",421303\n");

        var summary = await store.ImportAsync(path);

        Assert.That(summary.FileProblem, Is.EqualTo(new ImportProblem("noname.csv", 1, null, "统一社会信用代码,行政区划代码",
            "no company name column: name one column name / company / company name / enterprise name / 企业名称 / 公司名称, or pass a column mapping")));
        Assert.That((summary.Read, summary.Written), Is.EqualTo((0L, false)));
        Assert.That(await store.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task A_binary_file_is_rejected_whole()
    {
        var path = store.WriteBytes("photo.csv", [.. "企业名称\n甲公司\n"u8.ToArray(), 0x00, 0x01, 0x02, 0xFF]);

        var summary = await store.ImportAsync(path);

        Assert.That(summary.FileProblem, Is.EqualTo(new ImportProblem("photo.csv", 3, null, "0x00",
            "the file contains NUL bytes: it is binary (or UTF-16 text), not a CSV table; save it as CSV UTF-8 or .xlsx")));
        Assert.That(await store.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Bytes_that_are_neither_utf8_nor_gb18030_are_rejected_whole()
    {
        var path = store.WriteBytes("broken.csv", [.. "name,region_code\n"u8.ToArray(), .. "abc"u8.ToArray(), 0x80, .. ",421303\n"u8.ToArray()]);

        var summary = await store.ImportAsync(path);

        Assert.That(summary.FileProblem, Is.EqualTo(new ImportProblem("broken.csv", 2, null, "0x80",
            "undecodable bytes: the file is neither UTF-8 nor GB18030/GBK text; save it as CSV UTF-8 or .xlsx")));
        Assert.That(await store.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Same_uscc_with_another_name_is_a_conflict_and_nothing_is_merged()
    {
        await store.ImportAsync(store.Write("first.csv", $"企业名称,统一社会信用代码\n甲液压有限公司,{Uscc1}\n"));
        var path = store.Write("second.csv", $"企业名称,统一社会信用代码\n乙液压有限公司,{Uscc1}\n丙液压有限公司,{Uscc2}\n丁液压有限公司,{Uscc2}\n");

        var summary = await store.ImportAsync(path);
        var stored = await store.Store.GetCompanyByUsccAsync(Uscc1, CancellationToken.None);

        Assert.That((summary.Read, summary.Inserted, summary.Rejected), Is.EqualTo((3L, 1L, 2L)));
        Assert.That(summary.Problems.Select(p => (p.Line, p.Column, p.Value)), Is.EqualTo(new[] { (2, "统一社会信用代码", Uscc1), (4, "统一社会信用代码", Uscc2) }));
        Assert.That(summary.Problems[0].Reason, Does.StartWith($"USCC {Uscc1} belongs to '甲液压有限公司' (company ").And.EndWith("but this row names '乙液压有限公司'; nothing was merged"));
        Assert.That(stored!.Name, Is.EqualTo("甲液压有限公司"));
        Assert.That(await store.CountAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task A_row_with_a_uscc_merges_into_the_company_of_its_name_stored_without_one()
    {
        await store.ImportAsync(store.Write("no-code.csv", "企业名称,行政区划代码,注册资本\n甲液压有限公司,421303,500\n"));

        var summary = await store.ImportAsync(store.Write("with-code.csv", $"企业名称,统一社会信用代码,城市\n甲液压有限公司,{Uscc1},随州市\n"));
        var stored = await store.Store.GetCompanyByUsccAsync(Uscc1, CancellationToken.None);

        Assert.That((summary.Inserted, summary.Updated), Is.EqualTo((0L, 1L)));
        Assert.That(await store.CountAsync(), Is.EqualTo(1));
        Assert.That(stored!.RegisteredCapital, Is.EqualTo(500m));
        Assert.That(stored.RegionCode, Is.EqualTo("421303"), "the city of the file does not replace the stored county");
    }

    [Test]
    public async Task All_or_nothing_writes_nothing_when_a_row_is_rejected()
    {
        var path = store.Write("aon.csv", $"企业名称,统一社会信用代码,行政区划代码\n甲液压有限公司,{Uscc1},421303\n乙液压有限公司,,999999\n丙液压有限公司,{Uscc2},421303\n");

        var summary = await store.ImportAsync(path, new ImportOptions(AllOrNothing: true));

        Assert.That((summary.Read, summary.Inserted, summary.Rejected, summary.Written), Is.EqualTo((3L, 2L, 1L, false)));
        Assert.That(summary.Note, Is.EqualTo("all-or-nothing: 1 row(s) rejected, so nothing was written"));
        Assert.That(summary.Problems.Single(), Is.EqualTo(new ImportProblem("aon.csv", 3, "行政区划代码", "999999", "not a GB/T 2260 division code")));
        Assert.That(await store.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task All_or_nothing_writes_everything_when_every_row_is_valid()
    {
        var path = store.Write("aon-ok.csv", $"企业名称,统一社会信用代码\n甲液压有限公司,{Uscc1}\n丙液压有限公司,{Uscc2}\n");

        var summary = await store.ImportAsync(path, new ImportOptions(AllOrNothing: true));

        Assert.That((summary.Inserted, summary.Written), Is.EqualTo((2L, true)));
        Assert.That(await store.CountAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task A_dry_run_reports_what_would_happen_and_writes_nothing()
    {
        await store.ImportAsync(store.Write("existing.csv", $"企业名称,统一社会信用代码\n甲液压有限公司,{Uscc1}\n"));
        var path = store.Write("dry.csv", $"企业名称,统一社会信用代码,注册资本\n甲液压有限公司,{Uscc1},900\n丙液压有限公司,{Uscc2},\n乙公司,{Uscc1[..17]}0,\n");

        var summary = await store.ImportAsync(path, new ImportOptions(DryRun: true));
        var stored = await store.Store.GetCompanyByUsccAsync(Uscc1, CancellationToken.None);

        Assert.That((summary.Read, summary.Inserted, summary.Updated, summary.Rejected, summary.Written), Is.EqualTo((3L, 1L, 1L, 1L, false)));
        Assert.That(summary.Problems.Select(p => (p.Line, p.Column, p.Severity)), Is.EqualTo(new (int, string?, ProblemSeverity)[]
        {
            (4, "address", ProblemSeverity.Error), (4, "统一社会信用代码", ProblemSeverity.Error),
        }), "an invalid code that was the row's only place rejects it");
        Assert.That(await store.CountAsync(), Is.EqualTo(1));
        Assert.That(stored!.RegisteredCapital, Is.Null);
    }

    [Test]
    public async Task Formula_looking_values_are_stored_as_plain_text()
    {
        const string formula = "=cmd|' /C calc'!A0";
        var path = store.Write("formula.csv", $"企业名称,统一社会信用代码,主营产品,注册地址\n甲液压有限公司,{Uscc1},\"{formula}\",\"=HYPERLINK(\"\"http://x\"\")\"\n");

        var summary = await store.ImportAsync(path);
        var stored = await store.Store.GetCompanyByUsccAsync(Uscc1, CancellationToken.None);

        Assert.That(summary.Inserted, Is.EqualTo(1));
        Assert.That(stored!.Products, Is.EqualTo(formula));
        Assert.That(stored.Address, Is.EqualTo("=HYPERLINK(\"http://x\")"));
    }

    [Test]
    public async Task Quoted_fields_with_line_breaks_keep_them_and_later_lines_are_counted_right()
    {
        var path = store.Write("newlines.csv", $"企业名称,统一社会信用代码,注册地址\n甲液压有限公司,{Uscc1},\"湖北省随州市\n曾都区\n交通大道1号\"\n乙液压有限公司,ABC,湖北省\n");

        var summary = await store.ImportAsync(path);
        var stored = await store.Store.GetCompanyByUsccAsync(Uscc1, CancellationToken.None);

        Assert.That((summary.Read, summary.Inserted, summary.Rejected), Is.EqualTo((2L, 2L, 0L)));
        Assert.That(stored!.Address, Is.EqualTo("湖北省随州市\n曾都区\n交通大道1号"));
        Assert.That(summary.Problems.Single(), Is.EqualTo(new ImportProblem(
            "newlines.csv", 5, "统一社会信用代码", "ABC", "invalid USCC: must be 18 characters, got 3; the company is imported without it and identified by its name and region", ProblemSeverity.Warning)));
    }

    [TestCase(";", "semicolon")]
    [TestCase("\t", "tab")]
    public async Task Semicolon_and_tab_separated_files_are_detected(string delimiter, string name)
    {
        var path = store.Write("delimited.csv", string.Join(delimiter, "企业名称", "统一社会信用代码", "注册资本") + "\n"
            + string.Join(delimiter, "甲液压有限公司", Uscc1, "\"1,500\"") + "\n"
            + string.Join(delimiter, "丙液压有限公司", Uscc2, "20") + "\n");

        var summary = await store.ImportAsync(path);
        var stored = await store.Store.GetCompanyByUsccAsync(Uscc1, CancellationToken.None);

        Assert.That(summary.Format, Is.EqualTo($"UTF-8, {name}-separated"));
        Assert.That((summary.Inserted, summary.Rejected), Is.EqualTo((2L, 0L)));
        Assert.That(stored!.RegisteredCapital, Is.EqualTo(1500m));
    }

    [Test]
    public async Task An_explicit_mapping_reads_a_file_whose_headers_are_unknown()
    {
        var path = store.Write("unknown.csv", $"列A,列B,列C,列D\n甲液压有限公司,{Uscc1},421303,液压油缸\n");
        var mapping = CompanyColumnMap.ParseMapping("""{"列A":"name","列B":"uscc","列C":"行政区划代码","#4":"主营产品"}""", out var error);

        var without = await store.ImportAsync(path);
        var with = await store.ImportAsync(path, new ImportOptions(Mapping: mapping));
        var stored = await store.Store.GetCompanyByUsccAsync(Uscc1, CancellationToken.None);

        Assert.That(error, Is.Null);
        Assert.That(without.FileProblem!.Reason, Does.StartWith("no company name column"));
        Assert.That((with.Inserted, with.Rejected), Is.EqualTo((1L, 0L)));
        Assert.That(stored!.Products, Is.EqualTo("液压油缸"));
        Assert.That(stored.CountyCode, Is.EqualTo("421303"));
    }

    [Test]
    public async Task A_mapping_naming_a_missing_column_or_an_unknown_field_rejects_the_file()
    {
        var path = store.Write("unknown.csv", $"列A,列B\n甲液压有限公司,{Uscc1}\n");

        var missing = await store.ImportAsync(path, new ImportOptions(Mapping: new Dictionary<string, string> { ["列X"] = "name" }));
        var unknown = await store.ImportAsync(path, new ImportOptions(Mapping: new Dictionary<string, string> { ["列A"] = "nickname" }));

        Assert.That(missing.FileProblem, Is.EqualTo(new ImportProblem("unknown.csv", 1, null, null, "the mapping names the column '列X', which is not in the header (列A, 列B)")));
        Assert.That(unknown.FileProblem!.Reason, Does.StartWith("the mapping sends column '列A' to 'nickname', which is not a field; fields are name, uscc, "));
        Assert.That(await store.CountAsync(), Is.Zero);
    }

    [Test]
    public async Task A_row_matching_no_segment_is_imported_and_counted_as_unassigned()
    {
        var path = store.Write("unassigned.csv", $"企业名称,统一社会信用代码,环节\n甲乙丙有限公司,{Uscc1},\n乙液压油缸有限公司,{Uscc2},不存在的环节\n");

        var summary = await store.ImportAsync(path);

        Assert.That((summary.Inserted, summary.Unassigned, summary.Rejected), Is.EqualTo((2L, 1L, 0L)));
        Assert.That(summary.Problems.Single(), Is.EqualTo(new ImportProblem("unassigned.csv", 3, "环节", "不存在的环节",
            "no segment has this code, name or alias; the company is imported and matched from its products where possible", ProblemSeverity.Warning)));
    }

    [Test]
    public async Task A_segment_given_by_name_in_either_script_is_an_exact_membership()
    {
        var path = store.Write("segments.csv", $"企业名称,统一社会信用代码,环节\n甲罐体有限公司,{Uscc1},罐體製造\n");

        await store.ImportAsync(path);
        var membership = (await store.Store.GetCompanyByUsccAsync(Uscc1, CancellationToken.None))!.Memberships.Single();

        Assert.That((membership.SegmentCode, membership.Confidence, membership.Evidence), Is.EqualTo(("ZQ-BODY-TANK", 1.0, "环节: 罐體製造")));
    }

    [Test]
    public async Task The_error_report_csv_neutralises_formulas_for_spreadsheets()
    {
        using var output = new MemoryStream();
        await ImportReportCsv.WriteAsync([new ImportProblem("a.csv", 2, "名称", "=1+1", "bad")], output, CancellationToken.None);

        var text = Encoding.UTF8.GetString(output.ToArray());

        Assert.That(output.ToArray()[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "BOM so that Excel reads UTF-8");
        Assert.That(text[1..], Is.EqualTo("file,line,column,value,reason,severity\r\na.csv,2,名称,'=1+1,bad,error\r\n"));
    }
}
