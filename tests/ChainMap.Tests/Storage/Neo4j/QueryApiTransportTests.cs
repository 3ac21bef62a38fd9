using System.Net;
using ChainMap.Storage.Neo4j;
using ChainMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Storage.Neo4j;

/// <summary>
/// The Query API v2 transport against the request and response pairs of Neo4j's documentation
/// (neo4j/docs-query-api: query.adoc, transactions.adoc, result-formats.adoc, authentication-authorization.adoc),
/// replayed in process since no server here speaks the Query API.
/// </summary>
public sealed class QueryApiTransportTests
{
    // The documentation's credentials: neo4j / verysecret.
    private const string DocumentedAuthorization = "Basic bmVvNGo6dmVyeXNlY3JldA==";
    private const string DocumentedAffinity = "MTAuOC41Ljc6MTc0NzQ=";

    private ReplayHandler server = null!;
    private ServiceProvider services = null!;

    [SetUp]
    public void StartServer()
    {
        server = new ReplayHandler();
        services = Neo4jTestServer.CreateServices(
            new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Neo4j",
                ["Neo4j:Uri"] = "http://localhost:7474",
                ["Neo4j:User"] = "neo4j",
                ["Neo4j:Password"] = "verysecret",
                ["Neo4j:Api"] = "query",
            },
            s => s.AddHttpClient(Neo4jHttp.ClientName).ConfigurePrimaryHttpMessageHandler(() => server));
    }

    [TearDown]
    public async Task StopServer()
    {
        await services.DisposeAsync();
        server.Dispose();
    }

    [Test]
    public async Task One_statement_is_an_implicit_transaction_with_parameters_basic_auth_and_typed_rows()
    {
        server.Then(HttpStatusCode.Accepted, """
            {
              "data": {
                "fields": ["person", "name"],
                "values": [[
                  {"$type": "Node", "_value": {"_element_id": "4:ff04df25-ff2b-4b55-98f8-6888297b025e:2", "_labels": ["Person"],
                    "_properties": {"name": {"$type": "String", "_value": "Phil"}}}},
                  {"$type": "String", "_value": "Phil"}
                ]]
              },
              "bookmarks": ["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXg6Q"]
            }
            """);

        var results = await Transport().RunAsync(
            [new CypherStatement("MERGE (p:Person {name: $name}) RETURN p AS person, p.name AS name", new Dictionary<string, object?> { ["name"] = "Phil" })],
            CancellationToken.None);

        var request = server.Requests.Single();
        Assert.That((request.Method, request.Path), Is.EqualTo((HttpMethod.Post, "/db/neo4j/query/v2")));
        Assert.That(request.Header("Authorization"), Is.EqualTo(DocumentedAuthorization));
        Assert.That(request.Header("Accept"), Does.Contain("application/vnd.neo4j.query"));
        Assert.That(request.Header("Content-Type"), Does.StartWith("application/json"));
        Assert.That(request.Json.GetProperty("statement").GetString(), Is.EqualTo("MERGE (p:Person {name: $name}) RETURN p AS person, p.name AS name"));
        Assert.That(request.Json.GetProperty("parameters").GetProperty("name").GetString(), Is.EqualTo("Phil"));
        Assert.That(results.Single().Columns, Is.EqualTo(new[] { "person", "name" }));
        var row = results.Single().Rows.Single();
        Assert.That(row[0].Get("name").AsString(), Is.EqualTo("Phil"), "a node reads as its properties");
        Assert.That(row[1].AsString(), Is.EqualTo("Phil"));
    }

    [Test]
    public async Task Typed_values_read_as_plain_values()
    {
        // Each value is an example of the documentation's type mapping table.
        server.Then(HttpStatusCode.Accepted, """
            {"data": {"fields": ["i", "big", "f", "e", "s", "b", "n", "l", "m", "d", "dur", "p", "bytes"], "values": [[
              {"$type": "Integer", "_value": "123"},
              {"$type": "Integer", "_value": "9007199254740993"},
              {"$type": "Float", "_value": "4.56"},
              {"$type": "Float", "_value": "3.2E9"},
              {"$type": "String", "_value": "Hello World"},
              {"$type": "Boolean", "_value": true},
              {"$type": "Null", "_value": null},
              {"$type": "List", "_value": [{"$type": "String", "_value": "A"}, {"$type": "String", "_value": "B"}]},
              {"$type": "Map", "_value": {"fieldA": {"$type": "String", "_value": "A"}, "fieldB": {"$type": "Integer", "_value": "2"}}},
              {"$type": "Date", "_value": "2015-03-26"},
              {"$type": "Duration", "_value": "P14DT16H12M"},
              {"$type": "Point", "_value": "SRID=7203;POINT (1.2 3.4)"},
              {"$type": "Base64", "_value": "A2+/"}
            ]]}, "bookmarks": []}
            """);

        var row = (await Transport().RunAsync(["RETURN 1"], CancellationToken.None))[0].Rows.Single();

        Assert.That(row[0].AsInt64(), Is.EqualTo(123));
        Assert.That(row[1].AsInt64(), Is.EqualTo(9_007_199_254_740_993L), "integers keep all 64 bits");
        Assert.That(row[2].AsDouble(), Is.EqualTo(4.56));
        Assert.That(row[3].AsDouble(), Is.EqualTo(3.2e9));
        Assert.That(row[4].AsString(), Is.EqualTo("Hello World"));
        Assert.That(row[5].AsBoolean(), Is.True);
        Assert.That(row[6].IsNull(), Is.True);
        Assert.That(row[7].AsStringList(), Is.EqualTo(new[] { "A", "B" }));
        Assert.That((row[8].Get("fieldA").AsString(), row[8].Get("fieldB").AsInt64()), Is.EqualTo(("A", 2L)));
        Assert.That(new[] { row[9].AsString(), row[10].AsString(), row[11].AsString(), row[12].AsString() },
            Is.EqualTo(new[] { "2015-03-26", "P14DT16H12M", "SRID=7203;POINT (1.2 3.4)", "A2+/" }));
    }

    [TestCase(HttpStatusCode.Accepted, TestName = "Errors_in_the_body_are_raised_with_status_202_of_older_servers")]
    [TestCase(HttpStatusCode.BadRequest, TestName = "Errors_in_the_body_are_raised_with_status_400_of_newer_servers")]
    public void Errors_in_the_body_are_raised_whatever_the_status(HttpStatusCode status)
    {
        server.Then(status, """
            {"errors": [{"code": "Neo.ClientError.Request.Invalid",
              "message": "Transaction with Id: \"lyU\" was not found. It may have timed out and therefore rolled back or the routing header 'neo4j-cluster-affinity' was not provided."}]}
            """);

        var error = Assert.ThrowsAsync<Neo4jException>(() => Transport().RunAsync(["RETURN 1"], CancellationToken.None));

        Assert.That(error!.Code, Is.EqualTo("Neo.ClientError.Request.Invalid"));
        Assert.That(error.ServerMessage, Does.Contain("was not found"));
        Assert.That((error.IsTransient, error.IsSecurity), Is.EqualTo((false, false)));
    }

    [Test]
    public void Wrong_credentials_are_a_security_error()
    {
        server.Then(HttpStatusCode.Unauthorized, """
            {"errors": [{"code": "Neo.ClientError.Security.Unauthorized", "message": "Invalid username or password."}]}
            """);

        var error = Assert.ThrowsAsync<Neo4jException>(() => Transport().RunAsync(["RETURN 1"], CancellationToken.None));

        Assert.That(error!.IsSecurity, Is.True);
        Assert.That(error.ServerMessage, Is.EqualTo("Invalid username or password."));
    }

    [Test]
    public void An_answer_that_is_not_json_names_the_status()
    {
        server.Then(_ => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>Bad Gateway</html>") });

        var error = Assert.ThrowsAsync<Neo4jException>(() => Transport().RunAsync(["RETURN 1"], CancellationToken.None));

        Assert.That(error!.Code, Is.EqualTo("HTTP 502"));
        Assert.That(error.IsTransient, Is.True, "a proxy's 502 may pass");
    }

    [Test]
    public async Task Several_statements_run_in_one_explicit_transaction_echoing_the_cluster_affinity()
    {
        server
            .Then(HttpStatusCode.Accepted, """
                {"data": {"fields": ["alice"], "values": [[{"$type": "Node", "_value": {"_element_id": "4:ff04df25-ff2b-4b55-98f8-6888297b025e:0",
                  "_labels": ["Person"], "_properties": {"name": {"$type": "String", "_value": "Alice"}, "age": {"$type": "Integer", "_value": "42"}}}}]]},
                 "bookmarks": ["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ"], "transaction": {"id": "lyU", "expires": "2024-10-22T15:48:29Z"}}
                """, (QueryApiTransport.AffinityHeader, DocumentedAffinity))
            .Then(HttpStatusCode.Accepted, """
                {"data": {"fields": ["bob"], "values": [[{"$type": "Node", "_value": {"_element_id": "4:ff04df25-ff2b-4b55-98f8-6888297b034e:0",
                  "_labels": ["Person"], "_properties": {"name": {"$type": "String", "_value": "Bob"}, "age": {"$type": "Integer", "_value": "43"}}}}]]},
                 "bookmarks": ["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ"], "transaction": {"id": "lyU", "expires": "2024-10-22T15:48:29Z"}}
                """, (QueryApiTransport.AffinityHeader, DocumentedAffinity))
            .Then(HttpStatusCode.Accepted, """
                {"data": {"fields": ["people"], "values": [[{"$type": "Integer", "_value": "2"}]]}, "bookmarks": ["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmR"]}
                """, (QueryApiTransport.AffinityHeader, DocumentedAffinity));
        CypherStatement Merge(string name, int age) =>
            new("MERGE (n:Person {name: $name, age: $age}) RETURN n AS " + name.ToLowerInvariant(), new Dictionary<string, object?> { ["name"] = name, ["age"] = age });

        var results = await Transport().RunAsync([Merge("Alice", 42), Merge("Bob", 43), "MATCH (n:Person) RETURN count(n) AS people"], CancellationToken.None);

        Assert.That(server.Requests.Select(r => (r.Method.Method, r.Path)), Is.EqualTo(new[]
        {
            ("POST", "/db/neo4j/query/v2/tx"),
            ("POST", "/db/neo4j/query/v2/tx/lyU"),
            ("POST", "/db/neo4j/query/v2/tx/lyU/commit"),
        }));
        Assert.That(server.Requests.Select(r => r.Header(QueryApiTransport.AffinityHeader)), Is.EqualTo(new[] { null, DocumentedAffinity, DocumentedAffinity }));
        Assert.That(server.Requests[1].Json.GetProperty("parameters").GetProperty("name").GetString(), Is.EqualTo("Bob"));
        Assert.That(server.Requests[2].Json.GetProperty("statement").GetString(), Is.EqualTo("MATCH (n:Person) RETURN count(n) AS people"), "the last statement goes with the commit");
        Assert.That(results.Select(r => r.Columns.Single()), Is.EqualTo(new[] { "alice", "bob", "people" }));
        Assert.That((results[0].Rows[0][0].Get("age").AsInt64(), results[1].Rows[0][0].Get("name").AsString(), results[2].Scalar!.Value.AsInt64()), Is.EqualTo((42L, "Bob", 2L)));
    }

    [Test]
    public void A_failing_statement_rolls_the_explicit_transaction_back_and_commits_nothing()
    {
        server
            .Then(HttpStatusCode.Accepted, """
                {"data": {"fields": ["n"], "values": [[{"$type": "Integer", "_value": "1"}]]}, "bookmarks": [], "transaction": {"id": "lyU", "expires": "2024-10-22T15:48:29Z"}}
                """, (QueryApiTransport.AffinityHeader, DocumentedAffinity))
            .Then(HttpStatusCode.Accepted, """
                {"errors": [{"code": "Neo.TransientError.Transaction.DeadlockDetected", "message": "ForsetiClient[1] can't acquire ExclusiveLock{owner=ForsetiClient[2]}"}]}
                """, (QueryApiTransport.AffinityHeader, DocumentedAffinity))
            .Then(HttpStatusCode.Accepted, "{}", (QueryApiTransport.AffinityHeader, DocumentedAffinity));

        var error = Assert.ThrowsAsync<Neo4jException>(() => Transport().RunAsync(["CREATE (n:A) RETURN 1 AS n", "CREATE (n:B)", "CREATE (n:C)"], CancellationToken.None));

        Assert.That(error!.IsTransient, Is.True, "a deadlock is retried");
        Assert.That(error.Statement, Is.EqualTo(new FailedStatement(1, 3, "CREATE (n:B)")), "the error names the statement that failed (ADR 0445)");
        Assert.That(server.Requests.Select(r => (r.Method.Method, r.Path)), Is.EqualTo(new[]
        {
            ("POST", "/db/neo4j/query/v2/tx"),
            ("POST", "/db/neo4j/query/v2/tx/lyU"),
            ("DELETE", "/db/neo4j/query/v2/tx/lyU"),
        }));
        Assert.That(server.Requests[2].Header(QueryApiTransport.AffinityHeader), Is.EqualTo(DocumentedAffinity));
    }

    [Test]
    public async Task An_open_transaction_spans_requests_until_an_empty_commit()
    {
        server
            .Then(HttpStatusCode.Accepted, """
                {"data": {"fields": ["n"], "values": [[{"$type": "Integer", "_value": "1"}]]}, "bookmarks": [], "transaction": {"id": "lyU", "expires": "2024-10-22T15:48:29Z"}}
                """, (QueryApiTransport.AffinityHeader, DocumentedAffinity))
            .Then(HttpStatusCode.Accepted, """
                {"data": {"fields": ["n"], "values": [[{"$type": "Integer", "_value": "2"}]]}, "bookmarks": [], "transaction": {"id": "lyU", "expires": "2024-10-22T15:48:39Z"}}
                """, (QueryApiTransport.AffinityHeader, DocumentedAffinity))
            .Then(HttpStatusCode.Accepted, """{"bookmarks": ["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmR"]}""", (QueryApiTransport.AffinityHeader, DocumentedAffinity));

        await using var transaction = await Transport().BeginAsync(CancellationToken.None);
        var first = await transaction.RunAsync(["CREATE (n:A) RETURN 1 AS n"], CancellationToken.None);
        var second = await transaction.RunAsync(["CREATE (n:B) RETURN 2 AS n"], CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);

        Assert.That(server.Requests.Select(r => (r.Method.Method, r.Path)), Is.EqualTo(new[]
        {
            ("POST", "/db/neo4j/query/v2/tx"),
            ("POST", "/db/neo4j/query/v2/tx/lyU"),
            ("POST", "/db/neo4j/query/v2/tx/lyU/commit"),
        }));
        Assert.That(server.Requests.Select(r => r.Header(QueryApiTransport.AffinityHeader)), Is.EqualTo(new[] { null, DocumentedAffinity, DocumentedAffinity }));
        Assert.That(server.Requests[2].Body, Is.Empty, "the commit carries no statement");
        Assert.That((first[0].Scalar!.Value.AsInt64(), second[0].Scalar!.Value.AsInt64(), transaction.IsOpen), Is.EqualTo((1L, 2L, false)));
    }

    [Test]
    public async Task An_open_transaction_disposed_without_commit_is_rolled_back()
    {
        server
            .Then(HttpStatusCode.Accepted, """
                {"data": {"fields": [], "values": []}, "bookmarks": [], "transaction": {"id": "lyU", "expires": "2024-10-22T15:48:29Z"}}
                """, (QueryApiTransport.AffinityHeader, DocumentedAffinity))
            .Then(HttpStatusCode.Accepted, "{}", (QueryApiTransport.AffinityHeader, DocumentedAffinity));

        await using (var transaction = await Transport().BeginAsync(CancellationToken.None))
        {
            await transaction.RunAsync(["CREATE (n:A)"], CancellationToken.None);
        }

        Assert.That(server.Requests.Select(r => (r.Method.Method, r.Path)), Is.EqualTo(new[]
        {
            ("POST", "/db/neo4j/query/v2/tx"),
            ("DELETE", "/db/neo4j/query/v2/tx/lyU"),
        }));
        Assert.That(server.Requests[1].Header(QueryApiTransport.AffinityHeader), Is.EqualTo(DocumentedAffinity));
    }

    [Test]
    public async Task Floats_are_sent_with_a_decimal_point_so_that_neo4j_keeps_them_floats()
    {
        server.Then(HttpStatusCode.Accepted, """{"data": {"fields": [], "values": []}, "bookmarks": []}""");

        await Transport().RunAsync([new CypherStatement("RETURN $x, $y", new Dictionary<string, object?> { ["x"] = 1.0, ["y"] = new[] { 2.0, 0.5 } })], CancellationToken.None);

        Assert.That(server.Requests.Single().Body, Does.Contain("\"x\":1.0").And.Contain("\"y\":[2.0,0.5]"));
    }

    private QueryApiTransport Transport() => new(services.GetRequiredService<IHttpClientFactory>(), "neo4j");
}
