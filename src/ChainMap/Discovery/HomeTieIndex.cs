using ChainMap.Storage;

namespace ChainMap.Discovery;

/// <summary>
/// The companies outside the home region with a tie to it, by id and per segment in ranking order
/// (the score part a tie adds does not depend on the segment, so within a segment the order is the
/// same for every gap priority). A ranking reads a segment's list until it has enough matches
/// instead of filtering every tied company.
/// </summary>
public sealed class HomeTieIndex
{
    public static readonly HomeTieIndex Empty = new([]);

    private readonly Dictionary<long, HomeTiedCompany> byId;
    private readonly Dictionary<string, HomeTiedCompany[]> bySegment;

    public HomeTieIndex(IReadOnlyList<HomeTiedCompany> companies)
    {
        byId = companies.ToDictionary(c => c.CompanyId);
        bySegment = companies
            .SelectMany(c => c.SegmentCodes.Distinct(StringComparer.Ordinal).Select(s => (Segment: s, Company: c, Static: StaticPoints(c))))
            .GroupBy(p => p.Segment, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.OrderByDescending(p => p.Static).ThenByDescending(p => p.Company.Strength).ThenBy(p => p.Company.CompanyId).Select(p => p.Company).ToArray(),
                StringComparer.Ordinal);
    }

    public int Count => byId.Count;

    public HomeTiedCompany? Find(long companyId) => byId.GetValueOrDefault(companyId);

    /// <summary>The tied companies of a segment, best first for any gap priority (score, then strength, then id).</summary>
    public IReadOnlyList<HomeTiedCompany> InSegment(string segmentCode) => bySegment.GetValueOrDefault(segmentCode) ?? [];

    /// <summary>The score without the gap part, rounded as the score is, so equal totals sort as equal.</summary>
    private static double StaticPoints(HomeTiedCompany company)
    {
        var parts = TargetScoring.Score(0, company.Strength, company);
        return parts.Total;
    }
}
