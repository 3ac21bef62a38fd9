using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Storage;

/// <summary>
/// The behaviour every store adapter must have. Each adapter has a sealed subclass that creates
/// a fresh, empty, real store per test; an adapter whose server is not configured fails with the reason.
/// </summary>
public abstract partial class StoreContract
{
    private protected IChainMapStore Store { get; private set; } = null!;

    private protected abstract Task<IChainMapStore> CreateEmptyStoreAsync();

    private protected virtual Task DisposeStoreAsync(IChainMapStore store) => Task.CompletedTask;

    [SetUp]
    public async Task CreateStore()
    {
        Store = await CreateEmptyStoreAsync();
        await Store.InitializeAsync(CancellationToken.None);
    }

    [TearDown]
    public async Task DisposeStore() => await DisposeStoreAsync(Store);

    private protected static readonly ImportStamp Stamp = new("imp-test-1", "test.csv", new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));

    private protected static CompanyRecord Company(string name, string regionCode, string? uscc = null, string? segment = null, decimal? capital = null, params string[] tags)
    {
        var key = ChainMap.Text.ChineseText.NormalizeCompanyName(name);
        var place = TestData.Regions.Place(regionCode);
        return new CompanyRecord(
            uscc is null ? $"n:{key}|{regionCode}" : $"u:{uscc}", uscc, name, key, regionCode, place.Province, place.City, place.County,
            capital, null, null, null, null, tags, null, null, CompanyStrength.Score(capital, null, null, null, tags),
            segment is null ? [] : [new SegmentMembership(segment, "maker", 1.0, "test", "test.csv")]);
    }

    protected async Task SeedRegionsAsync() =>
        await Store.SaveRegionsAsync(TestData.Regions.All.Where(r => r.Code.StartsWith("42", StringComparison.Ordinal) || r.Code.StartsWith("32", StringComparison.Ordinal)).ToList(), CancellationToken.None);

    [Test]
    public async Task Initialize_is_idempotent()
    {
        await Store.InitializeAsync(CancellationToken.None);
        await Store.InitializeAsync(CancellationToken.None);
        Assert.That(await Store.CheckHealthAsync(CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Saved_chain_reads_back_with_segments_hierarchy_and_flows_in_order()
    {
        var chain = TestData.SmallChain();
        Assert.That(await Store.SaveChainAsync(chain, CancellationToken.None), Is.True, "first save creates");

        var read = await Store.GetChainAsync("T1", CancellationToken.None);

        Assert.That(read, Is.Not.Null);
        Assert.That(read!.Chain, Is.EqualTo(chain.Chain));
        Assert.That(read.Segments.Select(s => s.Code), Is.EqualTo(chain.Segments.Select(s => s.Code)));
        Assert.That(read.FindSegment("T1-PART-PUMP")!.ParentCode, Is.EqualTo("T1-PART"));
        Assert.That(read.FindSegment("T1-RAW")!.Keywords, Is.EqualTo(new[] { "钢材", "铝材" }));
        Assert.That(read.Flows.Select(f => (f.From, f.To)), Is.EquivalentTo(chain.Flows.Select(f => (f.From, f.To))));
    }

    [Test]
    public async Task Saving_a_chain_again_replaces_it_whole()
    {
        var chain = TestData.SmallChain();
        await Store.SaveChainAsync(chain, CancellationToken.None);
        var smaller = chain with { Segments = chain.Segments.Take(2).ToList(), Flows = [chain.Flows[0]] };

        Assert.That(await Store.SaveChainAsync(smaller, CancellationToken.None), Is.False, "second save replaces");
        var read = await Store.GetChainAsync("T1", CancellationToken.None);

        Assert.That(read!.Segments, Has.Count.EqualTo(2));
        Assert.That(read.Flows, Has.Count.EqualTo(1));
        Assert.That(await Store.ListChainsAsync(CancellationToken.None), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Unknown_chain_is_null()
    {
        Assert.That(await Store.GetChainAsync("NOPE", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Regions_groups_and_home_round_trip()
    {
        await SeedRegionsAsync();
        await Store.SaveRegionGroupsAsync([new RegionGroup("长三角", "YRD", ["310000", "320000"])], CancellationToken.None);
        var home = new HomeRegion("421300", "随州市",
            [new ReceivingUnit("421303", "曾都区", ReceivingUnitKind.County, "421303"), new ReceivingUnit("SZGXQ", "随州高新区", ReceivingUnitKind.DevelopmentZone, "421303")],
            [new ResidentTeam("csj", "长三角驻点招商专班", "长三角")]);
        await Store.SaveHomeAsync(home, CancellationToken.None);

        var regions = await Store.ListRegionsAsync(CancellationToken.None);
        var groups = await Store.ListRegionGroupsAsync(CancellationToken.None);
        var readHome = await Store.GetHomeAsync(CancellationToken.None);

        Assert.That(regions.Single(r => r.Code == "421300").Name, Is.EqualTo("随州市"));
        Assert.That(regions.Single(r => r.Code == "421381").ParentCode, Is.EqualTo("421300"));
        Assert.That(groups.Single().MemberCodes, Is.EqualTo(new[] { "310000", "320000" }));
        Assert.That(readHome!.Units.Select(u => (u.Code, u.Kind)), Is.EqualTo(home.Units.Select(u => (u.Code, u.Kind))));
        Assert.That(readHome.Teams.Single().RegionGroup, Is.EqualTo("长三角"));
    }

    [Test]
    public async Task Upsert_inserts_then_leaves_identical_rows_unchanged()
    {
        await Store.SaveChainAsync(TestData.SmallChain(), CancellationToken.None);
        var batch = new[]
        {
            Company("随州市甲专用汽车有限公司", "421303", null, "T1-VEH", 5000),
            Company("苏州乙液压有限公司", "320506", null, "T1-PART", 800),
        };

        var first = await Store.UpsertCompaniesAsync(batch, Stamp, CancellationToken.None);
        var second = await Store.UpsertCompaniesAsync(batch, Stamp with { ImportId = "imp-test-2" }, CancellationToken.None);

        Assert.That(first.Select(o => o.Kind), Is.EqualTo(new[] { UpsertKind.Inserted, UpsertKind.Inserted }));
        Assert.That(second.Select(o => o.Kind), Is.EqualTo(new[] { UpsertKind.Unchanged, UpsertKind.Unchanged }));
        Assert.That(second.Select(o => o.CompanyId), Is.EqualTo(first.Select(o => o.CompanyId)));
        Assert.That(await Store.CountCompaniesAsync(CancellationToken.None), Is.EqualTo(2));
    }

    [Test]
    public async Task Upsert_updates_present_fields_and_keeps_absent_ones()
    {
        var original = Company("苏州乙液压有限公司", "320506", null, null, 800, "专精特新");
        var id = (await Store.UpsertCompaniesAsync([original], Stamp, CancellationToken.None))[0].CompanyId;

        var later = original with { RegisteredCapital = 1200, Tags = [] };
        var outcome = (await Store.UpsertCompaniesAsync([later], Stamp with { ImportId = "imp-test-2" }, CancellationToken.None))[0];
        var stored = await Store.GetCompanyAsync(id, CancellationToken.None);

        Assert.That(outcome.Kind, Is.EqualTo(UpsertKind.Updated));
        Assert.That(stored!.RegisteredCapital, Is.EqualTo(1200m));
        Assert.That(stored.Tags, Is.EqualTo(new[] { "专精特新" }), "an absent value does not erase a stored one");
    }

    [Test]
    public async Task Same_uscc_with_another_name_is_a_conflict_and_writes_nothing()
    {
        var uscc = Uscc.FromBody("91420100MA4K0L2X4").Value;
        var first = Company("武汉丙科技有限公司", "420100", uscc);
        await Store.UpsertCompaniesAsync([first], Stamp, CancellationToken.None);

        var outcome = (await Store.UpsertCompaniesAsync([first with { Name = "武汉丁科技有限公司", NameKey = "武汉丁科技有限公司" }], Stamp, CancellationToken.None))[0];
        var stored = await Store.GetCompanyByUsccAsync(uscc, CancellationToken.None);

        Assert.That(outcome.Kind, Is.EqualTo(UpsertKind.Conflict));
        Assert.That(outcome.Detail, Does.Contain(uscc));
        Assert.That(stored!.Name, Is.EqualTo("武汉丙科技有限公司"));
    }

    [Test]
    public async Task Memberships_are_stored_with_confidence_and_evidence()
    {
        await Store.SaveChainAsync(TestData.SmallChain(), CancellationToken.None);
        var id = (await Store.UpsertCompaniesAsync([Company("苏州乙液压有限公司", "320506", null, "T1-PART-PUMP")], Stamp, CancellationToken.None))[0].CompanyId;

        var company = await Store.GetCompanyAsync(id, CancellationToken.None);

        var membership = company!.Memberships.Single();
        Assert.That(membership.SegmentCode, Is.EqualTo("T1-PART-PUMP"));
        Assert.That(membership.Confidence, Is.EqualTo(1.0));
        Assert.That(membership.Evidence, Is.EqualTo("test"));
    }

    [Test]
    public async Task Count_by_segment_counts_only_companies_inside_the_region()
    {
        await Store.SaveChainAsync(TestData.SmallChain(), CancellationToken.None);
        await Store.UpsertCompaniesAsync(
        [
            Company("随州市甲专用汽车有限公司", "421303", null, "T1-VEH", 5000),
            Company("广水市乙专用汽车有限公司", "421381", null, "T1-VEH", 1000),
            Company("苏州乙液压有限公司", "320506", null, "T1-VEH", 800),
        ], Stamp, CancellationToken.None);

        var presence = await Store.CountBySegmentAsync("T1", ["421300"], CancellationToken.None);

        var vehicles = presence.Single(p => p.SegmentCode == "T1-VEH");
        Assert.That(vehicles.Companies, Is.EqualTo(2));
        Assert.That(vehicles.RegisteredCapital, Is.EqualTo(6000m));
        Assert.That(presence.Any(p => p.SegmentCode == "T1-RAW"), Is.False);
    }

    [Test]
    public async Task Search_filters_by_name_region_and_segment_and_pages_by_strength()
    {
        await Store.SaveChainAsync(TestData.SmallChain(), CancellationToken.None);
        var records = Enumerable.Range(1, 25)
            .Select(i => Company($"苏州{i:00}号液压有限公司", "320506", null, "T1-PART", 100 * i))
            .Append(Company("随州市甲液压有限公司", "421303", null, "T1-PART", 99_999))
            .ToList();
        await Store.UpsertCompaniesAsync(records, Stamp, CancellationToken.None);

        var page1 = await Store.SearchCompaniesAsync(new CompanyQuery("液压", "T1", null, ["320000"], 1, 10), CancellationToken.None);
        var page3 = await Store.SearchCompaniesAsync(new CompanyQuery("液压", "T1", null, ["320000"], 3, 10), CancellationToken.None);

        Assert.That(page1.Total, Is.EqualTo(25));
        Assert.That(page1.Items, Has.Count.EqualTo(10));
        Assert.That(page1.Items[0].Name, Is.EqualTo("苏州25号液压有限公司"), "strongest first");
        Assert.That(page3.Items, Has.Count.EqualTo(5));
        Assert.That(page1.Items.Concat(page3.Items).All(c => c.ProvinceCode == "320000"), Is.True);
    }

    [Test]
    public async Task Relations_round_trip_and_are_not_duplicated()
    {
        var ids = (await Store.UpsertCompaniesAsync([Company("甲公司", "421303"), Company("乙公司", "320506")], Stamp, CancellationToken.None)).Select(o => o.CompanyId).ToList();
        var relation = new CompanyRelation(ids[1], ids[0], CompanyRelationKind.Supplies, "液压件", "test.csv");

        Assert.That(await Store.SaveRelationsAsync([relation], CancellationToken.None), Is.EqualTo(1));
        Assert.That(await Store.SaveRelationsAsync([relation], CancellationToken.None), Is.EqualTo(0));
        var relations = await Store.ListRelationsAsync(ids[0], CancellationToken.None);

        Assert.That(relations, Has.Count.EqualTo(1));
        Assert.That(relations[0].Kind, Is.EqualTo(CompanyRelationKind.Supplies));
        Assert.That(relations[0].FromCompanyId, Is.EqualTo(ids[1]));
    }
}
