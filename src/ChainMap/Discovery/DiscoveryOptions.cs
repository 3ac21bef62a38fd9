using System.ComponentModel.DataAnnotations;

namespace ChainMap.Discovery;

/// <summary>The thresholds of the gap rule and how long analyses are reused (docs/discovery.md).</summary>
internal sealed class DiscoveryOptions
{
    public const string SectionName = "Discovery";

    /// <summary>A segment is strong (优势) only with at least this many home-region companies.</summary>
    [Range(1, 1000)]
    public int StrongMinCompanies { get; set; } = 3;

    /// <summary>A segment is strong (优势) when its location quotient is at least this.</summary>
    [Range(0.01, 100)]
    public double StrongMinQuotient { get; set; } = 1.2;

    /// <summary>A present segment that is not strong is potential (潜力) from this quotient on, else weak (薄弱).</summary>
    [Range(0.0, 100)]
    public double PotentialMinQuotient { get; set; } = 0.6;

    /// <summary>
    /// Gap analyses, the home-tie index and place counts are fresh this long (seconds); after that a request is
    /// answered from the older entry, marked stale, while one refresh runs in the background (ADR 0210). 0 recomputes on every request.
    /// </summary>
    [Range(0, 3600)]
    public int CacheSeconds { get; set; } = 30;

    /// <summary>
    /// After a target list's first page is ranked, the same list is ranked this many pages deep in the background and
    /// kept, so its next pages are slices (ADR 0220). 0 ranks each deeper page when it is asked for.
    /// </summary>
    [Range(0, 200)]
    public int RankAheadPages { get; set; } = 21;

    /// <summary>
    /// Keep the first pages of kept rankings and kept maps in the store and answer from them while the entries they need
    /// are first read after a start (ADR 0295), marked stale when a write was noted since they were built.
    /// </summary>
    public bool KeepAnswers { get; set; } = true;

    /// <summary>At most this many answers are kept in the store (the most recently written; at 1 M 17–49 KB per list page, 135 KB per map).</summary>
    [Range(1, 10_000)]
    public int KeptAnswers { get; set; } = 64;

    /// <summary>Build the gap analyses of every chain, the home-tie index and the maps' place counts in the background at start (ADR 0210).</summary>
    public bool WarmAtStart { get; set; } = true;
}
