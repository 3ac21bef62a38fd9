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

    /// <summary>Gap analyses and the home-tie index are reused this long (seconds); 0 recomputes on every request.</summary>
    [Range(0, 3600)]
    public int CacheSeconds { get; set; } = 30;

    /// <summary>
    /// For this long after <see cref="CacheSeconds"/> an expired analysis or index is still served while one
    /// refresh runs in the background (seconds); later, or with 0, a request waits for a fresh read.
    /// </summary>
    [Range(0, 86400)]
    public int MaxStaleSeconds { get; set; } = 300;
}
