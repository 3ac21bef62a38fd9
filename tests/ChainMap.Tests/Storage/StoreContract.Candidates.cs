using ChainMap.Curation;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Storage;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Storage;

/// <summary>
/// Target candidates, segment statistics and place counts follow every write that changes a company or its memberships
/// (ADR 0250 and 0270: on Neo4j a candidate index and segment counts kept by each of them): after each write the
/// candidates of several scopes and filters, the chain's statistics and its place counts in several scopes equal those
/// worked out from the companies as stored (confirmed memberships, region, strength, tags, capital).
/// </summary>
public abstract partial class StoreContract
{
    private static readonly string[] CandidateSegments = ["T1-RAW", "T1-PART", "T1-PART-PUMP", "T1-VEH", "T1-SVC"];

    private static readonly (IReadOnlyCollection<string>? Scope, string[] Tags, decimal? MinCapital)[] CandidateLists =
    [
        (null, [], null),
        (["310000", "320000", "330000", "340000"], [], null),
        (["320000"], [], 1_000m),
        (["310000", "320000", "330000", "340000"], [], 1_000m),
        (["320500", "320102", "330106"], [], 1_000m),
        (["320000", "330106"], [], 1_000m),
        (null, [], 1_000m),
        (["320500", "320102", "330106"], [], null),
        (["320000", "330106"], [], null),
        (null, ["专精特新", "上市"], null),
    ];

    /// <summary>Rebuilds whatever the store keeps for target candidates from the companies alone (a database from before it).</summary>
    private protected virtual Task RebuildCandidateIndexAsync() => Task.CompletedTask;

    [Test]
    public async Task Target_candidates_and_segment_counts_follow_imports_edits_curation_reclassification_merges_and_deletes()
    {
        var graph = await DiscoveryGraph.BuildAsync(Store);
        var ids = graph.Ids.Values.ToList();
        await AssertCandidatesAsync(ids, "after the import");

        // An analyst moves A to Hangzhou (another province of the delta) and lowers its capital.
        var a = (await Store.GetCompanyForEditAsync(graph.Ids["A"], CancellationToken.None))!;
        var moved = CompanyEditing.Apply(a, new CompanyEdit { Region = new EditedRegion("330106", "330000", "330100", "330106"), RegisteredCapital = new Given<decimal?>(500m) }, "analyst");
        Assert.That((await Store.SaveCompanyEditAsync(moved.Company, a.Version, moved.RegionChanged, DateTimeOffset.UnixEpoch, CancellationToken.None)).Status, Is.EqualTo(CompanyWriteStatus.Written));
        await AssertCandidatesAsync(ids, "after an edit");

        // C's membership becomes unconfirmed (it leaves the lists); curation rejects F from 整车 and confirms G there.
        Assert.That(await Store.SetMembershipStatusAsync(graph.Ids["C"], "T1-PART", MembershipStatus.Unconfirmed, CancellationToken.None), Is.True);
        await AssertCandidatesAsync(ids, "after a status change");
        await Store.ApplyMembershipWritesAsync(
        [
            new MembershipWrite(graph.Ids["F"], "T1-VEH", null),
            new MembershipWrite(graph.Ids["G"], "T1-VEH", AnalystMembership("T1-VEH")),
        ], NoVersions, DateTimeOffset.UnixEpoch, "analyst", CancellationToken.None);
        await AssertCandidatesAsync(ids, "after curation");

        // The classifier puts P in 服务 (confirmed) and E in 部件 (unconfirmed).
        await Store.ReplaceClassifiedMembershipsAsync(
        [
            new ClassifiedMemberships(graph.Ids["P"], [Guess("T1-SVC", 0.9, MembershipStatus.Confirmed)]),
            new ClassifiedMemberships(graph.Ids["E"], [Guess("T1-PART", 0.5, MembershipStatus.Unconfirmed)]),
        ], CancellationToken.None);
        await AssertCandidatesAsync(ids, "after reclassification");

        // A branch without a USCC is imported and merged into A (its memberships move); D is deleted; an import changes
        // E's capital and region and adds a company.
        var branch = (await Store.UpsertCompaniesAsync([Company("苏州原料分厂", "320505", segment: "T1-PART-PUMP", capital: 60_000m)], Stamp with { ImportId = "imp-test-3" }, CancellationToken.None))[0].CompanyId;
        await AssertCandidatesAsync([.. ids, branch], "after an import of a branch");
        Assert.That((await Store.MergeCompaniesAsync(graph.Ids["A"], branch, MergeExpectation.None, DateTimeOffset.UnixEpoch, CancellationToken.None)).Merged, Is.True);
        var d = (await Store.GetCompanyForEditAsync(graph.Ids["D"], CancellationToken.None))!;
        Assert.That((await Store.DeleteCompanyAsync(d.Id, d.Version, CancellationToken.None)).Status, Is.EqualTo(CompanyWriteStatus.Written));
        var e = (await Store.GetCompanyAsync(graph.Ids["E"], CancellationToken.None))!;
        var place = TestData.Regions.Place("320505");
        var outcomes = await Store.UpsertCompaniesAsync(
        [
            new CompanyRecord("u:" + e.Uscc, e.Uscc, e.Name, ChainMap.Text.ChineseText.NormalizeCompanyName(e.Name), "320505", place.Province, place.City, place.County,
                90_000m, null, null, null, null, ["专精特新"], null, null, CompanyStrength.Score(90_000m, null, null, null, ["专精特新"]), []),
            Company("新来原料公司", "340104", segment: "T1-RAW", capital: 70_000m),
        ], Stamp with { ImportId = "imp-test-2" }, CancellationToken.None);
        ids = [.. ids.Where(id => id != graph.Ids["D"]), outcomes[1].CompanyId];
        await AssertCandidatesAsync(ids, "after a merge, a delete and a second import");

        await RebuildCandidateIndexAsync();
        await AssertCandidatesAsync(ids, "after the candidate index was built again from the companies");
    }

    /// <summary>The candidates of every list in <see cref="CandidateLists"/> equal those worked out from the stored companies.</summary>
    private async Task AssertCandidatesAsync(IReadOnlyList<long> ids, string when)
    {
        var companies = await Store.GetCompaniesAsync(ids, CancellationToken.None);
        var strengths = new Dictionary<long, double>();
        foreach (var id in ids)
        {
            strengths[id] = (await Store.GetCompanyForEditAsync(id, CancellationToken.None))!.Strength;
        }

        var home = RegionScope.Of(DiscoveryGraph.HomeCodes);
        foreach (var (scope, tags, minCapital) in CandidateLists)
        {
            var inScope = RegionScope.Of(scope);
            var matching = companies
                .Where(c => inScope.Contains(c.ProvinceCode, c.CityCode, c.CountyCode) && !home.Contains(c.ProvinceCode, c.CityCode, c.CountyCode))
                .Where(c => tags.Length == 0 || c.Tags.Any(tags.Contains))
                .Where(c => minCapital is null || c.RegisteredCapital >= minCapital)
                .SelectMany(c => c.Memberships.Where(m => m.IsConfirmed && CandidateSegments.Contains(m.SegmentCode)).Select(m => (Segment: m.SegmentCode, c.Id, Strength: strengths[c.Id])))
                .ToList();
            var expected = CandidateSegments
                .SelectMany(s => matching.Where(m => m.Segment == s).OrderByDescending(m => m.Strength).ThenBy(m => m.Id).Take(2))
                .ToList();

            var set = await Store.FindTargetCandidatesAsync(new TargetCandidateQuery(CandidateSegments, scope, DiscoveryGraph.HomeCodes, tags, minCapital, 2), CancellationToken.None);

            var list = $"{when}: {Describe(scope)}, tags {string.Join('/', tags)}, capital {minCapital}";
            Assert.That(set.Candidates.Select(c => (c.SegmentCode, c.CompanyId)), Is.EqualTo(expected.Select(m => (m.Segment, m.Id))), list);
            Assert.That(set.Candidates.Select(c => c.Strength), Is.EqualTo(expected.Select(m => m.Strength)).Within(1e-9), list);
            Assert.That(set.Total, Is.EqualTo(matching.Select(m => m.Id).Distinct().Count()), list);
        }

        await AssertSegmentCountsAsync(companies, strengths, when);
    }

    /// <summary>The statistics of chain T1 and its place counts in each scope of <see cref="CandidateLists"/> equal those worked out from the stored companies.</summary>
    private async Task AssertSegmentCountsAsync(IReadOnlyList<Company> companies, Dictionary<long, double> strengths, string when)
    {
        var home = RegionScope.Of(DiscoveryGraph.HomeCodes);
        var members = companies
            .SelectMany(c => c.Memberships.Where(m => m.IsConfirmed && m.SegmentCode.StartsWith("T1-", StringComparison.Ordinal)).Select(m => (Segment: m.SegmentCode, Company: c)))
            .ToList();
        var stats = (await Store.GetSegmentStatsAsync("T1", DiscoveryGraph.HomeCodes, CancellationToken.None)).ToDictionary(s => s.SegmentCode);
        Assert.That(stats.Keys, Is.EquivalentTo(members.Select(m => m.Segment).Distinct()), $"{when}: segments with statistics");
        foreach (var group in members.GroupBy(m => m.Segment))
        {
            foreach (var (local, figures) in new[] { (true, stats[group.Key].Local), (false, stats[group.Key].Elsewhere) })
            {
                var part = group.Where(m => home.Contains(m.Company.ProvinceCode, m.Company.CityCode, m.Company.CountyCode) == local).ToList();
                var what = $"{when}: {group.Key} {(local ? "at home" : "elsewhere")}";
                Assert.That(figures.Companies, Is.EqualTo(part.Count), what);
                Assert.That((double)figures.RegisteredCapital, Is.EqualTo(part.Sum(m => (double)(m.Company.RegisteredCapital ?? 0m))).Within(1e-6), what);
                Assert.That(figures.Strength, Is.EqualTo(part.Sum(m => strengths[m.Company.Id])).Within(1e-9), what);
            }
        }

        foreach (var (scope, _, _) in CandidateLists.DistinctBy(l => Describe(l.Scope)))
        {
            var inScope = RegionScope.Of(scope);
            var expected = members
                .Where(m => inScope.Contains(m.Company.ProvinceCode, m.Company.CityCode, m.Company.CountyCode) && !home.Contains(m.Company.ProvinceCode, m.Company.CityCode, m.Company.CountyCode))
                .GroupBy(m => (m.Segment, m.Company.ProvinceCode, City: m.Company.CityCode == m.Company.ProvinceCode ? null : m.Company.CityCode))
                .Select(g => (g.Key.Segment, g.Key.ProvinceCode, g.Key.City, g.Count(), Math.Round(g.Sum(m => m.Company.RegisteredCapital ?? 0m), 2)))
                .Order()
                .ToList();
            var places = (await Store.CountSegmentPlacesAsync("T1", scope, DiscoveryGraph.HomeCodes, CancellationToken.None))
                .Select(p => (p.SegmentCode, p.ProvinceCode, p.CityCode, p.Companies, Math.Round(p.RegisteredCapital, 2)))
                .Order()
                .ToList();
            Assert.That(places, Is.EqualTo(expected), $"{when}: place counts in {Describe(scope)}");
        }
    }
}
