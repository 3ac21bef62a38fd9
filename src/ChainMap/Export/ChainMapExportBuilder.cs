using ChainMap.Domain;
using ChainMap.Regions;
using ChainMap.Storage;

namespace ChainMap.Export;

/// <summary>Builds the <see cref="ChainMapExport"/> of a chain: the one place that gathers what every chain-map format shows.</summary>
public sealed class ChainMapExportBuilder(IChainMapStore store, RegionDirectory regions)
{
    public async Task<ChainMapExport> BuildAsync(ChainDefinition definition, CancellationToken cancellationToken)
    {
        var home = await regions.GetHomeAsync(cancellationToken);
        var hasHome = home.Code.Length > 0;
        var presence = hasHome
            ? (await store.CountBySegmentAsync(definition.Chain.Code, [home.Code], cancellationToken)).ToDictionary(p => p.SegmentCode, p => p.Companies, StringComparer.Ordinal)
            : [];

        // Discovery plugs in here: rate each segment (优势/潜力/薄弱/空白), choose its action
        // (强链/补链/延链) and list its top targets. Until then segments are unrated (grey).
        var segments = definition.Segments
            .Select(s => new ExportSegment(s.Code, s.Name, s.Tier, s.ParentCode, presence.GetValueOrDefault(s.Code), Rating: null, Action: null, TopTargets: []))
            .ToList();

        return new ChainMapExport(
            definition.Chain,
            segments,
            definition.Flows.Select(f => new ExportFlow(f.From, f.To, f.Description)).ToList(),
            hasHome ? home.Name : null);
    }
}
