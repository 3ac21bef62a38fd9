using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Storage;

/// <summary>Store contract of target discovery and channels, on the hand-made <see cref="DiscoveryGraph"/>.</summary>
public abstract partial class StoreContract
{
    private protected static readonly string[] YangtzeDelta = ["310000", "320000", "330000", "340000"];

    [Test]
    public async Task Segment_stats_split_home_companies_from_the_rest()
    {
        await DiscoveryGraph.BuildAsync(Store);

        var stats = (await Store.GetSegmentStatsAsync(DiscoveryGraph.Chain, DiscoveryGraph.HomeCodes, CancellationToken.None)).ToDictionary(s => s.SegmentCode);

        Assert.That(stats["T1-VEH"].Local.Companies, Is.EqualTo(4));
        Assert.That(stats["T1-VEH"].Local.RegisteredCapital, Is.EqualTo(85_000m));
        Assert.That(stats["T1-VEH"].Elsewhere.Companies, Is.EqualTo(1));
        Assert.That(stats["T1-RAW"].Local.Companies, Is.Zero);
        Assert.That(stats["T1-RAW"].Elsewhere.Companies, Is.EqualTo(3));
        Assert.That(stats["T1-PART"].Local.Companies, Is.EqualTo(1), "sub-segment companies are not counted in the parent");
        Assert.That(stats["T1-PART-PUMP"].Elsewhere.Companies, Is.EqualTo(1));
    }

    [Test]
    public async Task Segment_stats_follow_a_company_that_moves_into_the_home_region()
    {
        var graph = await DiscoveryGraph.BuildAsync(Store);
        var moved = await Store.GetCompanyAsync(graph.Ids["E"], CancellationToken.None);
        var place = TestData.Regions.Place("421303");
        var record = new CompanyRecord(
            "u:" + moved!.Uscc, moved.Uscc, moved.Name, ChainMap.Text.ChineseText.NormalizeCompanyName(moved.Name), "421303", place.Province, place.City, place.County,
            moved.RegisteredCapital, null, null, null, null, [], null, null, 30, []);

        await Store.UpsertCompaniesAsync([record], Stamp, CancellationToken.None);
        var stats = (await Store.GetSegmentStatsAsync(DiscoveryGraph.Chain, DiscoveryGraph.HomeCodes, CancellationToken.None)).ToDictionary(s => s.SegmentCode);

        Assert.That(stats["T1-RAW"].Local.Companies, Is.EqualTo(1));
        Assert.That(stats["T1-RAW"].Elsewhere.Companies, Is.EqualTo(2));
    }

    [Test]
    public async Task Place_counts_group_by_segment_province_and_city_within_scope_and_never_home()
    {
        await DiscoveryGraph.BuildAsync(Store);

        var everywhere = await Store.CountSegmentPlacesAsync(DiscoveryGraph.Chain, null, DiscoveryGraph.HomeCodes, CancellationToken.None);
        var delta = await Store.CountSegmentPlacesAsync(DiscoveryGraph.Chain, YangtzeDelta, DiscoveryGraph.HomeCodes, CancellationToken.None);

        Assert.That(everywhere.Where(p => p.SegmentCode == "T1-RAW").Select(p => (p.ProvinceCode, p.CityCode, p.Companies)),
            Is.EquivalentTo(new[] { ("320000", (string?)"320500", 1), ("320000", "320200", 1), ("420000", "420100", 1) }));
        Assert.That(everywhere.Any(p => p.CityCode == "421300"), Is.False, "home companies are excluded");
        Assert.That(delta.Select(p => p.ProvinceCode).Distinct(), Is.SubsetOf(YangtzeDelta));
    }

    [Test]
    public async Task Target_candidates_are_the_strongest_per_segment_in_scope_with_a_distinct_total()
    {
        var graph = await DiscoveryGraph.BuildAsync(Store);
        var query = new TargetCandidateQuery(["T1-RAW", "T1-PART", "T1-VEH"], YangtzeDelta, DiscoveryGraph.HomeCodes, [], null, 1);

        var set = await Store.FindTargetCandidatesAsync(query, CancellationToken.None);

        Assert.That(set.Candidates.Select(c => (c.SegmentCode, graph.KeyOf(c.CompanyId))),
            Is.EquivalentTo(new[] { ("T1-RAW", "A"), ("T1-PART", "C"), ("T1-VEH", "F") }), "one per segment, strongest first; E is outside the region, H* are home");
        Assert.That(set.Total, Is.EqualTo(5), "A, B, C, P, F");
    }

    [Test]
    public async Task Target_candidates_filter_by_tags_and_minimum_capital()
    {
        var graph = await DiscoveryGraph.BuildAsync(Store);
        var segments = new[] { "T1-RAW", "T1-PART", "T1-PART-PUMP", "T1-VEH", "T1-SVC" };

        var tagged = await Store.FindTargetCandidatesAsync(new(segments, null, DiscoveryGraph.HomeCodes, ["专精特新", "上市"], null, 10), CancellationToken.None);
        var rich = await Store.FindTargetCandidatesAsync(new(segments, null, DiscoveryGraph.HomeCodes, [], 50_000m, 10), CancellationToken.None);

        Assert.That(tagged.Candidates.Select(c => graph.KeyOf(c.CompanyId)), Is.EquivalentTo(new[] { "A", "C" }));
        Assert.That(rich.Candidates.Select(c => graph.KeyOf(c.CompanyId)), Is.EquivalentTo(new[] { "A", "E", "F" }));
        Assert.That(rich.Total, Is.EqualTo(3));
    }

    [Test]
    public async Task Tag_and_capital_filters_follow_a_company_whose_tags_and_capital_change_and_count_it_once()
    {
        var graph = await DiscoveryGraph.BuildAsync(Store);
        var segments = new[] { "T1-RAW", "T1-PART", "T1-PART-PUMP", "T1-VEH", "T1-SVC" };
        string[] both = ["专精特新", "上市"];
        async Task<(string[] Keys, long Total)> FindAsync(IReadOnlyList<string> tags, decimal? minCapital, IReadOnlyCollection<string>? scope = null)
        {
            var set = await Store.FindTargetCandidatesAsync(new(segments, scope, DiscoveryGraph.HomeCodes, tags, minCapital, 10), CancellationToken.None);
            return (set.Candidates.Select(c => graph.KeyOf(c.CompanyId)).ToArray(), set.Total);
        }

        async Task ChangeCAsync(decimal capital, string[] tags)
        {
            var c = (await Store.GetCompanyAsync(graph.Ids["C"], CancellationToken.None))!;
            var place = TestData.Regions.Place(c.RegionCode!);
            await Store.UpsertCompaniesAsync(
                [new CompanyRecord("u:" + c.Uscc, c.Uscc, c.Name, ChainMap.Text.ChineseText.NormalizeCompanyName(c.Name), c.RegionCode!, place.Province, place.City, place.County,
                    capital, null, null, null, null, tags, null, null, CompanyStrength.Score(capital, null, null, null, tags), [])],
                Stamp, CancellationToken.None);
        }

        await ChangeCAsync(60_000m, both);
        var twoTags = await FindAsync(both, null);
        var oneTag = await FindAsync(["上市"], null, YangtzeDelta);
        var taggedAndRich = await FindAsync(["专精特新"], 50_000m);
        var rich = await FindAsync([], 50_000m);
        await ChangeCAsync(20_000m, ["规上企业"]);
        var afterUntagged = await FindAsync(both, null);
        var richAfter = await FindAsync([], 50_000m);

        Assert.That(twoTags.Keys, Is.EquivalentTo(new[] { "A", "C" }), "C carries both tags and is offered once");
        Assert.That(twoTags.Total, Is.EqualTo(2));
        Assert.That(oneTag.Keys, Is.EquivalentTo(new[] { "A", "C" }), "in the Yangtze delta");
        Assert.That(oneTag.Total, Is.EqualTo(2));
        Assert.That(taggedAndRich.Keys, Is.EqualTo(new[] { "C" }));
        Assert.That(taggedAndRich.Total, Is.EqualTo(1));
        Assert.That(rich.Keys, Is.EquivalentTo(new[] { "A", "C", "E", "F" }));
        Assert.That(rich.Total, Is.EqualTo(4));
        Assert.That(afterUntagged.Keys, Is.EqualTo(new[] { "A" }), "a company whose tags changed leaves the tag filter at once");
        Assert.That(afterUntagged.Total, Is.EqualTo(1));
        Assert.That(richAfter.Keys, Is.EquivalentTo(new[] { "A", "E", "F" }));
        Assert.That(richAfter.Total, Is.EqualTo(3));
    }

    [Test]
    public async Task Home_tied_companies_carry_their_relations_and_channels_with_distance_to_home()
    {
        var graph = await DiscoveryGraph.BuildAsync(Store);

        var tied = (await HomeTies.LoadAsync(Store, DiscoveryGraph.HomeCodes, CancellationToken.None)).ToDictionary(t => graph.KeyOf(t.CompanyId));

        Assert.That(tied.Keys, Is.EquivalentTo(new[] { "B", "C", "D", "G", "Q", "S" }));
        Assert.That(tied["B"].Relations.Single(), Is.EqualTo(new HomeRelationTie(graph.Ids["H5"], "随州部件厂", CompanyRelationKind.Supplies, true)));
        Assert.That(tied["D"].Relations.Single().OutsideIsFrom, Is.False, "D is a customer of H1");
        Assert.That(tied["D"].Channels.Single().HopsToHome, Is.Zero, "上海随州商会 is tied to 随州");
        Assert.That(tied["C"].Channels.Single().HopsToHome, Is.EqualTo(1), "江苏湖北商会 has a home member");
        Assert.That(tied["G"].Channels.Single().Kind, Is.EqualTo(ChannelKind.InvestmentAmbassador));
        Assert.That(tied["C"].Facts.SegmentCodes, Is.EqualTo(new[] { "T1-PART" }));
    }

    [Test]
    public async Task Home_tied_companies_of_some_segments_are_the_home_wide_ones_in_them_and_follow_relation_link_and_membership_writes()
    {
        var graph = await DiscoveryGraph.BuildAsync(Store);
        string[] segments = ["T1-PART", "T1-PART-PUMP", "T1-SVC", "T1-VEH"];

        async Task<IReadOnlyCollection<string>> AssertSameAsHomeWideAsync(string when)
        {
            var scoped = await HomeTies.LoadAsync(Store, DiscoveryGraph.HomeCodes, segments, CancellationToken.None);
            var all = await HomeTies.LoadAsync(Store, DiscoveryGraph.HomeCodes, CancellationToken.None);
            var expected = all
                .Select(t => t with { Facts = t.Facts with { SegmentCodes = t.Facts.SegmentCodes.Where(segments.Contains).ToList() } })
                .Where(t => t.Facts.SegmentCodes.Count > 0)
                .ToList();
            Assert.That(scoped.Select(Describe), Is.EqualTo(expected.Select(Describe)), when);
            return scoped.Select(t => graph.KeyOf(t.CompanyId)).ToList();
        }

        Assert.That(await AssertSameAsHomeWideAsync("as built"), Is.EquivalentTo(new[] { "C", "D", "G" }), "B is tied but makes raw materials; Q and S have no segment");

        await Store.SaveRelationsAsync([new CompanyRelation(graph.Ids["P"], graph.Ids["H2"], CompanyRelationKind.Supplies, null, "test")], CancellationToken.None);
        await Store.SaveChannelLinksAsync([new ChannelLink(graph.ChannelIds["SH-SZ"], graph.Ids["F"], null, ChannelRole.Member, null, "test")], CancellationToken.None);
        Assert.That(await AssertSameAsHomeWideAsync("after a relation and a channel link"), Is.EquivalentTo(new[] { "C", "D", "F", "G", "P" }));

        await Store.SetMembershipStatusAsync(graph.Ids["C"], "T1-PART", MembershipStatus.Rejected, CancellationToken.None);
        Assert.That(await AssertSameAsHomeWideAsync("after C's only membership was rejected"), Is.EquivalentTo(new[] { "D", "F", "G", "P" }));

        await RebuildCandidateIndexAsync();
        Assert.That(await AssertSameAsHomeWideAsync("after the candidate index was built again"), Is.EquivalentTo(new[] { "D", "F", "G", "P" }));

        static string Describe(HomeTiedCompany t) => DescribeFacts(t.Facts) + " " + Named(t.Relations, t.Channels);
    }

    [Test]
    public async Task Home_tie_facts_are_the_ties_without_names_and_the_details_of_some_companies_are_their_named_ties()
    {
        var (graph, hops) = await TiedGraphAsync();
        string[] segments = ["T1-PART", "T1-PART-PUMP", "T1-SVC", "T1-VEH"];

        foreach (var scope in new[] { null, segments })
        {
            var full = await Store.ListHomeTiedCompaniesAsync(DiscoveryGraph.HomeCodes, hops, scope, CancellationToken.None);
            var facts = await Store.ListHomeTieFactsAsync(DiscoveryGraph.HomeCodes, hops, scope, CancellationToken.None);
            Assert.That(facts.Select(DescribeFacts), Is.EqualTo(full.Select(t => DescribeFacts(t.Facts))), scope is null ? "home-wide" : "in four segments");
        }

        var all = (await Store.ListHomeTiedCompaniesAsync(DiscoveryGraph.HomeCodes, hops, null, CancellationToken.None)).ToDictionary(t => graph.KeyOf(t.CompanyId));
        string[] asked = ["B", "D", "G", "P", "A", "H1"];
        var details = (await Store.ListHomeTieDetailsAsync(asked.Select(k => graph.Ids[k]).ToList(), DiscoveryGraph.HomeCodes, hops, CancellationToken.None))
            .ToDictionary(d => graph.KeyOf(d.CompanyId));

        Assert.That(details.Keys, Is.EquivalentTo(new[] { "B", "D", "G", "P" }), "A has no tie and H1 is at home");
        foreach (var key in details.Keys)
        {
            Assert.That(Named(details[key].Relations, details[key].Channels), Is.EqualTo(Named(all[key].Relations, all[key].Channels)), key);
        }

        Assert.That(details["P"].Relations.Single(), Is.EqualTo(new HomeRelationTie(graph.Ids["H2"], all["P"].Relations.Single().HomeCompanyName, CompanyRelationKind.Supplies, true)));
        Assert.That(details["P"].Relations.Single().HomeCompanyName, Is.Not.Empty, "the reasons name the home company");
        Assert.That(details["G"].Channels.Single().Kind, Is.EqualTo(ChannelKind.InvestmentAmbassador));
        Assert.That(await Store.ListHomeTieDetailsAsync([], DiscoveryGraph.HomeCodes, hops, CancellationToken.None), Is.Empty);
    }

    // ADR 0445: Neo4j reads the channel graph and the tie facts in one request, the facts with links to every channel, and keeps
    // the links of the channels that lead home: A and E, linked only to associations that do not, must stay out as before.
    [Test]
    public async Task Home_tie_facts_read_with_the_channel_distances_are_those_read_after_the_channel_graph()
    {
        var (graph, hops) = await TiedGraphAsync();
        string[] segments = ["T1-RAW", "T1-PART", "T1-PART-PUMP", "T1-SVC", "T1-VEH"];

        foreach (var scope in new[] { null, segments, ["T1-VEH"] })
        {
            var after = await Store.ListHomeTieFactsAsync(DiscoveryGraph.HomeCodes, hops, scope, CancellationToken.None);
            var read = await Store.ReadHomeTieFactsAsync(DiscoveryGraph.HomeCodes, scope, CancellationToken.None);

            Assert.That(read.ChannelHops, Is.EquivalentTo(hops), "the same distances");
            Assert.That(read.Facts.Select(DescribeFacts), Is.EqualTo(after.Select(DescribeFacts)), scope is null ? "home-wide" : string.Join(',', scope));
        }

        var tied = (await Store.ReadHomeTieFactsAsync(DiscoveryGraph.HomeCodes, segments, CancellationToken.None)).Facts.Select(f => graph.KeyOf(f.CompanyId));
        Assert.That(tied, Is.EquivalentTo(new[] { "B", "C", "D", "G", "P" }), "A and E are linked only to channels that do not lead home");
        Assert.That(hops.Keys, Does.Not.Contain(graph.ChannelIds["SZ-IA"]).And.Not.Contain(graph.ChannelIds["WH-IA"]));
        Assert.That((await Store.ReadHomeTieFactsAsync([], segments, CancellationToken.None)).Facts, Is.Empty, "no home, no ties");
    }

    /// <summary>The discovery graph with P supplying the home company H2, and the channels' distances from home.</summary>
    private async Task<(DiscoveryGraph Graph, Dictionary<long, int> Hops)> TiedGraphAsync()
    {
        var graph = await DiscoveryGraph.BuildAsync(Store);
        await Store.SaveRelationsAsync([new CompanyRelation(graph.Ids["P"], graph.Ids["H2"], CompanyRelationKind.Supplies, null, "test")], CancellationToken.None);
        var channelGraph = await Store.LoadHomeChannelGraphAsync(DiscoveryGraph.HomeCodes, CancellationToken.None);
        return (graph, ChannelHops.Compute(channelGraph.TiedHome, channelGraph.WithHomeMember, channelGraph.Links));
    }

    private static string DescribeFacts(HomeTieFacts t) => string.Join(
        " ",
        t.CompanyId,
        t.ProvinceCode,
        t.CityCode,
        t.CountyCode,
        t.Strength.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
        t.RegisteredCapital?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        string.Join(',', t.Tags),
        string.Join(',', t.SegmentCodes),
        string.Join(',', t.Relations.Select(r => $"{r.HomeCompanyId}/{r.Kind}/{r.OutsideIsFrom}").Distinct().Order(StringComparer.Ordinal)),
        string.Join(',', t.Channels.Select(c => $"{c.ChannelId}/{c.HopsToHome}").Distinct().Order(StringComparer.Ordinal)));

    private static string Named(IReadOnlyList<HomeRelationTie> relations, IReadOnlyList<HomeChannelTie> channels) => string.Join(
        " ",
        string.Join(',', relations.Select(r => $"{r.HomeCompanyId}/{r.HomeCompanyName}/{r.Kind}/{r.OutsideIsFrom}").Order(StringComparer.Ordinal)),
        string.Join(',', channels.Select(c => $"{c.ChannelId}/{c.ChannelName}/{c.Kind}/{c.Role}/{c.HopsToHome}").Order(StringComparer.Ordinal)));

    [Test]
    public async Task Introduction_paths_end_at_the_first_home_node_and_respect_the_hop_limit()
    {
        var graph = await DiscoveryGraph.BuildAsync(Store);
        var targets = new[] { "A", "B", "C", "D", "E", "F" }.Select(k => graph.Ids[k]).ToList();

        var paths = (await Store.FindIntroductionPathsAsync(targets, DiscoveryGraph.HomeCodes, 3, 3, CancellationToken.None)).ToLookup(p => graph.KeyOf(p.TargetId));

        Assert.That(paths["B"].Single().Steps.Single().To.Id, Is.EqualTo(graph.Ids["H5"]));
        Assert.That(paths["B"].Single().Steps.Single().Relation, Is.EqualTo(CompanyRelationKind.Supplies));
        Assert.That(paths["C"].Single().Steps.Select(s => s.To.Name), Is.EqualTo(new[] { "江苏湖北商会", "随州部件厂" }));
        Assert.That(paths["A"].Single().Steps.Select(s => s.To.Name), Is.EqualTo(new[] { "苏州行业协会", "苏州贸易公司", "随州整车二厂" }));
        Assert.That(paths["D"].Select(p => p.Steps.Count), Is.EqualTo(new[] { 1, 1 }), "the relation to H1 and the home-tied chamber");
        Assert.That(paths["D"].First().Steps.Single().Relation, Is.EqualTo(CompanyRelationKind.Supplies), "a supply relation is stronger than a membership");
        Assert.That(paths["E"], Is.Empty, "E reaches home only in four steps");
        Assert.That(paths["F"], Is.Empty);
        Assert.That(paths.SelectMany(g => g).All(p => p.Steps[^1].To.IsHome && p.Steps.Take(p.Steps.Count - 1).All(s => !s.To.IsHome)), Is.True);
    }

    [Test]
    public async Task Introduction_paths_can_be_limited_to_fewer_hops()
    {
        var graph = await DiscoveryGraph.BuildAsync(Store);

        var paths = await Store.FindIntroductionPathsAsync([graph.Ids["A"], graph.Ids["C"]], DiscoveryGraph.HomeCodes, 2, 3, CancellationToken.None);

        Assert.That(paths.Select(p => graph.KeyOf(p.TargetId)), Is.EqualTo(new[] { "C" }));
    }

    [Test]
    public async Task Companies_are_read_in_the_order_asked_with_memberships()
    {
        var graph = await DiscoveryGraph.BuildAsync(Store);

        var companies = await Store.GetCompaniesAsync([graph.Ids["F"], 999_999, graph.Ids["A"]], CancellationToken.None);

        Assert.That(companies.Select(c => c.Name), Is.EqualTo(new[] { "杭州整车公司", "苏州原料集团" }));
        Assert.That(companies[1].Memberships.Single().SegmentCode, Is.EqualTo("T1-RAW"));
        Assert.That(companies[1].Tags, Is.EqualTo(new[] { "上市" }));
    }

    [Test]
    public async Task Channels_upsert_by_code_and_read_back_with_ties_and_links()
    {
        var graph = await DiscoveryGraph.BuildAsync(Store);
        var shanghai = new RegionPlace("310000", "310000", null, null);

        var again = await Store.UpsertChannelsAsync([new ChannelRecord("SH-SZ", "上海市随州商会", ChannelKind.ChamberOfCommerce, shanghai, [], "张会长", null, "edit")], CancellationToken.None);
        var detail = await Store.GetChannelAsync(graph.ChannelIds["SH-SZ"], 10, CancellationToken.None);

        Assert.That(again["SH-SZ"], Is.EqualTo(graph.ChannelIds["SH-SZ"]), "same code, same channel");
        Assert.That(detail!.Channel.Name, Is.EqualTo("上海市随州商会"));
        Assert.That(detail.Channel.Ties, Is.Empty, "ties are replaced");
        Assert.That(detail.Links.Single().CompanyName, Is.EqualTo("上海服务公司"), "links are kept");
        Assert.That(await Store.GetChannelAsync(123_456, 10, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Channel_links_are_upserted_and_counted_once()
    {
        var graph = await DiscoveryGraph.BuildAsync(Store);
        var link = new ChannelLink(graph.ChannelIds["SZ-IA"], graph.Ids["B"], null, ChannelRole.Officer, "副会长", "t");
        var person = new ChannelLink(graph.ChannelIds["SH-SZ"], null, graph.ChannelIds["AMB-WANG"], ChannelRole.Officer, null, "t");

        Assert.That(await Store.SaveChannelLinksAsync([link, person], CancellationToken.None), Is.EqualTo(2));
        Assert.That(await Store.SaveChannelLinksAsync([link with { Role = ChannelRole.Member }], CancellationToken.None), Is.Zero);
        var detail = await Store.GetChannelAsync(graph.ChannelIds["SZ-IA"], 10, CancellationToken.None);
        var ambassador = await Store.GetChannelAsync(graph.ChannelIds["AMB-WANG"], 10, CancellationToken.None);

        Assert.That(detail!.Links.Single(l => l.CompanyId == graph.Ids["B"]).Role, Is.EqualTo(ChannelRole.Member));
        Assert.That(detail.LinkCount, Is.EqualTo(3));
        Assert.That(ambassador!.Links.Single(l => l.ChannelId is not null), Is.EqualTo(new ChannelLinkView(ChannelRole.Officer, null, false, null, null, null, graph.ChannelIds["SH-SZ"], "上海随州商会", ChannelKind.ChamberOfCommerce)));
    }

    [Test]
    public async Task Channels_are_searched_by_name_kind_and_region()
    {
        await DiscoveryGraph.BuildAsync(Store);

        var chambers = await Store.SearchChannelsAsync(new ChannelQuery(null, ChannelKind.ChamberOfCommerce, null, 1, 10), CancellationToken.None);
        var inJiangsu = await Store.SearchChannelsAsync(new ChannelQuery(null, null, ["320000"], 1, 10), CancellationToken.None);
        var byName = await Store.SearchChannelsAsync(new ChannelQuery("隨州", null, null, 1, 10), CancellationToken.None);

        Assert.That(chambers.Items.Select(c => c.Code), Is.EquivalentTo(new[] { "SH-SZ", "JS-HB" }));
        Assert.That(inJiangsu.Items.Select(c => c.Code), Is.EquivalentTo(new[] { "JS-HB", "AMB-WANG", "SZ-IA" }));
        Assert.That(inJiangsu.Total, Is.EqualTo(3));
        Assert.That(byName.Items.Single().Code, Is.EqualTo("SH-SZ"), "Traditional 隨州 finds 随州");
        Assert.That(byName.Items.Single().Ties.Single().Code, Is.EqualTo("421300"));
    }
}
