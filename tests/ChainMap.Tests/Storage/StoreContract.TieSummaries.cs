using ChainMap.Curation;
using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Storage;

/// <summary>
/// The home-tie facts a list reads (<see cref="IDiscoveryStore.ReadHomeTieFactsAsync"/>), which Neo4j keeps per home and segment
/// (ADR 0465), after every kind of write that moves them: each step reads them first (so that a kept summary exists), writes, and
/// reads them again, and they must be the home-wide ties read afresh, in those segments.
/// </summary>
public abstract partial class StoreContract
{
    private static readonly string[] TieSegments = ["T1-RAW", "T1-PART", "T1-PART-PUMP", "T1-SVC", "T1-VEH"];

    /// <summary>A database from before the kept tie summaries (ADR 0465): none kept, no segment stamped. Nothing on SQLite.</summary>
    private protected virtual Task ForgetTieSummariesAsync() => Task.CompletedTask;

    /// <summary>The facts a list reads for <see cref="TieSegments"/>, checked against the home-wide ties read afresh; keyed by company.</summary>
    private async Task<Dictionary<string, HomeTieFacts>> TieFactsAsync(DiscoveryGraph graph, IReadOnlyList<string> home, string when)
    {
        var read = await Store.ReadHomeTieFactsAsync(home, TieSegments, CancellationToken.None);
        var all = await Store.ListHomeTieFactsAsync(home, read.ChannelHops, null, CancellationToken.None);
        var expected = all
            .Select(t => t with { SegmentCodes = t.SegmentCodes.Where(TieSegments.Contains).ToList() })
            .Where(t => t.SegmentCodes.Count > 0)
            .ToList();
        Assert.That(read.Facts.Select(DescribeFacts), Is.EqualTo(expected.Select(DescribeFacts)), when);
        return read.Facts.ToDictionary(f => graph.Ids.Single(p => p.Value == f.CompanyId).Key);
    }

    [Test]
    public async Task Home_tie_facts_of_a_list_follow_relations_links_edits_moves_and_imports()
    {
        var graph = await DiscoveryGraph.BuildAsync(Store);
        var home = DiscoveryGraph.HomeCodes;
        Assert.That((await TieFactsAsync(graph, home, "as built")).Keys, Is.EquivalentTo(new[] { "B", "C", "D", "G" }));

        await Store.SaveRelationsAsync([new CompanyRelation(graph.Ids["P"], graph.Ids["H2"], CompanyRelationKind.Supplies, null, "test")], CancellationToken.None);
        var afterRelation = await TieFactsAsync(graph, home, "after a relation to a home company");
        Assert.That(afterRelation["P"].Relations.Single().HomeCompanyId, Is.EqualTo(graph.Ids["H2"]));

        await Store.SaveChannelLinksAsync([new ChannelLink(graph.ChannelIds["SH-SZ"], graph.Ids["F"], null, ChannelRole.Member, null, "test")], CancellationToken.None);
        Assert.That((await TieFactsAsync(graph, home, "after a channel link")).Keys, Is.EquivalentTo(new[] { "B", "C", "D", "F", "G", "P" }));

        await EditAsync(graph.Ids["C"], new CompanyEdit { RegisteredCapital = new Given<decimal?>(77_000m), Tags = ["上市"] });
        var afterEdit = await TieFactsAsync(graph, home, "after an analyst's edit of capital and tags");
        Assert.That(afterEdit["C"].RegisteredCapital, Is.EqualTo(77_000m));
        Assert.That(afterEdit["C"].Tags, Is.EqualTo(new[] { "上市" }));

        // H2 leaves home: P's only tie was its relation to H2, so P leaves the ties (its partner moved, not P).
        var wuhan = TestData.Regions.Place("420102");
        await EditAsync(graph.Ids["H2"], new CompanyEdit { Region = new EditedRegion("420102", wuhan.Province, wuhan.City, wuhan.County) });
        Assert.That((await TieFactsAsync(graph, home, "after a home company moved away")).Keys, Does.Not.Contain("P"));

        // F moves into home: a home company is never a target.
        var zengdu = TestData.Regions.Place("421303");
        await EditAsync(graph.Ids["F"], new CompanyEdit { Region = new EditedRegion("421303", zengdu.Province, zengdu.City, zengdu.County) });
        Assert.That((await TieFactsAsync(graph, home, "after a company moved home")).Keys, Does.Not.Contain("F"));

        // An import that changes G's capital and one that moves it home.
        async Task ImportGAsync(string region, decimal capital, string importId)
        {
            var g = (await Store.GetCompanyAsync(graph.Ids["G"], CancellationToken.None))!;
            var place = TestData.Regions.Place(region);
            await Store.UpsertCompaniesAsync(
                [new CompanyRecord("u:" + g.Uscc, g.Uscc, g.Name, ChainMap.Text.ChineseText.NormalizeCompanyName(g.Name), region, place.Province, place.City, place.County,
                    capital, null, null, null, null, [], null, null, CompanyStrength.Score(capital, null, null, null, []), [])],
                Stamp with { ImportId = importId }, CancellationToken.None);
        }

        await ImportGAsync("320402", 9_000m, "imp-ties-1");
        Assert.That((await TieFactsAsync(graph, home, "after an import changed a tied company"))["G"].RegisteredCapital, Is.EqualTo(9_000m));
        await ImportGAsync("421303", 9_000m, "imp-ties-2");
        Assert.That((await TieFactsAsync(graph, home, "after an import moved a tied company home")).Keys, Does.Not.Contain("G"));
    }

    [Test]
    public async Task Home_tie_facts_of_a_list_follow_deletes_merges_memberships_and_the_home()
    {
        var graph = await DiscoveryGraph.BuildAsync(Store);
        var home = DiscoveryGraph.HomeCodes;
        Assert.That((await TieFactsAsync(graph, home, "as built"))["D"].Relations.Single().HomeCompanyId, Is.EqualTo(graph.Ids["H1"]));

        // Deleting the home company H1 takes D's relation with it; D stays tied through 上海随州商会.
        Assert.That((await Store.DeleteCompanyAsync(graph.Ids["H1"], 1, CancellationToken.None)).Status, Is.EqualTo(CompanyWriteStatus.Written));
        var afterDelete = await TieFactsAsync(graph, home, "after a home company was deleted");
        Assert.That(afterDelete["D"].Relations, Is.Empty);
        Assert.That(afterDelete["D"].Channels, Is.Not.Empty);

        // A home company without a USCC, supplied by A, merged into H4: A's relation then names H4.
        var h6 = (await Store.UpsertCompaniesAsync([Company("随州整车六厂", "421303", segment: "T1-VEH")], Stamp with { ImportId = "imp-ties-h6" }, CancellationToken.None))[0].CompanyId;
        await Store.SaveRelationsAsync([new CompanyRelation(graph.Ids["A"], h6, CompanyRelationKind.Supplies, null, "test")], CancellationToken.None);
        Assert.That((await TieFactsAsync(graph, home, "after a relation to a new home company"))["A"].Relations.Single().HomeCompanyId, Is.EqualTo(h6));
        var merged = await Store.MergeCompaniesAsync(graph.Ids["H4"], h6, MergeExpectation.None, EditAt, CancellationToken.None);
        Assert.That(merged.Missing, Is.Empty);
        Assert.That(merged.Decision?.Plan, Is.Not.Null, merged.Decision?.Detail);
        Assert.That((await TieFactsAsync(graph, home, "after a merge of a home company"))["A"].Relations.Single().HomeCompanyId, Is.EqualTo(graph.Ids["H4"]));

        Assert.That(await Store.SetMembershipStatusAsync(graph.Ids["C"], "T1-PART", MembershipStatus.Rejected, CancellationToken.None), Is.True);
        Assert.That((await TieFactsAsync(graph, home, "after C's only membership was rejected")).Keys, Does.Not.Contain("C"));

        // Another home profile (Jiangsu) has its own ties; a write made while it is read moves the first home's too.
        string[] jiangsu = ["320000"];
        var fromJiangsu = await TieFactsAsync(graph, jiangsu, "with Jiangsu as home");
        Assert.That(fromJiangsu.Keys, Does.Not.Contain("B").And.Not.Contain("G"), "Jiangsu companies are at home there");
        await Store.SaveRelationsAsync([new CompanyRelation(graph.Ids["F"], graph.Ids["H2"], CompanyRelationKind.InvestsIn, null, "test")], CancellationToken.None);
        Assert.That((await TieFactsAsync(graph, jiangsu, "with Jiangsu as home, after a relation")).Keys, Does.Not.Contain("F"), "F has no tie to Jiangsu");
        Assert.That((await TieFactsAsync(graph, home, "back to 随州, after a relation"))["F"].Relations.Single().Kind, Is.EqualTo(CompanyRelationKind.InvestsIn));
    }

    [Test]
    public async Task Home_tie_facts_of_a_database_from_before_the_kept_summaries_are_read_the_same()
    {
        var graph = await DiscoveryGraph.BuildAsync(Store);
        await Store.SaveRelationsAsync([new CompanyRelation(graph.Ids["P"], graph.Ids["H2"], CompanyRelationKind.Supplies, null, "test")], CancellationToken.None);
        var before = await TieFactsAsync(graph, DiscoveryGraph.HomeCodes, "kept");

        await ForgetTieSummariesAsync();
        var after = await TieFactsAsync(graph, DiscoveryGraph.HomeCodes, "none kept");
        var again = await TieFactsAsync(graph, DiscoveryGraph.HomeCodes, "kept again");

        Assert.That(after.Values.Select(DescribeFacts), Is.EqualTo(before.Values.Select(DescribeFacts)));
        Assert.That(again.Values.Select(DescribeFacts), Is.EqualTo(before.Values.Select(DescribeFacts)));
        Assert.That(after.Keys, Is.EquivalentTo(new[] { "B", "C", "D", "G", "P" }));
    }
}
