using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChainMap.Export;

namespace ChainMap.Tests.Export;

/// <summary>
/// Runs the exported Cypher script against a real Neo4j (NEO4J_TEST_URI, NEO4J_TEST_USER,
/// NEO4J_TEST_PASSWORD; scripts/test.sh starts one) through its HTTP transaction API.
/// Without a server the test fails and says so: it never passes silently.
/// </summary>
public sealed class CypherNeo4jTests
{
    [Test]
    public async Task Cypher_script_recreates_the_chain_in_a_real_neo4j_and_running_it_twice_changes_nothing()
    {
        var (uri, user, password) = Support.Neo4jTestServer.Settings;

        var code = "EXT" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var map = Renamed(ExportSamples.RatedMap(), code);
        var output = new Support.AsyncOnlyStream();
        await ChainMapWriter.WriteAsync(ChainMapFormats.Cypher, map, ExportSamples.Definition(), output, CancellationToken.None);
        var statements = CypherScript.Split(Encoding.UTF8.GetString(output.Bytes));

        using var http = new HttpClient { BaseAddress = new Uri(uri!.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        try
        {
            await CommitAsync(http, statements.Select(s => (s, (object?)null)).ToArray());
            await CommitAsync(http, statements.Select(s => (s, (object?)null)).ToArray());

            var counts = await CommitAsync(http, [
                ("MATCH (c:Chain {code: $code}) RETURN count(c)", new { code }),
                ("MATCH (:Chain {code: $code})-[:HAS_SEGMENT]->(s:Segment) RETURN count(s)", new { code }),
                ("MATCH (s:Segment {chain: $code}) RETURN count(s)", new { code }),
                ("MATCH (a:Segment {chain: $code})-[r:SUPPLIES]->(b:Segment {chain: $code}) RETURN count(r)", new { code }),
                ("MATCH (a:Segment {chain: $code})-[r:SUB_SEGMENT_OF]->(b:Segment {chain: $code}) RETURN count(r)", new { code }),
                ("MATCH (s:Segment {code: $segment}) RETURN s.name", new { segment = code + "-Q" }),
                ("MATCH (s:Segment {code: $segment}) RETURN s.rating", new { segment = code + "-CH-AXLE" }),
            ]);

            Assert.That(counts[0].GetInt32(), Is.EqualTo(1), "one chain node");
            Assert.That(counts[1].GetInt32(), Is.EqualTo(map.Segments.Count));
            Assert.That(counts[2].GetInt32(), Is.EqualTo(map.Segments.Count), "MERGE on codes: no duplicates after two runs");
            Assert.That(counts[3].GetInt32(), Is.EqualTo(map.Flows.Count));
            Assert.That(counts[4].GetInt32(), Is.EqualTo(2));
            Assert.That(counts[5].GetString(), Is.EqualTo(ExportSamples.TrickyName), "quotes and backslashes survive the literal");
            Assert.That(counts[6].GetString(), Is.EqualTo("空白"));
        }
        finally
        {
            await CommitAsync(http, [("MATCH (n) WHERE (n:Chain AND n.code = $code) OR (n:Segment AND n.chain = $code) DETACH DELETE n", new { code })]);
        }
    }

    private static ChainMapExport Renamed(ChainMapExport map, string code)
    {
        string C(string old) => code + old["EXQ".Length..];
        return map with
        {
            Chain = map.Chain with { Code = code },
            Segments = map.Segments.Select(s => s with { Code = C(s.Code), ParentCode = s.ParentCode is null ? null : C(s.ParentCode) }).ToList(),
            Flows = map.Flows.Select(f => f with { From = C(f.From), To = C(f.To) }).ToList(),
        };
    }

    /// <summary>Runs statements in one transaction; returns the first cell of each result and fails on any Neo4j error.</summary>
    private static async Task<List<JsonElement>> CommitAsync(HttpClient http, (string Statement, object? Parameters)[] statements)
    {
        var body = new { statements = statements.Select(s => new { statement = s.Statement, parameters = s.Parameters ?? new { } }).ToArray() };
        using var response = await http.PostAsJsonAsync("db/data/transaction/commit", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"HTTP {(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        var errors = json.RootElement.GetProperty("errors");
        Assert.That(errors.GetArrayLength(), Is.Zero, errors.ToString());
        return json.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("row")[0].Clone()).FirstOrDefault())
            .ToList();
    }
}
