using ChainMap.Import;
using ChainMap.Tests.Support;
using MiniExcelLibs;

namespace ChainMap.Tests.Import;

/// <summary>
/// Workbooks whose companies are not all on the first sheet (ADR 0670): a summary sheet (汇总) in front of one sheet per city,
/// or one sheet per district with the same header. Before, the first case was refused whole ("no company name column") and
/// in the second every sheet but the first was left out without a word.
/// </summary>
public sealed class WorkbookSheetsImportTests
{
    private static readonly string[] Header = ["序号", "证券代码", "公司名称", "注册地址", "所属行业"];
    private ImportTestStore store = null!;

    [SetUp]
    public async Task CreateStore() => store = await ImportTestStore.CreateAsync();

    [TearDown]
    public async Task DisposeStore() => await store.DisposeAsync();

    [Test]
    public async Task A_summary_sheet_in_front_of_city_sheets_is_skipped_and_every_city_sheet_is_read()
    {
        var path = Workbook("seven-cities.xlsx", new()
        {
            ["汇总"] =
            [
                ["城市上市公司精选汇总"],
                ["序号", "城市", "辖区上市公司总数", "代表性龙头企业"],
                ["1", "深圳", "~427家", "比亚迪、中兴通讯"],
                ["2", "长沙", "~80家", "三一重工"],
            ],
            ["深圳"] =
            [
                ["深圳上市公司精选"],
                Header,
                ["1", "002594", "比亚迪股份有限公司", "深圳市坪山区比亚迪路3009号", "汽车整车制造"],
                ["2", "000063", "中兴通讯股份有限公司", "深圳市南山区科技南路55号", "通信设备制造"],
            ],
            ["长沙"] =
            [
                ["长沙上市公司精选"],
                ["说明：按市值排序"],
                Header,
                ["1", "600031", "三一重工股份有限公司", "长沙市长沙县经济技术开发区三一路", "工程机械"],
                ["2", "000157", "中联重科股份有限公司", "长沙市岳麓区银盆南路361号", "工程机械"],
                ["3", "300413", "芒果超媒股份有限公司", "长沙市开福区金鹰影视文化城", "广播电视"],
            ],
        });

        var summary = await store.ImportAsync(path);

        Assert.That(summary.FileProblem, Is.Null, "the file is no longer refused for its summary sheet");
        Assert.That((summary.Read, summary.Inserted, summary.Rejected), Is.EqualTo((5L, 5L, 0L)), "every company of both city sheets");
        var companies = await store.Store.SearchCompaniesAsync(new ChainMap.Storage.CompanyQuery(null, null, null, null, 1, 50), CancellationToken.None);
        Assert.That(companies.Items.Select(c => (c.Name, c.RegionCode)), Is.EquivalentTo(new[]
        {
            ("比亚迪股份有限公司", "440310"), ("中兴通讯股份有限公司", "440305"), ("三一重工股份有限公司", "430121"),
            ("中联重科股份有限公司", "430104"), ("芒果超媒股份有限公司", "430105"),
        }));
        var sheetWarnings = summary.Problems.Where(p => p.Reason.Contains("sheet", StringComparison.Ordinal)).ToList();
        Assert.That(sheetWarnings.Select(p => p.Severity), Is.All.EqualTo(ProblemSeverity.Warning));
        Assert.That(sheetWarnings.Select(p => p.Value), Is.EqualTo(new[] { "汇总", "长沙" }));
        Assert.That(sheetWarnings[0].Reason, Does.StartWith("sheet 汇总 names no company column (a summary or notes) and was not read: the companies were read from sheet 深圳 on"));
        Assert.That(sheetWarnings[1].Reason, Does.StartWith("sheet 长沙 has the header of sheet 深圳 (its row 3): its rows were read as well, each reported as line 8 + its row in the sheet"));
        Assert.That(summary.Format, Is.EqualTo("xlsx, sheets 深圳, 长沙"));
    }

    [Test]
    public async Task Later_sheets_with_the_same_header_are_read_and_a_sheet_with_another_header_is_a_warning()
    {
        var path = Workbook("districts.xlsx", new()
        {
            ["南山区"] =
            [
                Header,
                ["1", "000063", "中兴通讯股份有限公司", "深圳市南山区科技南路55号", "通信设备制造"],
            ],
            ["坪山区"] =
            [
                Header,
                ["1", "002594", "比亚迪股份有限公司", "深圳市坪山区比亚迪路3009号", "汽车整车制造"],
            ],
            ["填表说明"] =
            [
                ["项目", "说明"],
                ["公司名称", "填写营业执照上的全称"],
            ],
        });

        var summary = await store.ImportAsync(path);

        Assert.That((summary.Read, summary.Inserted, summary.Rejected), Is.EqualTo((2L, 2L, 0L)), "the second district's company is read too");
        var notRead = summary.Problems.Single(p => p.Value == "填表说明");
        Assert.That(notRead.Severity, Is.EqualTo(ProblemSeverity.Warning));
        Assert.That(notRead.Reason, Does.StartWith("sheet 填表说明 was not read: none of its first rows is the header of sheet 南山区"));
        Assert.That(summary.Problems.Select(p => p.Line), Is.Ordered, "lines run on from sheet to sheet");
        Assert.That(summary.Format, Is.EqualTo("xlsx, sheets 南山区, 坪山区"), "the sheets read, not the sheet only searched");
    }

    [Test]
    public async Task A_workbook_with_no_sheet_naming_a_company_column_is_refused_and_the_reason_names_its_sheets()
    {
        var path = Workbook("no-names.xlsx", new()
        {
            ["汇总"] = [["城市", "数量"], ["深圳", "427"]],
            ["明细"] = [["城市", "区县", "数量"], ["深圳", "南山区", "142"]],
        });

        var summary = await store.ImportAsync(path);

        Assert.That(summary.FileProblem, Is.Not.Null);
        Assert.That(summary.FileProblem!.Reason, Does.StartWith("no company name column").And.EndWith("(no sheet of the workbook names one: 汇总, 明细)"));
        Assert.That(await store.CountAsync(), Is.EqualTo(0));
    }

    [Test]
    public async Task A_list_whose_name_column_is_headed_公司名字_is_read()
    {
        // A 天眼查 crawler's output (CODE-MONKEY-SOU/TianYanCha, output_data.xls): 公司名字, 注册地址. It was refused whole.
        var path = store.Write("company_info.csv", """
            公司名字,注册地址
            福建省万科汇开发有限公司,福建省福州市闽侯县上街镇高新大道1号
            金田超级市场有限公司,广东省惠州市惠城区江北文昌一路9号
            """);

        var summary = await store.ImportAsync(path);

        Assert.That(summary.FileProblem, Is.Null);
        Assert.That(summary.Columns.Where(c => c.Field is not null).Select(c => (c.Header, c.Field)), Is.EqualTo(new (string, string?)[] { ("公司名字", "name"), ("注册地址", "address") }));
        Assert.That((summary.Read, summary.Inserted, summary.Rejected), Is.EqualTo((2L, 2L, 0L)));
        var companies = await store.Store.SearchCompaniesAsync(new ChainMap.Storage.CompanyQuery(null, null, null, null, 1, 50), CancellationToken.None);
        Assert.That(companies.Items.Select(c => (c.Name, c.RegionCode)), Is.EquivalentTo(new[] { ("福建省万科汇开发有限公司", "350121"), ("金田超级市场有限公司", "441302") }));
    }

    private string Workbook(string name, Dictionary<string, string[][]> sheets)
    {
        var path = Path.Combine(store.Directory, name);
        // Every row as wide as the sheet's widest: MiniExcel takes a sheet's columns from its first row.
        var content = sheets.ToDictionary(
            sheet => sheet.Key,
            sheet => (object)sheet.Value.Select(row => Enumerable.Range(0, sheet.Value.Max(r => r.Length))
                .ToDictionary(i => ((char)('A' + i)).ToString(), i => i < row.Length ? (object?)row[i] : null)).ToList());
        MiniExcel.SaveAs(path, content, printHeader: false);
        return path;
    }
}
