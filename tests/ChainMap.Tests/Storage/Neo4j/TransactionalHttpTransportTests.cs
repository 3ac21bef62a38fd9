using ChainMap.Storage.Neo4j;
using ChainMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Storage.Neo4j;

/// <summary>The transactional HTTP API transport against the real Neo4j 3.1 test server.</summary>
public sealed class TransactionalHttpTransportTests
{
    private ServiceProvider services = null!;

    [OneTimeSetUp]
    public void Connect() => services = Neo4jTestServer.CreateServices();

    [OneTimeTearDown]
    public async Task Disconnect() => await services.DisposeAsync();

    [SetUp]
    public async Task Empty() => await Neo4jTestServer.WipeAsync(services);

    [Test]
    public async Task The_test_server_is_reached_through_the_legacy_paths_of_neo4j_3()
    {
        var server = await services.GetRequiredService<Neo4jConnector>().GetAsync(CancellationToken.None);

        Assert.That(server.Transport, Is.InstanceOf<TransactionalHttpTransport>());
        Assert.That(((TransactionalHttpTransport)server.Transport).CommitPath, Is.EqualTo("db/data/transaction/commit"));
        Assert.That(server.Version.Major, Is.EqualTo(3));
    }

    [Test]
    public async Task Statements_of_one_request_run_in_one_transaction_and_return_their_rows_in_order()
    {
        var results = await Transport().RunAsync(
        [
            new CypherStatement("CREATE (n:Probe {name: $name, weight: $weight, tags: $tags}) RETURN n.name", new Dictionary<string, object?> { ["name"] = "甲", ["weight"] = 1.0, ["tags"] = new[] { "a", "b" } }),
            "MATCH (n:Probe) RETURN n.weight AS weight, n.tags AS tags, {k: 1, nothing: null} AS map, 9007199254740993 AS big, n AS node",
        ], CancellationToken.None);

        Assert.That(results[0].Scalar!.Value.AsString(), Is.EqualTo("甲"));
        var row = results[1].Rows.Single();
        Assert.That(results[1].Columns, Is.EqualTo(new[] { "weight", "tags", "map", "big", "node" }));
        Assert.That(row[0].AsDouble(), Is.EqualTo(1.0));
        Assert.That(row[0].GetRawText(), Is.EqualTo("1.0"), "1.0 was stored as a float");
        Assert.That(row[1].AsStringList(), Is.EqualTo(new[] { "a", "b" }));
        Assert.That((row[2].Get("k").AsInt64(), row[2].Get("nothing").IsNull()), Is.EqualTo((1L, true)));
        Assert.That(row[3].AsInt64(), Is.EqualTo(9_007_199_254_740_993L));
        Assert.That(row[4].Get("name").AsString(), Is.EqualTo("甲"), "a node reads as its properties");
    }

    // Neo4j 3.x answers in its rest format, without the row format's meta list of one entry per value (ADR 0415): a node,
    // a relationship and nodes inside a list or map still read as their properties, and a map with keys of its own stays as is.
    [Test]
    public async Task On_neo4j_3_answers_carry_no_meta_and_nodes_and_relationships_read_as_their_properties()
    {
        Assert.That(Transport().ResultContents, Is.EqualTo("rest"));
        await Transport().RunAsync(["CREATE (:Probe {name: '甲'})-[:LINK {weight: 2}]->(:Probe {name: '乙'})"], CancellationToken.None);

        var results = await Transport().RunAsync(
        [
            """
            MATCH (a:Probe {name: '甲'})-[r:LINK]->(b:Probe)
            RETURN a, r, [a, b] AS both, {first: a, names: [a.name, b.name], self: 'x', metadata: {}, data: {}} AS map, null AS nothing
            """,
        ], CancellationToken.None);

        var row = results[0].Rows.Single();
        Assert.That(row[0].Get("name").AsString(), Is.EqualTo("甲"));
        Assert.That(row[0].EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "name" }), "only its properties");
        Assert.That(row[1].Get("weight").AsInt64(), Is.EqualTo(2));
        Assert.That(row[2].EnumerateArray().Select(n => n.Get("name").AsString()), Is.EqualTo(new[] { "甲", "乙" }));
        Assert.That(row[3].Get("first").Get("name").AsString(), Is.EqualTo("甲"));
        Assert.That(row[3].Get("names").AsStringList(), Is.EqualTo(new[] { "甲", "乙" }));
        Assert.That(row[3].Get("self").AsString(), Is.EqualTo("x"), "a map is no node for having a key named self");
        Assert.That(row[4].IsNull(), Is.True);
    }

    [Test]
    public async Task An_open_transaction_spans_requests_and_shows_nothing_to_others_until_it_commits()
    {
        await using var transaction = await Transport().BeginAsync(CancellationToken.None);
        await transaction.RunAsync(["CREATE (:Probe {name: '甲'})"], CancellationToken.None);
        var inside = await transaction.RunAsync(["MATCH (n:Probe) RETURN count(n)"], CancellationToken.None);
        var outsideBefore = await Transport().RunAsync(["MATCH (n:Probe) RETURN count(n)"], CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        var outsideAfter = await Transport().RunAsync(["MATCH (n:Probe) RETURN count(n)"], CancellationToken.None);

        Assert.That(inside[0].Scalar!.Value.AsInt64(), Is.EqualTo(1), "a later request sees the earlier one");
        Assert.That(outsideBefore[0].Scalar!.Value.AsInt64(), Is.Zero);
        Assert.That(outsideAfter[0].Scalar!.Value.AsInt64(), Is.EqualTo(1));
    }

    [Test]
    public async Task An_open_transaction_disposed_or_failed_without_commit_leaves_nothing()
    {
        await using (var transaction = await Transport().BeginAsync(CancellationToken.None))
        {
            await transaction.RunAsync(["CREATE (:Probe {name: 'rolled back'})"], CancellationToken.None);
        }

        await using (var failing = await Transport().BeginAsync(CancellationToken.None))
        {
            await failing.RunAsync(["CREATE (:Probe {name: 'failed'})"], CancellationToken.None);
            Assert.ThrowsAsync<Neo4jException>(() => failing.RunAsync(["RETURN 1 AS"], CancellationToken.None));
            Assert.That(failing.IsOpen, Is.False);
        }

        var count = await Transport().RunAsync(["MATCH (n:Probe) RETURN count(n)"], CancellationToken.None);
        Assert.That(count[0].Scalar!.Value.AsInt64(), Is.Zero);
    }

    [Test]
    public async Task An_error_in_a_later_statement_is_raised_from_the_body_of_a_200_and_rolls_back_the_earlier_ones()
    {
        var error = Assert.ThrowsAsync<Neo4jException>(() => Transport().RunAsync(["CREATE (:Probe {name: 'kept?'})", "RETURN 1 AS"], CancellationToken.None));
        var count = await Transport().RunAsync(["MATCH (n:Probe) RETURN count(n)"], CancellationToken.None);

        Assert.That(error!.Code, Is.EqualTo("Neo.ClientError.Statement.SyntaxError"));
        Assert.That(error.Statement?.Index, Is.EqualTo(1), "the second statement");
        Assert.That(error.Status, Is.EqualTo(System.Net.HttpStatusCode.OK));
        Assert.That(count[0].Scalar!.Value.AsInt64(), Is.Zero, "nothing of the failed request was committed");
    }

    // ADR 0445: several reads go in one request; when one fails, the error says which (the server answers the results before it).
    [Test]
    public async Task An_error_in_a_request_of_several_statements_names_the_statement_that_failed()
    {
        var error = Assert.ThrowsAsync<Neo4jException>(() => Transport().RunAsync(
            ["CREATE (:Probe {name: 'kept?'})", "MATCH (n:Probe) RETURN n.name / 2 AS broken", "MATCH (n:Probe) RETURN count(n)"], CancellationToken.None));
        var alone = Assert.ThrowsAsync<Neo4jException>(() => Transport().RunAsync(["RETURN 1 AS"], CancellationToken.None));
        var count = await Transport().RunAsync(["MATCH (n:Probe) RETURN count(n)"], CancellationToken.None);

        Assert.That(error!.Code, Does.StartWith("Neo.ClientError.Statement."));
        Assert.That(error.Statement, Is.EqualTo(new FailedStatement(1, 3, "MATCH (n:Probe) RETURN n.name / 2 AS broken")));
        Assert.That(error.Message, Does.Contain("statement 2 of 3: MATCH (n:Probe) RETURN n.name / 2 AS broken"));
        Assert.That(count[0].Scalar!.Value.AsInt64(), Is.Zero, "nothing of the failed request was committed");
        Assert.That(alone!.Statement, Is.Null, "a request of one statement needs no name for it");
    }

    [Test]
    public void A_wrong_password_is_a_security_error()
    {
        var (uri, user, _) = Neo4jTestServer.Settings;
        using var wrong = Neo4jTestServer.CreateServices(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Neo4j",
            ["Neo4j:Uri"] = uri,
            ["Neo4j:User"] = user,
            ["Neo4j:Password"] = "not-the-password",
        });
        var transport = new TransactionalHttpTransport(wrong.GetRequiredService<IHttpClientFactory>(), legacyPaths: true, "neo4j");

        var error = Assert.ThrowsAsync<Neo4jException>(() => transport.RunAsync(["RETURN 1"], CancellationToken.None));

        Assert.That(error!.IsSecurity, Is.True);
        Assert.That(error.Status, Is.EqualTo(System.Net.HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task The_schema_enforces_unique_keys()
    {
        await services.GetRequiredService<Neo4jConnector>().GetAsync(CancellationToken.None);
        await Transport().RunAsync(["CREATE (:Company {key: 'u:1', id: 1})"], CancellationToken.None);

        var error = Assert.ThrowsAsync<Neo4jException>(() => Transport().RunAsync(["CREATE (:Company {key: 'u:1', id: 2})"], CancellationToken.None));

        Assert.That(error!.Code, Is.EqualTo("Neo.ClientError.Schema.ConstraintValidationFailed"));
    }

    private TransactionalHttpTransport Transport() => new(services.GetRequiredService<IHttpClientFactory>(), legacyPaths: true, "neo4j");
}
