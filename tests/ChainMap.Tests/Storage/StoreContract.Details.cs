using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Storage;

/// <summary>
/// Finer points of the store behaviour that imports and the API rely on, held for every adapter
/// (a second adapter must not differ from SQLite in any of them).
/// </summary>
public abstract partial class StoreContract
{
    [Test]
    public async Task Rows_of_one_batch_are_decided_in_input_order()
    {
        var uscc = Uscc.FromBody("91320506MA1X2Y3K4").Value;
        var first = Company("苏州乙液压有限公司", "320506", uscc, null, 800);
        var batch = new[]
        {
            first,
            first,
            first with { RegisteredCapital = 900 },
            first with { Name = "苏州丙液压有限公司", NameKey = "苏州丙液压有限公司" },
        };

        var outcomes = await Store.UpsertCompaniesAsync(batch, Stamp, CancellationToken.None);
        var stored = await Store.GetCompanyByUsccAsync(uscc, CancellationToken.None);

        Assert.That(outcomes.Select(o => o.Kind), Is.EqualTo(new[] { UpsertKind.Inserted, UpsertKind.Unchanged, UpsertKind.Updated, UpsertKind.Conflict }));
        Assert.That(outcomes.Select(o => o.CompanyId).Distinct().Count(), Is.EqualTo(1), "one company");
        Assert.That(outcomes[2].Detail, Is.EqualTo("registered_capital"));
        Assert.That(stored!.RegisteredCapital, Is.EqualTo(900m));
        Assert.That(stored.Name, Is.EqualTo("苏州乙液压有限公司"));
    }

    [Test]
    public async Task A_new_membership_alone_is_an_update_and_unknown_segments_are_not_stored()
    {
        await Store.SaveChainAsync(TestData.SmallChain(), CancellationToken.None);
        var record = Company("随州市甲专用汽车有限公司", "421303", null, "T1-VEH", 5000);
        var id = (await Store.UpsertCompaniesAsync([record], Stamp, CancellationToken.None))[0].CompanyId;

        var more = record with { Memberships = [.. record.Memberships, new SegmentMembership("T1-PART", null, 0.6, "产品: 液压件", null)] };
        var withMore = (await Store.UpsertCompaniesAsync([more], Stamp, CancellationToken.None))[0];
        var unknown = record with { Memberships = [new SegmentMembership("NO-SUCH-SEGMENT", null, 1, null, null)] };
        var withUnknown = (await Store.UpsertCompaniesAsync([unknown], Stamp, CancellationToken.None))[0];
        var company = await Store.GetCompanyAsync(id, CancellationToken.None);

        Assert.That(withMore.Kind, Is.EqualTo(UpsertKind.Updated));
        Assert.That(withUnknown.Kind, Is.EqualTo(UpsertKind.Unchanged));
        Assert.That(company!.Memberships.Select(m => m.SegmentCode), Is.EqualTo(new[] { "T1-VEH", "T1-PART" }), "ordered by confidence");
        Assert.That(company.Memberships[1].Source, Is.EqualTo(Stamp.FileName), "a membership without source takes the file's name");
    }

    [Test]
    public async Task Every_company_field_reads_back_as_written()
    {
        var uscc = Uscc.FromBody("91420100MA4K0L2X4").Value;
        var record = Company("武汉丙科技有限公司", "420102", uscc, null, 1234.5m, "专精特新", "高新技术企业") with
        {
            Founded = new DateOnly(2009, 3, 17),
            Employees = 420,
            Revenue = 98765.25m,
            ListedCode = "600001",
            Products = "液压泵、阀门",
            Address = "武汉市江岸区某路 1 号",
        };
        var id = (await Store.UpsertCompaniesAsync([record], Stamp, CancellationToken.None))[0].CompanyId;

        var company = await Store.GetCompanyAsync(id, CancellationToken.None);

        Assert.That(company, Is.Not.Null);
        Assert.That(company!.Uscc, Is.EqualTo(uscc));
        Assert.That((company.RegionCode, company.ProvinceCode, company.CityCode, company.CountyCode), Is.EqualTo(("420102", "420000", "420100", "420102")));
        Assert.That((company.RegisteredCapital, company.Founded, company.Employees, company.Revenue), Is.EqualTo(((decimal?)1234.5m, (DateOnly?)new DateOnly(2009, 3, 17), (int?)420, (decimal?)98765.25m)));
        Assert.That((company.ListedCode, company.Products, company.Address), Is.EqualTo(("600001", "液压泵、阀门", "武汉市江岸区某路 1 号")));
        Assert.That(company.Tags, Is.EqualTo(new[] { "专精特新", "高新技术企业" }));
        Assert.That(await Store.GetCompanyAsync(id + 1000, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Replacing_a_chain_keeps_the_companies_of_segments_that_stay()
    {
        var chain = TestData.SmallChain();
        await Store.SaveChainAsync(chain, CancellationToken.None);
        var record = Company("苏州乙液压有限公司", "320506", null, "T1-RAW", 800) is var r
            ? r with { Memberships = [.. r.Memberships, new SegmentMembership("T1-VEH", "maker", 0.9, "test", "test.csv")] }
            : null!;
        var id = (await Store.UpsertCompaniesAsync([record], Stamp, CancellationToken.None))[0].CompanyId;

        await Store.SaveChainAsync(chain with { Segments = chain.Segments.Take(2).ToList(), Flows = [chain.Flows[0]] }, CancellationToken.None);
        var company = await Store.GetCompanyAsync(id, CancellationToken.None);
        var presence = await Store.CountBySegmentAsync("T1", ["320000"], CancellationToken.None);

        Assert.That(company!.Memberships.Select(m => m.SegmentCode), Is.EqualTo(new[] { "T1-RAW" }));
        Assert.That(presence.Select(p => p.SegmentCode), Is.EqualTo(new[] { "T1-RAW" }));
    }

    [Test]
    public async Task Search_by_segment_by_chain_and_by_name_alone()
    {
        await Store.SaveChainAsync(TestData.SmallChain(), CancellationToken.None);
        await Store.SaveChainAsync(TestData.SmallChain("T2", "另一链"), CancellationToken.None);
        await Store.UpsertCompaniesAsync(
        [
            Company("苏州甲液压有限公司", "320506", null, "T1-PART", 100),
            Company("苏州乙液压有限公司", "320506", null, "T1-PART-PUMP", 200),
            Company("武汉丙汽车有限公司", "420102", null, "T1-VEH", 300),
            Company("武汉丁汽车有限公司", "420102", null, "T2-VEH", 400),
            Company("武汉戊贸易有限公司", "420102"),
        ], Stamp, CancellationToken.None);

        async Task<IReadOnlyList<string>> Names(CompanyQuery query) =>
            (await Store.SearchCompaniesAsync(query, CancellationToken.None)).Items.Select(c => c.Name).ToList();

        Assert.That(await Names(new(null, null, ["T1-PART", "T1-PART-PUMP"], null, 1, 10)), Is.EqualTo(new[] { "苏州乙液压有限公司", "苏州甲液压有限公司" }));
        Assert.That(await Names(new(null, "T1", null, null, 1, 10)), Is.EqualTo(new[] { "武汉丙汽车有限公司", "苏州乙液压有限公司", "苏州甲液压有限公司" }));
        Assert.That(await Names(new(null, "T2", null, ["420000"], 1, 10)), Is.EqualTo(new[] { "武汉丁汽车有限公司" }));
        Assert.That(await Names(new(null, null, ["T1-VEH"], ["320000"], 1, 10)), Is.Empty);
        Assert.That(await Names(new("汽车", null, null, null, 1, 10)), Is.EqualTo(new[] { "武汉丁汽车有限公司", "武汉丙汽车有限公司" }));
        Assert.That((await Store.SearchCompaniesAsync(new(null, null, null, null, 2, 2), CancellationToken.None)).Total, Is.EqualTo(5));
        Assert.That(await Names(new(null, null, null, ["420102"], 1, 10)), Has.Count.EqualTo(3), "a county code");
    }

    [Test]
    public async Task A_company_that_moves_is_found_in_its_new_region_only()
    {
        var record = Company("甲液压有限公司", "320506", Uscc.FromBody("91320506MA1X2Y3K4").Value, null, 100);
        await Store.UpsertCompaniesAsync([record], Stamp, CancellationToken.None);

        var moved = Company("甲液压有限公司", "421303", record.Uscc, null, 100);
        var outcome = (await Store.UpsertCompaniesAsync([moved], Stamp with { ImportId = "imp-test-2" }, CancellationToken.None))[0];

        Assert.That(outcome.Detail, Is.EqualTo("region"));
        Assert.That((await Store.SearchCompaniesAsync(new(null, null, null, ["421300"], 1, 10), CancellationToken.None)).Total, Is.EqualTo(1));
        Assert.That((await Store.SearchCompaniesAsync(new(null, null, null, ["320000"], 1, 10), CancellationToken.None)).Total, Is.EqualTo(0));
    }

    [Test]
    public async Task Count_by_segment_accepts_provinces_cities_and_counties_together()
    {
        await Store.SaveChainAsync(TestData.SmallChain(), CancellationToken.None);
        await Store.UpsertCompaniesAsync(
        [
            Company("随州市甲专用汽车有限公司", "421303", null, "T1-VEH", 5000),
            Company("苏州乙液压有限公司", "320506", null, "T1-VEH", 800),
            Company("武汉丙液压有限公司", "420102", null, "T1-VEH", 100),
            Company("杭州丁液压有限公司", "330102", null, "T1-PART", 100),
        ], Stamp, CancellationToken.None);

        var presence = await Store.CountBySegmentAsync("T1", ["320000", "421303", "420100"], CancellationToken.None);

        Assert.That(presence.Single().SegmentCode, Is.EqualTo("T1-VEH"));
        Assert.That(presence.Single().Companies, Is.EqualTo(3));
        Assert.That(presence.Single().RegisteredCapital, Is.EqualTo(5900m));
        Assert.That(await Store.CountBySegmentAsync("T1", [], CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task Relations_are_listed_from_both_ends_and_saving_again_updates_the_note()
    {
        var ids = (await Store.UpsertCompaniesAsync([Company("甲公司", "421303"), Company("乙公司", "320506"), Company("丙公司", "420102")], Stamp, CancellationToken.None))
            .Select(o => o.CompanyId).ToList();
        var supplies = new CompanyRelation(ids[1], ids[0], CompanyRelationKind.Supplies, null, "a.csv");
        var invests = new CompanyRelation(ids[0], ids[2], CompanyRelationKind.InvestsIn, "30%", "a.csv");

        var added = await Store.SaveRelationsAsync([supplies, invests, supplies with { Note = "液压件" }], CancellationToken.None);
        var again = await Store.SaveRelationsAsync([supplies with { Note = "液压泵", Source = null }], CancellationToken.None);
        var relations = await Store.ListRelationsAsync(ids[0], CancellationToken.None);
        var found = await Store.FindCompanyIdsAsync([$"n:{ChainMap.Text.ChineseText.NormalizeCompanyName("乙公司")}|320506", "n:nobody|000000"], CancellationToken.None);

        Assert.That((added, again), Is.EqualTo((2, 0)));
        Assert.That(relations.Select(r => (r.FromCompanyId, r.ToCompanyId, r.Kind)), Is.EquivalentTo(new[]
        {
            (ids[1], ids[0], CompanyRelationKind.Supplies),
            (ids[0], ids[2], CompanyRelationKind.InvestsIn),
        }));
        var stored = relations.Single(r => r.Kind == CompanyRelationKind.Supplies);
        Assert.That((stored.Note, stored.Source), Is.EqualTo(("液压泵", "a.csv")), "a note given later wins; a missing source keeps the stored one");
        Assert.That(found, Is.EqualTo(new Dictionary<string, long> { [$"n:{ChainMap.Text.ChineseText.NormalizeCompanyName("乙公司")}|320506"] = ids[1] }));
    }

    [Test]
    public async Task Saving_regions_twice_changes_nothing_and_groups_keep_their_order()
    {
        await SeedRegionsAsync();
        var count = (await Store.ListRegionsAsync(CancellationToken.None)).Count;
        await SeedRegionsAsync();
        await Store.SaveRegionGroupsAsync([new RegionGroup("长三角", null, ["310000", "320000"]), new RegionGroup("武汉都市圈", "WH", ["420100"])], CancellationToken.None);
        await Store.SaveRegionGroupsAsync([new RegionGroup("珠三角", null, ["440100"]), new RegionGroup("长三角", "YRD", ["320000"])], CancellationToken.None);

        Assert.That((await Store.ListRegionsAsync(CancellationToken.None)).Count, Is.EqualTo(count));
        Assert.That((await Store.ListRegionGroupsAsync(CancellationToken.None)).Select(g => (g.Name, g.Alias)), Is.EqualTo(new[] { ("珠三角", (string?)null), ("长三角", "YRD") }));
        Assert.That(await Store.GetHomeAsync(CancellationToken.None), Is.Null, "no home before one is saved");
    }
}
