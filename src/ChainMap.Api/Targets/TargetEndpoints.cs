using ChainMap.Chains;
using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Regions;
using ChainMap.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMap.Api.Targets;

/// <summary>The optional filters that every ranked target list takes (also the team lists).</summary>
internal sealed record TargetListParameters(
    string? Chain, string? Segment, string? Tier, string? Tags, decimal? MinCapital, int Page, int PageSize, int Paths);

internal static class TargetEndpoints
{
    public const int MaxPageSize = 100;
    public const int MaxPaths = 5;

    public static IEndpointRouteBuilder MapTargets(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Targets");
        group.MapGet("/targets", ListTargets).WithName("ListTargets")
            .WithSummary("Ranked target companies outside the home region, with score parts, reasons and introduction paths");
        group.MapGet("/chains/{code}/investment-map", GetInvestmentMap).WithName("GetInvestmentMap")
            .WithSummary("The investment map of a chain: every segment's gap rating and action, top targets and where its companies are");
        return app;
    }

    internal static async Task<Results<Ok<TargetPageResponse>, ProblemHttpResult>> ListTargets(
        ChainDirectory chains, RegionDirectory regions, DiscoveryService discovery, CancellationToken cancellationToken,
        string? chain = null, string? region = null, string? segment = null, string? tier = null, string? tags = null,
        decimal? minCapital = null, int page = 1, int pageSize = 20, int paths = 3)
    {
        var catalog = await regions.GetCatalogAsync(cancellationToken);
        var scope = ResolveScope(catalog, region);
        if (scope.Problem is not null)
        {
            return scope.Problem;
        }

        return await RunAsync(new TargetListParameters(chain, segment, tier, tags, minCapital, page, pageSize, paths), scope.Scope!, chains, regions, discovery, cancellationToken);
    }

    internal static async Task<Results<Ok<InvestmentMapResponse>, ProblemHttpResult>> GetInvestmentMap(
        string code, ChainDirectory chains, RegionDirectory regions, DiscoveryService discovery, IChainMapStore store, CancellationToken cancellationToken,
        string? region = null, int top = 5, int paths = 1)
    {
        if (top is < 0 or > 20)
        {
            return Problems.BadRequest($"top must be between 0 and 20, got {top}.", "Invalid top");
        }

        if (paths is < 0 or > MaxPaths)
        {
            return Problems.BadRequest($"paths must be between 0 and {MaxPaths}, got {paths}.", "Invalid paths");
        }

        var definition = await chains.GetDefinitionAsync(code, cancellationToken);
        if (definition is null)
        {
            return Problems.ChainNotFound(code);
        }

        var catalog = await regions.GetCatalogAsync(cancellationToken);
        var scope = ResolveScope(catalog, region);
        if (scope.Problem is not null)
        {
            return scope.Problem;
        }

        var map = await discovery.BuildMapAsync(definition, Codes(scope.Scope!), top, paths, cancellationToken);
        var unconfirmed = await store.CountUnconfirmedBySegmentAsync(definition.Chain.Code, Codes(scope.Scope!), cancellationToken);
        return TypedResults.Ok(map.ToResponse(scope.Scope!, catalog, unconfirmed));
    }

    /// <summary>Validates the shared filters, runs the ranking for <paramref name="scope"/> and maps the page.</summary>
    internal static async Task<Results<Ok<TargetPageResponse>, ProblemHttpResult>> RunAsync(
        TargetListParameters p, RegionScopeResponse scope, ChainDirectory chains, RegionDirectory regions, DiscoveryService discovery, CancellationToken cancellationToken)
    {
        if (p.Page < 1)
        {
            return Problems.BadRequest($"page must be 1 or more, got {p.Page}.", "Invalid page");
        }

        if (p.PageSize is < 1 or > MaxPageSize)
        {
            return Problems.BadRequest($"pageSize must be between 1 and {MaxPageSize}, got {p.PageSize}.", "Invalid page size");
        }

        if ((long)p.Page * p.PageSize > DiscoveryService.MaxDepth)
        {
            return Problems.BadRequest($"page × pageSize may reach at most {DiscoveryService.MaxDepth} targets deep, got {(long)p.Page * p.PageSize}; narrow the filters instead.", "Page too deep");
        }

        if (p.Paths is < 0 or > MaxPaths)
        {
            return Problems.BadRequest($"paths must be between 0 and {MaxPaths}, got {p.Paths}.", "Invalid paths");
        }

        if (p.MinCapital is < 0)
        {
            return Problems.BadRequest($"minCapital must not be negative, got {p.MinCapital}.", "Invalid minimum capital");
        }

        ChainDefinition? chosen = null;
        if (!string.IsNullOrWhiteSpace(p.Chain))
        {
            chosen = await chains.GetDefinitionAsync(p.Chain, cancellationToken);
            if (chosen is null)
            {
                return Problems.ChainNotFound(p.Chain);
            }
        }

        var searched = chosen is null ? await chains.ListDefinitionsAsync(cancellationToken) : [chosen];
        IEnumerable<Segment> segments = searched.SelectMany(c => c.Segments);
        var segmentFiltered = false;
        if (!string.IsNullOrWhiteSpace(p.Segment))
        {
            var matcher = new SegmentMatcher(searched);
            var picked = new List<Segment>();
            foreach (var part in p.Segment.Split([',', '，', '|', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var found = matcher.FindExact(part);
                if (found is null)
                {
                    return Problems.NotFound($"No segment{(chosen is null ? string.Empty : $" of chain {chosen.Chain.Code}")} has the code, name or alias '{part}'.", "Segment not found");
                }

                picked.Add(found);
            }

            // A parent stands for its sub-segments too.
            var all = searched.SelectMany(c => c.Segments).ToList();
            var codes = new SegmentTree(all).SelfAndDescendants(picked.Select(s => s.Code));
            segments = all.Where(s => codes.Contains(s.Code));
            segmentFiltered = true;
        }

        if (!string.IsNullOrWhiteSpace(p.Tier))
        {
            if (!Tiers.TryParse(p.Tier, out var tier))
            {
                return Problems.BadRequest($"tier must be upstream, midstream or downstream (上游/中游/下游), got '{p.Tier}'.", "Invalid tier");
            }

            segments = segments.Where(s => s.Tier == tier);
            segmentFiltered = true;
        }

        var tagList = (p.Tags ?? string.Empty).Split([',', '，', '|', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        var filter = new TargetFilter(
            searched, segmentFiltered ? segments.Select(s => s.Code).ToList() : null, Codes(scope), scope.Name, tagList, p.MinCapital,
            p.Page, p.PageSize, p.Paths);
        var page = await discovery.FindTargetsAsync(filter, cancellationToken);
        var home = await regions.GetHomeAsync(cancellationToken);
        var catalog = await regions.GetCatalogAsync(cancellationToken);
        return TypedResults.Ok(new TargetPageResponse(
            chosen?.Chain.Code, chosen?.Chain.Name, scope, home.Code, home.Name,
            page.Items.Select(t => t.ToResponse(catalog)).ToList(), page.Page, page.PageSize, page.Total, page.Reason));
    }

    /// <summary>A division (code or name, either script), a region group, or everywhere when empty.</summary>
    internal static (RegionScopeResponse? Scope, ProblemHttpResult? Problem) ResolveScope(RegionCatalog catalog, string? region)
    {
        if (string.IsNullOrWhiteSpace(region))
        {
            return (new RegionScopeResponse("everywhere", null, "全国", []), null);
        }

        var match = catalog.Resolve(region);
        if (match.Group is { } group)
        {
            return (GroupScope(group), null);
        }

        if (match.Region is { } found)
        {
            return (new RegionScopeResponse(found.Level.ToWire(), found.Code, TargetMappings.FullName(catalog, found.Code), [found.Code]), null);
        }

        return (null, match.IsAmbiguous
            ? Problems.BadRequest($"'{region}' names several divisions: {string.Join("、", match.Candidates.Select(c => $"{c.Code} {TargetMappings.FullName(catalog, c.Code)}"))}; use a code.", "Ambiguous region")
            : Problems.NotFound($"No division or region group has the code or name '{region}'. GET /api/regions and /api/region-groups list them.", "Region not found"));
    }

    internal static RegionScopeResponse GroupScope(RegionGroup group) =>
        new("group", null, group.Name, group.MemberCodes.ToList());

    private static IReadOnlyCollection<string>? Codes(RegionScopeResponse scope) => scope.Kind == "everywhere" ? null : scope.Codes;
}
