using System.Net;
using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Storage.Neo4j;
using ChainMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Polly.Registry;

namespace ChainMap.Tests.Storage.Neo4j;

/// <summary>What the store does when Neo4j fails: which failures are retried, when it stops calling, and that a batch is all or nothing.</summary>
public sealed class Neo4jResilienceTests
{
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Neo4j:Resilience:RetryDelay"] = "00:00:00.001",
        ["Neo4j:Resilience:BreakDuration"] = "00:01:00",
    };

    private static readonly ImportStamp Stamp = new("imp-resilience", "resilience.csv", new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));

    [Test]
    public async Task After_repeated_connection_failures_the_circuit_opens_and_calls_fail_at_once_without_touching_the_server()
    {
        using var server = new ReplayHandler { Respond = _ => throw new HttpRequestException("Connection refused (localhost:7474)") };
        await using var services = Replayed(server);
        var store = services.GetRequiredService<Neo4jStore>();

        var first = Assert.ThrowsAsync<StoreUnavailableException>(() => store.ListChainsAsync(CancellationToken.None));
        Assert.ThrowsAsync<StoreUnavailableException>(() => store.ListChainsAsync(CancellationToken.None));
        var calls = server.Requests.Count;
        var third = Assert.ThrowsAsync<StoreUnavailableException>(() => store.ListChainsAsync(CancellationToken.None));
        var health = await store.CheckHealthAsync(CancellationToken.None);

        Assert.That(first!.Message, Does.Contain("cannot be reached").And.Contain("Connection refused"));
        Assert.That(calls, Is.EqualTo(4), "3 attempts of the first call, then the circuit opened on the 4th failure");
        Assert.That(third!.Message, Does.Contain("after repeated failures").And.Contain("Connection refused"));
        Assert.That(server.Requests, Has.Count.EqualTo(calls + 1), "the open circuit made no call; only the health probe did");
        Assert.That(health, Does.Contain("cannot be reached"));
    }

    [Test]
    public async Task A_transient_error_runs_the_whole_transaction_again_but_a_client_error_is_not_retried()
    {
        var chainReads = 0;
        using var server = new ReplayHandler
        {
            Respond = request =>
            {
                var statement = request.Json.GetProperty("statement").GetString()!;
                if (statement.StartsWith("MATCH (c:Chain)", StringComparison.Ordinal) && ++chainReads == 1)
                {
                    return ReplayHandler.Response(HttpStatusCode.Accepted, """{"errors": [{"code": "Neo.TransientError.Transaction.DeadlockDetected", "message": "deadlock"}]}""");
                }

                if (statement.StartsWith("MATCH (h:Home", StringComparison.Ordinal))
                {
                    return ReplayHandler.Response(HttpStatusCode.BadRequest, """{"errors": [{"code": "Neo.ClientError.Statement.SyntaxError", "message": "Invalid input"}]}""");
                }

                return ReplayHandler.Response(HttpStatusCode.Accepted, """{"data": {"fields": [], "values": []}, "bookmarks": []}""");
            },
        };
        await using var services = Replayed(server);
        var store = services.GetRequiredService<Neo4jStore>();

        var chains = await store.ListChainsAsync(CancellationToken.None);
        var error = Assert.ThrowsAsync<Neo4jException>(() => store.GetHomeAsync(CancellationToken.None));

        Assert.That(chains, Is.Empty);
        Assert.That(chainReads, Is.EqualTo(2), "retried after the deadlock");
        Assert.That(error!.Code, Is.EqualTo("Neo.ClientError.Statement.SyntaxError"), "a bug is not a 503");
        Assert.That(server.Requests.Count(r => r.Body.Contains("MATCH (h:Home", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task A_batch_that_cannot_be_written_leaves_nothing_and_its_rerun_writes_it_whole()
    {
        var fault = new Fault { FailBeforeSending = true };
        await using var services = OnTestServer(fault);
        await Neo4jTestServer.WipeAsync(services);
        var store = services.GetRequiredService<Neo4jStore>();
        var batch = Companies(50);

        fault.Armed = true;
        Assert.ThrowsAsync<StoreUnavailableException>(() => store.UpsertCompaniesAsync(batch, Stamp, CancellationToken.None));
        var afterFailure = await store.CountCompaniesAsync(CancellationToken.None);
        fault.Armed = false;
        var rerun = await store.UpsertCompaniesAsync(batch, Stamp, CancellationToken.None);

        Assert.That(afterFailure, Is.Zero, "nothing of the failed batch was committed");
        Assert.That(rerun.All(o => o.Kind == UpsertKind.Inserted), Is.True);
        Assert.That(await store.CountCompaniesAsync(CancellationToken.None), Is.EqualTo(50));
    }

    [Test]
    public async Task A_batch_whose_answer_is_lost_after_it_committed_is_not_written_twice()
    {
        var fault = new Fault { FailAfterSending = true, Times = 1 };
        await using var services = OnTestServer(fault);
        await Neo4jTestServer.WipeAsync(services);
        var store = services.GetRequiredService<Neo4jStore>();
        var batch = Companies(50);

        fault.Armed = true;
        var retried = await store.UpsertCompaniesAsync(batch, Stamp, CancellationToken.None);
        var again = await store.UpsertCompaniesAsync(batch, Stamp, CancellationToken.None);

        Assert.That(fault.Fired, Is.EqualTo(1));
        Assert.That(retried.All(o => o.Kind == UpsertKind.Unchanged), Is.True, "the retry found the batch written by the lost attempt");
        Assert.That(again.All(o => o.Kind == UpsertKind.Unchanged), Is.True);
        Assert.That(await store.CountCompaniesAsync(CancellationToken.None), Is.EqualTo(50));
        Assert.That(retried.Select(o => o.CompanyId).Distinct().Count(), Is.EqualTo(50));
    }

    [Test]
    public async Task A_writer_that_lost_a_race_reads_again_instead_of_overwriting()
    {
        await using var other = Neo4jTestServer.CreateServices();
        var rival = other.GetRequiredService<Neo4jStore>();
        var record = Companies(1)[0];
        var rivalOutcome = (UpsertOutcome?)null;
        var fault = new Fault
        {
            Times = 1,
            BeforeWrite = async () => rivalOutcome = (await rival.UpsertCompaniesAsync([record with { RegisteredCapital = 777 }], Stamp with { ImportId = "imp-rival" }, CancellationToken.None))[0],
        };
        await using var services = OnTestServer(fault);
        await Neo4jTestServer.WipeAsync(services);
        var store = services.GetRequiredService<Neo4jStore>();

        fault.Armed = true;
        var outcome = (await store.UpsertCompaniesAsync([record], Stamp, CancellationToken.None))[0];
        var stored = await store.GetCompanyAsync(outcome.CompanyId, CancellationToken.None);

        Assert.That(rivalOutcome!.Kind, Is.EqualTo(UpsertKind.Inserted));
        Assert.That((outcome.Kind, outcome.CompanyId), Is.EqualTo((UpsertKind.Updated, rivalOutcome.CompanyId)), "decided again on what the rival wrote");
        Assert.That(stored!.RegisteredCapital, Is.EqualTo(record.RegisteredCapital));
        Assert.That(await store.CountCompaniesAsync(CancellationToken.None), Is.EqualTo(1));
    }

    [Test]
    public async Task An_import_session_failing_after_a_commit_rolls_back_the_open_batches_and_says_which_rows_are_stored()
    {
        var fault = new Fault { FailBeforeSending = true };
        await using var services = OnTestServer(fault);
        await Neo4jTestServer.WipeAsync(services);
        var store = services.GetRequiredService<Neo4jStore>();
        var rows = Companies(60);

        StoreUnavailableException? error;
        await using (var session = await store.BeginCompanyImportAsync(Stamp, CancellationToken.None))
        {
            await session.UpsertAsync(rows[..30], CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
            await session.UpsertAsync(rows[30..50], CancellationToken.None);
            fault.Armed = true;
            error = Assert.ThrowsAsync<StoreUnavailableException>(() => session.UpsertAsync(rows[50..], CancellationToken.None));
            fault.Armed = false;
        }

        Assert.That(error!.Message, Does.Contain("cannot be reached")
            .And.Contain("the first 30 rows sent to it are committed; the 20 rows sent since the last commit were rolled back"));
        Assert.That(fault.Fired, Is.EqualTo(1), "a batch inside an open transaction is not retried alone");
        Assert.That(await store.CountCompaniesAsync(CancellationToken.None), Is.EqualTo(30));
    }

    [Test]
    public async Task The_first_batch_of_an_import_session_is_retried_whole_on_a_transient_failure()
    {
        var fault = new Fault { FailBeforeSending = true, Times = 1 };
        await using var services = OnTestServer(fault);
        await Neo4jTestServer.WipeAsync(services);
        var store = services.GetRequiredService<Neo4jStore>();

        fault.Armed = true;
        await using (var session = await store.BeginCompanyImportAsync(Stamp, CancellationToken.None))
        {
            var outcomes = await session.UpsertAsync(Companies(10), CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
            Assert.That(outcomes.All(o => o.Kind == UpsertKind.Inserted), Is.True);
        }

        Assert.That(fault.Fired, Is.EqualTo(1));
        Assert.That(await store.CountCompaniesAsync(CancellationToken.None), Is.EqualTo(10));
    }

    // ADR 0445, 0465: a list's channel graph and kept tie summaries go to Neo4j as one request of four statements. Neo4j runs them in order and
    // answers the results before the one that failed, then the error: a transient error of one runs the whole request again (the
    // answer is the one read without it); any other names the statement that failed and is not retried.
    [Test]
    public async Task A_request_of_several_reads_is_retried_whole_on_a_transient_error_of_one_and_a_client_error_names_its_statement()
    {
        var fault = new StatementFault();
        await using var services = Neo4jTestServer.CreateServices(
            s => s.AddHttpClient(Neo4jHttp.ClientName).AddHttpMessageHandler(() => new StatementFaultHandler(fault)),
            new Dictionary<string, string?>(FastRetries) { ["Neo4j:Resilience:MinimumThroughput"] = "1000" });
        await Neo4jTestServer.WipeAsync(services);
        var store = services.GetRequiredService<Neo4jStore>();
        var graph = await DiscoveryGraph.BuildAsync(store);
        string[] segments = ["T1-RAW", "T1-PART", "T1-PART-PUMP", "T1-SVC", "T1-VEH"];
        var clean = await store.ReadHomeTieFactsAsync(DiscoveryGraph.HomeCodes, segments, CancellationToken.None);

        fault.Arm("Neo.TransientError.Transaction.DeadlockDetected");
        var retried = await store.ReadHomeTieFactsAsync(DiscoveryGraph.HomeCodes, segments, CancellationToken.None);
        var retriedRequests = fault.Requests;
        fault.Arm("Neo.ClientError.Statement.SemanticError");
        var error = Assert.ThrowsAsync<Neo4jException>(() => store.ReadHomeTieFactsAsync(DiscoveryGraph.HomeCodes, segments, CancellationToken.None));

        Assert.That(clean.Facts.Select(f => graph.KeyOf(f.CompanyId)), Is.EquivalentTo(new[] { "B", "C", "D", "G" }));
        Assert.That(retriedRequests, Is.EqualTo(2), "the failed request, then the whole request again");
        Assert.That(retried.Facts, Is.EqualTo(clean.Facts).Using<HomeTieFacts>((a, b) => a.CompanyId == b.CompanyId && a.SegmentCodes.SequenceEqual(b.SegmentCodes)
            && a.Relations.SequenceEqual(b.Relations) && a.Channels.SequenceEqual(b.Channels)));
        Assert.That(retried.ChannelHops, Is.EquivalentTo(clean.ChannelHops));
        Assert.That(fault.Requests, Is.EqualTo(1), "a client error is not retried");
        Assert.That(error!.Code, Is.EqualTo("Neo.ClientError.Statement.SemanticError"));
        Assert.That((error.Statement?.Index, error.Statement?.Count), Is.EqualTo(((int?)3, (int?)4)), "the fourth of four statements failed");
        Assert.That(error.Statement!.Text, Does.Contain("TieSummary"));
        Assert.That(error.Message, Does.Contain("statement 4 of 4: UNWIND $tieSummaries AS pair"));
    }

    [Test]
    public async Task The_opening_unit_of_an_import_transaction_is_retried_by_its_named_pipeline_until_the_transport_answers()
    {
        var opens = 0;
        using var server = new ReplayHandler
        {
            Respond = request => request.Path switch
            {
                "/db/neo4j/query/v2/tx" when ++opens == 1 => throw new HttpRequestException("Connection reset before the request was sent (injected)"),
                "/db/neo4j/query/v2/tx" => ReplayHandler.Response(HttpStatusCode.Accepted, """
                    {"data": {"fields": ["n"], "values": [[{"$type": "Integer", "_value": "7"}]]}, "bookmarks": [], "transaction": {"id": "t1", "expires": "2026-12-04T15:48:29Z"}}
                    """),
                _ => ReplayHandler.Response(HttpStatusCode.Accepted, """{"data": {"fields": [], "values": []}, "bookmarks": []}"""),
            },
        };
        await using var services = Replayed(server);
        var store = services.GetRequiredService<Neo4jStore>();

        var (transaction, answer) = await store.ExecuteOpeningAsync(async (connected, token) =>
        {
            var opened = await connected.Transport.BeginAsync(token);
            return (opened, await opened.RunAsync(["CREATE (n:A) RETURN 7 AS n"], token));
        }, CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        await transaction.DisposeAsync();

        Assert.That(answer[0].Scalar!.Value.AsInt64(), Is.EqualTo(7));
        Assert.That(opens, Is.EqualTo(2), "the failed opening was run again whole");
        Assert.That(server.Requests.Select(r => r.Path).Where(p => p.Contains("/tx", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            "/db/neo4j/query/v2/tx", "/db/neo4j/query/v2/tx", "/db/neo4j/query/v2/tx/t1/commit",
        }));
    }

    [Test]
    public async Task Failures_opening_an_import_session_open_the_circuit_breaker_every_neo4j_call_goes_through()
    {
        using var server = new ReplayHandler
        {
            Respond = request => request.Path.StartsWith("/db/neo4j/query/v2/tx", StringComparison.Ordinal)
                ? throw new HttpRequestException("Connection refused (injected)")
                : ReplayHandler.Response(HttpStatusCode.Accepted, """{"data": {"fields": [], "values": []}, "bookmarks": []}"""),
        };
        await using var services = Replayed(server, new Dictionary<string, string?> { ["Neo4j:Resilience:MinimumThroughput"] = "3" });
        var store = services.GetRequiredService<Neo4jStore>();

        StoreUnavailableException? opening;
        await using (var session = await store.BeginCompanyImportAsync(Stamp, CancellationToken.None))
        {
            opening = Assert.ThrowsAsync<StoreUnavailableException>(() => session.UpsertAsync(Companies(1), CancellationToken.None));
        }

        var calls = server.Requests.Count;
        var afterwards = Assert.ThrowsAsync<StoreUnavailableException>(() => store.ListChainsAsync(CancellationToken.None));

        Assert.That(opening!.Message, Does.Contain("cannot be reached").And.Contain("Connection refused"));
        Assert.That(server.Requests.Count(r => r.Path == "/db/neo4j/query/v2/tx"), Is.EqualTo(3), "the first attempt and the 2 retries of Neo4j:Resilience:MaxRetryAttempts");
        Assert.That(afterwards!.Message, Does.Contain("after repeated failures").And.Contain("Connection refused"));
        Assert.That(server.Requests, Has.Count.EqualTo(calls), "the circuit the opening failures opened kept the next call from the server");
    }

    [Test]
    public async Task The_pipelines_stop_with_a_call_in_flight_when_the_service_clock_stands_still()
    {
        // Session 27: a test host with a fake clock never stopped. Disposing a pipeline waits for its calls in flight,
        // sleeping on the pipeline's clock; that was the service's clock, which a test (or a fixed business date) holds still.
        var settings = new Dictionary<string, string?>(FastRetries) { ["Storage:Provider"] = "Neo4j", ["Neo4j:Uri"] = "http://localhost:7474", ["Neo4j:Api"] = "query" };
        var services = Neo4jTestServer.CreateServices(settings, s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero))));
        var pipeline = services.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(Neo4jResilience.PipelineName);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var call = pipeline.ExecuteAsync(async _ =>
        {
            entered.SetResult();
            await release.Task;
        }).AsTask();
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var stopped = services.DisposeAsync().AsTask();
        release.SetResult();
        await call;
        var first = await Task.WhenAny(stopped, Task.Delay(TimeSpan.FromMinutes(1)));

        Assert.That(first, Is.SameAs(stopped), "the services stopped once the call in flight had ended, with the clock standing still");
    }

    private static List<CompanyRecord> Companies(int count) => Enumerable.Range(1, count).Select(i =>
    {
        var name = $"苏州{i:000}号液压有限公司";
        var uscc = Uscc.FromBody($"91320506MA{i:0000000}").Value;
        return new CompanyRecord($"u:{uscc}", uscc, name, name, "320506", "320000", "320500", "320506", 100 + i, null, null, null, null, [], null, null, 1, []);
    }).ToList();

    private static ServiceProvider Replayed(ReplayHandler server, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(FastRetries) { ["Storage:Provider"] = "Neo4j", ["Neo4j:Uri"] = "http://localhost:7474", ["Neo4j:Api"] = "query" };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return Neo4jTestServer.CreateServices(settings, s => s.AddHttpClient(Neo4jHttp.ClientName).ConfigurePrimaryHttpMessageHandler(() => server));
    }

    /// <summary>The test server behind <paramref name="fault"/>; the circuit stays closed so that the test sees each failure.</summary>
    private static ServiceProvider OnTestServer(Fault fault) => Neo4jTestServer.CreateServices(
        s => s.AddHttpClient(Neo4jHttp.ClientName).AddHttpMessageHandler(() => new FaultHandler(fault)),
        new Dictionary<string, string?>(FastRetries) { ["Neo4j:Resilience:MinimumThroughput"] = "1000" });

    /// <summary>What to do to the write request of an upsert (the one that takes the company lock).</summary>
    private sealed class Fault
    {
        public bool Armed { get; set; }

        public bool FailBeforeSending { get; init; }

        public bool FailAfterSending { get; init; }

        public Func<Task>? BeforeWrite { get; init; }

        public int Times { get; init; } = int.MaxValue;

        public int Fired { get; set; }
    }

    /// <summary>Makes the last statement of the next request that reads tie facts fail with <see cref="Code"/>, as Neo4j answers it.</summary>
    private sealed class StatementFault
    {
        public string? Code { get; private set; }

        /// <summary>The requests that read tie facts since <see cref="Arm"/>.</summary>
        public int Requests { get; set; }

        public void Arm(string code)
        {
            Code = code;
            Requests = 0;
        }

        public void Fired() => Code = null;
    }

    private sealed class StatementFaultHandler(StatementFault fault) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            var response = await base.SendAsync(request, cancellationToken);
            if (!body.Contains("tieSummaries", StringComparison.Ordinal))
            {
                return response;
            }

            fault.Requests++;
            if (fault.Code is not { } code)
            {
                return response;
            }

            fault.Fired();
            var answer = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
            var results = answer["results"]!.AsArray();
            results.RemoveAt(results.Count - 1);
            answer["errors"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["code"] = code, ["message"] = "injected" });
            response.Content = new StringContent(answer.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            return response;
        }
    }

    private sealed class FaultHandler(Fault fault) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            var isWrite = body.Contains("MERGE (q:Sequence", StringComparison.Ordinal);
            if (!fault.Armed || !isWrite || fault.Fired >= fault.Times)
            {
                return await base.SendAsync(request, cancellationToken);
            }

            fault.Fired++;
            if (fault.BeforeWrite is { } before)
            {
                await before();
            }

            if (fault.FailBeforeSending)
            {
                throw new HttpRequestException("Connection reset before the request was sent (injected)");
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (fault.FailAfterSending)
            {
                response.Dispose();
                throw new HttpRequestException("Connection reset while reading the answer (injected)");
            }

            return response;
        }
    }
}
