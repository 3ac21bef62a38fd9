using System.Text.Json;
using ChainMap.Curation;
using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Storage;

/// <summary>
/// What a ranking reads of a list (ADR 0490): a group's candidates with the companies it needs
/// (<see cref="IDiscoveryStore.FindTargetCandidatesWithCompaniesAsync"/>, on Neo4j one request) are the candidates of
/// <see cref="IDiscoveryStore.FindTargetCandidatesAsync"/> and the companies of <see cref="IDiscoveryStore.GetCompaniesAsync"/>, every
/// field as <see cref="ICompanyStore.GetCompanyAsync"/> gives it; and a list's total (kept on Neo4j) follows the writes.
/// </summary>
public abstract partial class StoreContract
{
    [Test]
    public async Task A_ranking_groups_candidates_come_with_the_companies_it_needs_every_field_as_stored()
    {
        var graph = await DiscoveryGraph.BuildAsync(Store);

        // C with every field a company holds (G's second membership makes it a candidate of two segments).
        var c = (await Store.GetCompanyAsync(graph.Ids["C"], CancellationToken.None))!;
        var place = TestData.Regions.Place(c.RegionCode);
        await Store.UpsertCompaniesAsync(
            [new CompanyRecord("u:" + c.Uscc, c.Uscc, c.Name, ChainMap.Text.ChineseText.NormalizeCompanyName(c.Name), c.RegionCode, place.Province, place.City, place.County,
                30_000m, new DateOnly(2004, 8, 11), 1_200, 56_000m, "600001", ["专精特新", "上市"], "液压泵、齿轮泵", "南京市玄武区一号", 40, [], "C3444", "液压泵制造")],
            Stamp with { ImportId = "imp-reads" }, CancellationToken.None);
        await Store.ApplyMembershipWritesAsync(
            [new MembershipWrite(graph.Ids["G"], "T1-VEH", AnalystMembership("T1-VEH"))], NoVersions, DateTimeOffset.UnixEpoch, "analyst", CancellationToken.None);

        foreach (var (scope, tags, minCapital) in CandidateLists)
        {
            var list = $"{Describe(scope)}, tags {string.Join('/', tags)}, capital {minCapital}";
            var query = new TargetCandidateQuery(CandidateSegments, scope, DiscoveryGraph.HomeCodes, tags, minCapital, 2, CountTotal: false);
            var alone = await Store.FindTargetCandidatesAsync(query, CancellationToken.None);
            var held = alone.Candidates.Take(1).Select(x => x.CompanyId).ToHashSet();
            long[] besides = [graph.Ids["E"], graph.Ids["Q"], graph.Ids["C"], .. held];

            var read = await Store.FindTargetCandidatesWithCompaniesAsync(query, besides, held, CancellationToken.None);

            Assert.That(read.Candidates.Candidates, Is.EqualTo(alone.Candidates), list);
            var expected = alone.Candidates.Select(x => x.CompanyId).Concat(besides).Where(id => !held.Contains(id)).Distinct().Order().ToList();
            Assert.That(read.Companies.Select(x => x.Id).Order(), Is.EqualTo(expected), list);
            foreach (var company in read.Companies)
            {
                Assert.That(JsonSerializer.Serialize(company), Is.EqualTo(JsonSerializer.Serialize(await Store.GetCompanyAsync(company.Id, CancellationToken.None))), list);
            }
        }

        var listed = (await Store.GetCompaniesAsync([graph.Ids["C"], graph.Ids["G"]], CancellationToken.None)).ToDictionary(x => x.Id);
        Assert.That(listed[graph.Ids["C"]].Founded, Is.EqualTo(new DateOnly(2004, 8, 11)));
        Assert.That(listed[graph.Ids["C"]].Scope, Is.EqualTo("液压泵制造"));
        Assert.That(listed[graph.Ids["G"]].Memberships.Select(m => m.SegmentCode), Is.EquivalentTo(new[] { "T1-PART-PUMP", "T1-VEH" }));
    }

    [Test]
    public async Task A_lists_total_follows_writes_to_its_segments_and_not_to_others()
    {
        var graph = await DiscoveryGraph.BuildAsync(Store);
        string[] parts = ["T1-PART", "T1-PART-PUMP"];
        async Task<long> TotalAsync() =>
            (await Store.FindTargetCandidatesAsync(new TargetCandidateQuery(parts, YangtzeDelta, DiscoveryGraph.HomeCodes, [], null, 0), CancellationToken.None)).Total;

        Assert.That(await TotalAsync(), Is.EqualTo(3), "C, P, G");
        Assert.That(await TotalAsync(), Is.EqualTo(3), "asked again");

        // A raw-material maker joins 部件 (a write to another segment first: the total does not move).
        await Store.UpsertCompaniesAsync([Company("杭州原料公司", "330106", segment: "T1-RAW", capital: 500m)], Stamp with { ImportId = "imp-total-1" }, CancellationToken.None);
        Assert.That(await TotalAsync(), Is.EqualTo(3), "after an import into 原料");
        await Store.ApplyMembershipWritesAsync(
            [new MembershipWrite(graph.Ids["A"], "T1-PART", AnalystMembership("T1-PART"))], NoVersions, DateTimeOffset.UnixEpoch, "analyst", CancellationToken.None);
        Assert.That(await TotalAsync(), Is.EqualTo(4), "after A joined 部件");

        // G joins 部件 too: one company in both listed segments counts once.
        await Store.ApplyMembershipWritesAsync(
            [new MembershipWrite(graph.Ids["G"], "T1-PART", AnalystMembership("T1-PART"))], NoVersions, DateTimeOffset.UnixEpoch, "analyst", CancellationToken.None);
        Assert.That(await TotalAsync(), Is.EqualTo(4), "after G joined 部件 beside 液压泵");

        // P moves home, C is deleted.
        var zengdu = TestData.Regions.Place("421303");
        await EditAsync(graph.Ids["P"], new CompanyEdit { Region = new EditedRegion("421303", zengdu.Province, zengdu.City, zengdu.County) });
        Assert.That(await TotalAsync(), Is.EqualTo(3), "after P moved home");
        var stored = (await Store.GetCompanyForEditAsync(graph.Ids["C"], CancellationToken.None))!;
        Assert.That((await Store.DeleteCompanyAsync(stored.Id, stored.Version, CancellationToken.None)).Status, Is.EqualTo(CompanyWriteStatus.Written));
        Assert.That(await TotalAsync(), Is.EqualTo(2), "after C was deleted");
    }
}
