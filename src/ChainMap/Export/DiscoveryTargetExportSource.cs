using System.Runtime.CompilerServices;
using ChainMap.Chains;
using ChainMap.Discovery;
using ChainMap.Regions;

namespace ChainMap.Export;

/// <summary>
/// The target-list export from discovery's ranking (registered as <see cref="ITargetExportSource"/>
/// in <see cref="ExportServiceCollectionExtensions"/>), so a download holds the same rows, scores,
/// reasons and introduction paths as GET /api/targets with the same filters. One ranking run of at
/// most <see cref="DiscoveryService.MaxDepth"/> targets (the ranking's own depth limit).
/// </summary>
internal sealed class DiscoveryTargetExportSource(DiscoveryService discovery, ChainDirectory chains, RegionDirectory regions) : ITargetExportSource
{
    /// <summary>Introduction paths written per target.</summary>
    public const int PathsPerTarget = 3;

    public async IAsyncEnumerable<TargetExportRow> ReadAsync(TargetExportQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var definition = await chains.GetDefinitionAsync(query.ChainCode, cancellationToken);
        if (definition is null)
        {
            yield break;
        }

        var depth = Math.Min(query.Limit ?? DiscoveryService.MaxDepth, DiscoveryService.MaxDepth);
        var filter = new TargetFilter(
            [definition], query.SegmentCodes is { Count: > 0 } ? query.SegmentCodes : null, query.RegionCodes is { Count: > 0 } ? query.RegionCodes : null,
            query.RegionLabel ?? "全国", query.Tags ?? [], query.MinCapital, 1, depth, PathsPerTarget);
        var page = await discovery.FindTargetsAsync(filter, cancellationToken);
        var catalog = await regions.GetCatalogAsync(cancellationToken);
        foreach (var target in page.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ToRow(target, catalog);
        }
    }

    private static TargetExportRow ToRow(Target t, RegionCatalog catalog)
    {
        var c = t.Company;
        var segment = t.Gap.Segment;
        return new TargetExportRow(
            c.Id, c.Name, c.Uscc, Name(catalog, c.ProvinceCode), Name(catalog, c.CityCode), Name(catalog, c.CountyCode),
            segment.Code, segment.Name, segment.Tier, t.Score.Total,
            [new ScorePart("缺口", t.Score.Gap), new ScorePart("企业实力", t.Score.Strength), new ScorePart("本地关联", t.Score.Links), new ScorePart("引荐渠道", t.Score.Channels)],
            t.Reasons, t.Paths.Select(p => p.Summary).ToList(), c.Tags, c.RegisteredCapital);
    }

    private static string? Name(RegionCatalog catalog, string? code) =>
        code is null || catalog.Find(code) is not { } region || RegionCatalog.IsPlaceholder(region.Name) ? null : region.Name;
}
