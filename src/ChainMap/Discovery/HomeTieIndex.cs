using ChainMap.Storage;

namespace ChainMap.Discovery;

/// <summary>
/// The companies outside the home region with a tie to it, by id and per segment in ranking order,
/// with their link and channel points worked out once. Those points do not depend on the segment, so
/// within a segment the order is the same for every gap priority. A ranking reads a segment's list
/// until it has enough matches instead of filtering every tied company.
/// </summary>
public sealed class HomeTieIndex
{
    public static readonly HomeTieIndex Empty = new([]);

    private readonly Dictionary<long, Entry> byId;
    private readonly Dictionary<string, Ranked[]> bySegment;

    public HomeTieIndex(IReadOnlyList<HomeTiedCompany> companies)
    {
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

    public HomeTiedCompany? Find(long companyId) => byId.GetValueOrDefault(companyId)?.Company;

    /// <summary>The score of a company for a gap priority; a company without ties gets only the gap and strength parts.</summary>
    public ScoreParts Score(long companyId, double gapPriority, double strength) => byId.TryGetValue(companyId, out var entry)
        ? TargetScoring.Score(gapPriority, strength, entry.Links, entry.Channels)
        : TargetScoring.Score(gapPriority, strength, 0, 0);

    /// <summary>
    /// The tied companies of a segment with their score without the gap part, best first for any gap
    /// priority (score, then strength, then id).
    /// </summary>
    public IReadOnlyList<Ranked> InSegment(string segmentCode) => bySegment.GetValueOrDefault(segmentCode) ?? [];

    /// <summary>A tied company and its score points other than the gap part.</summary>
    public sealed record Ranked(HomeTiedCompany Company, double Points);

    private sealed record Entry(HomeTiedCompany Company, double Links, double Channels);
}
