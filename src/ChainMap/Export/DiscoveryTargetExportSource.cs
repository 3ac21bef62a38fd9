using System.Runtime.CompilerServices;
using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Regions;

namespace ChainMap.Export;

/// <summary>
/// The target-list export ranked exactly as <c>GET /api/targets</c> ranks: discovery's score (gap
/// priority, strength, home ties, channels), its reasons and introduction paths. Read page by page,
/// at most <see cref="DiscoveryService.MaxDepth"/> rows deep (the ranking's depth limit).
/// </summary>
internal sealed class DiscoveryTargetExportSource(RegionDirectory regions, DiscoveryService discovery) : ITargetExportSource
{
    /// <summary>Targets ranked per call; each call re-ranks to its depth, so pages are large.</summary>
    public const int PageSize = 1_000;

    /// <summary>Introduction paths written per target.</summary>
    public const int Paths = 3;

    public async IAsyncEnumerable<TargetExportRow> ReadAsync(TargetExportQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var catalog = await regions.GetCatalogAsync(cancellationToken);
        var limit = Math.Min(query.Limit ?? DiscoveryService.MaxDepth, DiscoveryService.MaxDepth);
        var filter = query.Filter.ToTargetFilter(page: 1, pageSize: Math.Min(PageSize, limit), Paths);
        for (var emitted = 0; emitted < limit; filter = filter with { Page = filter.Page + 1 })
        {
            var page = await discovery.FindTargetsAsync(filter, cancellationToken);
            foreach (var target in page.Items)
            {
                yield return ToRow(target, catalog);
                if (++emitted >= limit)
                {
                    yield break;
                }
            }

            if (page.Items.Count < filter.PageSize || (long)(filter.Page + 1) * filter.PageSize > DiscoveryService.MaxDepth)
            {
                yield break;
            }
        }
    }

    private static TargetExportRow ToRow(Target target, RegionCatalog catalog)
    {
        var company = target.Company;
        var segment = target.Gap.Segment;
        var parts = new List<ScorePart>
        {
            new("缺口优先", target.Score.Gap),
            new("企业实力", target.Score.Strength),
            new("本地关联", target.Score.Links),
            new("引荐渠道", target.Score.Channels),
        };
        return new TargetExportRow(
            company.Id, company.Name, company.Uscc,
            Name(catalog, company.ProvinceCode), Name(catalog, company.CityCode), Name(catalog, company.CountyCode),
            segment.Code, segment.Name, segment.Tier, target.Score.Total, parts, target.Reasons,
            target.Paths.Select(p => p.Summary).ToList(), company.Tags, company.RegisteredCapital);
    }

    private static string? Name(RegionCatalog catalog, string? code) =>
        code is null || catalog.Find(code) is not { } region || RegionCatalog.IsPlaceholder(region.Name) ? null : region.Name;
}
