using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Regions;
using ChainMap.Storage;

namespace ChainMap.Tests.Discovery;

/// <summary>
/// The discovery rules that both stores translate (issue #15): what "in these regions" means
/// (<see cref="RegionScope"/>), which companies a target list may offer (<see cref="CandidateFilter"/>)
/// and how far a channel is from home (<see cref="ChannelHops"/>). Pure: no store.
/// </summary>
public sealed class DiscoveryRulesTests
{
    private const string Jiangsu = "320000";
    private const string Suzhou = "320500";
    private const string Hubei = "420000";
    private const string Suizhou = "421300";
    private const string Zengdu = "421303";
    private const string Guangdong = "440000";
    private const string Dongguan = "441900";

    [Test]
    public void A_place_is_in_a_scope_through_its_province_its_city_or_its_county_each_matched_at_its_own_level()
    {
        var scope = RegionScope.Of([Jiangsu, "330100", "420303"]);

        Assert.Multiple(() =>
        {
            Assert.That(scope.Provinces, Is.EqualTo(new[] { Jiangsu }));
            Assert.That(scope.Cities, Is.EqualTo(new[] { "330100" }));
            Assert.That(scope.Counties, Is.EqualTo(new[] { "420303" }));
            Assert.That(scope.Contains(Jiangsu, Suzhou, "320505"), Is.True, "a county of the province");
            Assert.That(scope.Contains("330000", "330100", null), Is.True, "the city itself, no county");
            Assert.That(scope.Contains("330000", "330200", "330203"), Is.False, "another city of that province");
            Assert.That(scope.Contains(Hubei, "420300", "420303"), Is.True, "the county");
            Assert.That(scope.Contains(Hubei, "420300", "420302"), Is.False, "a neighbouring county");
            Assert.That(scope.Contains("330100", null, null), Is.False, "a city's code is not looked for in the province");
        });
    }

    [Test]
    public void A_place_without_city_or_county_is_in_a_scope_only_through_its_province()
    {
        var dongguan = RegionScope.Of([Dongguan]);
        var guangdong = RegionScope.Of([Guangdong]);

        Assert.Multiple(() =>
        {
            Assert.That(dongguan.Contains(Guangdong, null, null), Is.False);
            Assert.That(dongguan.Contains(Guangdong, Dongguan, null), Is.True);
            Assert.That(guangdong.Contains(Guangdong, null, null), Is.True);
        });
    }

    [Test]
    public void No_codes_is_nowhere_and_null_is_everywhere()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RegionScope.Of([]).IsEmpty, Is.True);
            Assert.That(RegionScope.Of([]).Contains(Jiangsu, Suzhou, "320505"), Is.False);
            Assert.That(RegionScope.Of(null).IsEverywhere, Is.True);
            Assert.That(RegionScope.Of(null).Contains(Jiangsu, null, null), Is.True);
            Assert.That(RegionScope.Nowhere.Contains(Jiangsu, Suzhou, null), Is.False);
        });
    }

    [Test]
    public void A_code_that_is_not_a_six_digit_division_code_is_looked_for_at_every_level()
    {
        var scope = RegionScope.Of(["R1"]);

        Assert.Multiple(() =>
        {
            Assert.That(RegionScope.LevelOf("R1"), Is.Null);
            Assert.That(RegionScope.LevelOf(Hubei), Is.EqualTo(RegionLevel.Province));
            Assert.That(RegionScope.LevelOf(Suizhou), Is.EqualTo(RegionLevel.City));
            Assert.That(RegionScope.LevelOf(Zengdu), Is.EqualTo(RegionLevel.County));
            Assert.That(scope.Contains("R1", null, null), Is.True);
            Assert.That(scope.Contains("P", "R1", null), Is.True);
            Assert.That(scope.Contains("P", "C", "R1"), Is.True);
            Assert.That(scope.Contains("P", "C", "R2"), Is.False);
        });
    }

    [Test]
    public void A_development_zone_in_a_scope_stands_for_its_host_division()
    {
        var catalog = new RegionCatalog(
        [
            new Region(Jiangsu, "江苏省", RegionLevel.Province, null),
            new Region(Suzhou, "苏州市", RegionLevel.City, Jiangsu),
            new Region("320506", "吴中区", RegionLevel.County, Suzhou),
            new Region("320600", "南通市", RegionLevel.City, Jiangsu),
            new Region("320571", "苏州工业园区", RegionLevel.Zone, Suzhou),
        ], []);

        var scope = catalog.ScopeOf(["320571"]);

        Assert.Multiple(() =>
        {
            Assert.That(RegionScope.Of(["320571"]).Contains(Jiangsu, Suzhou, "320506"), Is.False, "the zone's own code matches no company");
            Assert.That(scope.Cities, Is.EqualTo(new[] { Suzhou }));
            Assert.That(scope.Contains(Jiangsu, Suzhou, "320506"), Is.True);
            Assert.That(scope.Contains(Jiangsu, "320600", null), Is.False);
            Assert.That(catalog.HostCodes(["320571", Suzhou, "320600"]), Is.EqualTo(new[] { Suzhou, "320600" }));
            Assert.That(catalog.ScopeOf(null).IsEverywhere, Is.True);
        });
    }

    [Test]
    public void A_candidate_is_in_the_scope_outside_home_with_any_of_the_tags_enough_capital_and_strength()
    {
        var filter = new CandidateFilter(RegionScope.Of([Hubei]), RegionScope.Of([Suizhou]), ["专精特新", "上市"], 1000m, 20);

        Assert.Multiple(() =>
        {
            Assert.That(filter.Matches(Company(Hubei, "420100", null, 30, 1000m, ["上市"])), Is.True, "capital equal to the minimum");
            Assert.That(filter.Matches(Company(Hubei, Suizhou, Zengdu, 30, 5000m, ["上市"])), Is.False, "at home");
            Assert.That(filter.Matches(Company(Jiangsu, Suzhou, null, 30, 5000m, ["上市"])), Is.False, "outside the scope");
            Assert.That(filter.Matches(Company(Hubei, "420100", null, 30, null, ["上市"])), Is.False, "no capital");
            Assert.That(filter.Matches(Company(Hubei, "420100", null, 30, 999.99m, ["上市"])), Is.False, "too little capital");
            Assert.That(filter.Matches(Company(Hubei, "420100", null, 30, 5000m, ["小巨人"])), Is.False, "none of the tags");
            Assert.That(filter.Matches(Company(Hubei, "420100", null, 30, 5000m, ["上市公司"])), Is.False, "a tag is matched whole");
            Assert.That(filter.Matches(Company(Hubei, "420100", null, 19.99, 5000m, ["专精特新"])), Is.False, "too weak");
            Assert.That(filter.Matches(Company(Hubei, null, null, 20, 5000m, ["专精特新"])), Is.True, "no city: not at home");
        });
    }

    [Test]
    public void A_target_list_filter_without_region_or_conditions_takes_every_company_outside_home()
    {
        var target = new TargetFilter([], null, null, "全国", [], null, 1, 20, 0);
        var filter = CandidateFilter.For(target, [Suizhou]);
        var query = filter.ToQuery(["S1"], 50);

        Assert.Multiple(() =>
        {
            Assert.That(filter.Matches(Company(Guangdong, null, null, 0, null, [])), Is.True);
            Assert.That(filter.Matches(Company(Hubei, Suizhou, null, 100, null, [])), Is.False);
            Assert.That(query.RegionCodes, Is.Null);
            Assert.That(query.ExcludedRegionCodes, Is.EqualTo(new[] { Suizhou }));
            Assert.That(CandidateFilter.Of(query).Matches(Company(Hubei, Suizhou, null, 100, null, [])), Is.False);
        });
    }

    [Test]
    public void A_channel_is_0_steps_from_home_when_tied_to_it_1_with_a_home_member_and_one_more_per_link_up_to_2()
    {
        // tied: 1 — 2 — 3 — 4 (a chain of links); member: 10 — 11 — 12 (links stored the other way round); 1 also has a home member.
        var hops = ChannelHops.Compute([1], [10, 1], [(1, 2), (2, 3), (3, 4), (11, 10), (12, 11), (20, 21)]);

        Assert.That(hops, Is.EquivalentTo(new Dictionary<long, int> { [1] = 0, [2] = 1, [3] = 2, [10] = 1, [11] = 2 }));
    }

    [Test]
    public void A_channel_linked_to_a_tied_channel_is_1_step_away_even_when_it_also_reaches_a_member_channel()
    {
        var hops = ChannelHops.Compute([1], [2], [(2, 3), (3, 1)]);

        Assert.That(hops, Is.EquivalentTo(new Dictionary<long, int> { [1] = 0, [2] = 1, [3] = 1 }));
    }

    [Test]
    public void Without_a_channel_tied_home_or_with_a_home_member_no_channel_leads_home()
    {
        Assert.That(ChannelHops.Compute([], [], [(1, 2), (2, 3)]), Is.Empty);
    }

    [Test]
    public void The_channel_points_of_a_target_follow_the_hop_distance()
    {
        var hops = ChannelHops.Compute([1], [2], [(2, 3)]);
        HomeChannelHops Tie(long id) => new(id, hops[id]);

        Assert.Multiple(() =>
        {
            Assert.That(TargetScoring.ChannelPoints([Tie(1)]), Is.EqualTo(10));
            Assert.That(TargetScoring.ChannelPoints([Tie(2)]), Is.EqualTo(7));
            Assert.That(TargetScoring.ChannelPoints([Tie(3)]), Is.EqualTo(4));
        });
    }

    private static HomeTieFacts Company(string province, string? city, string? county, double strength, decimal? capital, IReadOnlyList<string> tags) =>
        new(1, province, city, county, strength, capital, tags, ["S1"], [], []);
}
