using System.Net;
using ChainMap.Storage;
using ChainMap.Storage.Neo4j;
using ChainMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Storage.Neo4j;

/// <summary>The store's requests on the Query API, answered in the documented typed format.</summary>
public sealed class Neo4jStoreOverQueryApiTests
{
    [Test]
    public async Task An_upsert_batch_is_read_in_one_transaction_and_written_by_one_implicit_request()
    {
        using var server = new ReplayHandler
        {
            Respond = request =>
            {
                var statement = request.Json.GetProperty("statement").GetString()!;
                var answer = request.Path switch
                {
                    "/db/neo4j/query/v2/tx" => """
                        {"data": {"fields": ["epoch", "next"], "values": [[{"$type": "String", "_value": ""}, {"$type": "Integer", "_value": "41"}]]},
                         "bookmarks": [], "transaction": {"id": "t1", "expires": "2026-11-27T15:48:29Z"}}
                        """,
                    "/db/neo4j/query/v2/tx/t1" => """{"data": {"fields": ["company", "memberships"], "values": []}, "bookmarks": [], "transaction": {"id": "t1", "expires": "2026-11-27T15:48:29Z"}}""",
                    "/db/neo4j/query/v2/tx/t1/commit" => """{"data": {"fields": ["s.code"], "values": [[{"$type": "String", "_value": "T1-VEH"}]]}, "bookmarks": []}""",
                    _ when statement.StartsWith("MERGE (q:Sequence", StringComparison.Ordinal) =>
                        """{"data": {"fields": ["written"], "values": [[{"$type": "Boolean", "_value": true}]]}, "bookmarks": []}""",
                    _ => """{"data": {"fields": [], "values": []}, "bookmarks": []}""",
                };
                return ReplayHandler.Response(HttpStatusCode.Accepted, answer);
            },
        };
        await using var services = Neo4jTestServer.CreateServices(
            new Dictionary<string, string?> { ["Storage:Provider"] = "Neo4j", ["Neo4j:Uri"] = "http://localhost:7474", ["Neo4j:Api"] = "query" },
            s => s.AddHttpClient(Neo4jHttp.ClientName).ConfigurePrimaryHttpMessageHandler(() => server));
        var store = services.GetRequiredService<Neo4jStore>();
        var record = new CompanyRecord("n:甲|421303", null, "甲", "甲", "421303", "420000", "421300", "421303", 100, null, null, null, null, [], null, null, 1,
            [new ChainMap.Domain.SegmentMembership("T1-VEH", null, 1, "环节: T1-VEH", null)]);

        var outcomes = await store.UpsertCompaniesAsync([record], new ImportStamp("imp-q", "q.csv", DateTimeOffset.UnixEpoch), CancellationToken.None);

        var writes = server.Requests.Where(r => r.Body.Contains("MERGE (q:Sequence", StringComparison.Ordinal)).ToList();
        Assert.That(outcomes.Single(), Is.EqualTo(new UpsertOutcome(UpsertKind.Inserted, 42, null)), "ids continue the sequence");
        Assert.That(writes.Select(w => w.Path), Is.EqualTo(new[] { "/db/neo4j/query/v2" }), "one implicit transaction");
        var created = writes[0].Json.GetProperty("parameters").GetProperty("created")[0];
        Assert.That(created.GetProperty("properties").GetProperty("id").GetInt64(), Is.EqualTo(42));
        Assert.That(created.GetProperty("memberships")[0].GetProperty("source").GetString(), Is.EqualTo("q.csv"));
    }
}
