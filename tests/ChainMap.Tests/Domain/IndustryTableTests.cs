using System.Globalization;
using ChainMap.Chains;
using ChainMap.Tests.Support;
using CsvHelper;

namespace ChainMap.Tests.Domain;

/// <summary>
/// The 申万 2021 industry names of vendor and exchange lists (data/industry/sw2021.csv), read by the industry table
/// as single names at any level and as paths, in either script, into GB/T codes and segments.
/// </summary>
[TestFixture]
internal sealed class IndustryTableTests
{
    private static IndustryTable Table => IndustryTable.Default;

    [TestCase("医药生物", "370000", 1)]
    [TestCase("汽车零部件", "280200", 2)]
    [TestCase("汽车零部件Ⅱ", "280200", 2)]
    [TestCase("中药Ⅱ", "370200", 2)]
    [TestCase("底盘与发动机系统", "280203", 3)]
    [TestCase("IT服务Ⅲ", "710301", 3)]
    [TestCase("IT服务III", "710301", 3)]
    [TestCase("ＩＴ服务Ⅲ", "710301", 3)]
    [TestCase("中药", "370201", 3)]
    [TestCase("LED", "270302", 3)]
    [TestCase("底盤與發動機系統", "280203", 3)]
    [TestCase("醫療耗材", "370503", 3)]
    [TestCase("底盘与发动机系统(申万)", "280203", 3)]
    [TestCase("中药Ⅲ（申万）", "370201", 3)]
    public void A_single_name_is_read_at_its_level(string industry, string code, int level)
    {
        var found = Table.ShenwanIndustry(industry);

        Assert.That(found, Is.Not.Null, industry);
        Assert.That(found!.Value.Code, Is.EqualTo(code));
        Assert.That(found.Value.Level, Is.EqualTo(level));
    }

    [TestCase("汽车 > 汽车零部件 > 底盘与发动机系统")]
    [TestCase("汽车-汽车零部件-底盘与发动机系统")]
    [TestCase("汽车零部件 > 底盘与发动机系统")]
    [TestCase("汽车--汽车零部件--底盘与发动机系统")]
    [TestCase("汽车/汽车零部件Ⅱ/底盘与发动机系统Ⅲ")]
    [TestCase("汽车＞汽车零部件＞底盘与发动机系统")]
    [TestCase("汽車-汽車零部件-底盤與發動機系統")]
    [TestCase("汽车零部件(申万) - 底盘与发动机系统(申万)")]
    public void A_path_is_read_as_its_most_specific_level(string industry)
    {
        Assert.That(Table.ShenwanIndustry(industry)?.Code, Is.EqualTo("280203"));
        Assert.That(Table.Read(industry).Select(c => c.Code), Is.EquivalentTo(new[] { "3670", "3620" }));
        Assert.That(Table.LabelSegments(industry).Select(s => s.Segment), Is.EquivalentTo(new[] { "ZQ-POWER", "ZQ-CHASSIS" }));
    }

    [TestCase("D44电力、热力生产和供应业", "44")]
    [TestCase("C15酒、饮料和精制茶制造业", "15")]
    [TestCase("C15酒、飲料和精製茶製造業", "15")]
    [TestCase("C36 汽车制造业", "36")]
    [TestCase("J67资本市场服务", "67")]
    [TestCase("C3630改装汽车制造", "3630")]
    public void A_code_written_with_its_own_standard_name_is_that_code_alone(string industry, string code)
    {
        // The CSRC writes the division's code and name together; the pieces of the name (电力, 精制茶) are not read.
        Assert.That(Table.Read(industry).Select(c => c.Code), Is.EqualTo(new[] { code }));
    }

    [TestCase("C27医药制造业", true)]
    [TestCase("C27", true)]
    [TestCase("医药制造业", true)]
    [TestCase("醫藥製造業", true)]
    [TestCase("C2720化学药品制剂制造", false)]
    [TestCase("化学制药", false)]
    [TestCase("C27汽车制造业", false)]
    public void A_cell_naming_only_a_division_is_known_as_such(string industry, bool division)
    {
        Assert.That(Table.NamesOnlyADivision(industry), Is.EqualTo(division));
    }

    [TestCase("C27医药制造业", new[] { "SW-CHEM" })]
    [TestCase("J67资本市场服务", new[] { "FW-FIN" })]
    [TestCase("软件和信息技术服务业", new[] { "DZ-SVC", "FW-INFO" })]
    [TestCase("C39计算机、通信和其他电子设备制造业", new string[0])]
    [TestCase("D44电力、热力生产和供应业", new string[0])]
    public void A_division_alone_guesses_only_the_segment_its_table_gives(string industry, string[] segments)
    {
        // data/industry/division-segments.csv: a division's most frequent segment; none where no segment dominates.
        Assert.That(Table.LabelSegments(industry).Select(s => s.Segment), Is.EqualTo(segments));
    }

    [TestCase("C39计算机、通信和其他电子设备制造业", "DZ-OPTO")]
    [TestCase("计算机、通信和其他电子设备制造业", "DZ-OPTO")]
    [TestCase("C38电气机械和器材制造业", null)]
    [TestCase("C27医药制造业", null)]
    [TestCase("C3911计算机整机制造", null)]
    public void A_division_of_one_chain_names_the_chain_only(string industry, string? suggestion)
    {
        // data/industry/division-segments.csv, level `chain` (ADR 0760): C39's trades are all 电子信息, none of its segments dominates.
        Assert.That(Table.ChainLevelGuess(industry), Is.EqualTo(suggestion));
    }

    [Test]
    public void Every_division_guess_names_a_division_and_defined_segments()
    {
        var divisions = ReadCsv(Path.Combine(TestData.DataPath, "industry", "gbt4754-2017.csv")).Where(r => r["level"] == "2").Select(r => r["code"]).ToHashSet(StringComparer.Ordinal);
        var segments = ReadCsv(Path.Combine(TestData.DataPath, "chains", "segments.csv")).Select(r => r["code"]).ToHashSet(StringComparer.Ordinal);
        var rows = ReadCsv(Path.Combine(TestData.DataPath, "industry", "division-segments.csv")).ToList();

        Assert.That(rows, Is.Not.Empty);
        Assert.That(rows.Select(r => r["division"]), Is.All.Matches<string>(divisions.Contains));
        Assert.That(rows.SelectMany(r => r["segments"].Split('|')), Is.All.Matches<string>(segments.Contains));
    }

    [Test]
    public void A_path_whose_levels_do_not_nest_is_no_path()
    {
        Assert.That(Table.ShenwanIndustry("电子-汽车零部件"), Is.Null);
        Assert.That(Table.ShenwanIndustry("汽车零部件-LED"), Is.Null);
    }

    [Test]
    public void The_most_specific_level_decides_even_when_a_higher_level_names_a_segment()
    {
        // 汽车零部件 alone is a weak guess of 发动机; 车身附件及饰件 (trims) is no segment of 专汽.
        Assert.That(Table.LabelSegments("汽车零部件").Select(s => s.Segment), Is.EqualTo(new[] { "ZQ-POWER-ENGINE" }));
        Assert.That(Table.LabelSegments("汽车零部件 > 车身附件及饰件"), Is.Empty);
        Assert.That(Table.Read("汽车-汽车零部件-车身附件及饰件").Select(c => c.Code), Is.EqualTo(new[] { "3670" }));
    }

    [TestCase("LED", "DZ-OPTO")]
    [TestCase("面板", "DZ-OPTO")]
    [TestCase("光学元件", "DZ-OPTO")]
    [TestCase("医疗耗材", "SW-DEV-CONS")]
    [TestCase("电网自动化设备", "DZ-IND")]
    [TestCase("磁性材料", "DZ-MAT")]
    [TestCase("橡胶助剂", "HG-FINE-ADD")]
    [TestCase("食品及饲料添加剂", "HG-FINE-ADD")]
    [TestCase("氯碱", "HG-BASIC")]
    [TestCase("纯碱", "HG-BASIC")]
    [TestCase("轮胎轮毂", "ZQ-TIRE")]
    [TestCase("工程机械整机", "ZQ-CONS")]
    [TestCase("电动乘用车", "XNY-NEV")]
    [TestCase("医药生物 > 中药Ⅱ > 中药Ⅲ", "SW-TCM")]
    [TestCase("電子-光學光電子-面板", "DZ-OPTO")]
    public void A_name_that_says_its_segment_guesses_it(string industry, string segment)
    {
        Assert.That(Table.LabelSegments(industry).Select(s => s.Segment), Is.EqualTo(new[] { segment }));
    }

    [TestCase("IT服务Ⅲ")]
    [TestCase("垂直应用软件")]
    [TestCase("计算机-软件开发-横向通用软件")]
    public void Software_names_give_both_software_segments(string industry)
    {
        Assert.That(Table.LabelSegments(industry).Select(s => s.Segment), Is.EquivalentTo(new[] { "DZ-SVC", "FW-INFO" }));
    }

    [TestCase("住宅开发")]
    [TestCase("航空装备Ⅲ")]
    [TestCase("国防军工-航空装备Ⅱ-航空装备Ⅲ")]
    [TestCase("军工电子Ⅲ")]
    [TestCase("綜合乘用車")]
    [TestCase("钢铁 > 普钢 > 板材")]
    [TestCase("白银")]
    [TestCase("游戏Ⅲ")]
    public void A_name_outside_the_eight_chains_or_not_saying_a_segment_gives_none(string industry)
    {
        Assert.That(Table.ShenwanIndustry(industry), Is.Not.Null, industry);
        Assert.That(Table.LabelSegments(industry), Is.Empty);
    }

    [Test]
    public void Aero_engines_are_aircraft_not_vehicle_engines()
    {
        var codes = Table.Read("航空装备Ⅲ").Select(c => c.Code).ToList();

        Assert.That(codes, Does.Contain("374"));
        Assert.That(codes, Has.None.StartsWith("36"));
    }

    [Test]
    public void Labels_that_are_not_shenwan_names_are_still_read()
    {
        Assert.That(Table.ShenwanIndustry("汽车配件"), Is.Null);
        Assert.That(Table.LabelSegments("汽车配件").Select(s => s.Segment), Is.EqualTo(new[] { "ZQ-POWER-ENGINE" }));
        Assert.That(Table.Read("化学制药").Select(c => c.Code), Is.EquivalentTo(new[] { "272", "271" }));
    }

    [Test]
    public void The_table_holds_the_whole_classification_with_valid_codes_and_segments()
    {
        var rows = ReadCsv(Path.Combine(TestData.DataPath, "industry", "sw2021.csv"));
        var gbt = ReadCsv(Path.Combine(TestData.DataPath, "industry", "gbt4754-2017.csv")).Select(r => r["code"]).ToHashSet(StringComparer.Ordinal);
        var segments = ReadCsv(Path.Combine(TestData.DataPath, "chains", "segments.csv")).Select(r => r["code"]).ToHashSet(StringComparer.Ordinal);
        var byCode = rows.ToDictionary(r => r["code"], StringComparer.Ordinal);

        Assert.That(rows.Count(r => r["level"] == "1"), Is.EqualTo(31));
        Assert.That(rows.Count(r => r["level"] == "2"), Is.EqualTo(134));
        Assert.That(rows.Count(r => r["level"] == "3"), Is.EqualTo(346));
        Assert.That(rows.Select(r => r["name"]).Distinct(StringComparer.Ordinal).Count(), Is.EqualTo(rows.Count));
        foreach (var row in rows)
        {
            var level = int.Parse(row["level"], CultureInfo.InvariantCulture);
            Assert.That(
                level == 1 ? row["parent_code"].Length == 0 : byCode.TryGetValue(row["parent_code"], out var parent) && parent["level"] == (level - 1).ToString(CultureInfo.InvariantCulture),
                Is.True,
                $"{row["name"]}: parent {row["parent_code"]}");
            foreach (var code in Split(row["gbt_codes"]))
            {
                Assert.That(gbt.Contains(code) || gbt.Any(g => g.Length == 4 && g.StartsWith(code, StringComparison.Ordinal)), Is.True, $"{row["name"]}: GB/T code {code}");
            }

            foreach (var segment in Split(row["segments"]))
            {
                Assert.That(segments, Does.Contain(segment), row["name"]);
            }

            Assert.That(Split(row["segments"]).Length > 0 || row["note"].Length > 0, Is.True, $"{row["name"]}: a name without a segment says why in its note");
        }
    }

    // ---- GICS names as Wind and other vendors write them in Chinese (data/industry/gics.csv, session 40) ----

    [TestCase("西药", "2710|2720", "SW-CHEM")]
    [TestCase("生物科技", "276", "SW-BIO")]
    [TestCase("轮胎与橡胶", "2911", "ZQ-TIRE")]
    [TestCase("机动车零配件与设备", "3670", "")]
    [TestCase("医疗保健设备", "358", "SW-DEV-EQP")]
    [TestCase("应用软件", "6513", "DZ-SVC|FW-INFO")]
    [TestCase("西藥", "2710|2720", "SW-CHEM")]
    [TestCase("西药(Wind)", "2710|2720", "SW-CHEM")]
    [TestCase("独立电力生产商与能源贸易商Ⅲ", "441", "")]
    public void A_GICS_name_is_read_into_codes_and_its_usual_segments(string industry, string codes, string segments)
    {
        Assert.That(Table.Read(industry).Select(c => c.Code), Is.EquivalentTo(Split(codes)), industry);
        Assert.That(Table.LabelSegments(industry).Select(s => s.Segment), Is.EquivalentTo(Split(segments)), industry);
    }

    [TestCase("可选消费-汽车与汽车零部件-汽车零配件-轮胎与橡胶")]
    [TestCase("可选消费 > 汽车与汽车零部件 > 汽车零配件 > 轮胎与橡胶")]
    [TestCase("汽车零配件/轮胎与橡胶")]
    public void A_GICS_path_is_read_as_its_deepest_level(string industry)
    {
        Assert.That(Table.Read(industry).Select(c => c.Code), Is.EquivalentTo(new[] { "2911" }));
        Assert.That(Table.LabelSegments(industry).Select(s => s.Segment), Is.EquivalentTo(new[] { "ZQ-TIRE" }));
    }

    [Test]
    public void A_cell_that_mixes_a_GICS_name_with_an_unknown_word_is_no_GICS_path()
    {
        // a name another table knows keeps its meaning there: 医疗保健 is a securities label (SW-DEV-CONS), 中药 a 申万 name
        Assert.That(Table.LabelSegments("医疗保健").Select(s => s.Segment), Is.EquivalentTo(new[] { "SW-DEV-CONS" }));
        Assert.That(Table.ShenwanIndustry("中药"), Is.Not.Null);
        Assert.That(Table.Read("西药-某某新材料"), Has.None.Matches<IndustryCode>(c => c.Code is "2710" or "2720"));
    }

    [Test]
    public void Every_GICS_row_names_GB_T_codes_and_segments_that_exist()
    {
        var gbt = ReadCsv(Path.Combine(TestData.DataPath, "industry", "gbt4754-2017.csv")).Select(r => r["code"]).ToHashSet();
        var segments = ReadCsv(Path.Combine(TestData.DataPath, "chains", "segments.csv")).Select(r => r["code"]).ToHashSet();
        var rows = ReadCsv(Path.Combine(TestData.DataPath, "industry", "gics.csv"));

        Assert.That(rows, Has.Count.GreaterThan(200));
        Assert.That(rows.Select(r => r["name"]), Is.Unique);
        Assert.That(rows.SelectMany(r => Split(r["gbt_codes"])).Where(c => !gbt.Contains(c)), Is.Empty, "GB/T codes of the 2017 table");
        Assert.That(rows.SelectMany(r => Split(r["segments"])).Where(c => !segments.Contains(c)), Is.Empty, "segments of data/chains");
        Assert.That(rows.Select(r => r["level"]).Distinct(), Is.SubsetOf(new[] { "1", "2", "3", "4" }));
    }

    private static string[] Split(string list) => list.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<Dictionary<string, string>>();
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? string.Empty, StringComparer.Ordinal));
        }

        return rows;
    }
}
