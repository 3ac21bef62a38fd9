using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ChainMap.Chains;
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
/// the store port (batched UNWIND, the way every import writes), compares it with one hand-written
/// UNWIND of the same rows, measures company search and chain-map counts (p50/p95), and runs the
/// same import and queries on SQLite for comparison. Prints a Markdown table for docs/benchmarks.md.
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
        var command = new Command("neo4j", "Import and query speed on Neo4j (through the store port and hand-written), with SQLite for comparison")
        {
            count, queries, uri, user, password, api, handRows, wipe, skipSqlite, data,
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
                !result.GetValue(skipSqlite),
                DefaultData.Locate(result.GetValue(data)?.FullName) ?? throw new InvalidOperationException("No data folder found; pass --data."));
            return await RunAsync(settings, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        var regions = new RegionCatalog(
            await DefaultData.ReadRegionsAsync(Path.Combine(settings.DataPath, "regions.csv"), cancellationToken),
            await DefaultData.ReadGroupsAsync(Path.Combine(settings.DataPath, "region-groups.csv"), cancellationToken));
        var home = await DefaultData.ReadHomeAsync(Path.Combine(settings.DataPath, "home.json"), cancellationToken);
        var chains = (await ChainCsv.ReadFolderAsync(Path.Combine(settings.DataPath, "chains"), cancellationToken)).Chains;

        var clock = Stopwatch.StartNew();
        var records = Prepare(settings.Count, chains, regions, home.Code);
        Log($"prepared {records.Count:N0} companies (generate + resolve) in {clock.Elapsed.TotalSeconds:0.0} s");
        var stamp = new ImportStamp("imp-benchmark", "benchmark.csv", TimeProvider.System.GetUtcNow());
        var queries = Queries(chains, regions, home);

        var neo4j = await MeasureNeo4jAsync(settings, records, stamp, queries, cancellationToken);
        var sqlite = settings.WithSqlite ? await MeasureSqliteAsync(settings, records, stamp, queries, cancellationToken) : null;

        var rows = records.Count.ToString("N0", CultureInfo.InvariantCulture);
        Console.WriteLine();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; {neo4j.Server}");
        Console.WriteLine();
        Console.WriteLine("| measurement | Neo4j | SQLite |");
        Console.WriteLine("| --- | ---: | ---: |");
        Console.WriteLine($"| import {rows} companies through the store port ({CompanyImporter.BatchSize:N0}-row batches) | {Rate(neo4j.Import, records.Count)} | {(sqlite is null ? "–" : Rate(sqlite.Import, records.Count))} |");
        Console.WriteLine($"| import the same rows again (all unchanged) | {Rate(neo4j.Reimport, records.Count)} | {(sqlite is null ? "–" : Rate(sqlite.Reimport, records.Count))} |");
        foreach (var (rowsPerStatement, result) in neo4j.HandWritten)
        {
            Console.WriteLine($"| hand-written UNWIND of the same rows, {(rowsPerStatement == 0 ? "all in one statement" : $"{rowsPerStatement:N0} rows per statement")} | {result} | – |");
        }
        foreach (var (name, _) in queries)
        {
            Console.WriteLine($"| {name}: p50 / p95 | {neo4j.Latencies[name]} | {(sqlite is null ? "–" : sqlite.Latencies[name])} |");
        }

        return 0;
    }

    private static async Task<Measured> MeasureNeo4jAsync(Settings settings, List<CompanyRecord> records, ImportStamp stamp, List<(string Name, Func<IChainMapStore, int, Task> Run)> queries, CancellationToken cancellationToken)
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

        var measured = await MeasureStoreAsync("Neo4j", store, records, stamp, queries, settings.Queries, cancellationToken);
        return measured with { HandWritten = handWritten, Server = server.ToString() };
    }

    private static async Task<Measured> MeasureSqliteAsync(Settings settings, List<CompanyRecord> records, ImportStamp stamp, List<(string Name, Func<IChainMapStore, int, Task> Run)> queries, CancellationToken cancellationToken)
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
            return await MeasureStoreAsync("SQLite", host.Services.GetRequiredService<IChainMapStore>(), records, stamp, queries, settings.Queries, cancellationToken);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<Measured> MeasureStoreAsync(string name, IChainMapStore store, List<CompanyRecord> records, ImportStamp stamp, List<(string Name, Func<IChainMapStore, int, Task> Run)> queries, int runs, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var inserted = 0;
        foreach (var batch in records.Chunk(CompanyImporter.BatchSize))
        {
            inserted += (await store.UpsertCompaniesAsync(batch, stamp, cancellationToken)).Count(o => o.Kind == UpsertKind.Inserted);
        }

        var import = clock.Elapsed;
        Log($"{name} import through the port: {Rate(import, records.Count)} ({inserted:N0} inserted, {await store.CountCompaniesAsync(cancellationToken):N0} stored)");

        clock.Restart();
        var unchanged = 0;
        foreach (var batch in records.Chunk(CompanyImporter.BatchSize))
        {
            unchanged += (await store.UpsertCompaniesAsync(batch, stamp with { ImportId = "imp-benchmark-2" }, cancellationToken)).Count(o => o.Kind == UpsertKind.Unchanged);
        }

        var reimport = clock.Elapsed;
        Log($"{name} re-import: {Rate(reimport, records.Count)} ({unchanged:N0} unchanged)");

        var latencies = new Dictionary<string, string>();
        foreach (var (query, run) in queries)
        {
            for (var i = 0; i < 5; i++)
            {
                await run(store, i);
            }

            var times = new List<double>(runs);
            for (var i = 0; i < runs; i++)
            {
                clock.Restart();
                await run(store, i);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            latencies[query] = $"{Percentile(times, 0.50):0.0} / {Percentile(times, 0.95):0.0} ms";
            Log($"{name} {query}: {latencies[query]}");
        }

        return new Measured(import, reimport, [], latencies, string.Empty);
    }

    /// <summary>The queries the API and the chain map run, cycling through chains, segments, names and provinces.</summary>
    private static List<(string Name, Func<IChainMapStore, int, Task> Run)> Queries(IReadOnlyList<ChainDefinition> chains, RegionCatalog regions, HomeRegion home)
    {
        var segments = chains.SelectMany(c => c.Segments.Select(s => s.Code)).ToArray();
        var chainCodes = chains.Select(c => c.Chain.Code).ToArray();
        var yangtze = regions.FindGroup("长三角")?.MemberCodes.ToList() ?? ["310000", "320000", "330000", "340000"];
        string[] names = ["恒瑞", "华泰", "宏达", "鑫源", "中联", "天成", "金达", "瑞丰"];
        string[] provinces = ["320000", "330000", "440000", "420000", "370000"];
        return
        [
            ("search: chain in a region group (长三角), page 1", (store, i) => store.SearchCompaniesAsync(new CompanyQuery(null, chainCodes[i % chainCodes.Length], null, yangtze, 1, 20), CancellationToken.None)),
            ("search: one segment, page 1", (store, i) => store.SearchCompaniesAsync(new CompanyQuery(null, null, [segments[i % segments.Length]], null, 1, 20), CancellationToken.None)),
            ("search: name contains, page 1", (store, i) => store.SearchCompaniesAsync(new CompanyQuery(ChineseText.NormalizeCompanyName(names[i % names.Length]), null, null, null, 1, 20), CancellationToken.None)),
            ("search: one province, page 3", (store, i) => store.SearchCompaniesAsync(new CompanyQuery(null, null, null, [provinces[i % provinces.Length]], 3, 20), CancellationToken.None)),
            ("chain map counts for the home region", (store, i) => store.CountBySegmentAsync(chainCodes[i % chainCodes.Length], [home.Code], CancellationToken.None)),
        ];
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
        builder.Services.AddChainMapCore();
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Rate(TimeSpan elapsed, int rows) =>
        $"{elapsed.TotalSeconds:0.0} s ({rows / elapsed.TotalSeconds:N0} rows/s)";

    private static void Log(string message) => Console.Error.WriteLine($"[{TimeProvider.System.GetUtcNow():HH:mm:ss}] {message}");

    private sealed record Settings(int Count, int Queries, string Uri, string? User, string? Password, string Api, IReadOnlyList<int> HandWrittenRows, bool Wipe, bool WithSqlite, string DataPath);

    private sealed record Measured(TimeSpan Import, TimeSpan Reimport, IReadOnlyList<(int RowsPerStatement, string Result)> HandWritten, Dictionary<string, string> Latencies, string Server);
}
