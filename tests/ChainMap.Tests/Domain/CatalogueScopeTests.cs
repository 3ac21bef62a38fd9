using ChainMap.Chains;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Tests.Support;
using static ChainMap.Tests.Support.CatalogueWording;

namespace ChainMap.Tests.Domain;

/// <summary>
/// Scopes written in the catalogue's format since 2021 (经营范围规范表述, ADR 0620): their headings, closing notes and generic items are
/// no evidence, and the company's own trade is its first item that is not generic.
/// </summary>
public sealed class CatalogueScopeTests
{
    [Test]
    public void The_headings_and_the_permit_note_are_no_items_and_generic_items_go_last()
    {
        var scope = Folded($"许可项目：建设工程施工；建设工程设计{PermitNote}一般项目：{Technology}；电池制造；电池销售；货物进出口。");

        Assert.That(CompanyClassifier.InCatalogueOrder(scope), Is.EqualTo($"电池制造;电池销售;建设工程施工;建设工程设计;{Technology};货物进出口"));
    }

    [Test]
    public void Shenzhens_permit_section_is_read_before_its_general_one()
    {
        var scope = Folded("一般经营项目是：软件开发及销售；货物及技术进出口。许可经营项目是：锂离子电池的研发、制造、销售。");

        Assert.That(CompanyClassifier.InCatalogueOrder(scope), Is.EqualTo("锂离子电池的研发、制造、销售;软件开发及销售;货物及技术进出口"));
    }

    [Test]
    public void A_research_item_goes_after_the_making_items()
    {
        var scope = Folded($"一般项目：新材料技术研发；电子专用材料研发；高性能纤维及复合材料制造；工程和技术研究和试验发展{GeneralNote}");

        Assert.That(CompanyClassifier.InCatalogueOrder(scope), Does.StartWith("高性能纤维及复合材料制造;"));
    }

    [TestCase("技术开发、技术服务；汽车配件销售；五金交电")]
    [TestCase("许可经营项目：危险化学品经营；一般经营项目：化工产品销售")]
    public void A_scope_without_the_formats_marks_is_read_as_written(string scope)
    {
        var folded = Folded(scope);

        Assert.That(CompanyClassifier.InCatalogueOrder(folded), Is.SameAs(folded));
    }

    // Rows the structure now places: a battery maker whose permits (building work) come first, a composites maker whose first item
    // is research, and Shenzhen's battery maker whose general section opens with software. The catalogue's 电池制造 names the cells
    // and modules segment (ADR 0635), the most specific one; Shenzhen's 锂离子电池的研发、制造、销售 names it too since ADR 0820 (a making
    // clause under the format's headings names its catalogue term).
    [TestCase("某某新能源科技有限公司", $"许可项目：建设工程施工；建设工程设计{PermitNote}一般项目：电池制造；电池销售；电池零配件生产；{Technology}。{GeneralNote}", "XNY-BATT-CELL")]
    [TestCase("某某复合材料有限公司", $"一般项目：新材料技术研发；高性能纤维及复合材料制造；高性能纤维及复合材料销售；{Technology}；货物进出口。{GeneralNote}", "HG-NEWMAT")]
    [TestCase("某某电子股份有限公司", "一般经营项目是：软件开发及销售；货物及技术进出口。许可经营项目是：锂离子电池的研发、制造、销售；储能电池及储能系统的研发、制造、销售。", "XNY-BATT-CELL")]
    public async Task A_scope_in_the_catalogue_format_places_the_company_by_its_first_own_item(string name, string scope, string segment)
    {
        var classifier = new CompanyClassifier(await DefaultChainsAsync());

        var matches = classifier.Classify(new CompanyText(name, null, null, scope));

        Assert.That(matches.Select(m => m.Segment.Code), Does.Contain(segment), Describe(matches));
    }

    // What the structure must not do: put Shenzhen's battery maker in software by its general section's boilerplate, put a steel
    // maker in green chemicals by the permits that every coking plant holds, or place a firm whose items are all generic.
    [TestCase("某某电子股份有限公司", "一般经营项目是：软件开发及销售；货物及技术进出口。许可经营项目是：锂离子电池的研发、制造、销售。", "DZ")]
    [TestCase("某某钢铁股份有限公司", $"许可项目：危险化学品生产；危险化学品经营；港口经营。{PermitNote}一般项目：钢、铁冶炼；钢压延加工；化工产品生产（不含许可类化工产品）；货物进出口。{GeneralNote}", "HG")]
    [TestCase("某某科技有限公司", $"一般项目：{Technology}；新材料技术研发；货物进出口；技术进出口。{GeneralNote}", null)]
    public async Task A_scope_in_the_catalogue_format_does_not_place_by_boilerplate_or_permits(string name, string scope, string? chain)
    {
        var classifier = new CompanyClassifier(await DefaultChainsAsync());

        var matches = classifier.Classify(new CompanyText(name, null, null, scope));

        Assert.That(chain is null ? matches : matches.Where(m => m.Segment.ChainCode == chain), Is.Empty, Describe(matches));
    }

    private static string Folded(string scope) => CompanyClassifier.WithoutExclusionNotes(CompanyClassifier.WithoutLicenceHeadings(ChainMap.Text.ChineseText.Fold(scope)));

    private static string Describe(IReadOnlyList<SegmentMatch> matches) =>
        string.Join("; ", matches.Select(m => $"{m.Segment.Code} {m.Confidence:0.00} {m.Evidence}"));

    private static async Task<IReadOnlyList<ChainDefinition>> DefaultChainsAsync() =>
        (await ChainCsv.ReadFolderAsync(Path.Combine(TestData.DataPath, "chains"), CancellationToken.None)).Chains;
}
