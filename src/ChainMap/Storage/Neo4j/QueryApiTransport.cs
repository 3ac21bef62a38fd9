using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// The Query API v2 (Neo4j 5.25+ by default, 2025.x, Aura). One statement runs as an implicit
/// transaction (<c>POST /db/{db}/query/v2</c>); several run in an explicit one: opened with the first
/// (<c>POST .../tx</c>), continued (<c>POST .../tx/{id}</c>) and committed with the last
/// (<c>POST .../tx/{id}/commit</c>), echoing the <c>neo4j-cluster-affinity</c> header the server sent;
/// any failure rolls it back (<c>DELETE .../tx/{id}</c>). Answers use typed JSON, read whatever the
/// HTTP status (202 on older servers, 4xx/5xx on newer ones).
/// </summary>
internal sealed class QueryApiTransport(IHttpClientFactory clients, string database, ILogger? logger = null) : INeo4jTransport
{
    public const string TypedJson = "application/vnd.neo4j.query";
    public const string AffinityHeader = "neo4j-cluster-affinity";

    private readonly string basePath = $"db/{Uri.EscapeDataString(database)}/query/v2";

    public string Api => "query";

    public async Task<IReadOnlyList<Neo4jResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
    {
        if (statements.Count == 0)
        {
            return [];
        }

        using var client = clients.CreateClient(Neo4jHttp.ClientName);
        if (statements.Count == 1)
        {
            return [(await PostAsync(client, basePath, statements[0], null, cancellationToken)).Result];
        }

        var results = new List<Neo4jResult>(statements.Count);
        string? transactionId = null;
        string? affinity = null;
        try
        {
            var first = await Named(0, PostAsync(client, basePath + "/tx", statements[0], null, cancellationToken));
            transactionId = first.TransactionId
                ?? throw new Neo4jException("ChainMap.Protocol", "the Query API opened no transaction (no transaction.id in its answer); explicit transactions need Neo4j 5.26 or later");
            affinity = first.Affinity;
            results.Add(first.Result);
            var path = $"{basePath}/tx/{Uri.EscapeDataString(transactionId)}";
            for (var i = 1; i < statements.Count - 1; i++)
            {
                results.Add((await Named(i, PostAsync(client, path, statements[i], affinity, cancellationToken))).Result);
            }

            var last = await Named(statements.Count - 1, PostAsync(client, path + "/commit", statements[^1], affinity, cancellationToken));
            transactionId = null;
            results.Add(last.Result);
            return results;
        }
        catch when (transactionId is not null)
        {
            await RollbackAsync(client, transactionId, affinity);
            throw;
        }

        // One statement per request here: the request that failed names its statement (ADR 0445).
        async Task<Answer> Named(int index, Task<Answer> posting)
        {
            try
            {
                return await posting;
            }
            catch (Neo4jException ex) when (ex.Statement is null)
            {
                throw new Neo4jException(ex.Code, ex.ServerMessage, ex.Status, new FailedStatement(index, statements.Count, statements[index].Text));
            }
        }
    }

    /// <summary>
    /// An explicit transaction opened lazily: by its first statement (<c>POST .../tx</c>), continued by
    /// <c>POST .../tx/{id}</c> and committed by an empty <c>POST .../tx/{id}/commit</c>, every request
    /// echoing the <c>neo4j-cluster-affinity</c> header of the first answer.
    /// </summary>
    public Task<INeo4jTransaction> BeginAsync(CancellationToken cancellationToken) =>
        Task.FromResult<INeo4jTransaction>(new Transaction(this, clients.CreateClient(Neo4jHttp.ClientName)));

    /// <summary>POSTs one statement, or none (<paramref name="statement"/> null: an empty body, as to commit).</summary>
    private async Task<Answer> PostAsync(HttpClient client, string path, CypherStatement? statement, string? affinity, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (statement is not null)
        {
            request.Content = Neo4jJson.Content(new Dictionary<string, object?>
            {
                ["statement"] = statement.Text,
                ["parameters"] = statement.Parameters ?? new Dictionary<string, object?>(),
            });
        }

        request.Headers.Accept.ParseAdd(TypedJson);
        request.Headers.Accept.ParseAdd("application/json;q=0.9");
        if (affinity is not null)
        {
            request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var json = await Neo4jJson.ReadBodyAsync(response, "The Query API", cancellationToken);
        Neo4jJson.ThrowIfErrors(json, response.StatusCode);
        if (!response.IsSuccessStatusCode)
        {
            throw new Neo4jException($"HTTP {(int)response.StatusCode}", $"the Query API answered {(int)response.StatusCode} {response.ReasonPhrase}", response.StatusCode);
        }

        var data = json.Get("data");
        var result = data.ValueKind == JsonValueKind.Object
            ? new Neo4jResult(data.Get("fields").AsStringList(), Neo4jJson.UntypeRows(data.Get("values")))
            : new Neo4jResult([], []);
        var transactionId = json.Get("transaction").Get("id").AsString();
        var answeredAffinity = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null;
        return new Answer(result, transactionId, answeredAffinity ?? affinity);
    }

    /// <summary>Best effort: the server also rolls back by itself when the transaction idles out.</summary>
    private async Task RollbackAsync(HttpClient client, string transactionId, string? affinity)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            using var request = new HttpRequestMessage(HttpMethod.Delete, $"{basePath}/tx/{Uri.EscapeDataString(transactionId)}");
            request.Headers.Accept.ParseAdd(TypedJson);
            if (affinity is not null)
            {
                request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
            }

            using var response = await client.SendAsync(request, timeout.Token);
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Accepted or HttpStatusCode.NoContent))
            {
                logger?.LogDebug("Rollback of Query API transaction {Id} answered {Status}", transactionId, (int)response.StatusCode);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            logger?.LogWarning("Could not roll back Query API transaction {Id} ({Message}); the server drops it when it idles out", transactionId, ex.Message);
        }
    }

    private sealed record Answer(Neo4jResult Result, string? TransactionId, string? Affinity);

    private sealed class Transaction(QueryApiTransport transport, HttpClient client) : INeo4jTransaction
    {
        private string? id;
        private string? affinity;

        public bool IsOpen { get; private set; } = true;

        public async Task<IReadOnlyList<Neo4jResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
        {
            if (!IsOpen)
            {
                throw new InvalidOperationException("the Query API transaction is no longer open");
            }

            var results = new List<Neo4jResult>(statements.Count);
            try
            {
                foreach (var statement in statements)
                {
                    if (id is null)
                    {
                        var first = await transport.PostAsync(client, transport.basePath + "/tx", statement, null, cancellationToken);
                        id = first.TransactionId
                            ?? throw new Neo4jException("ChainMap.Protocol", "the Query API opened no transaction (no transaction.id in its answer); explicit transactions need Neo4j 5.26 or later");
                        affinity = first.Affinity;
                        results.Add(first.Result);
                    }
                    else
                    {
                        results.Add((await transport.PostAsync(client, Path, statement, affinity, cancellationToken)).Result);
                    }
                }
            }
            catch
            {
                await RollbackAsync(CancellationToken.None);
                throw;
            }

            return results;
        }

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            if (!IsOpen)
            {
                throw new InvalidOperationException("the Query API transaction is no longer open");
            }

            if (id is null)
            {
                IsOpen = false;
                return;
            }

            try
            {
                await transport.PostAsync(client, Path + "/commit", null, affinity, cancellationToken);
                IsOpen = false;
            }
            catch
            {
                await RollbackAsync(CancellationToken.None);
                throw;
            }
        }

        public async Task RollbackAsync(CancellationToken cancellationToken)
        {
            if (!IsOpen)
            {
                return;
            }

            IsOpen = false;
            if (id is not null)
            {
                await transport.RollbackAsync(client, id, affinity);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await RollbackAsync(CancellationToken.None);
            client.Dispose();
        }

        private string Path => $"{transport.basePath}/tx/{Uri.EscapeDataString(id!)}";
    }
}
