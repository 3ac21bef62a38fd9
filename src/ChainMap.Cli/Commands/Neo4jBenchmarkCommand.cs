using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ChainMap.Chains;
using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Regions;
using ChainMap.Seeding;
using ChainMap.Storage;
using ChainMap.Storage.Neo4j;
using ChainMap.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChainMap.Cli.Commands;

/// <summary>
/// <c>chainmap benchmark neo4j</c>: imports N synthetic companies into an emptied Neo4j through
/// the import session (batched UNWIND in one open transaction, the way every import writes),
/// compares it with hand-written UNWIND of the same rows, loads a synthetic channel and relation
/// network over them, measures company search, chain-map counts and the ranked target list
/// (p50/p95), and runs the same import and queries on SQLite for comparison. Prints a Markdown
/// table for docs/benchmarks.md.
/// </summary>
internal static class Neo4jBenchmarkCommand
{
    private const string HandWrittenUnwind = """
        UNWIND $rows AS row
        MERGE (c:Company {key: row.key})
        SET c += row.properties
        WITH c, row
        OPTIONAL MATCH (r:Region {code: row.region})
        FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END | MERGE (c)-[:LOCATED_IN]->(r))
        WITH c, row
        UNWIND row.memberships AS mem
        MATCH (s:Segment {code: mem.segment})
        MERGE (c)-[m:IN_SEGMENT]->(s)
        SET m += mem.properties, m.chainCode = s.chainCode
        """;

    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "Synthetic companies to import", DefaultValueFactory = _ => 100_000 };
        var queries = new Option<int>("--queries") { Description = "Timed runs of each query", DefaultValueFactory = _ => 200 };
        var uri = new Option<string?>("--neo4j-uri") { Description = "Neo4j HTTP address (default: NEO4J_TEST_URI)" };
        var user = new Option<string?>("--neo4j-user") { Description = "Neo4j user (default: NEO4J_TEST_USER)" };
        var password = new Option<string?>("--neo4j-password") { Description = "Neo4j password (default: NEO4J_TEST_PASSWORD)" };
        var api = new Option<string>("--neo4j-api") { Description = "auto, query or transactional", DefaultValueFactory = _ => "auto" };
        var handRows = new Option<string>("--hand-written-rows") { Description = "Rows per hand-written UNWIND statement, several separated by commas (0: all rows in one statement)", DefaultValueFactory = _ => "5000,10000,0" };
        var wipe = new Option<bool>("--wipe") { Description = "Delete everything in the Neo4j database first (needed unless it is empty)" };
        var skipSqlite = new Option<bool>("--skip-sqlite") { Description = "Measure Neo4j only" };
        var data = new Option<DirectoryInfo?>("--data") { Description = "Data folder (default: found above the working directory)" };
        var queriesOnly = new Option<bool>("--queries-only") { Description = "Only the queries, on Neo4j, over what the database holds (as an earlier run left it): nothing is deleted or imported" };
        var trace = new Option<int>("--trace") { Description = "After the queries, trace this many Neo4j target lists read from the store (caches dropped, no kept answer): every HTTP request, its time and statements" };
        var command = new Command("neo4j", "Import and query speed on Neo4j (through the store port and hand-written), with SQLite for comparison")
        {
            count, queries, uri, user, password, api, handRows, wipe, skipSqlite, data, queriesOnly, trace,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = new Settings(
                result.GetValue(count),
                result.GetValue(queries),
                result.GetValue(uri) ?? Environment.GetEnvironmentVariable("NEO4J_TEST_URI") ?? throw new InvalidOperationException("Pass --neo4j-uri or set NEO4J_TEST_URI (scripts/benchmark-neo4j.sh starts a server)."),
                result.GetValue(user) ?? Environment.GetEnvironmentVariable("NEO4J_TEST_USER"),
                result.GetValue(password) ?? Environment.GetEnvironmentVariable("NEO4J_TEST_PASSWORD"),
                result.GetValue(api)!,
                result.GetValue(handRows)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList(),
                result.GetValue(wipe),
                !result.GetValue(skipSqlite) && !result.GetValue(queriesOnly),
                DefaultData.Locate(result.GetValue(data)?.FullName) ?? throw new InvalidOperationException("No data folder found; pass --data."),
                result.GetValue(queriesOnly),
                result.GetValue(trace));
            return await RunAsync(settings, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        // As the import reads it: zones, retired divisions and towns too.
        var regions = await DefaultData.ReadCatalogAsync(settings.DataPath, cancellationToken);
        var home = await DefaultData.ReadHomeAsync(Path.Combine(settings.DataPath, "home.json"), cancellationToken);
        var chains = (await ChainCsv.ReadFolderAsync(Path.Combine(settings.DataPath, "chains"), cancellationToken)).Chains;

        var clock = Stopwatch.StartNew();
        var records = Prepare(settings.Count, chains, regions, home.Code);
        Log($"prepared {records.Count:N0} companies (generate + resolve) in {clock.Elapsed.TotalSeconds:0.0} s");
        var stamp = new ImportStamp("imp-benchmark", "benchmark.csv", TimeProvider.System.GetUtcNow());
        var queries = Queries(chains, regions, home, settings.Queries);
        var network = await WriteNetworkAsync(records, chains, regions, home.Code, cancellationToken);

        Measured neo4j;
        Measured? sqlite;
        try
        {
            neo4j = await MeasureNeo4jAsync(settings, records, stamp, queries, network, cancellationToken);
            sqlite = settings.WithSqlite ? await MeasureSqliteAsync(settings, records, stamp, queries, network, cancellationToken) : null;
        }
        finally
        {
            Directory.Delete(network, recursive: true);
        }

        var rows = records.Count.ToString("N0", CultureInfo.InvariantCulture);
        Console.WriteLine();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; {neo4j.Server}");
        Console.WriteLine();
        Console.WriteLine("| measurement | Neo4j | SQLite |");
        Console.WriteLine("| --- | ---: | ---: |");
        Console.WriteLine($"| import {rows} companies through the import session ({CompanyImporter.BatchSize:N0}-row batches, committed as CompanyImporter does: Neo4j every {neo4j.CommitEvery:N0} rows, SQLite every {sqlite?.CommitEvery ?? CompanyImporter.CommitEvery:N0}) | {neo4j.Import} | {sqlite?.Import ?? "–"} |");
        if (neo4j.PortImport is not null || sqlite?.PortImport is not null)
        {
            Console.WriteLine($"| import {rows} companies batch by batch (each {CompanyImporter.BatchSize:N0}-row batch its own committed import session) | {neo4j.PortImport ?? "–"} | {sqlite?.PortImport ?? "–"} |");
        }

        Console.WriteLine($"| import the same rows again (all unchanged) | {Rate(neo4j.Reimport, records.Count)} | {(sqlite is null ? "–" : Rate(sqlite.Reimport, records.Count))} |");
        foreach (var (rowsPerStatement, result) in neo4j.HandWritten)
        {
            Console.WriteLine($"| hand-written UNWIND of the same rows, {(rowsPerStatement == 0 ? "all in one statement" : $"{rowsPerStatement:N0} rows per statement")} | {result} | – |");
        }
        foreach (var query in queries)
        {
            Console.WriteLine($"| {query.Name} ({query.Runs} runs): p50 / p95 | {neo4j.Latencies[query.Name]} | {(sqlite is null ? "–" : sqlite.Latencies[query.Name])} |");
        }

        return 0;
    }

    private static async Task<Measured> MeasureNeo4jAsync(Settings settings, List<CompanyRecord> records, ImportStamp stamp, List<Query> queries, string network, CancellationToken cancellationToken)
    {
        using var host = await StartHostAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Neo4j",
            ["Neo4j:Uri"] = settings.Uri,
            ["Neo4j:User"] = settings.User,
            ["Neo4j:Password"] = settings.Password,
            ["Neo4j:Api"] = settings.Api,
            ["Neo4j:Resilience:AttemptTimeout"] = "00:30:00",
            ["Neo4j:Resilience:TotalTimeout"] = "01:00:00",
        }, cancellationToken);
        var store = host.Services.GetRequiredService<Neo4jStore>();
        var server = await host.Services.GetRequiredService<Neo4jConnector>().GetAsync(cancellationToken);
        Log($"Neo4j: {server}");
        if (settings.QueriesOnly)
        {
            var latencies = await RunQueriesAsync("Neo4j", host.Services, queries);
            await TraceAsync(host.Services, queries, settings.Trace);
            return new Measured("–", null, 0, TimeSpan.Zero, [], latencies, server.ToString());
        }

        var nodes = (await store.RunAsync("MATCH (n) RETURN count(n)", cancellationToken)).Scalar!.Value.AsInt64();
        if (nodes > 0 && !settings.Wipe)
        {
            throw new InvalidOperationException($"The Neo4j database at {settings.Uri} holds {nodes:N0} nodes; the benchmark deletes everything: pass --wipe.");
        }

        await DeleteAsync(store, "n", "MATCH (n)", cancellationToken);
        await host.Services.GetRequiredService<DefaultData>().LoadAsync(settings.DataPath, includeCompanies: false, cancellationToken);

        // Hand-written UNWIND statements straight to the transport (no read, no decisions): what the server can do.
        var at = stamp.At.ToString("O", CultureInfo.InvariantCulture);
        var handRows = records.Select((r, i) => HandWrittenRow(r, i + 1, stamp, at)).ToList();
        var handWritten = new List<(int, string)>();

        // Warm the server up (JIT, page cache, query plans) so that the first measurement is not the cold one.
        await server.Transport.RunAsync([new CypherStatement(HandWrittenUnwind, new Dictionary<string, object?> { ["rows"] = handRows.Take(10_000).ToList() })], cancellationToken);
        await DeleteAsync(store, "c", "MATCH (c:Company)", cancellationToken);
        foreach (var rowsPerStatement in settings.HandWrittenRows)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                foreach (var rows in handRows.Chunk(rowsPerStatement <= 0 ? handRows.Count : rowsPerStatement))
                {
                    await server.Transport.RunAsync([new CypherStatement(HandWrittenUnwind, new Dictionary<string, object?> { ["rows"] = rows })], cancellationToken);
                }

                handWritten.Add((rowsPerStatement, Rate(clock.Elapsed, records.Count)));
            }
            catch (Exception ex) when (ex is Neo4jException or HttpRequestException)
            {
                handWritten.Add((rowsPerStatement, $"failed after {clock.Elapsed.TotalSeconds:0} s: {ex.Message.Split('\n')[0]}"));
            }

            Log($"Neo4j hand-written UNWIND, {rowsPerStatement} rows per statement: {handWritten[^1].Item2} ({await store.CountCompaniesAsync(cancellationToken):N0} companies)");
            await DeleteAsync(store, "c", "MATCH (c:Company)", cancellationToken);
        }

        await DeleteAsync(store, "n", "MATCH (n) WHERE n:ImportRun OR n:Sequence", cancellationToken);

        var measured = await MeasureStoreAsync("Neo4j", host.Services, records, stamp, queries, network, cancellationToken);
        await TraceAsync(host.Services, queries, settings.Trace);
        return measured with { HandWritten = handWritten, Server = server.ToString() };
    }

    private static async Task<Measured> MeasureSqliteAsync(Settings settings, List<CompanyRecord> records, ImportStamp stamp, List<Query> queries, string network, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("chainmap-benchmark-").FullName;
        try
        {
            using var host = await StartHostAsync(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Sqlite",
                ["Storage:DataDirectory"] = directory,
            }, cancellationToken);
            await host.Services.GetRequiredService<DefaultData>().LoadAsync(settings.DataPath, includeCompanies: false, cancellationToken);
            return await MeasureStoreAsync("SQLite", host.Services, records, stamp, queries, network, cancellationToken);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<Measured> MeasureStoreAsync(string name, IServiceProvider services, List<CompanyRecord> records, ImportStamp stamp, List<Query> queries, string network, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IChainMapStore>();

        // The import session as CompanyImporter drives it: batches in one open transaction, committed every CommitEvery rows.
        var clock = Stopwatch.StartNew();
        string import;
        string? portImport = null;
        var inserted = 0;
        var commitEvery = CompanyImporter.CommitEvery;
        try
        {
            await using (var session = await store.BeginCompanyImportAsync(stamp, cancellationToken))
            {
                commitEvery = Math.Min(CompanyImporter.CommitEvery, session.CommitEvery);
                var sinceCommit = 0;
                foreach (var batch in records.Chunk(CompanyImporter.BatchSize))
                {
                    inserted += (await session.UpsertAsync(batch, cancellationToken)).Count(o => o.Kind == UpsertKind.Inserted);
                    sinceCommit += batch.Length;
                    if (sinceCommit >= Math.Min(CompanyImporter.CommitEvery, session.CommitEvery))
                    {
                        await session.CommitAsync(cancellationToken);
                        sinceCommit = 0;
                    }
                }

                await session.CommitAsync(cancellationToken);
            }

            import = Rate(clock.Elapsed, records.Count);
        }
        catch (Exception ex) when (ex is StoreUnavailableException or InvalidOperationException or Neo4jException or HttpRequestException)
        {
            import = $"fails after {clock.Elapsed.TotalSeconds:0} s: {ex.Message.Split('\n')[0]}";
        }

        Log($"{name} import through the session: {import} ({inserted:N0} inserted, {await store.CountCompaniesAsync(cancellationToken):N0} stored)");
        if (await store.CountCompaniesAsync(cancellationToken) == 0)
        {
            // The session failed and rolled back: measure the batch-by-batch import instead.
            clock.Restart();
            foreach (var batch in records.Chunk(CompanyImporter.BatchSize))
            {
                await store.UpsertCompaniesAsync(batch, stamp, cancellationToken);
            }

            portImport = Rate(clock.Elapsed, records.Count);
            Log($"{name} import batch by batch, one committed session each: {portImport}");
        }

        clock.Restart();
        var unchanged = 0;
        foreach (var batch in records.Chunk(CompanyImporter.BatchSize))
        {
            unchanged += (await store.UpsertCompaniesAsync(batch, stamp with { ImportId = "imp-benchmark-2" }, cancellationToken)).Count(o => o.Kind == UpsertKind.Unchanged);
        }

        var reimport = clock.Elapsed;
        Log($"{name} re-import: {Rate(reimport, records.Count)} ({unchanged:N0} unchanged)");

        clock.Restart();
        await services.GetRequiredService<DemoNetwork>().LoadAsync(network, cancellationToken);
        Log($"{name} network (channels, links, relations) loaded in {clock.Elapsed.TotalSeconds:0.0} s");

        var latencies = await RunQueriesAsync(name, services, queries);
        return new Measured(import, portImport, commitEvery, reimport, [], latencies, string.Empty);
    }

    /// <summary>
    /// Traces <paramref name="lists"/> target lists that read the store, the caches dropped before each, with no kept
    /// answer served: every HTTP request to Neo4j with its start, time and statements. First as the benchmark's list runs
    /// (each ranked ahead in the background, which the next call's drop of the caches cancels), then with nothing ranked ahead.
    /// </summary>
    private static async Task TraceAsync(IServiceProvider services, List<Query> queries, int lists)
    {
        if (lists <= 0)
        {
            return;
        }

        var discovery = services.GetRequiredService<DiscoveryService>();
        var trace = services.GetRequiredService<Neo4jRequestTrace>();
        var filter = queries.Single(q => q.List is not null).List!;
        var runs = new List<(int List, string Title, TimeSpan From, TimeSpan To)>();
        trace.Start();
        foreach (var rankAhead in new[] { true, false })
        {
            await discovery.RankingsAheadAsync();
            await discovery.KeptRebuildsAsync();
            for (var i = 0; i < lists; i++)
            {
                var list = runs.Count + 1;
                var from = trace.Now;
                await Task.Run(async () =>
                {
                    trace.Own(list);
                    services.GetRequiredService<DiscoveryCache>().Clear();
                    await discovery.FindTargetsAsync(filter, rankAhead, CancellationToken.None);
                });
                runs.Add((list, rankAhead ? "ranked ahead after it, as the benchmark's list" : "nothing ranked ahead", from, trace.Now));
            }
        }

        await discovery.RankingsAheadAsync();
        trace.Stop();
        foreach (var (list, title, from, to) in runs)
        {
            Neo4jRequestTrace.Print($"traced list {list} ({title})", to - from, list, trace.Between(from, to));
        }
    }

    /// <summary>The queries: warm-up runs, then the timed runs, p50 / p95 logged as they finish.</summary>
    private static async Task<Dictionary<string, string>> RunQueriesAsync(string name, IServiceProvider services, List<Query> queries)
    {
        var clock = new Stopwatch();
        var latencies = new Dictionary<string, string>();
        foreach (var query in queries)
        {
            for (var i = 0; i < 5; i++)
            {
                await query.Run(services, i);
            }

            var times = new List<double>(query.Runs);
            for (var i = 0; i < query.Runs; i++)
            {
                clock.Restart();
                await query.Run(services, i);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            latencies[query.Name] = $"{Percentile(times, 0.50):0.0} / {Percentile(times, 0.95):0.0} ms";
            Log($"{name} {query.Name}: {latencies[query.Name]}");
        }

        return latencies;
    }

    /// <summary>
    /// The queries the API and the chain map run, cycling through chains, segments, names and provinces; and the ranked
    /// target list of /api/targets (DiscoveryService: candidates, home ties, introduction paths), warm and with its caches dropped.
    /// </summary>
    private static List<Query> Queries(IReadOnlyList<ChainDefinition> chains, RegionCatalog regions, HomeRegion home, int runs)
    {
        var segments = chains.SelectMany(c => c.Segments.Select(s => s.Code)).ToArray();
        var chainCodes = chains.Select(c => c.Chain.Code).ToArray();
        var yangtze = regions.FindGroup("长三角")?.MemberCodes.ToList() ?? ["310000", "320000", "330000", "340000"];
        string[] names = ["恒瑞", "华泰", "宏达", "鑫源", "中联", "天成", "金达", "瑞丰"];
        string[] provinces = ["320000", "330000", "440000", "420000", "370000"];
        var listed = chains.FirstOrDefault(c => c.Chain.Code == "ZQ") ?? chains[0];
        TargetFilter Targets(int i) => new([listed], null, yangtze, "长三角", [], null, 1, 50, 3);
        var listedSegments = listed.Segments.Select(s => s.Code).ToList();
        IReadOnlyCollection<string> homeCodes = [home.Code];
        static IChainMapStore Store(IServiceProvider services) => services.GetRequiredService<IChainMapStore>();
        return
        [
            new("search: chain in a region group (长三角), page 1", runs, (s, i) => Store(s).SearchCompaniesAsync(new CompanyQuery(null, chainCodes[i % chainCodes.Length], null, yangtze, 1, 20), CancellationToken.None)),
            new("search: one segment, page 1", runs, (s, i) => Store(s).SearchCompaniesAsync(new CompanyQuery(null, null, [segments[i % segments.Length]], null, 1, 20), CancellationToken.None)),
            new("search: name contains, page 1", runs, (s, i) => Store(s).SearchCompaniesAsync(new CompanyQuery(ChineseText.NormalizeCompanyName(names[i % names.Length]), null, null, null, 1, 20), CancellationToken.None)),
            new("search: one province, page 3", runs, (s, i) => Store(s).SearchCompaniesAsync(new CompanyQuery(null, null, null, [provinces[i % provinces.Length]], 3, 20), CancellationToken.None)),
            new("chain map counts for the home region", runs, (s, i) => Store(s).CountBySegmentAsync(chainCodes[i % chainCodes.Length], [home.Code], CancellationToken.None)),
            new("chain map: chain-level memberships as the review queue counts them (the map's read before ADR 0415)", runs, (s, i) => Store(s).ListMembershipsAsync(
                new MembershipListQuery(null, null, chainCodes[i % chainCodes.Length], [chainCodes[i % chainCodes.Length]], null, null, 1, 1), CancellationToken.None)),
            new("chain map: chain-level memberships counted (ADR 0415)", runs, (s, i) => Store(s).CountChainLevelAsync(chainCodes[i % chainCodes.Length], CancellationToken.None)),
            new($"target list ({listed.Chain.Name} × 长三角, top 50, up to 3 paths each), warm", runs, (s, i) => s.GetRequiredService<DiscoveryService>().FindTargetsAsync(Targets(i), CancellationToken.None)),
            new("target list, caches dropped before each call (every read from the store)", Math.Min(runs, 20), async (s, i) =>
            {
                s.GetRequiredService<DiscoveryCache>().Clear();
                await s.GetRequiredService<DiscoveryService>().FindTargetsAsync(Targets(i), CancellationToken.None);
            }, Targets(0)),

            // The store reads behind a list with the caches dropped, one at a time (ADR 0300: where its time goes).
            new("store: home ties of the listed chain with their names (ADR 0300; facts, then details)", Math.Min(runs, 10), (s, i) => HomeTies.LoadAsync(Store(s), homeCodes, listedSegments, CancellationToken.None)),
            new("store: home-tie facts of the listed chain, what a list reads (ADR 0385)", Math.Min(runs, 10), (s, i) => HomeTies.LoadIndexAsync(Store(s), homeCodes, listedSegments, CancellationToken.None)),
            new("store: home ties, home-wide (before ADR 0300)", Math.Min(runs, 10), (s, i) => HomeTies.LoadAsync(Store(s), homeCodes, null, CancellationToken.None)),
            new("store: segment statistics of the listed chain", Math.Min(runs, 10), (s, i) => Store(s).GetSegmentStatsAsync(listed.Chain.Code, homeCodes, CancellationToken.None)),
            new("store: list candidates (50 per segment + total)", Math.Min(runs, 10), (s, i) => Store(s).FindTargetCandidatesAsync(new TargetCandidateQuery(listedSegments, yangtze, homeCodes, [], null, 50), CancellationToken.None)),
            new("store: the 50 listed companies", Math.Min(runs, 10), async (s, i) =>
                await Store(s).GetCompaniesAsync(await ListedIdsAsync(s), CancellationToken.None)),
            new("store: introduction paths of the 50 listed, 3 each", Math.Min(runs, 10), async (s, i) =>
                await Store(s).FindIntroductionPathsAsync(await ListedIdsAsync(s), homeCodes, DiscoveryService.MaxHops, 3, CancellationToken.None)),
        ];

        async Task<List<long>> ListedIdsAsync(IServiceProvider services) =>
            (await services.GetRequiredService<DiscoveryService>().FindTargetsAsync(Targets(0), CancellationToken.None)).Items.Select(t => t.Company.Id).ToList();
    }

    /// <summary>The synthetic channels, channel links and company relations over the companies, as CSV files DemoNetwork loads.</summary>
    private static async Task<string> WriteNetworkAsync(List<CompanyRecord> records, IReadOnlyList<ChainDefinition> chains, RegionCatalog regions, string homeCode, CancellationToken cancellationToken)
    {
        var companies = records
            .Where(r => r.Uscc is not null && r.Memberships.Count > 0)
            .Select(r => new NetworkCompany(r.Uscc!, r.RegionCode, r.Memberships[0].SegmentCode, r.Strength))
            .ToList();
        var tables = SyntheticNetwork.Generate(companies, chains, regions, homeCode, 421300, membersPerChannel: Math.Max(20, records.Count / 2000));
        var folder = Directory.CreateTempSubdirectory("chainmap-benchmark-network-").FullName;
        var demo = Path.Combine(folder, "demo");
        Directory.CreateDirectory(demo);
        foreach (var (file, header, rows) in new[]
        {
            (DemoNetwork.ChannelsFile, SyntheticNetwork.ChannelHeader, tables.Channels),
            (DemoNetwork.LinksFile, SyntheticNetwork.LinkHeader, tables.Links),
            (DemoNetwork.RelationsFile, SyntheticNetwork.RelationHeader, tables.Relations),
        })
        {
            await using var writer = new StreamWriter(Path.Combine(demo, file));
            await SyntheticNetwork.WriteCsvAsync(writer, header, rows, cancellationToken);
        }

        Log($"network: {tables.Channels.Count:N0} channels, {tables.Links.Count:N0} links, {tables.Relations.Count:N0} relations");
        return folder;
    }

    private static List<CompanyRecord> Prepare(int count, IReadOnlyList<ChainDefinition> chains, RegionCatalog regions, string homeCode)
    {
        var resolver = new CompanyRowResolver(regions, new SegmentMatcher(chains));
        var fields = SyntheticCompanies.Header.Select(CompanyColumns.FieldOf).ToArray();
        var records = new List<CompanyRecord>(count);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var line = 1;
        foreach (var values in SyntheticCompanies.Generate(count, 421300, chains, regions, homeCode))
        {
            line++;
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < fields.Length; i++)
            {
                if (fields[i] is { } field)
                {
                    row[field] = values[i];
                }
            }

            if (resolver.Resolve("benchmark.csv", line, row, "benchmark.csv").Record is { } record && keys.Add(record.IdentityKey))
            {
                records.Add(record);
            }
        }

        return records;
    }

    private static Dictionary<string, object?> HandWrittenRow(CompanyRecord record, long id, ImportStamp stamp, string at) => new()
    {
        ["key"] = record.IdentityKey,
        ["region"] = record.RegionCode,
        ["properties"] = CompanyState.Insert(id, record, stamp).Properties(at, withIdentity: true),
        ["memberships"] = record.Memberships.Select(m => new Dictionary<string, object?>
        {
            ["segment"] = m.SegmentCode,
            ["properties"] = new Dictionary<string, object?> { ["role"] = m.Role, ["confidence"] = m.Confidence, ["evidence"] = m.Evidence, ["source"] = m.Source ?? stamp.FileName },
        }).ToList(),
    };

    /// <summary>Deletes in chunks so that no transaction holds the whole graph.</summary>
    private static async Task DeleteAsync(Neo4jStore store, string variable, string match, CancellationToken cancellationToken)
    {
        while ((await store.RunAsync($"{match} WITH {variable} LIMIT 20000 DETACH DELETE {variable} RETURN count(*)", cancellationToken)).Scalar!.Value.AsInt64() > 0)
        {
        }
    }

    private static async Task<IHost> StartHostAsync(Dictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        settings["Storage:SeedDefaultData"] = "false";
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddChainMapServices();
        builder.Services.AddSingleton<Neo4jRequestTrace>();
        builder.Services.AddHttpClient(Neo4jHttp.ClientName).AddHttpMessageHandler(services => services.GetRequiredService<Neo4jRequestTrace>().Handler());
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Rate(TimeSpan elapsed, int rows) =>
        $"{elapsed.TotalSeconds:0.0} s ({rows / elapsed.TotalSeconds:N0} rows/s)";

    private static void Log(string message) => Console.Error.WriteLine($"[{TimeProvider.System.GetUtcNow():HH:mm:ss}] {message}");

    private sealed record Settings(int Count, int Queries, string Uri, string? User, string? Password, string Api, IReadOnlyList<int> HandWrittenRows, bool Wipe, bool WithSqlite, string DataPath, bool QueriesOnly = false, int Trace = 0);

    private sealed record Measured(string Import, string? PortImport, int CommitEvery, TimeSpan Reimport, IReadOnlyList<(int RowsPerStatement, string Result)> HandWritten, Dictionary<string, string> Latencies, string Server);

    /// <summary>A timed query; <see cref="List"/> is the target list it asks for (the traced one).</summary>
    private sealed record Query(string Name, int Runs, Func<IServiceProvider, int, Task> Run, TargetFilter? List = null);
}
