using System.Globalization;
using ChainMap.Domain;
using ChainMap.Regions;
using ChainMap.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChainMap.Discovery;

/// <summary>
/// What a target list asks for, already resolved: the chains searched, the segment codes (null: all of
/// those chains; a parent stands for its sub-segments too, expanded by the caller), the region codes
/// (null: everywhere), any-of tags, minimum registered capital (万元), paging, and how many
/// introduction paths to return per target. <see cref="RegionLabel"/> names the region in reasons.
/// </summary>
internal sealed record TargetFilter(
    IReadOnlyList<ChainDefinition> Chains,
    IReadOnlyCollection<string>? SegmentCodes,
    IReadOnlyCollection<string>? RegionCodes,
    string RegionLabel,
    IReadOnlyList<string> Tags,
    decimal? MinCapital,
    int Page,
    int PageSize,
    int Paths);

/// <summary>A ranked target with everything needed to show why.</summary>
internal sealed record Target(
    int Rank,
    Company Company,
    ChainDefinition Chain,
    SegmentGap Gap,
    ScoreParts Score,
    IReadOnlyList<string> Reasons,
    HomeTiedCompany? Ties,
    IReadOnlyList<DescribedPath> Paths);

/// <summary>One page of ranked targets; <see cref="Reason"/> says why the page is empty, when it is; <see cref="Freshness"/> how fresh the gap ratings and home ties behind it are.</summary>
internal sealed record TargetPage(IReadOnlyList<Target> Items, int Page, int PageSize, long Total, string? Reason)
{
    public DataFreshness? Freshness { get; init; }
}

/// <summary>Companies of a segment in one province or city.</summary>
internal sealed record PlaceCount(string Code, int Companies);

/// <summary>One segment of an investment map: its gap, its best targets, and where its companies are.</summary>
internal sealed record MapSegment(SegmentGap Gap, long Candidates, IReadOnlyList<Target> TopTargets, IReadOnlyList<PlaceCount> Provinces, IReadOnlyList<PlaceCount> Cities);

/// <summary>The investment map (招商图谱) of one chain.</summary>
internal sealed record InvestmentMap(ChainGaps Gaps, HomeRegion Home, IReadOnlyList<MapSegment> Segments)
{
    /// <summary>How fresh the gap ratings, home ties and place counts behind the map are.</summary>
    public DataFreshness? Freshness { get; init; }
}

/// <summary>
/// Target discovery: gap analysis per chain, ranked target lists with reasons and introduction paths,
/// and the investment map. The store pre-filters; ranking and wording happen here.
/// </summary>
internal sealed partial class DiscoveryService(
    IDiscoveryStore store, RegionDirectory regions, DiscoveryCache cache, DiscoverySnapshots snapshots, TimeProvider time, IOptions<DiscoveryOptions> options,
    ILogger<DiscoveryService> logger)
    : IDisposable
{
    /// <summary>Introduction paths are at most this many steps long.</summary>
    public const int MaxHops = 3;

    /// <summary>Paging reaches at most this many targets deep (page × page size).</summary>
    public const int MaxDepth = 10_000;

    public async Task<ChainGaps> AnalyseAsync(ChainDefinition chain, CancellationToken cancellationToken)
    {
        var home = await regions.GetHomeAsync(cancellationToken);
        return await cache.GetGapsAsync(chain, home, cancellationToken);
    }

    public Task<TargetPage> FindTargetsAsync(TargetFilter filter, CancellationToken cancellationToken) =>
        FindTargetsAsync(filter, rankAhead: true, cancellationToken);

    /// <summary>One page of a ranked target list; the warm-up's (<paramref name="rankAhead"/> false) is always built, never a kept answer.</summary>
    /// <param name="filter">The list and page.</param>
    /// <param name="rankAhead">After a first page, rank the list deeper in the background (ADR 0220); the warm-up does not.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<TargetPage> FindTargetsAsync(TargetFilter filter, bool rankAhead, CancellationToken cancellationToken) =>
        FindTargetsAsync(filter, rankAhead, serveKept: rankAhead, cancellationToken);

    /// <summary>
    /// One page of a ranked target list. When the entries it needs have never been read (the first request after a start)
    /// and <paramref name="serveKept"/>, the first page kept in the store is the answer (ADR 0295), with its freshness, while
    /// the list is built in the background (and kept again).
    /// </summary>
    private async Task<TargetPage> FindTargetsAsync(TargetFilter filter, bool rankAhead, bool serveKept, CancellationToken cancellationToken)
    {
        // Read before anything the ranking uses: a write noted later makes what is ranked now out of date.
        var generation = cache.Generation;
        var home = await regions.GetHomeAsync(cancellationToken);
        var mark = await MarkAsync(cancellationToken);
        if (serveKept && mark is not null && filter.Page == 1 && !cache.HasEntries(filter.Chains, home)
            && await ReadKeptAsync(() => snapshots.ReadPageAsync(filter, home, cancellationToken)) is { } kept)
        {
            // Ranked ahead as a request would be (its next pages built in the background): a list first answered from the
            // kept page is then ranked again only when a write is noted, and its page 2 must not wait for a deeper ranking.
            Rebuild(DiscoverySnapshots.PageKey(filter, home), () => FindTargetsAsync(filter, rankAhead, serveKept: false, CancellationToken.None));
            return kept;
        }

        var homeCodes = DiscoveryCache.HomeCodes(home);
        var homeName = HomeName(home);
        var note = new FreshnessNote();

        // The home ties need neither the gaps nor the query: read beside the statistics (ADR 0415), not after them.
        var tiesRead = cache.GetHomeTiesAsync(home, filter.Chains, note, cancellationToken);
        var gaps = new Dictionary<string, (ChainDefinition Chain, SegmentGap Gap)>(StringComparer.Ordinal);
        var analyses = new List<ChainGaps>(filter.Chains.Count);
        foreach (var chain in filter.Chains)
        {
            var analysis = await cache.GetGapsAsync(chain, home, note, cancellationToken);
            analyses.Add(analysis);
            foreach (var gap in analysis.Segments)
            {
                gaps[gap.Segment.Code] = (chain, gap);
            }
        }

        var segments = (filter.SegmentCodes ?? gaps.Keys).Where(gaps.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
        var depth = filter.Page * filter.PageSize;
        var query = CandidateFilter.For(filter, homeCodes).ToQuery(segments, depth);
        var ties = await tiesRead;
        var pageKey = new BuiltPageKey((filter.Page - 1) * filter.PageSize, filter.PageSize, filter.Paths, home);
        var list = segments.Count > 0
            ? await GetRankedAsync(query, new RankingBasis(ties, analyses, generation), gaps, pageKey, rankAhead, cancellationToken)
            : RankedList.None;
        // The ranking kept for this list, or one ranked ahead of it on the same basis that has replaced it meanwhile (a small
        // list is ranked ahead within milliseconds): either way the page is built from current entries, and is kept.
        var keptRanking = rankings.GetValueOrDefault(RankingKey(query)) is { } keptNow && (ReferenceEquals(keptNow, list) || keptNow.Basis.Same(list.Basis));
        var items = await list.PageAsync(pageKey, keptRanking, token => BuildPageAsync(list, pageKey, ties, gaps, token), cancellationToken);

        string? reason = null;
        if (items.Count == 0)
        {
            reason = await ExplainEmptyAsync(filter, query, list.Total, homeName, cancellationToken);
        }

        var page = new TargetPage(items, filter.Page, filter.PageSize, list.Total, reason) { Freshness = note.Result(time.GetUtcNow()) };
        if (mark is { } current && keptRanking && filter.Page == 1 && cache.Generation == generation)
        {
            snapshots.KeepPage(filter, home, page, current);
        }

        return page;
    }

    /// <summary>
    /// The investment map of a chain: the kept one while what it was built from is current (ADR 0275), else built
    /// now and kept. Its freshness is worked out per request from the entries used.
    /// </summary>
    public Task<InvestmentMap> BuildMapAsync(ChainDefinition chain, IReadOnlyCollection<string>? regionCodes, int top, int paths, CancellationToken cancellationToken) =>
        BuildMapAsync(chain, regionCodes, top, paths, serveKept: true, cancellationToken);

    /// <summary>
    /// The investment map; when the entries it needs have never been read (the first request after a start) and
    /// <paramref name="serveKept"/>, the map kept in the store is the answer (ADR 0295), with its freshness, while the map
    /// is built in the background (and kept again).
    /// </summary>
    public async Task<InvestmentMap> BuildMapAsync(
        ChainDefinition chain, IReadOnlyCollection<string>? regionCodes, int top, int paths, bool serveKept, CancellationToken cancellationToken)
    {
        // Read before anything the map uses: a write noted later makes what is built now out of date.
        var generation = cache.Generation;
        var home = await regions.GetHomeAsync(cancellationToken);
        var mark = await MarkAsync(cancellationToken);
        if (serveKept && mark is not null && (!cache.HasEntries([chain], home) || !cache.HasPlaces(chain, home, regionCodes))
            && await ReadKeptAsync(() => snapshots.ReadMapAsync(chain, home, regionCodes, top, paths, cancellationToken)) is { } keptAnswer)
        {
            Rebuild(DiscoverySnapshots.MapKey(chain, home, regionCodes, top, paths), () => BuildMapAsync(chain, regionCodes, top, paths, serveKept: false, CancellationToken.None));
            return keptAnswer;
        }

        var note = new FreshnessNote();

        // Three reads that need nothing of each other, side by side (ADR 0415).
        var analysisRead = cache.GetGapsAsync(chain, home, note, cancellationToken);
        var tiesRead = cache.GetHomeTiesAsync(home, [chain], note, cancellationToken);
        var placesRead = cache.GetPlacesAsync(chain, home, regionCodes, note, cancellationToken);
        var analysis = await analysisRead;
        var ties = await tiesRead;
        var places = await placesRead;
        var basis = new MapBasis(analysis, ties, places, home, generation);
        var key = MapKey(chain, regionCodes, top, paths);
        if (options.Value.CacheSeconds > 0 && keptMaps.TryGetValue(key, out var kept) && kept.Basis.Same(basis))
        {
            return kept.Map with { Freshness = note.Result(time.GetUtcNow()) };
        }

        var map = await BuildMapAsync(chain, regionCodes, top, paths, basis, cancellationToken);
        if (options.Value.CacheSeconds > 0)
        {
            KeepMap(key, new KeptMap(basis, map));
        }

        var answer = map with { Freshness = note.Result(time.GetUtcNow()) };
        if (mark is { } current && options.Value.CacheSeconds > 0 && cache.Generation == generation)
        {
            snapshots.KeepMap(chain, home, regionCodes, top, paths, answer, current);
        }

        return answer;
    }

    private async Task<InvestmentMap> BuildMapAsync(ChainDefinition chain, IReadOnlyCollection<string>? regionCodes, int top, int paths, MapBasis basis, CancellationToken cancellationToken)
    {
        var (analysis, ties, places, home, _) = basis;
        var homeCodes = DiscoveryCache.HomeCodes(home);
        var gaps = analysis.Segments.ToDictionary(g => g.Segment.Code, g => (Chain: chain, Gap: g), StringComparer.Ordinal);
        var codes = chain.Segments.Select(s => s.Code).ToList();
        var tree = new SegmentTree(chain.Segments);
        var details = new Dictionary<long, Company>();
        var fits = new Dictionary<(long Id, string Segment), double>();

        // Each segment's top list must hold everything that can reach it: a segment whose read stopped at the
        // limit is read deeper while a company left out could still score at least as much (fit, ties by name).
        var perSegment = analysis.Segments.Select(g => (Gap: g, Codes: tree.SelfAndDescendants(g.Segment.Code), Top: new List<Ranked>())).ToList();
        for (var per = top; top > 0; per *= 4)
        {
            var filter = new CandidateFilter(RegionScope.Of(regionCodes), RegionScope.Of(homeCodes), [], null, null);
            var query = filter.ToQuery(codes, per, countTotal: false);
            var bounds = new Dictionary<string, double>(StringComparer.Ordinal);
            var offers = new List<Offer>();
            foreach (var code in codes)
            {
                var (tied, tiedBound) = TiedOffers(code, ties, filter, per, null, gaps[code].Gap.Priority);
                offers.AddRange(tied);
                AddBound(bounds, code, tiedBound);
            }

            var read = await store.FindTargetCandidatesWithCompaniesAsync(query, offers.Select(o => o.CompanyId).ToList(), details.Keys.ToHashSet(), cancellationToken);
            Hold(read.Companies, details);
            AddStoreOffers(read.Candidates, per, gaps, offers, bounds);
            await LoadDetailsAsync(offers, details, cancellationToken);
            perSegment.Clear();
            var complete = true;
            foreach (var gap in analysis.Segments)
            {
                var own = tree.SelfAndDescendants(gap.Segment.Code);
                var rankedHere = Rank(offers.Where(o => own.Contains(o.SegmentCode)), ties, gaps, details, fits);
                perSegment.Add((gap, own, rankedHere.Take(top).ToList()));
                var cutoff = rankedHere.Count >= top ? rankedHere[top - 1].Total - 0.01 : double.NegativeInfinity;
                complete &= bounds.Where(b => own.Contains(b.Key)).All(b => b.Value < cutoff);
            }

            if (complete)
            {
                break;
            }
        }

        var all = perSegment.SelectMany(p => p.Top).DistinctBy(r => r.CompanyId).ToList();
        var built = (await BuildTargetsAsync(all, false, null, 0, ties, gaps, details, home, paths, cancellationToken)).ToDictionary(t => t.Company.Id);
        var result = new List<MapSegment>();
        foreach (var (gap, own, top3) in perSegment)
        {
            var mine = places.Where(p => own.Contains(p.SegmentCode)).ToList();
            var provinces = mine.GroupBy(p => p.ProvinceCode).Select(g => new PlaceCount(g.Key, g.Sum(p => p.Companies)))
                .OrderByDescending(p => p.Companies).ThenBy(p => p.Code, StringComparer.Ordinal).Take(10).ToList();
            var cities = mine.Where(p => p.CityCode is not null).GroupBy(p => p.CityCode!).Select(g => new PlaceCount(g.Key, g.Sum(p => p.Companies)))
                .OrderByDescending(p => p.Companies).ThenBy(p => p.Code, StringComparer.Ordinal).Take(10).ToList();
            var targets = top3.Select((r, i) => built.TryGetValue(r.CompanyId, out var t) ? t with { Rank = i + 1, Gap = r.Gap, Score = r.Score } : null)
                .OfType<Target>().ToList();
            result.Add(new MapSegment(gap, mine.Sum(p => p.Companies), targets, provinces, cities));
        }

        return new InvestmentMap(analysis, home, result);
    }

    /// <summary>
    /// The best <see cref="TargetCandidateQuery.PerSegment"/> targets (ADR 0024, 0140). Segments are read one gap
    /// priority at a time, highest first; once a full list is at hand, only companies that can still beat
    /// its last place are read: tied companies from the index while their points can, and from the store
    /// only those strong enough, so segments that cannot reach the page are skipped. A segment whose read
    /// stopped at the limit is read deeper while a company left out could still reach the last place: the
    /// fit weighting and the tie rule (strength, evidence, name) are not the store's order.
    /// </summary>
    private async Task<List<Ranked>> RankTopAsync(
        TargetCandidateQuery query, HomeTieIndex ties, Dictionary<string, (ChainDefinition Chain, SegmentGap Gap)> gaps,
        Dictionary<long, Company> details, CancellationToken cancellationToken)
    {
        var fits = new Dictionary<(long Id, string Segment), double>();
        var depth = query.PerSegment;
        var offers = new List<Offer>();
        var ranked = new List<Ranked>();
        var filter = CandidateFilter.Of(query);
        foreach (var group in query.SegmentCodes.Distinct(StringComparer.Ordinal).GroupBy(s => gaps[s].Gap.Priority).OrderByDescending(g => g.Key))
        {
            // The score to beat (0.01 lower for rounding); null while the list is not full.
            double? bar = ranked.Count >= depth ? ranked[depth - 1].Total - 0.01 : null;
            var floor = bar is { } b ? (b - group.Key) / TargetScoring.StrengthFactor : (double?)null;
            for (var per = depth; ; per *= 4)
            {
                var deeper = query with { PerSegment = per };
                var groupOffers = new List<Offer>();
                var bounds = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var segment in group)
                {
                    var (tied, tiedBound) = TiedOffers(segment, ties, filter, per, bar - group.Key, group.Key);
                    groupOffers.AddRange(tied);
                    AddBound(bounds, segment, tiedBound);
                }

                if (floor is null or <= CompanyStrengthMax)
                {
                    // The group's companies come with its candidates (ADR 0490), the tied ones' too.
                    var read = await store.FindTargetCandidatesWithCompaniesAsync(
                        deeper with { SegmentCodes = group.ToList(), MinStrength = floor, CountTotal = false },
                        groupOffers.Select(o => o.CompanyId).ToList(), details.Keys.ToHashSet(), cancellationToken);
                    Hold(read.Companies, details);
                    AddStoreOffers(read.Candidates, per, gaps, groupOffers, bounds);
                }

                if (groupOffers.Count == 0)
                {
                    break;
                }

                var all = offers.Concat(groupOffers).ToList();
                await LoadDetailsAsync(all, details, cancellationToken);
                var candidate = Rank(all, ties, gaps, details, fits);
                var cutoff = candidate.Count >= depth ? candidate[depth - 1].Total - 0.01 : double.NegativeInfinity;
                if (bounds.Values.All(v => v < cutoff))
                {
                    offers = all;
                    ranked = candidate;
                    break;
                }
            }
        }

        return ranked.Take(depth).ToList();
    }

    /// <summary>Store candidates as offers; a segment that returned <paramref name="limit"/> rows may have more, up to gap priority + its last strength × 0.3.</summary>
    private static void AddStoreOffers(
        TargetCandidateSet set, int limit, Dictionary<string, (ChainDefinition Chain, SegmentGap Gap)> gaps, List<Offer> offers, Dictionary<string, double> bounds)
    {
        foreach (var bySegment in set.Candidates.GroupBy(c => c.SegmentCode, StringComparer.Ordinal))
        {
            var count = 0;
            var last = 0.0;
            foreach (var c in bySegment)
            {
                offers.Add(new Offer(c.CompanyId, c.SegmentCode, c.Strength));
                count++;
                last = c.Strength;
            }

            if (count >= limit && gaps.TryGetValue(bySegment.Key, out var g))
            {
                AddBound(bounds, bySegment.Key, g.Gap.Priority + (last * TargetScoring.StrengthFactor));
            }
        }
    }

    private static void AddBound(Dictionary<string, double> bounds, string segment, double? bound)
    {
        if (bound is { } value)
        {
            bounds[segment] = Math.Max(value, bounds.GetValueOrDefault(segment, double.NegativeInfinity));
        }
    }

    private static void Hold(IEnumerable<Company> companies, Dictionary<long, Company> details)
    {
        foreach (var company in companies)
        {
            details[company.Id] = company;
        }
    }

    /// <summary>Loads the companies of the offers not yet loaded: their memberships (fit) and fields (tie rule).</summary>
    private async Task LoadDetailsAsync(IEnumerable<Offer> offers, Dictionary<long, Company> details, CancellationToken cancellationToken)
    {
        var missing = offers.Select(o => o.CompanyId).Where(id => !details.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        Hold(await store.GetCompaniesAsync(missing, cancellationToken), details);
    }

    /// <summary>
    /// The best <paramref name="perSegment"/> tied companies of a segment that match the filter,
    /// stopping at the first whose points (without the gap part) are below <paramref name="minPoints"/>; the bound
    /// is the most a tied company left out by the count could score (null when none was).
    /// </summary>
    private static (List<Offer> Offers, double? Bound) TiedOffers(
        string segment, HomeTieIndex ties, CandidateFilter filter, int perSegment, double? minPoints, double gapPriority)
    {
        var offers = new List<Offer>();
        foreach (var tied in ties.InSegment(segment))
        {
            if (tied.Points < minPoints)
            {
                break;
            }

            if (!filter.Matches(tied.Company))
            {
                continue;
            }

            if (offers.Count >= perSegment)
            {
                return (offers, gapPriority + tied.Points);
            }

            offers.Add(new Offer(tied.Company.CompanyId, segment, tied.Company.Strength));
        }

        return (offers, null);
    }

    /// <summary>
    /// Scores each offered company for its segment of highest gap part (gap priority weighted by fit) and sorts by
    /// <see cref="RankOrder"/>. Offers of companies not found in <paramref name="details"/> are left out.
    /// </summary>
    private static List<Ranked> Rank(
        IEnumerable<Offer> offers, HomeTieIndex ties, Dictionary<string, (ChainDefinition Chain, SegmentGap Gap)> gaps, Dictionary<long, Company> details,
        Dictionary<(long Id, string Segment), double> fits)
    {
        var best = new Dictionary<long, (SegmentGap Gap, double Part, double Strength)>();
        var chainOf = ChainOf(gaps);
        foreach (var (id, segment, strength) in offers)
        {
            if (!gaps.TryGetValue(segment, out var g) || !details.TryGetValue(id, out var company))
            {
                continue;
            }

            if (!fits.TryGetValue((id, segment), out var fit))
            {
                fit = TargetScoring.FitOf(company, g.Gap.Segment, chainOf).Value;
                fits[(id, segment)] = fit;
            }

            var part = TargetScoring.GapPart(g.Gap.Priority, fit);
            if (!best.TryGetValue(id, out var current) || part > current.Part
                || (part == current.Part && string.CompareOrdinal(segment, current.Gap.Segment.Code) < 0))
            {
                best[id] = (g.Gap, part, strength);
            }
        }

        var ranked = best.Select(p =>
        {
            var company = details[p.Key];
            return new Ranked(p.Key, p.Value.Gap, ties.Score(p.Key, p.Value.Part, p.Value.Strength), p.Value.Strength,
                TargetScoring.Signals(company), company.Name);
        }).ToList();
        ranked.Sort(RankOrder);
        return ranked;
    }

    /// <summary>Builds one page of a ranked list: its slice, reasons (with the tie reason against the target ranked just before) and introduction paths.</summary>
    private Task<List<Target>> BuildPageAsync(
        RankedList list, BuiltPageKey page, HomeTieIndex ties, Dictionary<string, (ChainDefinition Chain, SegmentGap Gap)> gaps, CancellationToken cancellationToken)
    {
        var ranked = list.Ranked;
        var slice = ranked.Skip(page.Offset).Take(page.PageSize).ToList();
        var before = page.Offset > 0 && page.Offset <= ranked.Count ? ranked[page.Offset - 1] : null;
        return BuildTargetsAsync(slice, true, before, page.Offset, ties, gaps, list.Details, page.Home, page.Paths, cancellationToken);
    }

    private async Task<List<Target>> BuildTargetsAsync(
        IReadOnlyList<Ranked> ranked, bool tieReasons, Ranked? before, int rankOffset, HomeTieIndex ties,
        Dictionary<string, (ChainDefinition Chain, SegmentGap Gap)> gaps, IReadOnlyDictionary<long, Company> details, HomeRegion home, int paths, CancellationToken cancellationToken)
    {
        if (ranked.Count == 0)
        {
            return [];
        }

        var ids = ranked.Select(r => r.CompanyId).ToList();
        // The companies not loaded by the ranking and the ties as the reasons name them (ADR 0385) are read beside the paths.
        var companiesRead = store.GetCompaniesAsync(ids.Where(id => !details.ContainsKey(id)).ToList(), cancellationToken);
        var tiesRead = ties.FindAsync(ids, cancellationToken);
        var found = await FindPathsAsync(ids, ties, home, paths, cancellationToken);
        await Task.WhenAll(companiesRead, tiesRead);
        var companies = (await companiesRead).ToDictionary(c => c.Id);
        var tied = await tiesRead;
        foreach (var id in ids)
        {
            if (details.TryGetValue(id, out var known))
            {
                companies[id] = known;
            }
        }

        var homeName = HomeName(home);
        var chainOf = ChainOf(gaps);
        var targets = new List<Target>(ranked.Count);
        var rank = rankOffset;
        foreach (var r in ranked)
        {
            rank++;
            if (!companies.TryGetValue(r.CompanyId, out var company))
            {
                continue;
            }

            var tie = tied.GetValueOrDefault(r.CompanyId);
            var described = (found.GetValueOrDefault(r.CompanyId) ?? []).Select(p => PathDescriptions.Describe(p, homeName)).ToList();
            var reasons = TargetScoring.Reasons(company, r.Gap, r.Score, tie, homeName, chainOf).ToList();
            if (described.Count > 0)
            {
                reasons.Add($"最佳引荐路径：{described[0].Summary}。");
            }

            if (tieReasons && before is not null && TieReason(before, r, rank - 1) is { } tieReason)
            {
                reasons.Add(tieReason);
            }

            before = r;

            targets.Add(new Target(rank, company, gaps[r.Gap.Segment.Code].Chain, r.Gap, r.Score, reasons, tie, described));
        }

        return targets;
    }

    /// <summary>Introduction paths per target: those kept in the tie index, the rest from the store (then kept).</summary>
    private async Task<Dictionary<long, IReadOnlyList<IntroductionPath>>> FindPathsAsync(
        IReadOnlyList<long> ids, HomeTieIndex ties, HomeRegion home, int paths, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, IReadOnlyList<IntroductionPath>>();
        if (paths <= 0)
        {
            return result;
        }

        var missing = new List<long>();
        foreach (var id in ids.Distinct())
        {
            if (ties.TryGetPaths(id, MaxHops, paths, out var kept))
            {
                result[id] = kept;
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count > 0)
        {
            var found = (await store.FindIntroductionPathsAsync(missing, DiscoveryCache.HomeCodes(home), MaxHops, paths, cancellationToken)).ToLookup(p => p.TargetId);
            foreach (var id in missing)
            {
                var list = found[id].ToList();
                ties.KeepPaths(id, MaxHops, paths, list);
                result[id] = list;
            }
        }

        return result;
    }

    private async Task<string> ExplainEmptyAsync(TargetFilter filter, TargetCandidateQuery query, long total, string homeName, CancellationToken cancellationToken)
    {
        if (total > 0)
        {
            return $"共 {total} 家目标企业，第 {filter.Page} 页（每页 {filter.PageSize} 家）之后没有更多。";
        }

        var what = filter.SegmentCodes is null
            ? string.Join("、", filter.Chains.Select(c => c.Chain.Name)) + "产业链"
            : string.Join("、", filter.Chains.SelectMany(c => c.Segments).Where(s => filter.SegmentCodes.Contains(s.Code)).Select(s => $"「{s.Name}」").Take(5)) + "环节";
        if (query.SegmentCodes.Count == 0)
        {
            return $"没有符合条件的环节（{what}），因此没有目标企业。";
        }

        if (filter.Tags.Count > 0 || filter.MinCapital is not null)
        {
            var unfiltered = await store.FindTargetCandidatesAsync(query with { Tags = [], MinCapital = null, PerSegment = 0 }, cancellationToken);
            if (unfiltered.Total > 0)
            {
                var conditions = new List<string>();
                if (filter.Tags.Count > 0)
                {
                    conditions.Add($"标签含{string.Join("或", filter.Tags)}");
                }

                if (filter.MinCapital is { } min)
                {
                    conditions.Add($"注册资本不低于 {GapRules.Money(min)}");
                }

                return $"{filter.RegionLabel}有 {unfiltered.Total} 家{what}的企业，但没有{string.Join("且", conditions)}的。";
            }
        }

        return $"{filter.RegionLabel}没有{what}的企业（{homeName}本地企业不列入目标）。";
    }

    /// <summary>The chain of a segment being ranked; null for a segment of another chain.</summary>
    private static Func<string, string?> ChainOf(Dictionary<string, (ChainDefinition Chain, SegmentGap Gap)> gaps) =>
        code => gaps.TryGetValue(code, out var g) ? g.Gap.Segment.ChainCode : null;

    private static string HomeName(HomeRegion home) => home.Name.Length == 0 ? "本地" : home.Name;

    /// <summary>The highest company strength (<see cref="CompanyStrength"/>).</summary>
    private const double CompanyStrengthMax = 100;

    private sealed record Ranked(long CompanyId, SegmentGap Gap, ScoreParts Score, double Strength, int Signals, string Name)
    {
        public double Total { get; } = Score.Total;
    }

    /// <summary>
    /// The tie rule (ADR 0140): score descending, then strength descending, then more kinds of strength evidence
    /// present, then the company name in Unicode order; the id only separates two companies of the same name.
    /// </summary>
    private static readonly Comparison<Ranked> RankOrder = (a, b) =>
    {
        var order = b.Total.CompareTo(a.Total);
        if (order == 0)
        {
            order = b.Strength.CompareTo(a.Strength);
        }

        if (order == 0)
        {
            order = b.Signals.CompareTo(a.Signals);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(a.Name, b.Name);
        }

        return order != 0 ? order : a.CompanyId.CompareTo(b.CompanyId);
    };

    /// <summary>What put a target after the one ranked just before it with the same score; null when the scores differ.</summary>
    private static string? TieReason(Ranked previous, Ranked current, int previousRank)
    {
        if (previous.Total != current.Total)
        {
            return null;
        }

        var same = string.Create(CultureInfo.InvariantCulture, $"与第 {previousRank} 名「{previous.Name}」同分（{current.Total:0.##}）");
        if (previous.Strength != current.Strength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{same}，企业实力 {current.Strength:0.##} 低于其 {previous.Strength:0.##}，排在其后。");
        }

        if (previous.Signals != current.Signals)
        {
            return $"{same}且实力相同，提供的实力信息 {current.Signals} 项少于其 {previous.Signals} 项，排在其后。";
        }

        return string.Equals(previous.Name, current.Name, StringComparison.Ordinal)
            ? $"{same}、实力与信息项数相同且同名，按录入先后排在其后。"
            : $"{same}、实力与信息项数相同，按企业名称（Unicode 顺序）排在其后。";
    }

    private readonly record struct Offer(long CompanyId, string SegmentCode, double Strength);
}
