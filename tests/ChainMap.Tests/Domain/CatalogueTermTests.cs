using System.Text;
using ChainMap.Chains;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Tests.Support;
using static ChainMap.Tests.Support.CatalogueWording;

namespace ChainMap.Tests.Domain;

/// <summary>
/// The catalogue's making, farming and trading terms (经营范围规范表述目录, ADR 0635): the scope's first item, or its second when the
/// first is none, that is a term of data/industry/catalogue-terms.csv names the segment the table gives it, as the main business.
/// </summary>
public sealed class CatalogueTermTests
{

    // Terms no segment word holds: a servo and PLC maker, a chemical maker and a food maker whose first item is their chain's catch-all
    // (化工产品生产, 食品生产: left out of the table), and a battery maker, which goes to cells and modules rather than their parent.
    [TestCase("某某自动化股份有限公司", $"一般项目：工业自动控制系统装置制造；工业自动控制系统装置销售；{Technology}；货物进出口{GeneralNote}", "DZ-IND")]
    [TestCase("某某股份有限公司", $"一般项目：化工产品生产（不含许可类化工产品）；专用化学产品制造（不含危险化学品）；化工产品销售（不含许可类化工产品）{GeneralNote}", "HG-FINE-ADD")]
    [TestCase("某某农业发展有限公司", $"许可项目：食品生产{PermitNote}一般项目：食用农产品初加工；农副产品销售{GeneralNote}", "NC-PRIM")]
    [TestCase("某某新能源有限公司", $"一般项目：电池制造；电池销售；{Technology}{GeneralNote}", "XNY-BATT-CELL")]
    public async Task The_first_items_catalogue_term_places_the_company_in_its_segment(string name, string scope, string segment)
    {
        var classifier = new CompanyClassifier(await DefaultChainsAsync());

        var matches = classifier.Classify(new CompanyText(name, null, null, scope));

        Assert.That(matches.Select(m => m.Segment.Code), Does.Contain(segment), Describe(matches));
    }

    // A name's word of a whole trade (食品, 化工) guesses only the chain (环节待定, ADR 0450); the licence's catalogue term names the segment
    // and the chain-level guess yields to it.
    [TestCase("某某食品有限公司", $"许可项目：食品生产{PermitNote}一般项目：食用农产品初加工；农副产品销售{GeneralNote}", "NC-PRIM")]
    [TestCase("某某化工有限公司", $"一般项目：化工产品生产（不含许可类化工产品）；专用化学产品制造（不含危险化学品）；化工产品销售（不含许可类化工产品）{GeneralNote}", "HG-FINE-ADD")]
    public async Task The_catalogue_term_names_the_segment_where_the_names_trade_word_names_only_the_chain(string name, string scope, string segment)
    {
        var classifier = new CompanyClassifier(await DefaultChainsAsync());

        var matches = classifier.Classify(new CompanyText(name, null, null, scope));

        Assert.That(matches.Select(m => m.Segment.Code), Does.Contain(segment), Describe(matches));
        Assert.That(matches.Where(m => m.ChainLevel), Is.Empty, Describe(matches));
    }

    [Test]
    public async Task A_battery_makers_term_leaves_out_the_parent_segment()
    {
        var classifier = new CompanyClassifier(await DefaultChainsAsync());

        var matches = classifier.Classify(new CompanyText("某某新能源有限公司", null, null, $"一般项目：电池制造；电池销售{GeneralNote}"));

        Assert.That(matches.Select(m => m.Segment.Code), Has.No.Member("XNY-BATT"), Describe(matches));
    }

    // What the terms must not do: read past the first two items (a steel fabricator whose third item is 电池制造), or place a firm by a
    // term the table leaves out because it names no one segment (汽车零部件及配件制造: parts of an unnamed kind; 专用设备制造).
    [TestCase("某某钢结构有限公司", $"一般项目：金属结构制造；金属结构销售；电池制造{GeneralNote}", "XNY-BATT-CELL")]
    [TestCase("某某机械有限公司", $"一般项目：专用设备制造（不含许可类专业设备制造）；通用设备制造（不含特种设备制造）{GeneralNote}", "DZ-EQUIP")]
    public async Task A_term_past_the_first_items_or_outside_the_table_places_nothing(string name, string scope, string segment)
    {
        var classifier = new CompanyClassifier(await DefaultChainsAsync());

        var matches = classifier.Classify(new CompanyText(name, null, null, scope));

        Assert.That(matches.Select(m => m.Segment.Code), Has.No.Member(segment), Describe(matches));
    }

    [Test]
    public async Task Every_term_of_the_table_names_a_segment_of_the_default_chains_and_a_GBT_code_that_exists()
    {
        var segments = (await DefaultChainsAsync()).SelectMany(c => c.Segments).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var csv = await File.ReadAllTextAsync(Path.Combine(TestData.DataPath, "industry", "catalogue-terms.csv"), Encoding.UTF8);
        var gbt = (await File.ReadAllLinesAsync(Path.Combine(TestData.DataPath, "industry", "gbt4754-2017.csv"), Encoding.UTF8))
            .Skip(1).Select(line => line.Split(',')[5]).ToHashSet(StringComparer.Ordinal);
        var codes = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')[2]).Where(c => c.Length > 0).ToList();

        var terms = CompanyClassifier.ReadCatalogueTerms(csv);

        Assert.That(terms, Has.Count.GreaterThanOrEqualTo(60));
        Assert.That(terms.Select(t => t.Term), Is.Unique);
        Assert.That(terms.Where(t => !segments.Contains(t.Segment)).Select(t => t.Term), Is.Empty, "segments not in data/chains/segments.csv");
        Assert.That(codes.Where(c => !gbt.Contains(c)), Is.Empty, "codes not in data/industry/gbt4754-2017.csv");
        Assert.That(terms.Select(t => t.Term), Has.None.EqualTo("汽车零部件及配件制造"), "parts of an unnamed kind name no segment");
    }

    private static string Describe(IReadOnlyList<SegmentMatch> matches) =>
        string.Join("; ", matches.Select(m => $"{m.Segment.Code} {m.Confidence:0.00} {m.Evidence}"));

    private static async Task<IReadOnlyList<ChainDefinition>> DefaultChainsAsync() =>
        (await ChainCsv.ReadFolderAsync(Path.Combine(TestData.DataPath, "chains"), CancellationToken.None)).Chains;
}
