using ChainMap.Import;
using ChainMap.Storage;

namespace ChainMap.Tests.Import;

/// <summary>
/// A company-register export as the data vendors write it (企查查, 天眼查): 登记状态, 企业类型 as a legal form,
/// 国标行业门类/大类/中类/小类 in four columns, 人员规模 as a band, capital in a foreign currency.
/// </summary>
public sealed class RegisterExportImportTests
{
    private const string Header = "企业名称,登记状态,注册资本,成立日期,所属省份,所属城市,所属区县,企业类型,国标行业门类,国标行业大类,国标行业中类,国标行业小类,人员规模";
    private ImportTestStore store = null!;

    [SetUp]
    public async Task CreateStore() => store = await ImportTestStore.CreateAsync();

    [TearDown]
    public async Task DisposeStore() => await store.DisposeAsync();

    [Test]
    public async Task Closed_companies_are_not_imported_and_the_report_says_why()
    {
        var path = store.Write("status.csv", $"""
            {Header}
            甲专用汽车有限公司,存续（在营、开业、在册）,5000万元人民币,2010-05-01,湖北省,随州市,曾都区,有限责任公司,制造业,汽车制造业,改装汽车制造,改装汽车制造,100-499人
            乙消防装备有限公司,注销,1000万元人民币,2011-05-01,江苏省,苏州市,苏州工业园区,有限责任公司,制造业,专用设备制造业,,,少于50人
            丙汽车零部件有限公司,"吊销，未注销",800万元人民币,2001-07-11,浙江省,宁波市,北仑区,有限责任公司,制造业,汽车制造业,汽车零部件及配件制造,,少于50人
            丁液压有限公司,迁出,300万元人民币,2015-01-01,湖北省,随州市,曾都区,有限责任公司,制造业,通用设备制造业,,,50-99人
            """);

        var summary = await store.ImportAsync(path);

        Assert.That((summary.Read, summary.Inserted, summary.Rejected), Is.EqualTo((4L, 2L, 2L)));
        Assert.That(summary.Problems.Select(p => (p.Line, p.Column, p.Value, p.Severity)), Is.EqualTo(new[]
        {
            (3, "登记状态", "注销", ProblemSeverity.Error),
            (4, "登记状态", "吊销，未注销", ProblemSeverity.Error),
            (5, "登记状态", "迁出", ProblemSeverity.Warning),
        }));
        Assert.That(summary.Problems[0].Reason, Does.StartWith("the company is closed (注销): a closed company is no target"));
        Assert.That(summary.Problems[1].Reason, Does.StartWith("the company is closed (吊销)"));
        Assert.That(summary.Problems[2].Reason, Does.Contain("the place in this row may be the old one"));
        Assert.That(await Names(), Is.EquivalentTo(new[] { "甲专用汽车有限公司", "丁液压有限公司" }));
    }

    [Test]
    public async Task The_most_specific_industry_column_given_on_each_row_is_read()
    {
        var path = store.Write("industry.csv", $"""
            {Header}
            甲制药有限公司,存续,3000万元人民币,2015-09-09,上海市,上海市,浦东新区,有限责任公司,制造业,医药制造业,化学药品原料药制造,化学药品原料药制造,
            乙汽车有限公司,存续,3000万元人民币,2015-09-09,浙江省,宁波市,北仑区,有限责任公司,制造业,汽车制造业,汽车零部件及配件制造,-,
            丙机械有限公司,存续,3000万元人民币,2015-09-09,浙江省,宁波市,北仑区,有限责任公司,制造业,通用设备制造业,,,
            """);

        var summary = await store.ImportAsync(path);

        Assert.That(summary.Rejected, Is.Zero);
        Assert.That(summary.Columns.Where(c => c.Field == CompanyColumns.Industry).Select(c => (c.Header, c.WhenEmpty)), Is.EquivalentTo(new[]
        {
            ("国标行业小类", (string?)null), ("国标行业中类", "国标行业小类"), ("国标行业大类", "国标行业小类"), ("国标行业门类", "国标行业小类"),
        }));
        var companies = await Companies();
        Assert.That(companies["甲制药有限公司"].Industry, Is.EqualTo("化学药品原料药制造"));
        Assert.That(companies["乙汽车有限公司"].Industry, Is.EqualTo("汽车零部件及配件制造"), "a blank marker (-) in 小类 falls back to 中类");
        Assert.That(companies["丙机械有限公司"].Industry, Is.EqualTo("通用设备制造业"));
        Assert.That(companies["甲制药有限公司"].Memberships.Select(m => m.SegmentCode), Does.Contain("SW-API"));
    }

    [Test]
    public async Task A_vendors_coarse_industry_beside_the_registers_class_gives_way_to_the_class()
    {
        // 企查查's export writes 所属行业 (a GB/T division) and 企业(机构)类型 beside the register's own 国标行业 columns.
        var path = store.Write("vendor.csv", """
            企业名称,所属省份,所属城市,企业(机构)类型,所属行业,国标行业中类,国标行业小类
            甲专用汽车有限公司,湖北省,随州市,股份有限公司(非上市、自然人投资或控股),汽车制造业,改装汽车制造,改装汽车制造
            乙汽车部件有限公司,湖北省,随州市,有限责任公司(外国法人独资),汽车制造业,汽车零部件及配件制造,-
            丙药业有限公司,湖北省,随州市,有限责任公司,C2740中成药生产,,化学药品制剂制造
            丁科技有限公司,湖北省,随州市,有限责任公司,医疗仪器设备,,
            戊机械有限公司,湖北省,随州市,有限责任公司,,,通用设备修理
            """);

        var summary = await store.ImportAsync(path);

        Assert.That((summary.Inserted, summary.Rejected), Is.EqualTo((5L, 0L)));
        var companies = await Companies();
        Assert.That(companies["甲专用汽车有限公司"].Industry, Is.EqualTo("改装汽车制造"), "a class (3663) beside its division (36): the class");
        Assert.That(companies["乙汽车部件有限公司"].Industry, Is.EqualTo("汽车零部件及配件制造"), "a group (367) beside the division, the class blank");
        Assert.That(companies["丙药业有限公司"].Industry, Is.EqualTo("C2740中成药生产"), "a class is never replaced, even by another class");
        Assert.That(companies["丁科技有限公司"].Industry, Is.EqualTo("医疗仪器设备"), "a value the table does not know is read as the header order chose it");
        Assert.That(companies["戊机械有限公司"].Industry, Is.EqualTo("通用设备修理"), "an empty first column is filled as before");
        Assert.That(companies["甲专用汽车有限公司"].Tags, Is.EqualTo(new[] { "民营企业" }), "企业(机构)类型 is the controller column");
        Assert.That(companies["乙汽车部件有限公司"].Tags, Is.EqualTo(new[] { "外资企业" }));
    }

    [Test]
    public async Task Placeholder_names_a_repeated_header_and_blank_words_name_no_company()
    {
        var summary = await store.ImportAsync(store.Write("placeholders2.csv", """
            企业名称,省份,城市,注册资本
            测试企业,湖北省,随州市,
            测试有限公司2,湖北省,随州市,
            示例公司,湖北省,随州市,
            測試企業,湖北省,随州市,
            Demo,湖北省,随州市,
            某公司,湖北省,随州市,
            随州市某专用汽车有限公司,湖北省,随州市,
            公司名称,湖北省,随州市,
            待定,湖北省,随州市,
            nan,湖北省,随州市,
            随州市测试设备有限公司,湖北省,随州市,未知
            武汉演示文化传播有限公司,湖北省,武汉市,None
            """));

        Assert.That((summary.Inserted, summary.Rejected), Is.EqualTo((2L, 10L)));
        Assert.That(summary.Problems.Select(p => (p.Line, p.Column)), Is.EqualTo(Enumerable.Range(2, 10).Select(line => (line, (string?)"企业名称"))),
            "only the names are reported: 未知 and None are blank capitals, not mistakes");
        Assert.That(summary.Problems.Select(p => p.Reason), Has.All.EndsWith("the row names no company, so it is not imported"));
        Assert.That(summary.Problems.Take(5).Select(p => p.Reason), Has.All.StartWith("the name is a placeholder (测试, 示例, test, demo)"), "either script");
        Assert.That(summary.Problems.Skip(5).Take(2).Select(p => p.Reason), Has.All.StartWith("the name is a template or masked"));
        Assert.That(summary.Problems[7].Reason, Does.StartWith("the name is a column header"));
        Assert.That(summary.Problems.Skip(8).Select(p => p.Reason), Has.All.StartWith("the name is a \"no value\" marker"));
        var companies = await Companies();
        Assert.That(companies.Keys, Is.EquivalentTo(new[] { "随州市测试设备有限公司", "武汉演示文化传播有限公司" }), "测试 and 演示 inside a real name are words");
        Assert.That(companies.Values.Select(c => c.RegisteredCapital), Has.All.Null);
    }

    [Test]
    public async Task Staff_bands_read_as_their_lower_bound_and_legal_forms_are_no_controller_mistake()
    {
        var path = store.Write("staff.csv", """
            企业名称,所属省份,所属城市,企业类型,人员规模,注册资本
            甲有限公司,湖北省,随州市,有限责任公司（自然人投资或控股）,100-499人,1000万美元
            乙有限公司,湖北省,随州市,有限责任公司（非自然人投资或控股的法人独资）,1000人以上,
            丙有限公司,湖北省,随州市,全民所有制,少于50人,
            丁有限公司,湖北省,随州市,股份有限公司（非上市）,50～99,
            己有限公司,湖北省,随州市,有限責任公司,,
            戊有限公司,湖北省,随州市,社会团体,,
            庚经营部,湖北省,随州市,集体分支机构(非法人),,
            辛合伙企业,湖北省,随州市,普通合伙,,
            壬商店,湖北省,随州市,个体（内地）,,
            癸专业合作社,湖北省,随州市,农民专业合作社,,
            子有限公司,湖北省,随州市,内资企业法人,,60(万元人民币元)
            """);

        var summary = await store.ImportAsync(path);

        Assert.That((summary.Inserted, summary.Rejected), Is.EqualTo((11L, 0L)));
        Assert.That(summary.Problems.Select(p => (p.Line, p.Column)), Is.EqualTo(new (int, string?)[] { (7, "企业类型") }),
            "only a 企业类型 that is neither a controller type nor a legal form is reported");
        var companies = await Companies();
        Assert.That(companies.ToDictionary(c => c.Key, c => c.Value.Employees), Is.EquivalentTo(new Dictionary<string, int?>
        {
            ["甲有限公司"] = 100, ["乙有限公司"] = 1000, ["丙有限公司"] = null, ["丁有限公司"] = 50, ["己有限公司"] = null, ["戊有限公司"] = null,
            ["庚经营部"] = null, ["辛合伙企业"] = null, ["壬商店"] = null, ["癸专业合作社"] = null, ["子有限公司"] = null,
        }));
        Assert.That(companies["甲有限公司"].Tags, Is.EqualTo(new[] { "民营企业" }));
        Assert.That(companies["乙有限公司"].Tags, Is.Empty, "非自然人投资 names no private controller");
        Assert.That(companies["丙有限公司"].Tags, Is.EqualTo(new[] { "国有企业" }));
        Assert.That(companies["甲有限公司"].RegisteredCapital, Is.EqualTo(7187.717m), "1000万美元 at the table's 7.187717 元 per 美元");
        Assert.That(companies["子有限公司"].RegisteredCapital, Is.EqualTo(60m), "60(万元人民币元), as the 2004 陕西 register writes it: 万元");
    }

    [Test]
    public async Task A_title_above_the_header_is_skipped_with_a_warning_in_text_and_in_a_workbook()
    {
        var csv = store.Write("titled.csv", "企查查数据导出（导出时间：2026-12-05）\n\n企业名称\t所属省份\t所属城市\t人员规模\n甲专用汽车有限公司\t湖北省\t随州市\t50-99人\n数据来源：企查查\n");
        var workbook = Path.Combine(store.Directory, "titled.xlsx");
        MiniExcelLibs.MiniExcel.SaveAs(workbook, new List<Dictionary<string, object?>>
        {
            new() { ["A"] = "天眼查 · 企业名单", ["B"] = null, ["C"] = null },
            new() { ["A"] = "企业名称", ["B"] = "所属省份", ["C"] = "所属城市" },
            new() { ["A"] = "乙液压有限公司", ["B"] = "湖北省", ["C"] = "随州市" },
        }, printHeader: false);

        var text = await store.ImportAsync(csv);
        var sheet = await store.ImportAsync(workbook);

        Assert.That(text.Format, Is.EqualTo("UTF-8, tab-separated"), "the title line has no delimiter and does not decide it");
        Assert.That((text.Read, text.Inserted, text.Rejected), Is.EqualTo((1L, 1L, 0L)), "the note under the table is no company (session 40)");
        Assert.That(text.Problems.Single(p => p.Line == 1), Is.EqualTo(new ImportProblem("titled.csv", 1, null, "企查查数据导出（导出时间：2026-12-05）",
            "line 1 holds no table header (a title): the header was found on line 3, and the lines above it were skipped", ProblemSeverity.Warning)));
        Assert.That(text.Problems.Single(p => p.Line == 5), Is.EqualTo(new ImportProblem("titled.csv", 5, null, "数据来源：企查查",
            "line 5 is a note below the table, not a company: skipped", ProblemSeverity.Warning)));
        Assert.That((sheet.Inserted, sheet.Rejected), Is.EqualTo((1L, 0L)));
        Assert.That(sheet.Problems.Single().Reason, Does.Contain("the header was found on line 2"));
        Assert.That(await Names(), Is.EquivalentTo(new[] { "甲专用汽车有限公司", "乙液压有限公司" }));
    }

    [Test]
    public async Task A_file_of_names_alone_still_reads_its_first_row_as_the_header()
    {
        var summary = await store.ImportAsync(store.Write("names.csv", "企业名称\n甲专用汽车有限公司\n"));

        Assert.That((summary.FileProblem, summary.Read), Is.EqualTo(((ImportProblem?)null, 1L)), "the file is read, its header is line 1");
        Assert.That(summary.Problems.Single().Line, Is.EqualTo(2), "the row itself names no region");
    }

    [Test]
    public async Task A_second_code_column_does_not_fill_an_empty_credit_code()
    {
        // 天眼查 writes 纳税人识别号 beside 统一社会信用代码; an old 15-digit tax number there must not reject the row.
        var summary = await store.ImportAsync(store.Write("codes.csv", "公司名称,统一社会信用代码,纳税人识别号,所属省份,所属城市,公司类型\n甲有限公司,,420302000012345,湖北省,随州市,有限责任公司\n"));

        Assert.That((summary.Inserted, summary.Problems.Count), Is.EqualTo((1L, 0)));
        Assert.That(summary.Columns.Single(c => c.Header == "纳税人识别号").Field, Is.Null);
        Assert.That((await Companies())["甲有限公司"].Uscc, Is.Null);
    }

    [Test]
    public async Task A_row_that_names_no_place_is_placed_where_the_company_name_starts_with_a_warning()
    {
        var summary = await store.ImportAsync(store.Write("names.csv", """
            企业名称,省份,股票代码
            深圳市新纶科技股份有限公司,,002341
            南京华东电子信息科技股份有限公司,,000727
            湖北省随州市甲专用汽车有限公司,,
            东方电气股份有限公司,,600875
            中航资本控股股份有限公司,,600705
            深圳市乙科技有限公司,火星,
            "深圳市丙科技有限公司,,002999",,
            """));

        Assert.That((summary.Inserted, summary.Rejected), Is.EqualTo((4L, 3L)));
        var companies = await Companies();
        Assert.That(companies.ToDictionary(c => c.Key, c => c.Value.RegionCode), Is.EquivalentTo(new Dictionary<string, string>
        {
            ["深圳市新纶科技股份有限公司"] = "440300", ["南京华东电子信息科技股份有限公司"] = "320100", ["湖北省随州市甲专用汽车有限公司"] = "421300",
            ["东方电气股份有限公司"] = "510000", // not by its name (东方 is a county's short name) but by its stock code's seat (ADR 0690)
        }));
        var warning = summary.Problems.Single(p => p.Line == 2);
        Assert.That((warning.Column, warning.Severity), Is.EqualTo(("企业名称", ProblemSeverity.Warning)));
        Assert.That(warning.Reason, Does.Contain("placed in 深圳市, the place its name starts with"));
        Assert.That(summary.Problems.Single(p => p.Line == 5).Reason, Does.Contain("the seat of its stock code 600875"));
        Assert.That(summary.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.Line), Is.EqualTo(new[] { 6, 7, 8 }),
            "中航 is no place (and 600705 is not in the seats table), a province column that names no province is not overruled by "
            + "the name, and a name holding delimiters is a row its quoting broke");
    }

    [Test]
    public async Task An_address_that_names_the_county_inside_the_columns_city_places_the_company_there_without_a_problem()
    {
        var summary = await store.ImportAsync(store.Write("register.csv", """
            企业名称,统一社会信用代码,所在省份,地区,注册地址
            平湖市甲服饰制造厂,（C）460103000699-,浙江,嘉兴,平湖市新埭镇中大街57号底层
            乙镀膜有限公司,,浙江,宁波,浙江省宁波市奉化区东郊开发区
            丙有限公司,,浙江,宁波,宁波保税区发展大厦2809室
            """));

        Assert.That((summary.Inserted, summary.Rejected), Is.EqualTo((3L, 0L)));
        Assert.That(summary.Problems.Select(p => (p.Line, p.Column, p.Severity)), Is.EqualTo(new[] { (2, (string?)"统一社会信用代码", ProblemSeverity.Warning) }),
            "only the old registration number in the credit-code column is reported");
        var companies = await Companies();
        Assert.That(companies.ToDictionary(c => c.Key, c => c.Value.RegionCode), Is.EquivalentTo(new Dictionary<string, string>
        {
            ["平湖市甲服饰制造厂"] = "330482", ["乙镀膜有限公司"] = "330213", ["丙有限公司"] = "330200",
        }));
    }

    [Test]
    public async Task An_old_registration_number_is_named_as_one_and_a_name_a_wrong_decoding_damaged_is_rejected()
    {
        var summary = await store.ImportAsync(store.Write("register.csv", """
            企业名称,统一社会信用代码,所在省份,地区,注册资金
            甲机械有限公司,320594400007758,江苏,苏州,50(万元)
            乙机械有限公司,3201142500883,江苏,南京,
            ����֤ȯ�ɷ����޹�˾,������Խ����������·318��402,�㶫,,50(�������Ԫ)
            �����������＼�����޹�˾,91210100738683573H,����,,
            """));

        Assert.That((summary.Inserted, summary.Rejected), Is.EqualTo((2L, 2L)));
        Assert.That(summary.Problems.Select(p => (p.Line, p.Column, p.Severity, p.Reason)), Is.EqualTo(new[]
        {
            (2, (string?)"统一社会信用代码", ProblemSeverity.Warning,
                "a business registration number (注册号, 15 digits), not a USCC; the company is imported without it and identified by its name and region"),
            (3, (string?)"统一社会信用代码", ProblemSeverity.Warning,
                "a business registration number (注册号, 13 digits), not a USCC; the company is imported without it and identified by its name and region"),
            (4, (string?)"企业名称", ProblemSeverity.Error,
                "the name holds � (U+FFFD), the mark a wrong decoding leaves: the row was damaged before it reached this file and cannot be read; take it again from its source"),
            (5, (string?)"企业名称", ProblemSeverity.Error,
                "the name holds � (U+FFFD), the mark a wrong decoding leaves: the row was damaged before it reached this file and cannot be read; take it again from its source"),
        }), "a name damaged to � and punctuation alone is named as damaged, not as holding no letter (2002 辽宁 register)");
    }

    [Test]
    public async Task A_row_whose_name_is_a_placeholder_is_rejected_and_says_why()
    {
        var summary = await store.ImportAsync(store.Write("placeholders.csv", """
            企业名称,省份,城市
            N/A,湖北省,随州市
            #N/A,湖北省,随州市
            ???,湖北省,随州市
            0,湖北省,随州市
            某某有限公司,湖北省,随州市
            XX科技有限公司,湖北省,随州市
            湖北***专用汽车有限公司,湖北省,随州市
            ＸＸ有限公司,湖北省,随州市
            随州市正常专用汽车有限公司,湖北省,随州市
            OXXO中国有限公司,湖北省,随州市
            3M中国有限公司,湖北省,随州市
            """));

        Assert.That((summary.Inserted, summary.Rejected), Is.EqualTo((3L, 8L)));
        Assert.That(summary.Problems.Select(p => (p.Line, p.Column)), Is.EqualTo(Enumerable.Range(2, 8).Select(line => (line, (string?)"企业名称"))));
        Assert.That(summary.Problems.Select(p => p.Reason), Has.All.EndsWith("the row names no company, so it is not imported"));
        Assert.That(summary.Problems[0].Reason, Does.StartWith("the name is a \"no value\" marker"));
        Assert.That(summary.Problems[1].Reason, Does.StartWith("the name is a spreadsheet's error value"));
        Assert.That(summary.Problems[4].Reason, Does.StartWith("the name is a template or masked"));
        Assert.That((await Companies()).Keys, Is.EquivalentTo(new[] { "随州市正常专用汽车有限公司", "OXXO中国有限公司", "3M中国有限公司" }));
    }

    [Test]
    public async Task Register_style_amounts_and_a_month_or_year_alone_are_read()
    {
        var summary = await store.ImportAsync(store.Write("amounts.csv", """
            企业名称,所属省份,注册资本,成立日期
            甲有限公司,湖北省,5000万(元),2010年5月
            乙有限公司,湖北省,1亿2000万,2010
            丙有限公司,湖北省,"5,000.00万人民币",2010-05
            丁有限公司,湖北省,800（元）,2010年
            戊有限公司,湖北省,50(万元人民币),
            己有限公司,湖北省,"5,711.1900(万元)",
            庚有限公司,湖北省,"474,034.1572(万)",
            辛有限公司,湖北省,30(万人民币元),
            壬有限公司,湖北省,1.5（亿元）,
            """));

        Assert.That((summary.Inserted, summary.Problems.Count), Is.EqualTo((9L, 1)));
        Assert.That(summary.Problems.Single().Value, Is.EqualTo("800（元）"), "(元) after a bare number does not say 万元 or 元: not guessed");
        var companies = await Companies();
        Assert.That(companies.ToDictionary(c => c.Key, c => (c.Value.RegisteredCapital, c.Value.Founded)), Is.EquivalentTo(new Dictionary<string, (decimal?, DateOnly?)>
        {
            ["甲有限公司"] = (5000m, new DateOnly(2010, 5, 1)),
            ["乙有限公司"] = (12000m, new DateOnly(2010, 1, 1)),
            ["丙有限公司"] = (5000m, new DateOnly(2010, 5, 1)),
            ["丁有限公司"] = (null, new DateOnly(2010, 1, 1)),
            ["戊有限公司"] = (50m, null),
            ["己有限公司"] = (5711.19m, null),
            ["庚有限公司"] = (474034.1572m, null),
            ["辛有限公司"] = (30m, null),
            ["壬有限公司"] = (15000m, null),
        }));
    }

    private async Task<Dictionary<string, ChainMap.Domain.Company>> Companies()
    {
        var page = await store.Store.SearchCompaniesAsync(new CompanyQuery(null, null, null, null, 1, 50), CancellationToken.None);
        var full = await store.Store.GetCompaniesAsync(page.Items.Select(c => c.Id).ToList(), CancellationToken.None);
        return full.ToDictionary(c => c.Name);
    }

    private async Task<string[]> Names() => [.. (await Companies()).Keys];
}
