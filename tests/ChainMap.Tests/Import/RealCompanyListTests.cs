using System.Text;
using ChainMap.Channels;
using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Regions;
using ChainMap.Seeding;
using ChainMap.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChainMap.Tests.Import;

/// <summary>
/// Issue #19: a real-looking company list (GB18030, Chinese headers, stray control and zero-width
/// characters, development zones, placeholder cities, unknown counties) imports every row that
/// names a province; the channel import reads files exactly as the company import does.
/// </summary>
public sealed class RealCompanyListTests
{
    private static readonly string Fixture = Path.GetFullPath(Path.Combine(TestData.DataPath, "..", "tests", "ChainMap.Tests", "Import", "fixtures", "real-list-gb18030.csv"));

    private static RegionCatalog? catalog;
    private ImportTestStore store = null!;

    /// <summary>The real divisions, zones (data/zones.csv) and the home region's zone units, without a store.</summary>
    private static RegionCatalog Catalog => catalog ??= BuildCatalog();

    [SetUp]
    public async Task CreateStore() => store = await ImportTestStore.CreateAsync();

    [TearDown]
    public async Task DisposeStore() => await store.DisposeAsync();

    [Test]
    public async Task Real_list_imports_every_row_that_names_a_province_with_warnings_at_line_and_column()
    {
        var summary = await store.ImportAsync(Fixture);

        Assert.That(summary.FileProblem, Is.Null, "stray control characters do not make the file binary");
        Assert.That(summary.Format, Does.StartWith("GB18030/GBK"));
        Assert.That((summary.Read, summary.Rejected), Is.EqualTo((29L, 1L)), string.Join("\n", summary.Problems.Select(p => $"{p.Line} {p.Column} {p.Value} {p.Reason}")));
        var errors = summary.Problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
        Assert.That(errors.Select(p => (p.Line, p.Column)), Is.EqualTo(new[] { (17, (string?)"注册地址") }), "only the row without a province is rejected");

        var expected = new Dictionary<string, string>
        {
            ["苏州甲精密机械有限公司"] = "320500", ["盐城乙汽车零部件有限公司"] = "320900", ["郑州丙电子科技有限公司"] = "410100",
            ["西藏丁矿业有限公司"] = "540100", ["海南戊食品有限公司"] = "469023", ["新疆己化工有限公司"] = "659004",
            ["北京庚科技股份有限公司"] = "110108", ["苏州辛自动化有限公司"] = "320500", ["合肥壬新材料有限公司"] = "340100",
            ["无锡癸电子有限公司"] = "320200", ["昆山子精密有限公司"] = "320583", ["武汉丑光电有限公司"] = "420100",
            ["成都寅科技有限公司"] = "510107", ["广东卯贸易有限公司"] = "440000", ["湖南辰农业有限公司"] = "430000",
            ["随州巳专用汽车有限公司"] = "421303", ["随州午液压有限公司"] = "421321", ["武汉未液压有限公司"] = "420115",
            ["随州申农业有限公司"] = "421381", ["蘇州酉工業有限公司"] = "320500", ["随州戌电子有限公司"] = "421303",
            ["上海亥科技有限公司"] = "310115", ["天津甲物流有限公司"] = "120116", ["重庆乙农业有限公司"] = "500240",
            ["唐山丙钢铁有限公司"] = "130200", ["仙桃丁无纺布有限公司"] = "429004", ["杭州戊网络有限公司"] = "330108",
            ["南京己电气有限公司"] = "320115",
        };
        var page = await store.Store.SearchCompaniesAsync(new ChainMap.Storage.CompanyQuery(null, null, null, null, 1, 100), CancellationToken.None);
        Assert.That(page.Items.ToDictionary(c => c.Name, c => c.RegionCode), Is.EquivalentTo(expected));

        var warnings = summary.Problems.Where(p => p.Severity == ProblemSeverity.Warning).Select(p => (p.Line, p.Column)).ToList();
        Assert.That(warnings, Is.SupersetOf(new[]
        {
            (18, (string?)"主营产品"), (19, "主营产品"), (20, "企业名称"), (21, "城市"),
            (11, "区县"), (12, "区县"), (13, "区县"), (14, "城市"), (16, "城市"),
        }));
        var del = summary.Problems.Single(p => p.Line == 18 && p.Column == "主营产品");
        Assert.That(del.Value, Is.EqualTo("罐体、专用车"));
        Assert.That(del.Reason, Does.Contain("U+007F DEL ×3"));
        Assert.That(summary.Problems.Single(p => p.Line == 19).Reason, Does.Contain("U+0085"));
        Assert.That(summary.Problems.Single(p => p.Line == 13).Reason, Does.Contain("no county of this name lies in 武汉市").And.Contain("placed in 湖北省武汉市"));
        var product = page.Items.Single(c => c.Name == "随州巳专用汽车有限公司");
        Assert.That(product.Products, Is.EqualTo("罐体、专用车"), "the rest of the value is kept as written");
    }

    [Test]
    public async Task The_whole_real_A_share_list_in_GB18030_imports_every_row_it_names_a_province_for()
    {
        // 5,448 listed companies as Tushare writes them (省份 holds 深圳, 内蒙 ...): every row names a province.
        var list = Path.GetFullPath(Path.Combine(TestData.DataPath, "..", "tests", "ChainMap.Tests", "Evaluation", "real-lists", "a-shares-2026-01.gb18030.csv"));

        var summary = await store.ImportAsync(list);

        Assert.That(summary.FileProblem, Is.Null);
        Assert.That(summary.Read, Is.EqualTo(5448L));
        Assert.That(summary.Rejected, Is.Zero, string.Join("\n", summary.Problems.Where(p => p.Severity == ProblemSeverity.Error).Take(20).Select(p => $"{p.Line} {p.Column} {p.Value} {p.Reason}")));
        var innerMongolia = await store.Store.SearchCompaniesAsync(new ChainMap.Storage.CompanyQuery(null, null, null, ["150000"], 1, 100), CancellationToken.None);
        Assert.That(innerMongolia.Total, Is.EqualTo(28L), "内蒙 is 内蒙古自治区");
    }

    [Test]
    public async Task The_codes_list_as_registers_and_exchanges_write_it_imports_every_row()
    {
        // The 409 companies of labelled/codes.csv as their sources write them (registration columns, stock code, CSRC
        // industry such as C36汽车制造业, a long 经营范围; 地区 holds short names such as 青浦 or 自贸区): none is rejected.
        var list = Path.GetFullPath(Path.Combine(TestData.DataPath, "..", "tests", "ChainMap.Tests", "Evaluation", "real-lists", "codes-list.csv"));

        var summary = await store.ImportAsync(list);

        Assert.That(summary.FileProblem, Is.Null);
        Assert.That((summary.Read, summary.Inserted, summary.Rejected), Is.EqualTo((409L, 409L, 0L)), string.Join("\n", summary.Problems.Where(p => p.Severity == ProblemSeverity.Error).Take(20).Select(p => $"{p.Line} {p.Column} {p.Value} {p.Reason}")));
        var shanghai = await store.Store.SearchCompaniesAsync(new ChainMap.Storage.CompanyQuery(null, null, null, ["310000"], 1, 100), CancellationToken.None);
        Assert.That(shanghai.Total, Is.EqualTo(37L), "所在省份 上海 is 上海市, whatever 地区 holds");

        // The register writes its capital as 29,728.1600(万元人民币), (万元) or (万), and in another currency as
        // 652.6800(万美元): all read, the foreign ones at the table's rate. An address that names the county is no problem.
        Assert.That(summary.Problems.Where(p => p.Severity == ProblemSeverity.Warning), Is.Empty,
            string.Join("\n", summary.Problems.Take(10).Select(p => $"{p.Line} {p.Column} {p.Value} {p.Reason}")));
        var special = (await store.Store.SearchCompaniesAsync(new ChainMap.Storage.CompanyQuery("特力", null, null, null, 1, 5), CancellationToken.None)).Items.Single();
        Assert.That((await store.Store.GetCompaniesAsync([special.Id], CancellationToken.None)).Single().RegisteredCapital, Is.EqualTo(29728.16m));
    }

    [Test]
    public async Task A_file_with_NUL_bytes_or_mostly_control_bytes_is_still_refused_as_binary()
    {
        var nul = store.WriteBytes("nul.csv", [.. Encoding.UTF8.GetBytes("企业名称,省份\n甲公司,湖北省\n"), 0x00, .. "乙公司,湖北省\n"u8.ToArray()]);
        var noisy = store.WriteBytes("noisy.csv", [.. Encoding.UTF8.GetBytes("企业名称,省份\n"), .. Enumerable.Repeat((byte)0x01, 64), .. "甲公司,湖北省\n"u8.ToArray()]);
        var stray = store.WriteBytes("stray.csv", [.. Encoding.UTF8.GetBytes("企业名称,省份\n甲\u007F公司,湖北省\n"), 0x1B, .. "乙公司,湖北省\n"u8.ToArray()]);

        var nulSummary = await store.ImportAsync(nul);
        var noisySummary = await store.ImportAsync(noisy);
        var straySummary = await store.ImportAsync(stray);

        Assert.That(nulSummary.FileProblem?.Reason, Does.Contain("NUL bytes: it is binary"));
        Assert.That(noisySummary.FileProblem?.Reason, Does.Contain("are control bytes").And.Contain("binary"));
        Assert.That(straySummary.FileProblem, Is.Null);
        Assert.That((straySummary.Read, straySummary.Inserted), Is.EqualTo((2L, 2L)));
        Assert.That(straySummary.Problems.Select(p => (p.Line, p.Column, p.Severity)), Is.EquivalentTo(new[]
        {
            (2, (string?)"企业名称", ProblemSeverity.Warning), (3, "企业名称", ProblemSeverity.Warning),
        }));
    }

    [Test]
    public async Task Channel_import_refuses_and_accepts_exactly_what_the_company_import_does()
    {
        var files = new (string Name, byte[] Bytes)[]
        {
            ("nul.csv", [.. "code,name,kind\n"u8.ToArray(), 0x00, .. "A,甲,商会\n"u8.ToArray()]),
            ("utf16.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("code,name,kind\nA,甲,商会\n")]),
            ("latin1.csv", [.. "code,name,kind\nA,"u8.ToArray(), 0xE9, 0x41, 0xFF, .. ",chamber\n"u8.ToArray()]),
            ("noisy.csv", [.. "code,name,kind\n"u8.ToArray(), .. Enumerable.Repeat((byte)0x02, 64), .. "A,甲,chamber\n"u8.ToArray()]),
            ("stray-del.csv", [.. "code,name,kind\nA,甲\u007F商会,chamber\n"u8.ToArray()]),
            ("gbk.csv", ImportFileInspector.Gb18030.GetBytes("编码,名称,类型\nB,湖北\u200b商会,商会\n")),
            ("bom.csv", [.. Encoding.UTF8.GetPreamble(), .. "code,name,kind\nC,乙商会,chamber\n"u8.ToArray()]),
        };
        var cache = new DiscoveryCache(store.Store, TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new DiscoveryOptions()), NullLogger<DiscoveryCache>.Instance);
        var channels = new ChannelImporter(store.Store, store.Store, store.Regions, cache);
        var outcomes = new List<string>();
        foreach (var (name, bytes) in files)
        {
            var companyRefused = (await store.ImportAsync(store.WriteBytes(name, bytes))).FileProblem is not null;
            bool channelRefused;
            ChannelImportSummary? summary = null;
            try
            {
                using var stream = new MemoryStream(bytes);
                summary = await channels.ImportAsync(stream, name, null, "links.csv", CancellationToken.None);
                channelRefused = false;
            }
            catch (ImportRejectedException)
            {
                channelRefused = true;
            }

            outcomes.Add($"{name}: company {(companyRefused ? "refused" : "read")}, channel {(channelRefused ? "refused" : "read")}");
            if (summary is not null && name.StartsWith("stray", StringComparison.Ordinal))
            {
                Assert.That(summary.Problems.Single().Severity, Is.EqualTo(ProblemSeverity.Warning));
                Assert.That((summary.Problems.Single().Line, summary.Problems.Single().Column), Is.EqualTo((2, (string?)"name")));
            }
        }

        Assert.That(outcomes, Is.EqualTo(new[]
        {
            "nul.csv: company refused, channel refused",
            "utf16.csv: company read, channel read",
            "latin1.csv: company refused, channel refused",
            "noisy.csv: company refused, channel refused",
            "stray-del.csv: company read, channel read",
            "gbk.csv: company read, channel read",
            "bom.csv: company read, channel read",
        }));
        var saved = await store.Store.FindChannelIdsAsync(["A", "B", "C"], CancellationToken.None);
        Assert.That(saved.Keys, Is.EquivalentTo(new[] { "A", "B", "C" }));
    }

    [Test]
    public async Task A_register_export_s_rows_are_placed_in_the_city_their_region_column_names()
    {
        // The columns of the registers (所在省份, 地区, 注册地址), two rows of the 2004 江苏 file as written.
        var path = store.Write("register.csv", "企业名称,所在省份,地区,注册地址\n"
            + "南京健忠化工有限公司,江苏,南京,鼓楼区幕府东路205号\n"
            + "扬州市建达工程建设监理有限公司,江苏,扬州,得祥园15-4-11\n");

        var summary = await store.ImportAsync(path);

        Assert.That((summary.Inserted, summary.Problems.Count), Is.EqualTo((2L, 0)));
        var placed = (await store.Store.SearchCompaniesAsync(new ChainMap.Storage.CompanyQuery(null, null, null, null, 1, 10), CancellationToken.None)).Items.ToDictionary(c => c.Name, c => c.RegionCode);
        Assert.That(placed["南京健忠化工有限公司"], Is.EqualTo("320106"));
        Assert.That(placed["扬州市建达工程建设监理有限公司"], Is.EqualTo("321000"));
    }

    [Test]
    public async Task A_region_text_that_names_nothing_falls_back_to_the_address()
    {
        var path = store.Write("region-text.csv", "企业名称,地区,注册地址\n甲科技有限公司,华东片区,湖北省随州市曾都区交通大道1号\n乙科技有限公司,华东片区,\n");

        var summary = await store.ImportAsync(path);

        Assert.That((summary.Inserted, summary.Rejected), Is.EqualTo((1L, 1L)));
        Assert.That(summary.Problems.Select(p => (p.Line, p.Column, p.Severity)), Is.EqualTo(new[] { (3, (string?)"地区", ProblemSeverity.Error) }));
    }

    [TestCase("江苏省", "苏州市", "苏州工业园区", "320500")]
    [TestCase("江苏", "", "苏州园区", "320500")]
    [TestCase("江蘇省", "蘇州市", "蘇州工業園區", "320500")]
    [TestCase("江苏省", "盐城市", "盐城经开区", "320900")]
    [TestCase("河南省", "郑州市", "郑州高新区", "410100")]
    [TestCase("西藏自治区", "拉萨市", "拉萨经济技术开发区", "540100")]
    [TestCase("河北省", "唐山市", "唐山芦台经济开发区", "130200")]
    [TestCase("湖北省", "随州市", "随州高新区", "421303")]
    [TestCase("江苏省", "苏州市", "苏州综合保税区", "320500")]
    [TestCase("江苏省", "", "昆山高新技术产业开发区", "320583")]
    [TestCase("海南省", "省直辖县级行政区划", "澄迈县", "469023")]
    [TestCase("北京市", "市辖区", "朝阳区", "110105")]
    [TestCase("湖北省", "武汉市", "不存在区", "420100")]
    [TestCase("湖北省", "火星市", "", "420000")]
    public void Names_resolve_to_the_most_specific_division_they_support(string province, string city, string county, string code)
    {
        var resolution = new RegionNameResolver(Catalog).ResolveNames(province, city, county, null);

        Assert.That(resolution.Region?.Code, Is.EqualTo(code), string.Join("; ", resolution.Notes.Select(n => n.Reason)));
    }

    [TestCase("江苏省苏州工业园区星湖街328号", "320500")]
    [TestCase("苏州工业园区金鸡湖大道88号", "320500")]
    [TestCase("河南省郑州高新技术产业开发区科学大道100号", "410100")]
    [TestCase("海南省澄迈县老城工业开发区", "469023")]
    [TestCase("新疆五家渠市青湖路88号", "659004")]
    [TestCase("湖北省省直辖县级行政区划仙桃市", "429004")]
    [TestCase("注册于湖北省随州市曾都区交通大道", "421303")]
    [TestCase("盐城经济技术开发区希望大道南路5号", "320900")]
    public void Addresses_name_divisions_and_zones_anywhere_in_the_text(string address, string code)
    {
        var (found, reason) = new RegionNameResolver(Catalog).FromText(address);

        Assert.That(found?.Code, Is.EqualTo(code), reason);
    }

    // Register exports (所在省份, 地区, 注册地址) write the city as 地区 and often leave it out of the address: the region
    // text narrows the province, and the address is read inside it (registers of 2004, checked against each row's USCC).
    [TestCase("江苏", "南京", "鼓楼区幕府东路205号", "320106", TestName = "地区 南京 and an address that names 鼓楼区 without its city")]
    [TestCase("江苏", "扬州", "得祥园15-4-11", "321000", TestName = "地区 扬州 and an address that names no division")]
    [TestCase("上海", "杨浦", "上海市控江路1555号B座710室", "310110", TestName = "地区 杨浦 in 上海")]
    [TestCase("河南", "新乡", "文化路南段路东文清苑小区", "410700", TestName = "新乡 is 新乡市, not 新乡县 inside it")]
    [TestCase("河南", "焦作", "新乡市和平大道107号", "410700", TestName = "an address that names another city in full wins over 地区")]
    [TestCase("广西", "南宁", "七星路137号外贸大厦16楼", "450100", TestName = "七星路 in 南宁 is a road, not 桂林's 七星区")]
    [TestCase("广西", "河池", "罗城县宝坛乡五地村", "451225", TestName = "罗城县 is 罗城仫佬族自治县")]
    [TestCase("湖北", "恩施", "宣恩县珠山镇建设路4-2号", "422825", TestName = "恩施 is 恩施土家族苗族自治州 around 恩施市, 宣恩县 inside it")]
    [TestCase("江苏", "连云港", "连云港市海州区宁海工业园", "320706", TestName = "连云港市 named again in the address is not 连云区")]
    // Towns (data/towns.csv, NBS 2023, ADR 0550): where the row names a city (or a municipality) and no county, a town of
    // that city named in the address by its full name, or by its stem where the town is a street now, gives its county
    // when the name is one county's only there.
    [TestCase("江苏", "苏州", "江苏省苏州市盛泽镇西二环路1188号", "320509", TestName = "盛泽镇 of 苏州 is in 吴江区")]
    [TestCase("江苏", "", "江苏省苏州市盛泽镇西二环路1188号", "320509", TestName = "盛泽镇 read inside 苏州, the city the address names")]
    [TestCase("上海", "", "上海市朱家角镇珠溪路1号", "310118", TestName = "朱家角镇 of 上海 is in 青浦区")]
    [TestCase("江苏", "苏州", "吴县木渎镇", "320506", TestName = "木渎镇 of old 吴县 is in 吴中区")]
    [TestCase("河南", "安阳", "道口镇解放南路", "410526", TestName = "道口镇, now 道口镇街道, is in 滑县")]
    [TestCase("浙江", "杭州", "杭州靖江镇山前胜联村", "330109", TestName = "靖江镇 of 杭州 (靖江街道 now) is 萧山区's, not 泰州's 靖江市")]
    [TestCase("山西", "太原", "太原市阳曲镇工业园", "140108", TestName = "阳曲镇 of 太原 is in 尖草坪区, not 阳曲县")]
    [TestCase("安徽", "芜湖", "芜湖市弋江镇开发区", "340223", TestName = "弋江镇 of 芜湖 is in 南陵县, not 弋江区")]
    public void A_register_s_region_text_narrows_the_province_and_the_address_is_read_inside_it(string province, string regionText, string address, string code)
    {
        var resolution = new RegionNameResolver(Catalog).ResolveNames(province, "", "", address, regionText);

        Assert.That(resolution.Region?.Code, Is.EqualTo(code), string.Join("; ", resolution.Notes.Select(n => n.Reason)));
        Assert.That(resolution.Notes, Is.Empty, "the region text, the address and a town read inside the city are not problems of the row");
    }

    [TestCase("江苏省", "连云港市", "连云港市海州区宁海工业园", "320706")]
    [TestCase("江苏省", "南通市", "东海镇新造镇", "320681", TestName = "东海镇 of 南通 is not 连云港's 东海县: it is 启东市's town (data/towns.csv)")]
    [TestCase("江苏省", "扬州市", "射阳湖镇藏陈路32号", "321023", TestName = "射阳湖镇 of 扬州 is not 盐城's 射阳县: it is 宝应县's town (data/towns.csv)")]
    [TestCase("广西壮族自治区", "来宾市", "柳南高速公路来宾服务区", "451300")]
    public void An_address_read_inside_the_city_column_neither_restates_it_nor_reads_a_town_or_road_as_a_county(string province, string city, string address, string code)
    {
        var resolution = new RegionNameResolver(Catalog).ResolveNames(province, city, "", address);

        Assert.That(resolution.Region?.Code, Is.EqualTo(code));
    }

    [TestCase("环江县", "451226")]
    [TestCase("恩施州", "422800")]
    [TestCase("湘西州", "433100")]
    [TestCase("巴里坤县", "650521")]
    [TestCase("积石山县", "622927")]
    public void Autonomous_divisions_are_known_by_the_short_forms_files_write(string name, string code)
    {
        Assert.That(Catalog.FindByName(name).Select(r => r.Code), Is.EqualTo(new[] { code }));
    }

    [Test]
    public void A_short_autonomous_form_never_joins_a_name_other_divisions_have()
    {
        // 海南藏族自治州 (青海) would be 海南 without its people: the name stays the province's (and 乌海's 海南区'), as before.
        Assert.That(Catalog.FindByName("海南").Select(r => r.Code), Is.EqualTo(new[] { "460000", "150303" }));
        Assert.That(Catalog.FindByName("海南州").Select(r => r.Code), Is.EqualTo(new[] { "632500" }));
    }

    // Old registers name divisions that no longer exist (data/region-history.csv, ADR 0520): inside the province or city
    // found, a retired name stands for the current division its territory lies in.
    [TestCase("江苏", "南京", "白下区中山东路300号", "320104", TestName = "白下区 (retired 2013) of 南京 is 秦淮区 now")]
    [TestCase("江苏", "南京", "下关区热河路8号", "320106", TestName = "下关区 (retired 2013) of 南京 is 鼓楼区 now")]
    [TestCase("上海", "卢湾", "淮海中路300号", "310101", TestName = "地区 卢湾 (卢湾区, retired 2011) is 黄浦区 now")]
    [TestCase("上海", "", "上海市闸北区共和新路1号", "310106", TestName = "闸北区 (retired 2015) is 静安区 now")]
    [TestCase("江苏", "苏州", "吴县人民路1号", "320500", TestName = "吴县, split among 苏州's districts, is placed in 苏州 only")]
    [TestCase("重庆", "", "重庆市开县汉丰镇", "500154", TestName = "开县 (retired 2016) is 开州区 now")]
    public void A_retired_division_named_inside_its_province_or_city_stands_for_its_successor(string province, string regionText, string address, string code)
    {
        var resolution = new RegionNameResolver(Catalog).ResolveNames(province, "", "", address, regionText);

        Assert.That(resolution.Region?.Code, Is.EqualTo(code), string.Join("; ", resolution.Notes.Select(n => n.Reason)));
    }

    // Zones without an NBS code that registers name (scripts/data/zones-added.csv, ADR 0520).
    [TestCase("上海", "自贸区", "中国（上海）自由贸易试验区富特北路211号", "310115", TestName = "the 上海 free-trade zone lies in 浦东新区")]
    [TestCase("上海", "", "上海自贸区张杨路500号", "310115", TestName = "上海自贸区 is the free-trade zone's short form")]
    [TestCase("江苏", "无锡", "无锡新区科技创业园四区415号", "320214", TestName = "无锡新区 is 新吴区 now")]
    [TestCase("江苏", "", "苏州高新区狮山路22号", "320505", TestName = "苏州高新区 is 虎丘区")]
    [TestCase("江苏", "", "江北新区泰山街道桥北村", "320000", TestName = "a bare 江北新区 is not placed: 南京's is 南京江北新区, one of several")]
    [TestCase("湖北", "", "武汉东湖新技术开发区高新大道1号", "420100", TestName = "武汉东湖新技术开发区 spans several districts: the city")]
    public void Zones_registers_name_are_placed_in_their_host(string province, string regionText, string address, string code)
    {
        var resolution = new RegionNameResolver(Catalog).ResolveNames(province, "", "", address, regionText);

        Assert.That(resolution.Region?.Code, Is.EqualTo(code), string.Join("; ", resolution.Notes.Select(n => n.Reason)));
    }

    [Test]
    public void A_retired_division_in_the_county_column_stands_for_its_successor()
    {
        var resolution = new RegionNameResolver(Catalog).ResolveNames("江苏省", "南京市", "白下区", null);

        Assert.That(resolution.Region?.Code, Is.EqualTo("320104"));
        Assert.That(resolution.Notes, Is.Empty);
    }

    // 泰州市 was also a county-level city (retired 1996, now 海陵区) and 曾都区 an older code of the same district (421302):
    // the current table wins, always.
    [TestCase("江苏", "", "泰州市青年南路1号", "321200", TestName = "泰州市 is the current city, not the retired county-level 泰州市 (海陵区)")]
    [TestCase("湖北", "随州", "曾都区交通大道1号", "421303", TestName = "曾都区 is the current district, not the retired code's successor")]
    [TestCase("江苏", "", "淮安市淮海路1号", "320800", TestName = "淮安市 is the current city, not the retired county-level 淮安市 (淮安区)")]
    public void A_retired_name_never_overrides_a_current_division(string province, string regionText, string address, string code)
    {
        var resolution = new RegionNameResolver(Catalog).ResolveNames(province, "", "", address, regionText);

        Assert.That(resolution.Region?.Code, Is.EqualTo(code));
        Assert.That(Catalog.FindRetired("泰州市"), Is.Empty, "a current division's name is not a retired name");
    }

    [Test]
    public void A_retired_name_is_read_only_inside_a_province_or_city_already_found()
    {
        var resolver = new RegionNameResolver(Catalog);

        Assert.That(Catalog.FindRetired("白下区").Select(r => r.Code), Is.EqualTo(new[] { "320104" }));
        Assert.That(resolver.FromText("白下区中山东路300号").Region, Is.Null, "without a province, an old name is not a place");
        Assert.That(resolver.ResolveNames("浙江", "", "", "白下区中山东路300号", "").Region?.Code, Is.EqualTo("330000"), "白下区 is not in 浙江");
        Assert.That(resolver.FromText("河北省唐山市高新区建设路").Region?.Code, Is.EqualTo("130200"), "唐山's old 新区 (丰润区 now) is not read inside 高新区");
    }

    [Test]
    public void A_retired_code_stands_for_its_successor()
    {
        Assert.That(Catalog.Find("500234"), Is.Null, "开县's code is retired");
        Assert.That(Catalog.FindRetiredCode("500234")?.Code, Is.EqualTo("500154"));
        Assert.That(Catalog.FindRetiredCode("320106"), Is.Null, "a current code is not a retired one");
    }

    [Test]
    public void Zones_are_known_by_name_but_are_not_divisions()
    {
        var zone = Catalog.FindZones("苏州工业园区").Single();

        Assert.That(Catalog.Zones, Has.Count.EqualTo(335), "124 NBS zones, 19 added ones and 191 national 经济技术开发区 of data/zones.csv + 随州高新区 of data/home.json");
        Assert.That((zone.Code, zone.Level, Catalog.ZoneHost(zone)?.Code), Is.EqualTo(("320576", RegionLevel.Zone, (string?)"320500")));
        Assert.That(Catalog.Find("320576"), Is.Null, "a zone is not a GB/T 2260 division");
        Assert.That(Catalog.Search("苏州工业园区", 10), Is.Empty);
        Assert.That(Catalog.Resolve("苏州工业园区").Region?.Code, Is.EqualTo("320500"));
    }

    // National 经济技术开发区 the NBS list lacks (ADR 0690): at the host county where one is known, else at the city.
    [TestCase("长沙经济技术开发区", "430121", TestName = "长沙经开区 is at 长沙县 (its seat 星沙)")]
    [TestCase("长沙经开区", "430121", TestName = "the short form 长沙经开区 too")]
    [TestCase("宁乡经济技术开发区", "430182", TestName = "a zone named by a county is at that county")]
    [TestCase("天津西青经济技术开发区", "120111", TestName = "a municipality's zone named by its district")]
    [TestCase("明水经济技术开发区", "370114", TestName = "明水经开区 is at 章丘区 (明水街道)")]
    [TestCase("南昌小蓝经济技术开发区", "360100", TestName = "小蓝 is no county: the city only")]
    [TestCase("上海漕河泾新兴技术开发区", "310100", TestName = "a zone across two districts: the city only")]
    public void A_national_development_zone_is_at_its_host(string name, string code)
    {
        Assert.That(Catalog.Resolve(name).Region?.Code, Is.EqualTo(code));
    }

    [Test]
    public void A_town_is_read_only_inside_the_city_already_found()
    {
        var resolver = new RegionNameResolver(Catalog);

        Assert.That(resolver.ResolveNames("江苏", "", "", "江苏省南京市盛泽镇中山路1号", "南京").Region?.Code, Is.EqualTo("320100"), "盛泽镇 is 苏州's, not 南京's");
        Assert.That(resolver.ResolveNames("江苏", "", "", "盛泽镇西二环路1188号", "").Region?.Code, Is.EqualTo("320000"), "without a city, no town is read");
        Assert.That(resolver.FromText("盛泽镇西二环路1188号").Region, Is.Null, "nor without a province");
    }

    [Test]
    public void A_town_in_the_county_column_stands_for_its_county()
    {
        var resolution = new RegionNameResolver(Catalog).ResolveNames("江苏省", "苏州市", "盛泽镇", null);

        Assert.That(resolution.Region?.Code, Is.EqualTo("320509"));
        Assert.That(resolution.Notes, Is.Empty);
        Assert.That(new RegionNameResolver(Catalog).ResolveNames("江苏省", "南京市", "盛泽镇", null).Region?.Code, Is.EqualTo("320100"), "盛泽镇 is no town of 南京");
    }

    // A town name of several counties, or part of another word, gives none.
    [TestCase("河南", "洛阳", "洛阳市城关镇东大街1号", "410300", TestName = "城关镇 of 洛阳 is a town of 汝阳县, 嵩县 and 孟津区: no county")]
    [TestCase("安徽", "六安", "城关镇人民路2号", "341500", TestName = "城关镇 of 六安 is in 霍邱县 and 舒城县: no county")]
    [TestCase("湖北", "恩施", "活龙坪乡街上", "422800", TestName = "活龙坪乡 is not 建始县's 龙坪乡: a town's name is read from a boundary")]
    [TestCase("江苏", "苏州", "江苏省苏州市盛泽镇路8号", "320500", TestName = "盛泽镇路 is a road, which may lie anywhere")]
    // A county the row states is never overridden by a town.
    [TestCase("江苏", "苏州", "江苏省苏州市吴中区盛泽镇西二环路1188号", "320506", TestName = "a stated 吴中区 wins over 盛泽镇's 吴江区")]
    [TestCase("浙江", "杭州", "杭州市余杭区塘栖镇富塘路9号", "330110", TestName = "余杭区 as written, although 塘栖镇 is 临平区's now")]
    [TestCase("湖南", "株洲", "株洲县三门镇工业园", "430212", TestName = "株洲县 (渌口区 now) as written, although 三门镇 is 天元区's now")]
    // Short forms the town work met (ADR 0550): 管城区 for 管城回族区, a retired county named after its city, a full name
    // followed by a division's suffix.
    [TestCase("河南", "郑州", "郑州市管城区城东路18号", "410104", TestName = "管城区 is 管城回族区")]
    [TestCase("四川", "乐山", "乐山市市中区九峰镇", "511102", TestName = "乐山市市中区 is 乐山市 and 市中区, not 乐山市市 and 中区")]
    [TestCase("浙江", "绍兴", "绍兴县柯桥柯西工业区", "330603", TestName = "绍兴县 (split; 绍兴 its successor) restates 绍兴市, and 柯桥 is read after it")]
    public void A_town_or_short_form_gives_its_county_only_when_it_names_one_and_never_over_a_stated_county(string province, string regionText, string address, string code)
    {
        var resolution = new RegionNameResolver(Catalog).ResolveNames(province, "", "", address, regionText);

        Assert.That(resolution.Region?.Code, Is.EqualTo(code));
    }

    [Test]
    public async Task The_catalog_the_cli_commands_read_knows_retired_divisions_zones_and_towns_as_the_import_does()
    {
        var resolver = new RegionNameResolver(await DefaultData.ReadCatalogAsync(TestData.DataPath, CancellationToken.None));

        Assert.That(resolver.ResolveNames("江苏", "", "", "白下区中山东路300号", "南京").Region?.Code, Is.EqualTo("320104"));
        Assert.That(resolver.ResolveNames("江苏", "", "", "盛泽镇西二环路1188号", "苏州").Region?.Code, Is.EqualTo("320509"));
        Assert.That(resolver.FromText("江苏省苏州工业园区星湖街328号").Region?.Code, Is.EqualTo("320500"));
    }

    [Test]
    public async Task Without_a_data_folder_the_directory_warns_once_that_history_and_towns_are_not_read()
    {
        var logger = new CountingLogger();
        var missing = Path.Combine(Path.GetTempPath(), "chainmap-no-data-" + Guid.NewGuid().ToString("N"));
        var directory = new RegionDirectory(store.Store, Microsoft.Extensions.Options.Options.Create(new ChainMap.Storage.StorageOptions { DefaultDataPath = missing }), logger);

        var first = await directory.GetCatalogAsync(CancellationToken.None);
        directory.Invalidate();
        await directory.GetCatalogAsync(CancellationToken.None);

        Assert.That(logger.Warnings, Is.EqualTo(1));
        Assert.That(first.FindRetired("白下区"), Is.Empty);
        Assert.That(first.TownPlace(first.Find("320500")!), Is.Null, "no towns without the data folder");
    }

    private sealed class CountingLogger : Microsoft.Extensions.Logging.ILogger<RegionDirectory>
    {
        public int Warnings { get; private set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == Microsoft.Extensions.Logging.LogLevel.Warning)
            {
                Warnings++;
            }
        }
    }

    [Test]
    public void A_row_without_any_province_is_not_placed()
    {
        var resolution = new RegionNameResolver(Catalog).ResolveNames("火星省", "", "", "火星大道1号");

        Assert.That(resolution.Region, Is.Null);
        Assert.That(resolution.Notes.Single().Part, Is.EqualTo(RegionPart.Province));
    }

    private static RegionCatalog BuildCatalog()
    {
        var divisions = DefaultData.ReadRegionsAsync(Path.Combine(TestData.DataPath, "regions.csv"), CancellationToken.None).GetAwaiter().GetResult();
        var zones = DefaultData.ReadZonesAsync(Path.Combine(TestData.DataPath, "zones.csv"), divisions, CancellationToken.None).GetAwaiter().GetResult();
        var home = DefaultData.ReadHomeAsync(Path.Combine(TestData.DataPath, "home.json"), CancellationToken.None).GetAwaiter().GetResult();
        var regions = divisions.Concat(zones).ToList();
        var retired = DefaultData.ReadRetired(Path.Combine(TestData.DataPath, "region-history.csv"));
        var towns = DefaultData.ReadTowns(Path.Combine(TestData.DataPath, "towns.csv"));
        return new RegionCatalog(regions.Concat(RegionDirectory.HomeZones(home, regions)), [], retired, towns);
    }
}
