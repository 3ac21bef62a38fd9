using ChainMap.Chains;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Regions;
using ChainMap.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMap.Api.Chains;

internal static class ChainEndpoints
{
    public static IEndpointRouteBuilder MapChains(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/chains").WithTags("Chains");
        group.MapGet("/", ListChains).WithName("ListChains").WithSummary("All industrial chains");
        group.MapGet("/{code}", GetChain).WithName("GetChain").WithSummary("One chain with its segments and flow edges (code or name, either script)");
        group.MapGet("/{code}/map", GetChainMap).WithName("GetChainMap").WithSummary("The chain map: segments by tier, flow edges and home-region company counts; chainLevel counts the chain-level memberships (环节待定) waiting for a segment");
        group.MapPost("/", CreateChain).WithName("CreateChain").RequireAuthorization(Access.Policies.EditChains).WithSummary("Create a chain from a whole definition");
        group.MapPut("/{code}", ReplaceChain).WithName("ReplaceChain").RequireAuthorization(Access.Policies.EditChains).WithSummary("Replace a chain's definition (segments and flows) as a whole");
        group.MapPost("/{code}/segments", AddSegment).WithName("AddSegment").RequireAuthorization(Access.Policies.EditChains).WithSummary("Add a segment to a chain");
        group.MapPut("/{code}/segments/{segmentCode}", UpdateSegment).WithName("UpdateSegment").RequireAuthorization(Access.Policies.EditChains).WithSummary("Update one segment of a chain");
        return app;
    }

    internal static async Task<Ok<IReadOnlyList<ChainSummaryResponse>>> ListChains(ChainDirectory chains, CancellationToken cancellationToken)
    {
        var list = await chains.ListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ChainSummaryResponse>>(list.Select(c => c.ToSummary()).ToList());
    }

    internal static async Task<Results<Ok<ChainResponse>, ProblemHttpResult>> GetChain(string code, ChainDirectory chains, CancellationToken cancellationToken)
    {
        var definition = await chains.GetDefinitionAsync(code, cancellationToken);
        return definition is null ? Problems.ChainNotFound(code) : TypedResults.Ok(definition.ToResponse());
    }

    internal static async Task<Results<Ok<ChainMapResponse>, ProblemHttpResult>> GetChainMap(
        string code, ChainDirectory chains, RegionDirectory regions, IChainStore store, IMembershipStore memberships,
        CancellationToken cancellationToken)
    {
        var definition = await chains.GetDefinitionAsync(code, cancellationToken);
        if (definition is null)
        {
            return Problems.ChainNotFound(code);
        }

        var home = await regions.GetHomeAsync(cancellationToken);

        // Three counts that need nothing of each other, side by side (ADR 0415). The chain-level memberships (环节待定) waiting
        // for a segment are the review queue's under the chain's code (ADR 0370, 0405), counted by one seek.
        var presenceRead = home.Code.Length == 0 ? Task.FromResult<IReadOnlyList<SegmentPresence>>([]) : store.CountBySegmentAsync(definition.Chain.Code, [home.Code], cancellationToken);
        var unconfirmedRead = home.Code.Length == 0
            ? Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>())
            : memberships.CountUnconfirmedBySegmentAsync(definition.Chain.Code, [home.Code], cancellationToken);
        var chainLevelRead = memberships.CountChainLevelAsync(definition.Chain.Code, cancellationToken);
        var (presence, unconfirmed, chainLevel) = (await presenceRead, await unconfirmedRead, await chainLevelRead);
        return TypedResults.Ok(ChainMappings.ToMap(definition, home, presence, unconfirmed, chainLevel));
    }

    internal static async Task<Results<Created<ChainResponse>, ValidationProblem, ProblemHttpResult>> CreateChain(
        ChainRequest request, ChainDirectory chains, ChainService service, ImportJobs jobs, CancellationToken cancellationToken)
    {
        if (request.SizeProblems(service.Limits) is { Count: > 0 } tooBig)
        {
            return tooBig.ToValidationProblem("The chain definition is too large");
        }

        var errors = new Dictionary<string, string[]>();
        var definition = request.ToDefinition(errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The chain definition is invalid");
        }

        if (await chains.ResolveAsync(definition.Chain.Code, cancellationToken) is { } existing && existing.Code == definition.Chain.Code)
        {
            return TypedResults.Problem($"Chain {definition.Chain.Code} already exists; use PUT /api/chains/{definition.Chain.Code} to replace it.", statusCode: StatusCodes.Status409Conflict, title: "Chain exists");
        }

        var result = await service.SaveAsync(definition, cancellationToken);
        if (!result.Saved)
        {
            return result.Problems.ToValidationProblem("The chain definition is invalid");
        }

        await jobs.EnqueueReclassifyAsync("chain " + definition.Chain.Code + " created", cancellationToken);

        return TypedResults.Created($"/api/chains/{Uri.EscapeDataString(definition.Chain.Code)}", definition.ToResponse());
    }

    internal static async Task<Results<Ok<ChainResponse>, ValidationProblem, ProblemHttpResult>> ReplaceChain(
        string code, ChainRequest request, ChainDirectory chains, ChainService service, ImportJobs jobs, CancellationToken cancellationToken)
    {
        var existing = await chains.ResolveAsync(code, cancellationToken);
        if (existing is null)
        {
            return Problems.ChainNotFound(code);
        }

        if (request.SizeProblems(service.Limits) is { Count: > 0 } tooBig)
        {
            return tooBig.ToValidationProblem("The chain definition is too large");
        }

        var errors = new Dictionary<string, string[]>();
        var definition = (request with { Code = existing.Code }).ToDefinition(errors);
        if (!string.IsNullOrWhiteSpace(request.Code) && request.Code.Trim() != existing.Code)
        {
            errors["code"] = [$"the body names chain {request.Code} but the URL names {existing.Code}; a chain's code cannot be changed"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The chain definition is invalid");
        }

        var result = await service.SaveAsync(definition, cancellationToken);
        if (result.Saved)
        {
            // Changed keywords, names or segments: the stored companies are classified again (in the background).
            await jobs.EnqueueReclassifyAsync("chain " + definition.Chain.Code + " changed", cancellationToken);
        }

        return result.Saved
            ? TypedResults.Ok(definition.ToResponse())
            : result.Problems.ToValidationProblem("The chain definition is invalid");
    }

    internal static async Task<Results<Created<SegmentResponse>, ValidationProblem, ProblemHttpResult>> AddSegment(
        string code, SegmentRequest request, ChainDirectory chains, ChainService service, ImportJobs jobs, CancellationToken cancellationToken)
    {
        var definition = await chains.GetDefinitionAsync(code, cancellationToken);
        if (definition is null)
        {
            return Problems.ChainNotFound(code);
        }

        var errors = new Dictionary<string, string[]>();
        var segment = request.ToSegment(definition.Chain.Code, "segment", errors);
        if (definition.FindSegment(segment.Code) is not null)
        {
            return TypedResults.Problem($"Segment {segment.Code} already exists in chain {definition.Chain.Code}; use PUT to update it.", statusCode: StatusCodes.Status409Conflict, title: "Segment exists");
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The segment is invalid");
        }

        var result = await service.SaveAsync(definition with { Segments = [.. definition.Segments, segment] }, cancellationToken);
        if (result.Saved)
        {
            // Changed keywords, names or segments: the stored companies are classified again (in the background).
            await jobs.EnqueueReclassifyAsync("chain " + definition.Chain.Code + " changed", cancellationToken);
        }

        return result.Saved
            ? TypedResults.Created($"/api/chains/{Uri.EscapeDataString(definition.Chain.Code)}", segment.ToResponse())
            : result.Problems.ToValidationProblem("The segment is invalid");
    }

    internal static async Task<Results<Ok<SegmentResponse>, ValidationProblem, ProblemHttpResult>> UpdateSegment(
        string code, string segmentCode, SegmentRequest request, ChainDirectory chains, ChainService service, ImportJobs jobs, CancellationToken cancellationToken)
    {
        var definition = await chains.GetDefinitionAsync(code, cancellationToken);
        if (definition is null)
        {
            return Problems.ChainNotFound(code);
        }

        if (definition.FindSegment(segmentCode) is null)
        {
            return Problems.NotFound($"Segment {segmentCode} is not a segment of chain {definition.Chain.Code}.", "Segment not found");
        }

        var errors = new Dictionary<string, string[]>();
        var segment = (request with { Code = segmentCode }).ToSegment(definition.Chain.Code, "segment", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The segment is invalid");
        }

        var segments = definition.Segments.Select(s => s.Code == segmentCode ? segment : s).ToList();
        var result = await service.SaveAsync(definition with { Segments = segments }, cancellationToken);
        if (result.Saved)
        {
            // Changed keywords, names or segments: the stored companies are classified again (in the background).
            await jobs.EnqueueReclassifyAsync("chain " + definition.Chain.Code + " changed", cancellationToken);
        }

        return result.Saved
            ? TypedResults.Ok(segment.ToResponse())
            : result.Problems.ToValidationProblem("The segment is invalid");
    }
}
