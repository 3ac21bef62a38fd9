using System.Text.Json;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// The transactional HTTP API (Neo4j 3.x to 5.x; deprecated in 5.26, not on Aura): a call is one
/// <c>POST .../commit</c> whose statements run in one transaction. Errors come back in the body,
/// with status 200, and roll the whole request back. An explicit transaction is opened with
/// <c>POST .../transaction</c> (3.x) or <c>POST /db/{db}/tx</c> (201 with a <c>Location</c>), continued
/// with <c>POST {location}</c>, committed with <c>POST {location}/commit</c> and rolled back with
/// <c>DELETE {location}</c>.
/// </summary>
internal sealed class TransactionalHttpTransport : INeo4jTransport
{
    private readonly IHttpClientFactory clients;
    private readonly string beginPath;
    private readonly string commitPath;
    private readonly string contents;

    /// <param name="clients">Named client <see cref="Neo4jHttp.ClientName"/>: base address and Basic auth.</param>
    /// <param name="legacyPaths">Neo4j 3.x: <c>/db/data/transaction/commit</c> (one database).</param>
    /// <param name="database">4.x and later: the database of <c>/db/{database}/tx/commit</c>.</param>
    public TransactionalHttpTransport(IHttpClientFactory clients, bool legacyPaths, string database)
    {
        this.clients = clients;
        beginPath = legacyPaths ? "db/data/transaction" : $"db/{Uri.EscapeDataString(database)}/tx";
        commitPath = beginPath + "/commit";
        contents = legacyPaths ? "rest" : "row";
    }

    /// <summary>
    /// The result format asked for: <c>rest</c> on 3.x, <c>row</c> on 4.x and 5.x. Both give plain values; <c>row</c> adds a
    /// <c>meta</c> list with one entry per value (null for anything but a node or relationship): 38 % of a target list's tie
    /// answer (ADR 0415). 3.x leaves it out of <c>rest</c>, which gives a node or relationship as its REST form (links, metadata
    /// and its properties as <c>data</c>): read back as its properties, as <c>row</c> gives it. 4.0 dropped <c>rest</c>.
    /// </summary>
    public string ResultContents => contents;

    public string Api => "transactional";

    public string CommitPath => commitPath;

    public async Task<IReadOnlyList<Neo4jResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
    {
        if (statements.Count == 0)
        {
            return [];
        }

        using var client = clients.CreateClient(Neo4jHttp.ClientName);
        return (await PostAsync(client, commitPath, contents, statements, cancellationToken)).Results;
    }

    public async Task<INeo4jTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(Neo4jHttp.ClientName);
        try
        {
            var answer = await PostAsync(client, beginPath, contents, [], cancellationToken);
            // The Location is the server's own absolute address of the transaction; only its last
            // segment (the id) is kept, so that a proxy or a base path in Neo4j:Uri still applies.
            var id = answer.Location?.Segments[^1].Trim('/')
                ?? throw new Neo4jException("ChainMap.Protocol", $"POST {beginPath} opened no transaction (no Location header)");
            return new Transaction(this, client, $"{beginPath}/{Uri.EscapeDataString(id)}");
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task<Answer> PostAsync(HttpClient client, string path, string contents, IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
    {
        // A statement that fails while it runs leaves its result in the answer, one that fails to compile does not: only a result
        // with its stats is one that completed, so a request of several asks for them to say which statement failed (ADR 0445).
        var several = statements.Count > 1;
        var body = new Dictionary<string, object?>
        {
            ["statements"] = statements.Select(s => new Dictionary<string, object?>
            {
                ["statement"] = s.Text,
                ["parameters"] = s.Parameters ?? new Dictionary<string, object?>(),
                ["resultDataContents"] = new[] { contents },
                ["includeStats"] = several,
            }).ToList(),
        };

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Neo4jJson.Content(body) };
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var json = await Neo4jJson.ReadBodyAsync(response, "The transactional HTTP API", cancellationToken);
        Neo4jJson.ThrowIfErrors(json, response.StatusCode, statements);
        if (!response.IsSuccessStatusCode)
        {
            throw new Neo4jException($"HTTP {(int)response.StatusCode}", $"the transactional HTTP API answered {(int)response.StatusCode} {response.ReasonPhrase}", response.StatusCode);
        }

        var results = new List<Neo4jResult>(statements.Count);
        if (json.Get("results") is { ValueKind: JsonValueKind.Array } all)
        {
            foreach (var result in all.EnumerateArray())
            {
                var columns = result.Get("columns").AsStringList();
                var rows = new List<JsonElement[]>();
                if (result.Get("data") is { ValueKind: JsonValueKind.Array } data)
                {
                    foreach (var entry in data.EnumerateArray())
                    {
                        var values = entry.Get(contents).EnumerateArray();
                        rows.Add(contents == "rest" ? [.. values.Select(Neo4jJson.Unrest)] : [.. values]);
                    }
                }

                results.Add(new Neo4jResult(columns, rows));
            }
        }

        if (results.Count != statements.Count)
        {
            throw new Neo4jException("ChainMap.Protocol", $"sent {statements.Count} statements but got {results.Count} results back");
        }

        return new Answer(results, response.Headers.Location);
    }

    private sealed record Answer(IReadOnlyList<Neo4jResult> Results, Uri? Location);

    /// <summary>An open transaction at <c>{beginPath}/{id}</c>; any server error has already rolled it back.</summary>
    private sealed class Transaction(TransactionalHttpTransport transport, HttpClient client, string path) : INeo4jTransaction
    {
        public bool IsOpen { get; private set; } = true;

        public async Task<IReadOnlyList<Neo4jResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
        {
            EnsureOpen();
            try
            {
                return (await PostAsync(client, path, transport.contents, statements, cancellationToken)).Results;
            }
            catch
            {
                await RollbackAsync(CancellationToken.None);
                throw;
            }
        }

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            EnsureOpen();
            try
            {
                await PostAsync(client, path + "/commit", transport.contents, [], cancellationToken);
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
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                using var request = new HttpRequestMessage(HttpMethod.Delete, path);
                request.Headers.Accept.ParseAdd("application/json");
                using var response = await client.SendAsync(request, timeout.Token);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                // The server rolls the transaction back by itself when it idles out (or already did on the error).
            }
        }

        public async ValueTask DisposeAsync()
        {
            await RollbackAsync(CancellationToken.None);
            client.Dispose();
        }

        private void EnsureOpen()
        {
            if (!IsOpen)
            {
                throw new InvalidOperationException($"the Neo4j transaction {path} of {transport.Api} API is no longer open");
            }
        }
    }
}

/// <summary>The named HttpClient that talks to Neo4j.</summary>
internal static class Neo4jHttp
{
    public const string ClientName = "ChainMap.Neo4j";
}
