using ChainMap.Chains;
using ChainMap.Discovery;
using ChainMap.Regions;
using Microsoft.Extensions.Options;

namespace ChainMap.Api.Targets;

/// <summary>
/// Before the service listens (ADR 0315): writes one kept target list and one kept investment map (ADR 0295) as the
/// endpoints write them, into nothing, so that the first request after a start does not pay for the first use of the
/// answer's code (filter resolution, mapping to the response records, the serializer's metadata for the large response
/// types, their JSON writing): on the 2-core machine, at 1 M, that was most of the first list call's second or more,
/// while the discovery warm-up (ADR 0210) used both cores. Reads only (two kept answers and the write mark, which the
/// warm-up reads too); writes nothing. Off when the warm-up or kept answers are off; a failure is logged and the
/// service starts as before.
/// </summary>
internal sealed class AnswerWarmup(
    IServiceProvider services, DiscoverySnapshots snapshots, ChainDirectory chains, RegionDirectory regions, TargetFilterResolver resolver,
    TargetPageJson json, IOptions<DiscoveryOptions> options, TimeProvider time, ILogger<AnswerWarmup> logger) : IHostedService
{
    /// <summary>The list and map written: the warm-up's list (ADR 0210: everywhere, 20 targets, 3 paths) and the map's defaults.</summary>
    private const int PageSize = 20;
    private const int Paths = 3;
    private const int MapTop = 5;
    private const int MapPaths = 1;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.WarmAtStart || !snapshots.Enabled)
        {
            return;
        }

        var started = time.GetTimestamp();
        try
        {
            var written = await WriteAsync(cancellationToken);
            logger.LogInformation("Answer code warmed before listening in {Milliseconds:0} ms ({Written})", time.GetElapsedTime(started).TotalMilliseconds, written);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation(ex, "Warming the answer code at start failed; the first request does it");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<string> WriteAsync(CancellationToken cancellationToken)
    {
        var definitions = await chains.ListDefinitionsAsync(cancellationToken);
        if (definitions.Count == 0)
        {
            return "no chain";
        }

        var resolution = await resolver.ResolveAsync(new TargetFilterInput(Chain: definitions[0].Chain.Code), chainRequired: true, cancellationToken);
        if (resolution.Filter is not { Chain: { } chain } filter)
        {
            return "no filter";
        }

        var home = await regions.GetHomeAsync(cancellationToken);
        var catalog = await regions.GetCatalogAsync(cancellationToken);
        var scope = filter.Region.ToResponse();
        var page = await snapshots.ReadPageAsync(filter.ToTargetFilter(1, PageSize, Paths), home, cancellationToken);
        if (page is not null)
        {
            await json.Result(chain.Chain.Code, chain.Chain.Name, scope, home, page, catalog).ExecuteAsync(Context());
        }

        // A map is kept only once asked for (ADR 0295): the first chain's whose default map is kept.
        foreach (var definition in definitions)
        {
            if (await snapshots.ReadMapAsync(definition, home, null, MapTop, MapPaths, cancellationToken) is { } map)
            {
                await TypedResults.Ok(map.ToResponse(scope, catalog, new Dictionary<string, int>(StringComparer.Ordinal))).ExecuteAsync(Context());
                return $"list {(page is null ? "not kept" : "written")}, map of {definition.Chain.Code} written";
            }
        }

        return $"list {(page is null ? "not kept" : "written")}, no map kept";
    }

    /// <summary>A request context whose answer goes nowhere.</summary>
    private HttpContext Context()
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = Stream.Null;
        return context;
    }
}
