using System.Text.Json;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// The transactional HTTP API (Neo4j 3.x to 5.x; deprecated in 5.26, not on Aura): every call is one
/// <c>POST .../commit</c> whose statements run in one transaction. Errors come back in the body,
/// with status 200, and roll the whole request back.
/// </summary>
internal sealed class TransactionalHttpTransport : INeo4jTransport
{
    private readonly IHttpClientFactory clients;
    private readonly string commitPath;

    /// <param name="clients">Named client <see cref="Neo4jHttp.ClientName"/>: base address and Basic auth.</param>
    /// <param name="legacyPaths">Neo4j 3.x: <c>/db/data/transaction/commit</c> (one database).</param>
    /// <param name="database">4.x and later: the database of <c>/db/{database}/tx/commit</c>.</param>
    public TransactionalHttpTransport(IHttpClientFactory clients, bool legacyPaths, string database)
    {
        this.clients = clients;
        commitPath = legacyPaths ? "db/data/transaction/commit" : $"db/{Uri.EscapeDataString(database)}/tx/commit";
    }

    public string Api => "transactional";

    public string CommitPath => commitPath;

    public async Task<IReadOnlyList<Neo4jResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
    {
        if (statements.Count == 0)
        {
            return [];
        }

        var body = new Dictionary<string, object?>
        {
            ["statements"] = statements.Select(s => new Dictionary<string, object?>
            {
                ["statement"] = s.Text,
                ["parameters"] = s.Parameters ?? new Dictionary<string, object?>(),
                ["resultDataContents"] = new[] { "row" },
            }).ToList(),
        };

        using var request = new HttpRequestMessage(HttpMethod.Post, commitPath) { Content = Neo4jJson.Content(body) };
        request.Headers.Accept.ParseAdd("application/json");
        using var client = clients.CreateClient(Neo4jHttp.ClientName);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var json = await Neo4jJson.ReadBodyAsync(response, "The transactional HTTP API", cancellationToken);
        Neo4jJson.ThrowIfErrors(json, response.StatusCode);
        if (!response.IsSuccessStatusCode)
        {
            throw new Neo4jException($"HTTP {(int)response.StatusCode}", $"the transactional HTTP API answered {(int)response.StatusCode} {response.ReasonPhrase}", response.StatusCode);
        }

        var results = new List<Neo4jResult>(statements.Count);
        foreach (var result in json.Get("results").EnumerateArray())
        {
            var columns = result.Get("columns").AsStringList();
            var rows = new List<JsonElement[]>();
            if (result.Get("data") is { ValueKind: JsonValueKind.Array } data)
            {
                foreach (var entry in data.EnumerateArray())
                {
                    rows.Add([.. entry.Get("row").EnumerateArray()]);
                }
            }

            results.Add(new Neo4jResult(columns, rows));
        }

        if (results.Count != statements.Count)
        {
            throw new Neo4jException("ChainMap.Protocol", $"sent {statements.Count} statements but got {results.Count} results back");
        }

        return results;
    }
}

/// <summary>The named HttpClient that talks to Neo4j.</summary>
internal static class Neo4jHttp
{
    public const string ClientName = "ChainMap.Neo4j";
}
