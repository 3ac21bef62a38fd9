using System.Collections.Concurrent;
using ChainMap.Storage;

namespace ChainMap.Discovery;

/// <summary>
/// The companies outside the home region with a tie to it, by id and per segment in ranking order,
/// with their link and channel points worked out once. Those points do not depend on the segment, so
/// within a segment the order is the same for every gap priority. A ranking reads a segment's list
/// until it has enough matches instead of filtering every tied company. It holds what ranking needs
/// (<see cref="HomeTieFacts"/>); the names and roles a target's reasons show are read for the targets a
/// page shows and kept (ADR 0385). It also keeps the introduction paths found for targets while it is in
/// use: they come from the same relations and channels, so they are as fresh as the index (ADR 0027).
/// </summary>
internal sealed class HomeTieIndex
{
    public static readonly HomeTieIndex Empty = new([], (_, _) => Task.FromResult<IReadOnlyList<HomeTieDetails>>([]));

    /// <summary>At most this many targets' paths, and as many tied companies' details, are kept per index (a few kB each).</summary>
    private const int MaxTargetsWithPaths = 20_000;

    private readonly ConcurrentDictionary<(long Target, int MaxHops), (int AskedFor, IReadOnlyList<IntroductionPath> Paths)> paths = new();

    private readonly ConcurrentDictionary<long, HomeTiedCompany> details = new();

    private readonly Func<IReadOnlyCollection<long>, CancellationToken, Task<IReadOnlyList<HomeTieDetails>>> readDetails;

    private readonly Dictionary<long, Entry> byId;
    private readonly Dictionary<string, Ranked[]> bySegment;

    /// <summary>The index of <paramref name="companies"/>; <paramref name="readDetails"/> reads the ties as reasons name them, for some of them.</summary>
    public HomeTieIndex(IReadOnlyList<HomeTieFacts> companies, Func<IReadOnlyCollection<long>, CancellationToken, Task<IReadOnlyList<HomeTieDetails>>> readDetails)
    {
        this.readDetails = readDetails;
        byId = companies.ToDictionary(
            c => c.CompanyId,
            c => new Entry(c, TargetScoring.LinkPoints(c.Relations), TargetScoring.ChannelPoints(c.Channels)));
        bySegment = byId.Values
            .SelectMany(e => e.Company.SegmentCodes.Distinct(StringComparer.Ordinal).Select(s => (Segment: s, Entry: e)))
            .GroupBy(p => p.Segment, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.Select(p => new Ranked(p.Entry.Company, TargetScoring.Score(0, p.Entry.Company.Strength, p.Entry.Links, p.Entry.Channels).Total))
                    .OrderByDescending(r => r.Points).ThenByDescending(r => r.Company.Strength).ThenBy(r => r.Company.CompanyId)
                    .ToArray(),
                StringComparer.Ordinal);
    }

    public int Count => byId.Count;

    /// <summary>
    /// The tied companies among <paramref name="companyIds"/> with their ties as reasons name them: those kept, the rest read in one
    /// request (then kept). A company not in the index is absent.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, HomeTiedCompany>> FindAsync(IReadOnlyCollection<long> companyIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<long, HomeTiedCompany>();
        var missing = new List<long>();
        foreach (var id in companyIds.Distinct())
        {
            if (details.TryGetValue(id, out var kept))
            {
                found[id] = kept;
            }
            else if (byId.ContainsKey(id))
            {
                missing.Add(id);
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        var read = (await readDetails(missing, cancellationToken)).ToDictionary(d => d.CompanyId);
        foreach (var id in missing)
        {
            var company = HomeTiedCompany.Of(byId[id].Company, read.GetValueOrDefault(id));
            found[id] = company;
            if (details.Count < MaxTargetsWithPaths)
            {
                details.TryAdd(id, company);
            }
        }

        return found;
    }

    /// <summary>The score of a company for a gap priority; a company without ties gets only the gap and strength parts.</summary>
    public ScoreParts Score(long companyId, double gapPriority, double strength) => byId.TryGetValue(companyId, out var entry)
        ? TargetScoring.Score(gapPriority, strength, entry.Links, entry.Channels)
        : TargetScoring.Score(gapPriority, strength, 0, 0);

    /// <summary>The paths kept for a target, when at least <paramref name="perTarget"/> were asked for (or all there are were found).</summary>
    public bool TryGetPaths(long targetId, int maxHops, int perTarget, out IReadOnlyList<IntroductionPath> found)
    {
        if (paths.TryGetValue((targetId, maxHops), out var kept) && (perTarget <= kept.AskedFor || kept.Paths.Count < kept.AskedFor))
        {
            found = kept.Paths.Count > perTarget ? kept.Paths.Take(perTarget).ToList() : kept.Paths;
            return true;
        }

        found = [];
        return false;
    }

    /// <summary>Keeps the paths found for a target (best first, at most <paramref name="perTarget"/>).</summary>
    public void KeepPaths(long targetId, int maxHops, int perTarget, IReadOnlyList<IntroductionPath> found)
    {
        if (ReferenceEquals(this, Empty) || (paths.Count >= MaxTargetsWithPaths && !paths.ContainsKey((targetId, maxHops))))
        {
            return;
        }

        paths.AddOrUpdate((targetId, maxHops), (perTarget, found), (_, kept) => kept.AskedFor >= perTarget ? kept : (perTarget, found));
    }

    /// <summary>
    /// The tied companies of a segment with their score without the gap part, best first for any gap
    /// priority (score, then strength, then id).
    /// </summary>
    public IReadOnlyList<Ranked> InSegment(string segmentCode) => bySegment.GetValueOrDefault(segmentCode) ?? [];

    /// <summary>A tied company and its score points other than the gap part.</summary>
    public sealed record Ranked(HomeTieFacts Company, double Points);

    private sealed record Entry(HomeTieFacts Company, double Links, double Channels);
}
