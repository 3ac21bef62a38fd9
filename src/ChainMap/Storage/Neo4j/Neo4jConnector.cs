using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChainMap.Storage.Neo4j;

/// <summary>The server ChainMap talks to: which API it uses, its version, and its edition.</summary>
internal sealed record Neo4jServer(INeo4jTransport Transport, Version Version, string Edition)
{
    public override string ToString() => $"Neo4j {Version} {Edition} via the {Transport.Api} API";
}

/// <summary>
/// Finds out, once, how to talk to the configured server: the API (configured, or from the discovery
/// document at <c>GET /</c>), the version (<c>CALL dbms.components()</c>, which works from 3.1 to
/// 2025.x), and creates the schema for that version before anything else runs. A failed attempt is
/// not cached, so the store recovers when the server comes back.
/// </summary>
internal sealed partial class Neo4jConnector(IHttpClientFactory clients, IOptions<Neo4jOptions> options, ILogger<Neo4jConnector> logger)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private Neo4jServer? server;

    /// <summary>The configured address, for messages.</summary>
    public string Address => options.Value.Uri ?? "(Neo4j:Uri not set)";

    public string? User => options.Value.User;

    public async Task<Neo4jServer> GetAsync(CancellationToken cancellationToken)
    {
        if (server is { } known)
        {
            return known;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (server is null)
            {
                var resolved = await ResolveAsync(cancellationToken);
                await Neo4jSchema.CreateAsync(resolved, cancellationToken);
                logger.LogInformation("Connected to {Server} at {Address}; schema ready", resolved, Address);
                server = resolved;
            }

            return server;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<Neo4jServer> ResolveAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var api = settings.Api.Trim().ToLowerInvariant();
        Discovery? discovery = api == "query" ? null : await DiscoverAsync(cancellationToken);
        INeo4jTransport transport = api switch
        {
            "query" => new QueryApiTransport(clients, settings.Database, logger),
            "transactional" => new TransactionalHttpTransport(clients, discovery!.IsLegacy, settings.Database),
            _ when discovery!.HasQueryApi => new QueryApiTransport(clients, settings.Database, logger),
            _ => new TransactionalHttpTransport(clients, discovery!.IsLegacy, settings.Database),
        };

        var version = discovery?.Version;
        var edition = discovery?.Edition ?? "unknown";
        try
        {
            var components = await transport.RunAsync(
                ["CALL dbms.components() YIELD name, versions, edition WITH name, versions, edition WHERE name = 'Neo4j Kernel' RETURN versions[0] AS version, edition"],
                cancellationToken);
            if (components[0].Rows.Count > 0)
            {
                version = ParseVersion(components[0].Rows[0][0].AsString()) ?? version;
                edition = components[0].Rows[0][1].AsString() ?? edition;
            }
        }
        catch (Neo4jException ex) when (!ex.IsSecurity && !ex.IsTransient && !ex.IsDatabaseUnavailable && version is not null)
        {
            logger.LogDebug("dbms.components() is not available ({Message}); using the discovery document's version", ex.Message);
        }

        return new Neo4jServer(transport, version ?? new Version(5, 0), edition);
    }

    /// <summary>The discovery document: 3.x lists <c>data</c>; 4.x and later <c>transaction</c>; servers with the Query API <c>query</c> (or <c>query_api</c>).</summary>
    private async Task<Discovery> DiscoverAsync(CancellationToken cancellationToken)
    {
        using var client = clients.CreateClient(Neo4jHttp.ClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, string.Empty);
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await client.SendAsync(request, cancellationToken);
        var root = await Neo4jJson.ReadBodyAsync(response, "The discovery document (GET /)", cancellationToken);
        Neo4jJson.ThrowIfErrors(root, response.StatusCode);
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new Neo4jException("ChainMap.Protocol", $"{Address} answered GET / with something that is not Neo4j's discovery document");
        }

        var hasQuery = !root.Get("query").IsNull() || !root.Get("query_api").IsNull();
        var hasTransaction = !root.Get("transaction").IsNull();
        var isLegacy = !hasTransaction && !hasQuery && !root.Get("data").IsNull();
        if (!hasQuery && !hasTransaction && !isLegacy)
        {
            throw new Neo4jException("ChainMap.Protocol", $"{Address} answered GET / without query, transaction or data endpoints; is this Neo4j's HTTP port?");
        }

        return new Discovery(hasQuery, isLegacy, ParseVersion(root.Get("neo4j_version").AsString()), root.Get("neo4j_edition").AsString());
    }

    internal static Version? ParseVersion(string? text)
    {
        var match = text is null ? null : VersionPattern().Match(text);
        return match is { Success: true }
            ? new Version(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    [GeneratedRegex(@"^(\d+)\.(\d+)")]
    private static partial Regex VersionPattern();

    private sealed record Discovery(bool HasQueryApi, bool IsLegacy, Version? Version, string? Edition);
}
