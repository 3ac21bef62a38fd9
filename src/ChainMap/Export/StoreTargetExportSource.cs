using System.Globalization;
using System.Runtime.CompilerServices;
using ChainMap.Domain;
using ChainMap.Regions;
using ChainMap.Storage;

namespace ChainMap.Export;

/// <summary>
/// Interim target source until discovery's ranking replaces it (registered as
/// <see cref="ITargetExportSource"/> in <see cref="ExportServiceCollectionExtensions"/>): the chain's
/// companies outside the home region, strongest first, paged through the store, one row per company
/// for its most certain segment; score = company strength; no introduction paths yet.
/// </summary>
internal sealed class StoreTargetExportSource(IChainMapStore store, RegionDirectory regions) : ITargetExportSource
{
    public const int PageSize = 500;

    public async IAsyncEnumerable<TargetExportRow> ReadAsync(TargetExportQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var definition = await store.GetChainAsync(query.ChainCode, cancellationToken);
        if (definition is null)
        {
            yield break;
        }

        var catalog = await regions.GetCatalogAsync(cancellationToken);
        var home = await regions.GetHomeAsync(cancellationToken);
        var inScope = definition.Segments
            .Where(s => query.SegmentCodes is not { Count: > 0 } || query.SegmentCodes.Contains(s.Code))
            .ToDictionary(s => s.Code, StringComparer.Ordinal);
        var limit = query.Limit ?? int.MaxValue;
        var emitted = 0;
        for (var page = 1; emitted < limit; page++)
        {
            var result = await store.SearchCompaniesAsync(
                new CompanyQuery(null, definition.Chain.Code, query.SegmentCodes, query.RegionCodes, page, PageSize), cancellationToken);
            foreach (var company in result.Items)
            {
                if (home.Code.Length > 0 && (company.ProvinceCode == home.Code || company.CityCode == home.Code || company.CountyCode == home.Code))
                {
                    continue;
                }

                var membership = company.Memberships.Where(m => inScope.ContainsKey(m.SegmentCode)).MaxBy(m => m.Confidence);
                if (membership is null)
                {
                    continue;
                }

                yield return ToRow(company, membership, inScope[membership.SegmentCode], catalog, home);
                if (++emitted >= limit)
                {
                    yield break;
                }
            }

            if (result.Items.Count < PageSize)
            {
                yield break;
            }
        }
    }

    private static TargetExportRow ToRow(Company company, SegmentMembership membership, Segment segment, RegionCatalog catalog, HomeRegion home)
    {
        var score = CompanyStrength.Score(company.RegisteredCapital, company.Revenue, company.Employees, company.ListedCode, company.Tags);
        var province = Name(catalog, company.ProvinceCode);
        var city = Name(catalog, company.CityCode);
        var county = Name(catalog, company.CountyCode);
        var reasons = new List<string>
        {
            string.IsNullOrWhiteSpace(membership.Evidence)
                ? $"属于{segment.Name}环节（置信度 {membership.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}）"
                : $"属于{segment.Name}环节（{membership.Evidence}；置信度 {membership.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}）",
        };
        if (company.Tags.Count > 0)
        {
            reasons.Add("资质：" + string.Join("、", company.Tags));
        }

        if (home.Name.Length > 0)
        {
            reasons.Add($"位于{province}{city}，{home.Name}以外");
        }

        return new TargetExportRow(
            company.Id, company.Name, company.Uscc, province, city, county,
            segment.Code, segment.Name, segment.Tier, score, [new ScorePart("企业实力", score)], reasons, [], company.Tags, company.RegisteredCapital);
    }

    private static string? Name(RegionCatalog catalog, string? code) =>
        code is null || catalog.Find(code) is not { } region || RegionCatalog.IsPlaceholder(region.Name) ? null : region.Name;
}
