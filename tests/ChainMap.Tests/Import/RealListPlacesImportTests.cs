using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Storage;
using MiniExcelLibs;

namespace ChainMap.Tests.Import;

/// <summary>
/// Issue #19, ADR 0690: places real lists write that the import did not read, through the real import — a national
/// 经济技术开发区 missing from the NBS list, a region cell's (注册X), a group's branch named 集团 + place, and a row that has
/// only a stock code.
/// </summary>
public sealed class RealListPlacesImportTests
{
    private ImportTestStore store = null!;

    [SetUp]
    public async Task CreateStore() => store = await ImportTestStore.CreateAsync();

    [TearDown]
    public async Task DisposeStore() => await store.DisposeAsync();

    [Test]
    public async Task A_national_development_zone_in_the_county_column_or_the_address_is_at_its_host_county()
    {
        var summary = await store.ImportAsync(Csv("zones.csv",
            "企业名称,省份,城市,区县,注册地址",
            "长沙甲机械有限公司,湖南省,长沙市,长沙经济技术开发区,",
            "长沙乙机械有限公司,湖南省,长沙市,,长沙经开区东六路1号",
            "宁乡丙食品有限公司,湖南,长沙,,湖南省宁乡经济技术开发区金洲大道",
            "南昌丁汽车有限公司,江西省,南昌市,南昌小蓝经济技术开发区,"));

        Assert.That(summary.Rejected, Is.Zero, Problems(summary));
        Assert.That(await Places(), Is.EquivalentTo(new Dictionary<string, string>
        {
            ["长沙甲机械有限公司"] = "430121", ["长沙乙机械有限公司"] = "430121", ["宁乡丙食品有限公司"] = "430182",
            ["南昌丁汽车有限公司"] = "360100", // 小蓝 is no county: the zone is known, at its city only
        }));
    }

    [Test]
    public async Task A_cell_that_names_where_the_company_is_registered_in_brackets_places_it_there_with_a_warning()
    {
        // The seven-city workbook of ADR 0670 writes the list's city, then in brackets where the company is registered.
        var path = Path.Combine(store.Directory, "cities.xlsx");
        string[] header = ["序号", "证券代码", "公司名称", "注册地址", "所属行业"];
        MiniExcel.SaveAs(path, new Dictionary<string, object>
        {
            ["佛山"] = Rows(
                ["佛山上市公司精选"],
                header,
                ["1", "300403", "汉宇集团股份有限公司", "佛山市(注册江门)", "家电零部件"],
                ["2", "002709", "广州天赐高新材料股份有限公司", "佛山市(注册广州黄埔)", "化工"],
                ["3", "002317", "广东众生药业股份有限公司", "佛山市（注册地：东莞）", "医药"],
                ["4", "000333", "美的集团股份有限公司", "佛山市顺德区北滘镇美的大道6号", "家电"],
                ["5", "600000", "甲股份有限公司", "佛山市顺德区(注册佛山)", "其他"]),
        }, printHeader: false);

        var summary = await store.ImportAsync(path);

        Assert.That(summary.Rejected, Is.Zero, Problems(summary));
        Assert.That(await Places(), Is.EquivalentTo(new Dictionary<string, string>
        {
            ["汉宇集团股份有限公司"] = "440700", ["广州天赐高新材料股份有限公司"] = "440112", ["广东众生药业股份有限公司"] = "441900",
            ["美的集团股份有限公司"] = "440606",
            ["甲股份有限公司"] = "440606", // the rest names a place inside the bracket's: the more specific one stays
        }));
        var warning = summary.Problems.Single(p => p.Value == "佛山市(注册江门)");
        Assert.That((warning.Severity, warning.Column), Is.EqualTo((ProblemSeverity.Warning, (string?)"注册地址")));
        Assert.That(warning.Reason, Does.Contain("registered").And.Contain("江门市").And.Contain("not in 佛山市"));
        Assert.That(summary.Problems.Where(p => p.Value == "佛山市顺德区(注册佛山)"), Is.Empty);
    }

    [Test]
    public async Task A_group_branch_named_after_the_group_is_placed_where_it_names_only_when_nothing_else_does()
    {
        var summary = await store.ImportAsync(Csv("branches.csv",
            "公司名字,注册地址",
            "中国宝安集团上海实业公司,东方路800号",
            "中国银行股份有限公司芜湖金湾支行,",
            "中国人寿保险股份有限公司五台县支公司,",
            "中国宝安集团深圳实业公司,湖北省武汉市江汉区建设大道1号",
            "利康集团有限公司,"));

        Assert.That(await Places(), Is.EquivalentTo(new Dictionary<string, string>
        {
            ["中国宝安集团上海实业公司"] = "310000", ["中国银行股份有限公司芜湖金湾支行"] = "340200",
            ["中国人寿保险股份有限公司五台县支公司"] = "140900", // a full county name after 公司 gives its city (忻州市)
            ["中国宝安集团深圳实业公司"] = "420103", // the address names a place: the name is not read
        }));
        Assert.That(summary.Problems.Single(p => p.Value == "中国宝安集团上海实业公司").Reason, Does.Contain("集团/公司"));
        Assert.That(summary.Problems.Single(p => p.Severity == ProblemSeverity.Error).Line, Is.EqualTo(6), "利康集团有限公司 names no place after 集团");
    }

    [Test]
    public async Task A_row_with_only_a_stock_code_is_placed_at_its_seat_and_a_bare_code_column_is_read_only_for_stock_codes()
    {
        var summary = await store.ImportAsync(Csv("wind.csv",
            "代码,名称,Wind行业",
            "000001.SZ,平安银行,银行",
            "600000.SH,浦发银行,银行",
            "000002,万科A,房地产",
            "600519.SH,贵州茅台,饮料",
            "836493.OC,和信瑞通,电力",
            "430100,甲乙科技,其他"));

        Assert.That(await Places(), Is.EquivalentTo(new Dictionary<string, string>
        {
            ["平安银行"] = "440300", ["浦发银行"] = "310000", ["万科A"] = "440300",
            ["贵州茅台"] = "520000", // the name's 贵州 lies within its seat: the name's place (the same here) stays
        }));
        Assert.That(summary.Problems.Single(p => p.Value == "平安银行").Reason, Does.Contain("the seat of its stock code 000001.SZ"));
        var companies = (await store.Store.SearchCompaniesAsync(new CompanyQuery(null, null, null, null, 1, 10), CancellationToken.None)).Items;
        Assert.That(companies.Single(c => c.Name == "平安银行").ListedCode, Is.EqualTo("000001.SZ"), "a bare 代码 that is a stock code is the listed code");
        Assert.That(summary.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.Line), Is.EqualTo(new[] { 6, 7 }),
            "a 新三板 code (.OC) has no seat in the table, and 430100 is a region code, not a stock code");
    }

    [Test]
    public async Task A_stock_code_never_overrides_a_place_the_row_names()
    {
        var summary = await store.ImportAsync(Csv("listed.csv",
            "企业名称,股票代码,注册地址",
            "浙商中拓集团股份有限公司,000906,湖南省长沙市芙蓉区五一大道766号",
            "平安银行股份有限公司,000001,"));

        Assert.That(await Places(), Is.EquivalentTo(new Dictionary<string, string>
        {
            ["浙商中拓集团股份有限公司"] = "430102", // Tushare's area says 浙江; the address is where the row says it is
            ["平安银行股份有限公司"] = "440300",
        }));
        Assert.That(summary.Problems.Where(p => p.Line == 2), Is.Empty);
    }

    private async Task<Dictionary<string, string>> Places() =>
        (await store.Store.SearchCompaniesAsync(new CompanyQuery(null, null, null, null, 1, 100), CancellationToken.None)).Items.ToDictionary(c => c.Name, c => c.RegionCode);

    private static string Problems(ImportSummary summary) => string.Join("\n", summary.Problems.Select(p => $"{p.Line} {p.Column} {p.Value} {p.Reason}"));

    private string Csv(string name, params string[] lines)
    {
        var path = Path.Combine(store.Directory, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private static List<Dictionary<string, object?>> Rows(params string[][] rows) =>
        [.. rows.Select(row => Enumerable.Range(0, rows.Max(r => r.Length)).ToDictionary(i => ((char)('A' + i)).ToString(), i => i < row.Length ? (object?)row[i] : null))];
}
