using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Timeout;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// The store on Neo4j, over its HTTP APIs. The model: <c>(:Chain)</c>,
/// <c>(:Segment)-[:PART_OF]-&gt;(:Chain)</c>, <c>(:Segment)-[:SUBSEGMENT_OF]-&gt;(:Segment)</c> (hierarchy),
/// <c>(:Segment)-[:SUPPLIES_TO]-&gt;(:Segment)</c> (flow), <c>(:Company)-[:IN_SEGMENT]-&gt;(:Segment)</c>,
/// <c>(:Company)-[:LOCATED_IN]-&gt;(:Region)-[:PART_OF]-&gt;(:Region)</c>,
/// <c>(:Company)-[:SUPPLIES|INVESTS_IN|CONTROLS]-&gt;(:Company)</c>; see docs/neo4j.md.
/// A partial class per feature (<c>Neo4jStore.Chains.cs</c>, ...), like the port. Every operation runs
/// through <see cref="RunAsync(IReadOnlyList{CypherStatement}, CancellationToken)"/> or
/// <see cref="ExecuteAsync{T}"/>: one transaction, retried whole on transient failures, and
/// <see cref="StoreUnavailableException"/> when Neo4j cannot serve.
/// </summary>
internal sealed partial class Neo4jStore : IChainMapStore
{
    private readonly Neo4jConnector connector;
    private readonly ResiliencePipeline pipeline;
    private readonly ResiliencePipeline openingPipeline;
    private readonly Neo4jCircuit circuit;
    private readonly Neo4jResilienceOptions resilience;
    private readonly string database;
    private readonly int importCommitRows;
    private readonly ILogger<Neo4jStore> logger;

    public Neo4jStore(
        Neo4jConnector connector,
        ResiliencePipelineProvider<string> pipelines,
        Neo4jCircuit circuit,
        IOptions<Neo4jResilienceOptions> resilience,
        IOptions<Neo4jOptions> options,
        ILogger<Neo4jStore> logger)
    {
        this.connector = connector;
        pipeline = pipelines.GetPipeline(Neo4jResilience.PipelineName);
        openingPipeline = pipelines.GetPipeline(Neo4jResilience.OpeningPipelineName);
        this.circuit = circuit;
        this.resilience = resilience.Value;
        database = options.Value.Database;
        importCommitRows = options.Value.ImportCommitRows;
        this.logger = logger;
    }

    public string Provider => "neo4j";

    /// <summary>
    /// Connects and creates the schema. When Neo4j cannot be reached the service still starts (its
    /// API answers 503 and /health says why); the schema is then created on the first call that reaches it.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var server = await ExecuteAsync((server, _) => Task.FromResult(server), cancellationToken);
            logger.LogInformation("Neo4j store ready: {Server}", server);
        }
        catch (StoreUnavailableException ex)
        {
            logger.LogWarning("{Reason}. ChainMap answers 503 until it can reach Neo4j; the schema is created then", ex.Message);
        }
    }

    public async Task<string?> CheckHealthAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(resilience.HealthTimeout);
        try
        {
            var server = await connector.GetAsync(timeout.Token);
            await server.Transport.RunAsync(["RETURN 1 AS ok"], timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"Neo4j at {connector.Address} did not answer within {resilience.HealthTimeout.TotalSeconds:0.###} s";
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return UnavailableReason(ex) ?? $"Neo4j at {connector.Address} failed the health check: {ex.Message}";
        }

        return circuit.IsOpen
            ? $"Neo4j at {connector.Address} answers again, but calls stay suspended for up to {resilience.BreakDuration.TotalSeconds:0.###} s after repeated failures (last: {circuit.LastFailure})"
            : null;
    }

    /// <summary>Runs <paramref name="statements"/> in one transaction (all or nothing), retried whole on transient failures.</summary>
    internal Task<IReadOnlyList<Neo4jResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken) =>
        ExecuteAsync((server, token) => server.Transport.RunAsync(statements, token), cancellationToken);

    /// <summary>Runs one statement in its own transaction.</summary>
    internal async Task<Neo4jResult> RunAsync(CypherStatement statement, CancellationToken cancellationToken) =>
        (await RunAsync([statement], cancellationToken))[0];

    /// <summary>
    /// Runs <paramref name="work"/> inside the resilience pipeline with a connected server whose schema
    /// exists. <paramref name="work"/> must be a whole unit: it is run again from the start on a
    /// transient failure (so it must read again what it decides on). Failures that mean "Neo4j cannot
    /// serve" become <see cref="StoreUnavailableException"/> (503 in the API).
    /// </summary>
    internal async Task<T> ExecuteAsync<T>(Func<Neo4jServer, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await pipeline.ExecuteAsync(
                static async (state, token) => await state.work(await state.connector.GetAsync(token), token),
                (work, connector),
                cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && UnavailableReason(ex) is { } reason)
        {
            throw new StoreUnavailableException(reason, ex);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/>, a unit that opens an explicit transaction (the first batch of an import session), in
    /// the named pipeline <see cref="Neo4jResilience.OpeningPipelineName"/>: bounded by <see cref="Neo4jResilienceOptions.TotalTimeout"/>
    /// only (cutting an attempt short would leave its transaction open on the server, holding the company lock until it idles
    /// out, so that the retry would only wait for it); retried whole, with the pipeline's delays, when Neo4j answered with a
    /// transient error (it then rolled the transaction back) or could not be reached; through the same circuit breaker as
    /// every other call, so it fails at once while the circuit is open and its failures count towards opening it.
    /// </summary>
    internal async Task<T> ExecuteOpeningAsync<T>(Func<Neo4jServer, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await openingPipeline.ExecuteAsync(
                static async (state, token) => await state.work(await state.connector.GetAsync(token), token),
                (work, connector),
                cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && UnavailableReason(ex) is { } reason)
        {
            throw new StoreUnavailableException(reason, ex);
        }
    }

    /// <summary>Why Neo4j cannot serve, for the 503 answer and /health; null for errors that are ChainMap's own (bugs).</summary>
    private string? UnavailableReason(Exception exception) => exception switch
    {
        BrokenCircuitException => $"Neo4j at {connector.Address} is not called for up to {resilience.BreakDuration.TotalSeconds:0.###} s after repeated failures (last: {circuit.LastFailure ?? exception.Message})",
        TimeoutRejectedException timeout => $"Neo4j at {connector.Address} did not answer within {timeout.Timeout.TotalSeconds:0.###} s",
        HttpRequestException http => $"Neo4j at {connector.Address} cannot be reached: {http.Message}",
        Neo4jException { IsSecurity: true } neo4j => $"Neo4j at {connector.Address} refused user '{connector.User}': {neo4j.ServerMessage}",
        Neo4jException { IsDatabaseUnavailable: true } neo4j => $"Neo4j database '{database}' at {connector.Address} is not available: {neo4j.ServerMessage}",
        Neo4jException { IsTransient: true } neo4j => $"Neo4j at {connector.Address} cannot serve now ({neo4j.Code}): {neo4j.ServerMessage}",
        Neo4jException neo4j when neo4j.Code.StartsWith("HTTP ", StringComparison.Ordinal) || neo4j.Code == "ChainMap.Protocol" => $"Neo4j at {connector.Address}: {neo4j.ServerMessage}",
        Neo4jConflictException conflict => $"Neo4j at {connector.Address}: {conflict.Message}",
        _ => null,
    };

    /// <summary>A statement with named parameters: <c>Cypher("MATCH (c:Chain {code: $code}) ...", ("code", code))</c>.</summary>
    private static CypherStatement Cypher(string text, params (string Name, object? Value)[] parameters)
    {
        var values = new Dictionary<string, object?>(parameters.Length, StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            values[name] = value;
        }

        return new CypherStatement(text, values);
    }
}
