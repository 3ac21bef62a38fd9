using ChainMap.Discovery;
using ChainMap.Regions;
using ChainMap.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMap.Api.Targets;

internal static class TargetEndpoints
{
    public const int MaxPaths = 5;
    public const int MaxTop = 20;

    public static IEndpointRouteBuilder MapTargets(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Targets");
        group.MapGet("/targets", ListTargets).WithName("ListTargets")
            .WithSummary("Ranked target companies outside the home region, with score parts, reasons and introduction paths");
        group.MapGet("/chains/{code}/investment-map", GetInvestmentMap).WithName("GetInvestmentMap")
            .WithSummary("The investment map of a chain: every segment's gap rating and action, top targets and where its companies are");
        return app;
    }

    internal static async Task<Results<TargetPageResult, ProblemHttpResult>> ListTargets(
        TargetFilterResolver resolver, RegionDirectory regions, DiscoveryService discovery, TargetPageJson json, CancellationToken cancellationToken,
        string? chain = null, string? region = null, string? segment = null, string? tier = null, string? tags = null,
        decimal? minCapital = null, int page = 1, int pageSize = 20, int paths = 3)
    {
        if (CheckPage(page, pageSize, paths) is { } problem)
        {
            return problem;
        }

        var resolution = await resolver.ResolveAsync(new TargetFilterInput(chain, region, segment, tier, tags, minCapital), chainRequired: false, cancellationToken);
        return resolution.Error is { } error
            ? Problems.For(error)
            : await RunAsync(resolution.Filter!, page, pageSize, paths, regions, discovery, json, cancellationToken);
    }

    internal static async Task<Results<Ok<InvestmentMapResponse>, ProblemHttpResult>> GetInvestmentMap(
        string code, TargetFilterResolver resolver, RegionDirectory regions, DiscoveryService discovery, IMembershipStore store, CancellationToken cancellationToken,
        string? region = null, int top = 5, int paths = 1)
    {
        if (top is < 0 or > MaxTop)
        {
            return Problems.Invalid("top", $"top must be between 0 and {MaxTop}, got {top}.", "Invalid top");
        }

        if (paths is < 0 or > MaxPaths)
        {
            return Problems.Invalid("paths", $"paths must be between 0 and {MaxPaths}, got {paths}.", "Invalid paths");
        }

        var resolution = await resolver.ResolveAsync(new TargetFilterInput(Chain: code, Region: region), chainRequired: true, cancellationToken);
        if (resolution.Error is { } error)
        {
            return Problems.For(error);
        }

        var filter = resolution.Filter!;
        var catalog = await regions.GetCatalogAsync(cancellationToken);
        var map = await discovery.BuildMapAsync(filter.Chain!, filter.Region.SearchCodes, top, paths, cancellationToken);
        var unconfirmed = await store.CountUnconfirmedBySegmentAsync(filter.Chain!.Chain.Code, filter.Region.SearchCodes, cancellationToken);
        return TypedResults.Ok(map.ToResponse(filter.Region.ToResponse(), catalog, unconfirmed));
    }

    /// <summary>The paging and paths check of every ranked list (targets, team targets).</summary>
    internal static ProblemHttpResult? CheckPage(int page, int pageSize, int paths) =>
        Paging.Check(page, pageSize, Paging.TargetsMaxPageSize, DiscoveryService.MaxDepth)
        ?? (paths is < 0 or > MaxPaths ? Problems.Invalid("paths", $"paths must be between 0 and {MaxPaths}, got {paths}.", "Invalid paths") : null);

    /// <summary>Runs the ranking for a resolved filter; the page is written as <see cref="TargetPageResponse"/> JSON by <see cref="TargetPageJson"/>.</summary>
    internal static async Task<Results<TargetPageResult, ProblemHttpResult>> RunAsync(
        ResolvedTargetFilter filter, int page, int pageSize, int paths, RegionDirectory regions, DiscoveryService discovery, TargetPageJson json, CancellationToken cancellationToken)
    {
        var found = await discovery.FindTargetsAsync(filter.ToTargetFilter(page, pageSize, paths), cancellationToken);
        var home = await regions.GetHomeAsync(cancellationToken);
        var catalog = await regions.GetCatalogAsync(cancellationToken);
        return json.Result(filter.Chain?.Chain.Code, filter.Chain?.Chain.Name, filter.Region.ToResponse(), home, found, catalog);
    }

    internal static RegionScopeResponse ToResponse(this TargetRegionScope scope) => new(scope.Kind, scope.Code, scope.Name, scope.Codes);
}
