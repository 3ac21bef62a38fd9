using ChainMap.Domain;
using ChainMap.Regions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMap.Api.Regions;

internal sealed record RegionResponse(string Code, string Name, string Level, string? ParentCode, string FullName);

internal sealed record RegionDetailResponse(string Code, string Name, string Level, string? ParentCode, string FullName, IReadOnlyList<RegionResponse> Lineage, IReadOnlyList<RegionResponse> Children);

internal sealed record RegionGroupResponse(string Name, string? Alias, IReadOnlyList<RegionResponse> Members);

internal sealed record ReceivingUnitResponse(string Code, string Name, string Kind, string RegionCode);

internal sealed record TeamResponse(string Id, string Name, string RegionGroup);

internal sealed record HomeResponse(string Code, string Name, IReadOnlyList<ReceivingUnitResponse> Units, IReadOnlyList<TeamResponse> Teams);

internal static class RegionEndpoints
{
    public static IEndpointRouteBuilder MapRegions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Regions");
        group.MapGet("/regions", SearchRegions).WithName("SearchRegions").WithSummary("Search divisions by name (Simplified or Traditional) or code prefix");
        group.MapGet("/regions/{code}", GetRegion).WithName("GetRegion").WithSummary("One division with its lineage and children");
        group.MapGet("/region-groups", ListRegionGroups).WithName("ListRegionGroups").WithSummary("Region groups where resident teams work (长三角, 珠三角, ...)");
        group.MapGet("/home", GetHome).WithName("GetHome").WithSummary("The home region, its receiving units and resident teams");
        return app;
    }

    internal static async Task<Results<Ok<IReadOnlyList<RegionResponse>>, ProblemHttpResult>> SearchRegions(
        RegionDirectory regions, CancellationToken cancellationToken, string? q = null, string? level = null, int limit = 20)
    {
        if (limit is < 1 or > 500)
        {
            return Problems.BadRequest($"limit must be between 1 and 500, got {limit}.", "Invalid limit");
        }

        RegionLevel? wanted = null;
        if (!string.IsNullOrWhiteSpace(level))
        {
            if (!RegionLevels.TryParse(level, out var parsed))
            {
                return Problems.BadRequest($"level must be province, city or county, got '{level}'.", "Invalid level");
            }

            wanted = parsed;
        }

        var catalog = await regions.GetCatalogAsync(cancellationToken);
        var found = catalog.Search(q ?? string.Empty, wanted is null ? limit : 5000)
            .Where(r => wanted is null || r.Level == wanted)
            .Take(limit)
            .Select(r => r.ToResponse(catalog))
            .ToList();
        return TypedResults.Ok<IReadOnlyList<RegionResponse>>(found);
    }

    internal static async Task<Results<Ok<RegionDetailResponse>, ProblemHttpResult>> GetRegion(string code, RegionDirectory regions, CancellationToken cancellationToken)
    {
        var catalog = await regions.GetCatalogAsync(cancellationToken);
        var match = catalog.Resolve(code);
        if (match.Region is not { } region)
        {
            return match.IsAmbiguous
                ? Problems.BadRequest($"'{code}' names several divisions: {string.Join("、", match.Candidates.Select(c => $"{c.ToResponse(catalog).FullName} ({c.Code})"))}.", "Ambiguous region")
                : Problems.NotFound($"No division has the code or name '{code}'.", "Region not found");
        }

        return TypedResults.Ok(new RegionDetailResponse(
            region.Code, region.Name, region.Level.ToWire(), region.ParentCode, region.ToResponse(catalog).FullName,
            catalog.Lineage(region.Code).Select(r => r.ToResponse(catalog)).ToList(),
            catalog.Children(region.Code).Select(r => r.ToResponse(catalog)).ToList()));
    }

    internal static async Task<Ok<IReadOnlyList<RegionGroupResponse>>> ListRegionGroups(RegionDirectory regions, CancellationToken cancellationToken)
    {
        var catalog = await regions.GetCatalogAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RegionGroupResponse>>(catalog.Groups
            .Select(g => new RegionGroupResponse(g.Name, g.Alias, g.MemberCodes.Select(catalog.Find).OfType<Region>().Select(r => r.ToResponse(catalog)).ToList()))
            .ToList());
    }

    internal static async Task<Ok<HomeResponse>> GetHome(RegionDirectory regions, CancellationToken cancellationToken)
    {
        var home = await regions.GetHomeAsync(cancellationToken);
        return TypedResults.Ok(new HomeResponse(
            home.Code,
            home.Name,
            home.Units.Select(u => new ReceivingUnitResponse(u.Code, u.Name, u.Kind == ReceivingUnitKind.County ? "county" : "development-zone", u.RegionCode)).ToList(),
            home.Teams.Select(t => new TeamResponse(t.Id, t.Name, t.RegionGroup)).ToList()));
    }

    internal static RegionResponse ToResponse(this Region region, RegionCatalog catalog) => new(
        region.Code, region.Name, region.Level.ToWire(), region.ParentCode,
        string.Concat(catalog.Lineage(region.Code).Where(r => !RegionCatalog.IsPlaceholder(r.Name)).Select(r => r.Name)));
}
