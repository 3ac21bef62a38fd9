using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Storage;

/// <summary>
/// The aggregates of target discovery (segment figures, place counts, candidate totals) checked against
/// counting every company, on companies spread over provinces, cities and counties, some in two
/// segments, some moved or re-valued after the first import.
/// </summary>
public abstract partial class StoreContract
{
    private static readonly string[] CountSegments = ["T1-RAW", "T1-PART", "T1-PART-PUMP", "T1-VEH", "T1-SVC"];

    // Counties, cities without a county, a province only, a county-level city under its province, and home counties.
    private static readonly string[] CountPlaces =
        ["320505", "320213", "320102", "320500", "320000", "310101", "330106", "420102", "420100", "429004", "421303", "421321", "421381"];

    private static readonly string[] CountyPlaces = CountPlaces.Where(p => !p.EndsWith("00", StringComparison.Ordinal)).ToArray();

    private static readonly IReadOnlyCollection<string>?[] CountScopes =
    [
        null,
        ["310000", "320000", "330000", "340000"],
        ["420000"],
        ["320500", "320102"],
        ["421300"],
        ["421303", "420000"],
        ["429004"],
        ["650000"],
    ];

    [Test]
    public async Task Discovery_aggregates_equal_a_count_of_every_company()
    {
        var companies = await BuildCountedCompaniesAsync();
        var home = DiscoveryGraph.HomeCodes;

        var stats = (await Store.GetSegmentStatsAsync("T1", home, CancellationToken.None)).ToDictionary(s => s.SegmentCode);
        foreach (var segment in CountSegments)
        {
            var members = companies.Where(c => c.Segments.Contains(segment)).ToList();
            var local = members.Where(c => c.IsIn(home)).ToList();
            Assert.That(stats[segment].Local.Companies, Is.EqualTo(local.Count), segment);
            Assert.That(stats[segment].Local.RegisteredCapital, Is.EqualTo(local.Sum(c => c.Capital)), segment);
            Assert.That(stats[segment].Elsewhere.Companies, Is.EqualTo(members.Count - local.Count), segment);
            Assert.That(stats[segment].Elsewhere.Strength, Is.EqualTo(members.Except(local).Sum(c => c.Strength)).Within(1e-6), segment);
        }

        foreach (var scope in CountScopes)
        {
            var places = await Store.CountSegmentPlacesAsync("T1", scope, home, CancellationToken.None);
            var expected = companies.Where(c => (scope is null || c.IsIn(scope)) && !c.IsIn(home))
                .SelectMany(c => c.Segments.Select(s => (Segment: s, c.Province, c.City, c.Capital)))
                .GroupBy(m => (m.Segment, m.Province, m.City))
                .Select(g => (g.Key.Segment, g.Key.Province, g.Key.City, g.Count(), g.Sum(m => m.Capital)));
            Assert.That(places.Select(p => (p.SegmentCode, p.ProvinceCode, p.CityCode, p.Companies, p.RegisteredCapital)),
                Is.EquivalentTo(expected), $"places in {Describe(scope)}");

            foreach (var segments in new[] { CountSegments, ["T1-PART", "T1-PART-PUMP"], ["T1-RAW"] })
            {
                var set = await Store.FindTargetCandidatesAsync(new TargetCandidateQuery(segments, scope, home, [], null, 0), CancellationToken.None);
                var total = companies.Count(c => c.Segments.Any(segments.Contains) && (scope is null || c.IsIn(scope)) && !c.IsIn(home));
                Assert.That(set.Total, Is.EqualTo(total), $"total of {string.Join('+', segments)} in {Describe(scope)}");
            }
        }
    }

    [Test]
    public async Task Target_candidates_leave_out_companies_below_a_minimum_strength_but_count_them()
    {
        var companies = await BuildCountedCompaniesAsync();
        var home = DiscoveryGraph.HomeCodes;
        var floor = companies.Select(c => c.Strength).Order().ElementAt(companies.Count / 2);

        var set = await Store.FindTargetCandidatesAsync(new TargetCandidateQuery(CountSegments, null, home, [], null, 1000, floor, CountTotal: true), CancellationToken.None);
        var uncounted = await Store.FindTargetCandidatesAsync(new TargetCandidateQuery(CountSegments, null, home, [], null, 1000, floor, CountTotal: false), CancellationToken.None);

        var expected = companies.Where(c => !c.IsIn(home) && c.Strength >= floor).SelectMany(c => c.Segments.Select(s => (s, c.Id)));
        Assert.That(set.Candidates.Select(c => (c.SegmentCode, c.CompanyId)), Is.EquivalentTo(expected));
        Assert.That(set.Total, Is.EqualTo(companies.Count(c => !c.IsIn(home))), "the total ignores the minimum strength");
        Assert.That(uncounted.Total, Is.Zero);
    }

    private static string Describe(IReadOnlyCollection<string>? scope) => scope is null ? "everywhere" : string.Join(',', scope);

    /// <summary>120 companies; then 20 move, 10 get a larger capital (and strength) and 10 join a second segment.</summary>
    private async Task<List<CountedCompany>> BuildCountedCompaniesAsync()
    {
        await Store.SaveRegionsAsync(TestData.Regions.All.ToList(), CancellationToken.None);
        await Store.SaveChainAsync(TestData.SmallChain(), CancellationToken.None);
        var random = new Random(2026);
        var rows = Enumerable.Range(0, 120).Select(i => new CountedCompany(
            i, $"计数企业{i:D3}", CountPlaces[random.Next(CountPlaces.Length)], random.Next(0, 50) * 1000m + 100,
            (random.Next(4) == 0 ? new[] { CountSegments[random.Next(5)], CountSegments[random.Next(5)] } : [CountSegments[random.Next(5)]]).Distinct().ToList())).ToList();
        await SaveCountedAsync(rows);

        for (var i = 0; i < 40; i++)
        {
            var row = rows[random.Next(rows.Count)];
            rows[row.Index] = (i % 4) switch
            {
                // Moves go to counties: an import never replaces a precise region by a coarser one that contains it.
                0 or 1 => row with { Region = CountyPlaces[random.Next(CountyPlaces.Length)] },
                2 => row with { Capital = row.Capital * 7 },
                _ => row with { Segments = row.Segments.Append(CountSegments[random.Next(5)]).Distinct().ToList() },
            };
        }

        await SaveCountedAsync(rows);
        return rows;
    }

    private async Task SaveCountedAsync(List<CountedCompany> rows)
    {
        var outcomes = await Store.UpsertCompaniesAsync(rows.Select(r => r.ToRecord()).ToList(), Stamp, CancellationToken.None);
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i] = rows[i] with { Id = outcomes[i].CompanyId };
        }
    }

    private sealed record CountedCompany(int Index, string Name, string Region, decimal Capital, IReadOnlyList<string> Segments)
    {
        public long Id { get; init; }

        public string Province => TestData.Regions.Place(Region).Province;

        public string? City => TestData.Regions.Place(Region).City;

        public double Strength => CompanyStrength.Score(Capital, null, null, null, []);

        public bool IsIn(IReadOnlyCollection<string> codes)
        {
            var (province, city, county) = TestData.Regions.Place(Region);
            return codes.Contains(province) || (city is not null && codes.Contains(city)) || (county is not null && codes.Contains(county));
        }

        public CompanyRecord ToRecord()
        {
            var (province, city, county) = TestData.Regions.Place(Region);

            // A USCC keeps the company the same company when it moves to another region.
            var uscc = Uscc.FromBody($"91320506MA{Index:D7}").Value;
            return new CompanyRecord(
                $"u:{uscc}", uscc, Name, ChainMap.Text.ChineseText.NormalizeCompanyName(Name), Region, province, city, county,
                Capital, null, null, null, null, [], null, null, Strength,
                Segments.Select(s => new SegmentMembership(s, "maker", 1.0, "count", "count.csv")).ToList());
        }
    }
}
