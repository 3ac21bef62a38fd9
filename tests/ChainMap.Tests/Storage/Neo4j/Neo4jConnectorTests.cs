using System.Net;
using ChainMap.Storage.Neo4j;
using ChainMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Storage.Neo4j;

/// <summary>
/// Choosing the API and the schema statements from what the server says about itself: the
/// discovery documents are the ones Neo4j documents for 5.19 (with the Query API), 4.4 and 3.x.
/// </summary>
public sealed class Neo4jConnectorTests
{
    private const string Discovery5 = """
        {"bolt_routing": "neo4j://localhost:7687", "query": "http://localhost:7474/db/{databaseName}/query/v2",
         "dbms/cluster": "http://localhost:7474/dbms/cluster", "db/cluster": "http://localhost:7474/db/{databaseName}/cluster",
         "transaction": "http://localhost:7474/db/{databaseName}/tx", "bolt_direct": "bolt://localhost:7687",
         "neo4j_version": "5.19.0", "neo4j_edition": "enterprise"}
        """;

    private const string Discovery44 = """
        {"bolt_direct": "bolt://localhost:7687", "bolt_routing": "neo4j://localhost:7687",
         "transaction": "http://localhost:7474/db/{databaseName}/tx", "neo4j_version": "4.4.0", "neo4j_edition": "enterprise"}
        """;

    private const string Discovery3 = """
        {"management": "http://localhost:7474/db/manage/", "data": "http://localhost:7474/db/data/", "bolt": "bolt://localhost:7687"}
        """;

    [TestCase(Discovery5, "auto", "query", "/db/neo4j/query/v2", "5.19", "CREATE CONSTRAINT company_key IF NOT EXISTS FOR (n:Company) REQUIRE n.key IS UNIQUE")]
    [TestCase(Discovery5, "transactional", "transactional", "/db/neo4j/tx/commit", "5.19", "CREATE TEXT INDEX company_name_key IF NOT EXISTS FOR (n:Company) ON (n.nameKey)")]
    [TestCase(Discovery44, "auto", "transactional", "/db/neo4j/tx/commit", "4.4", "CREATE INDEX company_province IF NOT EXISTS FOR (n:Company) ON (n.provinceCode)")]
    [TestCase(Discovery3, "auto", "transactional", "/db/data/transaction/commit", "3.1", "CREATE CONSTRAINT ON (n:Company) ASSERT n.key IS UNIQUE")]
    public async Task The_api_and_the_schema_follow_what_the_server_says(string discovery, string api, string expectedApi, string expectedPath, string version, string schemaStatement)
    {
        using var server = new ReplayHandler().Then(HttpStatusCode.OK, discovery);
        server.Respond = request => ReplayHandler.Response(HttpStatusCode.OK, Answer(request, version));
        await using var services = Neo4jTestServer.CreateServices(
            new Dictionary<string, string?> { ["Storage:Provider"] = "Neo4j", ["Neo4j:Uri"] = "http://localhost:7474", ["Neo4j:Api"] = api },
            s => s.AddHttpClient(Neo4jHttp.ClientName).ConfigurePrimaryHttpMessageHandler(() => server));

        var connected = await services.GetRequiredService<Neo4jConnector>().GetAsync(CancellationToken.None);

        Assert.That(connected.Transport.Api, Is.EqualTo(expectedApi));
        Assert.That(connected.Version, Is.EqualTo(Version.Parse(version)));
        Assert.That(server.Requests[0].Method, Is.EqualTo(HttpMethod.Get), "discovery first");
        Assert.That(server.Requests.Skip(1).Select(r => r.Path).Distinct(), Is.EqualTo(new[] { expectedPath }));
        Assert.That(server.Requests.Skip(1).Select(Statement), Has.Member(schemaStatement));
        var formats = server.Requests.Skip(1)
            .Where(r => r.Json.TryGetProperty("statements", out var statements) && statements.GetArrayLength() > 0)
            .Select(r => r.Json.GetProperty("statements")[0].GetProperty("resultDataContents")[0].GetString()).Distinct();
        Assert.That(formats, Is.EqualTo(expectedApi == "query" ? Array.Empty<string>() : [version.StartsWith('3') ? "rest" : "row"]),
            "the transactional API is asked for rows without meta only on 3.x, which has the rest format (ADR 0415)");
    }

    [Test]
    public async Task A_configured_query_api_needs_no_discovery()
    {
        using var server = new ReplayHandler { Respond = request => ReplayHandler.Response(HttpStatusCode.Accepted, Answer(request, "2025.1")) };
        await using var services = Neo4jTestServer.CreateServices(
            new Dictionary<string, string?> { ["Storage:Provider"] = "Neo4j", ["Neo4j:Uri"] = "https://example.databases.neo4j.io", ["Neo4j:Api"] = "query", ["Neo4j:Database"] = "chainmap" },
            s => s.AddHttpClient(Neo4jHttp.ClientName).ConfigurePrimaryHttpMessageHandler(() => server));

        var connected = await services.GetRequiredService<Neo4jConnector>().GetAsync(CancellationToken.None);
        await services.GetRequiredService<Neo4jConnector>().GetAsync(CancellationToken.None);

        Assert.That(connected.Version, Is.EqualTo(new Version(2025, 1)));
        Assert.That(server.Requests.All(r => r.Method == HttpMethod.Post && r.Path == "/db/chainmap/query/v2"), Is.True);
        Assert.That(server.Requests.Count(r => Statement(r).StartsWith("CALL dbms.components()", StringComparison.Ordinal)), Is.EqualTo(1), "resolved once");
    }

    [TestCase("3.1.1", false)]
    [TestCase("4.3.9", false)]
    [TestCase("4.4.0", true)]
    [TestCase("2025.01.0", true)]
    public void Schema_statements_are_chosen_by_version(string version, bool modern)
    {
        var statements = Neo4jSchema.StatementsFor(Neo4jConnector.ParseVersion(version)!);

        Assert.That(statements, Has.Count.EqualTo(Neo4jSchema.UniqueKeys.Length + Neo4jSchema.Indexes.Length + Neo4jSchema.TextIndexes.Length));
        Assert.That(statements.All(s => s.Contains("IF NOT EXISTS", StringComparison.Ordinal)), Is.EqualTo(modern));
        Assert.That(statements.Any(s => s.Contains("ASSERT", StringComparison.Ordinal)), Is.EqualTo(!modern));
    }

    private static string Statement(RecordedRequest request)
    {
        var json = request.Json;
        return json.TryGetProperty("statements", out var statements)
            ? statements[0].GetProperty("statement").GetString()!
            : json.GetProperty("statement").GetString()!;
    }

    /// <summary>
    /// What a server of <paramref name="version"/> answers: its version to dbms.components(), nothing to schema statements; the
    /// transactional API in the format asked for (<c>rest</c> on 3.x, ADR 0415, without <c>meta</c>; <c>row</c> with it).
    /// </summary>
    private static string Answer(RecordedRequest request, string version)
    {
        var components = Statement(request).StartsWith("CALL dbms.components()", StringComparison.Ordinal);
        var format = request.Json.TryGetProperty("statements", out var statements) && statements.GetArrayLength() > 0
            ? statements[0].GetProperty("resultDataContents")[0].GetString()
            : "row";
        var meta = format == "row" ? """, "meta": [null, null]""" : "";
        return request.Json.TryGetProperty("statements", out _)
            ? components
                ? $$"""{"results": [{"columns": ["version", "edition"], "data": [{"{{format}}": ["{{version}}.0", "community"]{{meta}}}]}], "errors": []}"""
                : """{"results": [{"columns": [], "data": []}], "errors": []}"""
            : components
                ? $$"""{"data": {"fields": ["version", "edition"], "values": [[{"$type": "String", "_value": "{{version}}.0"}, {"$type": "String", "_value": "community"}]]}, "bookmarks": []}"""
                : """{"data": {"fields": [], "values": []}, "bookmarks": []}""";
    }
}
