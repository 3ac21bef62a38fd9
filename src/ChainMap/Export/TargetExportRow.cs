using ChainMap.Discovery;
using ChainMap.Domain;

namespace ChainMap.Export;

/// <summary>One part of a target's score (e.g. 企业实力 62.5).</summary>
internal sealed record ScorePart(string Name, double Points);

/// <summary>
/// One row of a target-list export: a company worth attracting into one segment of a chain, with
/// its place, score (and how it is made up), the reasons, and the ways to be introduced to it.
/// Region names are resolved (省/市/区县), money is in 万元.
/// </summary>
internal sealed record TargetExportRow(
    long CompanyId,
    string Name,
    string? Uscc,
    string? Province,
    string? City,
    string? County,
    string SegmentCode,
    string SegmentName,
    Tier Tier,
    double Score,
    IReadOnlyList<ScorePart> ScoreParts,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> IntroductionPaths,
    IReadOnlyList<string> Tags,
    decimal? RegisteredCapital);

/// <summary>
/// Which targets to export: a filter resolved by <see cref="TargetFilterResolver"/> (exactly what the
/// target list uses), and at most <see cref="Limit"/> rows (null: the ranking's depth).
/// </summary>
internal sealed record TargetExportQuery(ResolvedTargetFilter Filter, int? Limit)
{
    /// <summary>The ranking reaches this many targets deep; a longer list would not be ranked.</summary>
    public const int MaxLimit = DiscoveryService.MaxDepth;
}

/// <summary>
/// Where the target-list export gets its rows, best first, streamed. The one seam between the
/// export and the ranking: <see cref="DiscoveryTargetExportSource"/>, the ranking of the target list.
/// </summary>
internal interface ITargetExportSource
{
    IAsyncEnumerable<TargetExportRow> ReadAsync(TargetExportQuery query, CancellationToken cancellationToken);
}
