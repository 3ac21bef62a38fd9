using System.Collections.Concurrent;
using ChainMap.Domain;
using ChainMap.Storage;
using Microsoft.Extensions.Logging;

namespace ChainMap.Discovery;

/// <summary>
/// The kept rankings of target lists (ADR 0220): a list's ranked targets are worked out once per filter and kept
/// while what they were ranked from is current (the same home-tie index and gap analyses, and no write noted
/// since, <see cref="DiscoveryCache.Generation"/>), so a repeated list and its next pages are slices. After a
/// first page is ranked, the same list is ranked <see cref="DiscoveryOptions.RankAheadPages"/> pages deep in the
/// background. Only what the ranking decided is kept (the order, the total, the ranked companies); reasons and
/// introduction paths are worded and looked up per page as before.
/// </summary>
internal sealed partial class DiscoveryService
{
    /// <summary>At most this many rankings are kept (filters are chosen freely; a deep one holds ~1,000 companies).</summary>
    private const int MaxKeptRankings = 64;

    /// <summary>
    /// At most this many company rows are held by the kept rankings together (an export pages a list up to
    /// <see cref="MaxDepth"/> deep, ~10,000 companies; 64 of those would hold gigabytes).
    /// </summary>
    private const int MaxKeptCompanies = 50_000;

    private readonly ConcurrentDictionary<string, RankedList> rankings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (RankingBasis Basis, int Depth, Task<RankedList> Task)> rankingsAhead = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim aheadGate = new(1, 1);
    private readonly ConcurrentDictionary<Task, byte> pagesAhead = new();

    /// <summary>Cancelled when the service is disposed (the host stops): the work ahead stops rather than outliving it.</summary>
    private readonly CancellationTokenSource stopping = new();

    /// <summary>Stops the rankings and pages being built ahead; a list or page being built for a request is not affected.</summary>
    public void Dispose() => stopping.Cancel();

    /// <summary>Completes when the rankings running ahead in the background have finished (tests and benchmarks).</summary>
    internal async Task RankingsAheadAsync()
    {
        foreach (var task in rankingsAhead.Values.Select(a => (Task)a.Task).Concat(pagesAhead.Keys).ToList())
        {
            try
            {
                await task;
            }
            catch (Exception)
            {
                // Logged where it ran; the next request ranks for itself.
            }
        }

        foreach (var task in pagesAhead.Keys.ToList())
        {
            await task;
        }
    }

    /// <summary>The ranked list of <paramref name="query"/> at least <see cref="TargetCandidateQuery.PerSegment"/> deep: kept, being ranked ahead, or ranked now.</summary>
    private async Task<RankedList> GetRankedAsync(
        TargetCandidateQuery query, RankingBasis basis, Dictionary<string, (ChainDefinition Chain, SegmentGap Gap)> gaps, BuiltPageKey page, bool rankAhead, CancellationToken cancellationToken)
    {
        var depth = query.PerSegment;
        if (options.Value.CacheSeconds == 0)
        {
            return await RankListAsync(query, basis, gaps, null, cancellationToken);
        }

        var key = RankingKey(query);
        if (rankings.TryGetValue(key, out var kept) && kept.Basis.Same(basis) && kept.Covers(depth))
        {
            return kept;
        }

        if (rankingsAhead.TryGetValue(key, out var ahead) && ahead.Basis.Same(basis) && ahead.Depth >= depth)
        {
            try
            {
                var deeper = await ahead.Task.WaitAsync(cancellationToken);
                if (deeper.Basis.Same(basis) && deeper.Covers(depth))
                {
                    return deeper;
                }
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Logged where it ran; rank for this request below.
            }
        }

        var total = kept is not null && kept.Basis.Same(basis) ? kept.Total : (long?)null;
        var list = await RankListAsync(query, basis, gaps, total, cancellationToken);
        Keep(key, list);
        var aheadDepth = Math.Min(MaxDepth, options.Value.RankAheadPages * page.PageSize);
        if (rankAhead && aheadDepth > depth && list.Ranked.Count >= depth && !rankingsAhead.ContainsKey(key))
        {
            RankAhead(key, query with { PerSegment = aheadDepth }, list, gaps, page);
        }

        return list;
    }

    /// <summary>Ranks the list <paramref name="query"/> deep; the total is counted unless known.</summary>
    private async Task<RankedList> RankListAsync(
        TargetCandidateQuery query, RankingBasis basis, Dictionary<string, (ChainDefinition Chain, SegmentGap Gap)> gaps, long? total, CancellationToken cancellationToken)
    {
        // The total and the ranking's first read side by side (ADR 0415): a list the total finds empty ranks nothing either
        // (every offer, tied or read, is a candidate the total counts), so the ranking need not wait for it.
        var counting = total is { } known ? Task.FromResult(known) : CountAsync();
        var details = new Dictionary<long, Company>();
        var ranked = await RankTopAsync(query, basis.Ties, gaps, details, cancellationToken);
        var count = await counting;
        return count == 0
            ? new RankedList(basis, query.PerSegment, [], 0, new Dictionary<long, Company>())
            : new RankedList(basis, query.PerSegment, ranked, count, ranked.ToDictionary(r => r.CompanyId, r => details[r.CompanyId]));

        async Task<long> CountAsync() => (await store.FindTargetCandidatesAsync(query with { PerSegment = 0 }, cancellationToken)).Total;
    }

    /// <summary>
    /// Ranks a list deeper in the background and keeps it: one list at a time (they share the store and the cores),
    /// skipped when a write has been noted since <paramref name="shallow"/> was ranked; a failure is logged, and
    /// the next request ranks for itself.
    /// </summary>
    private void RankAhead(string key, TargetCandidateQuery query, RankedList shallow, Dictionary<string, (ChainDefinition Chain, SegmentGap Gap)> gaps, BuiltPageKey page)
    {
        var started = new TaskCompletionSource();
        var stoppingToken = stopping.Token;
        var task = Task.Run(async () =>
        {
            await started.Task;
            await aheadGate.WaitAsync();

            // Stopped when a write is noted or the caches are dropped meanwhile (its ranking would not be used), and when
            // the service stops (disposing the cache ends the generation too).
            var ends = cache.GenerationToken;
            try
            {
                if (cache.Generation != shallow.Basis.Generation || stoppingToken.IsCancellationRequested)
                {
                    return shallow;
                }

                var list = await RankListAsync(query, shallow.Basis, gaps, shallow.Total, ends);

                // The introduction paths of every target ranked, in one search (ADR 0340): the pages are then built from
                // kept paths within a millisecond each, and a page asked for right after the first no longer waits for
                // its own search behind the pages built before it.
                await FindPathsAsync(list.Ranked.Select(r => r.CompanyId).ToList(), list.Basis.Ties, page.Home, page.Paths, ends);
                Keep(key, list);
                BuildPagesAhead(key, list, gaps, page);
                return list;
            }
            catch (OperationCanceledException) when (cache.Generation != shallow.Basis.Generation || ends.IsCancellationRequested || stoppingToken.IsCancellationRequested)
            {
                return shallow;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Ranking a target list ahead failed; its next pages are ranked when asked for");
                throw;
            }
            finally
            {
                aheadGate.Release();
                rankingsAhead.TryRemove(key, out _);
            }
        });
        if (rankingsAhead.TryAdd(key, (shallow.Basis, query.PerSegment, task)))
        {
            started.SetResult();
        }
        else
        {
            started.SetCanceled();
        }
    }

    /// <summary>
    /// Builds the pages of a list ranked ahead in the background, first to last, with the page size, introduction
    /// paths and home region of the request that started it, and keeps them with the ranking: a page's first view is
    /// then the kept page (its paths were searched here). It stops when a write is noted or the ranking is no longer
    /// the kept one; a request for a page being built waits for it rather than building it again.
    /// </summary>
    private void BuildPagesAhead(string key, RankedList list, Dictionary<string, (ChainDefinition Chain, SegmentGap Gap)> gaps, BuiltPageKey page)
    {
        var stoppingToken = stopping.Token;
        var task = Task.Run(async () =>
        {
            try
            {
                for (var offset = 0; offset < list.Ranked.Count && offset < list.Depth; offset += page.PageSize)
                {
                    if (cache.Generation != list.Basis.Generation || !ReferenceEquals(rankings.GetValueOrDefault(key), list)
                        || stoppingToken.IsCancellationRequested)
                    {
                        return;
                    }

                    var next = page with { Offset = offset };
                    await list.PageAsync(next, true, token => BuildPageAsync(list, next, list.Basis.Ties, gaps, token), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Building a target list's pages ahead failed; its pages are built when asked for");
            }
        });
        pagesAhead.TryAdd(task, 0);
        _ = task.ContinueWith(t => pagesAhead.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Keeps a ranking unless one of the same basis at least as deep is kept.</summary>
    private void Keep(string key, RankedList list)
    {
        if ((rankings.Count >= MaxKeptRankings && !rankings.ContainsKey(key))
            || rankings.Values.Sum(r => r.Details.Count) + list.Details.Count > MaxKeptCompanies)
        {
            rankings.Clear();
        }

        rankings.AddOrUpdate(key, list, (_, kept) => kept.Basis.Same(list.Basis) && kept.Covers(list.Depth) ? kept : list);
    }

    /// <summary>What a ranking depends on besides the kept entries: segments, places, exclusions, tags and minimum capital.</summary>
    private static string RankingKey(TargetCandidateQuery query) => string.Join(
        '|',
        string.Join(',', query.SegmentCodes.Order(StringComparer.Ordinal)),
        query.RegionCodes is null ? "*" : string.Join(',', query.RegionCodes.Order(StringComparer.Ordinal)),
        string.Join(',', query.ExcludedRegionCodes.Order(StringComparer.Ordinal)),
        string.Join(',', query.Tags.Order(StringComparer.Ordinal)),
        query.MinCapital?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-");

    /// <summary>What a ranking was worked out from: the home-tie index and gap analyses (by identity) and the write count when it started.</summary>
    private sealed record RankingBasis(HomeTieIndex Ties, IReadOnlyList<ChainGaps> Gaps, long Generation)
    {
        public bool Same(RankingBasis other) =>
            ReferenceEquals(Ties, other.Ties) && Generation == other.Generation
            && Gaps.Count == other.Gaps.Count && Gaps.Zip(other.Gaps).All(p => ReferenceEquals(p.First, p.Second));
    }

    /// <summary>
    /// A list ranked <see cref="Depth"/> deep (fewer when there are no more), its total and its ranked companies; and
    /// the pages built from it (reasons worded, introduction paths described), kept with it: everything a page is
    /// built from is fixed by the ranking's basis (tie index with its kept paths, gap analyses, no write since), the
    /// kept company rows and the home region (part of the key), so a repeated page is the same list of targets
    /// (the same instance, which lets the API keep its JSON). The freshness of an answer is worked out per request.
    /// </summary>
    private sealed record RankedList(RankingBasis Basis, int Depth, List<Ranked> Ranked, long Total, IReadOnlyDictionary<long, Company> Details)
    {
        /// <summary>At most this many built pages are kept per ranking (page sizes and path counts are chosen freely).</summary>
        private const int MaxKeptPages = 32;

        private readonly ConcurrentDictionary<BuiltPageKey, Task<List<Target>>> pages = new();

        public static readonly RankedList None = new(new RankingBasis(HomeTieIndex.Empty, [], -1), 0, [], 0, new Dictionary<long, Company>());

        /// <summary>True when the first <paramref name="depth"/> targets are all here (or every target is).</summary>
        public bool Covers(int depth) => depth <= Depth || Ranked.Count < Depth;

        /// <summary>
        /// A page: the kept one, the one being built (awaited), or built now by <paramref name="build"/> and, when
        /// <paramref name="keep"/> (this ranking is the kept one), kept; an empty page is not kept (its reason is worded
        /// per request), nor one that failed. A kept page is built without the request's cancellation, since others may
        /// wait for it.
        /// </summary>
        public async Task<List<Target>> PageAsync(BuiltPageKey key, bool keep, Func<CancellationToken, Task<List<Target>>> build, CancellationToken cancellationToken)
        {
            if (pages.TryGetValue(key, out var known))
            {
                return await known.WaitAsync(cancellationToken);
            }

            if (!keep || pages.Count >= MaxKeptPages)
            {
                return await build(cancellationToken);
            }

            var building = new TaskCompletionSource<List<Target>>(TaskCreationOptions.RunContinuationsAsynchronously);
            var task = pages.GetOrAdd(key, building.Task);
            if (!ReferenceEquals(task, building.Task))
            {
                return await task.WaitAsync(cancellationToken);
            }

            try
            {
                var page = await build(CancellationToken.None);
                if (page.Count == 0)
                {
                    pages.TryRemove(key, out _);
                }

                building.SetResult(page);
            }
            catch (Exception ex)
            {
                pages.TryRemove(key, out _);
                building.SetException(ex);
            }

            return await building.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>A page of a kept ranking: where it starts, its size, the introduction paths per target, and the home region (by identity) it was worded for.</summary>
    private sealed record BuiltPageKey(int Offset, int PageSize, int Paths, HomeRegion Home)
    {
        public bool Equals(BuiltPageKey? other) =>
            other is not null && Offset == other.Offset && PageSize == other.PageSize && Paths == other.Paths && ReferenceEquals(Home, other.Home);

        public override int GetHashCode() => HashCode.Combine(Offset, PageSize, Paths, System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Home));
    }
}
