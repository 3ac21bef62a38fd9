using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Regions;
using ChainMap.Storage;

namespace ChainMap.Export;

/// <summary>Builds the <see cref="ChainMapExport"/> of a chain: the one place that gathers what every chain-map format shows.</summary>
internal sealed class ChainMapExportBuilder(IChainStore store, RegionDirectory regions, DiscoveryService discovery)
{
    /// <summary>Targets listed per segment in a chain-map export.</summary>
    public const int TopTargets = 3;

    public async Task<ChainMapExport> BuildAsync(ChainDefinition definition, CancellationToken cancellationToken)
    {
        var home = await regions.GetHomeAsync(cancellationToken);
        var hasHome = home.Code.Length > 0;
        var presence = hasHome
            ? (await store.CountBySegmentAsync(definition.Chain.Code, [home.Code], cancellationToken)).ToDictionary(p => p.SegmentCode, p => p.Companies, StringComparer.Ordinal)
            : [];

        // The same assessment as GET /api/chains/{code}/investment-map: rating, action and top targets per segment.
        var catalog = await regions.GetCatalogAsync(cancellationToken);
        var map = hasHome ? await discovery.BuildMapAsync(definition, regionCodes: null, TopTargets, paths: 0, serveKept: false, cancellationToken) : null;
        var assessed = map?.Segments.ToDictionary(s => s.Gap.Segment.Code, StringComparer.Ordinal) ?? [];
        var segments = definition.Segments
            .Select(s => assessed.TryGetValue(s.Code, out var m)
                ? new ExportSegment(s.Code, s.Name, s.Tier, s.ParentCode, presence.GetValueOrDefault(s.Code), ToExport(m.Gap.Rating), ToExport(m.Gap.Action),
                    m.TopTargets.Select(t => new ExportTarget(t.Company.Name, Place(catalog, t.Company), t.Score.Total)).ToList())
                : new ExportSegment(s.Code, s.Name, s.Tier, s.ParentCode, presence.GetValueOrDefault(s.Code), Rating: null, Action: null, TopTargets: []))
            .ToList();

        return new ChainMapExport(
            definition.Chain,
            segments,
            definition.Flows.Select(f => new ExportFlow(f.From, f.To, f.Description)).ToList(),
            hasHome ? home.Name : null);
    }

    private static ExportRating ToExport(GapRating rating) => rating switch
    {
        GapRating.Strong => ExportRating.Advantage,
        GapRating.Potential => ExportRating.Potential,
        GapRating.Weak => ExportRating.Weak,
        _ => ExportRating.Blank,
    };

    private static ExportAction ToExport(GapAction action) => action switch
    {
        GapAction.Consolidate => ExportAction.Consolidate,
        GapAction.Strengthen => ExportAction.Strengthen,
        GapAction.Fill => ExportAction.Fill,
        _ => ExportAction.Extend,
    };

    /// <summary>Province and city, e.g. 江苏省苏州市.</summary>
    private static string? Place(RegionCatalog catalog, Company company)
    {
        var names = new[] { company.ProvinceCode, company.CityCode }
            .Select(code => code is null ? null : catalog.Find(code))
            .Where(r => r is not null && !RegionCatalog.IsPlaceholder(r.Name))
            .Select(r => r!.Name)
            .Distinct()
            .ToList();
        return names.Count == 0 ? null : string.Concat(names);
    }
}
