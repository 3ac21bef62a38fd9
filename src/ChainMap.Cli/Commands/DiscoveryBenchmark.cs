using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ChainMap.Chains;
using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Regions;
using ChainMap.Seeding;
using ChainMap.Storage;
using ChainMap.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChainMap.Cli.Commands;

/// <summary>
/// <c>chainmap benchmark discovery</c>: builds (or reuses) an embedded store with N synthetic companies and
/// their network, then times a ranked top-50 target list for one chain and region group and the
/// chain's investment map, in-process and over HTTP (the API as a child process on 127.0.0.1).
/// </summary>
internal static class DiscoveryBenchmark
{
    /// <summary>The admin key the API child process is started with (Auth:BootstrapAdminKey); it only ever listens on 127.0.0.1.</summary>
    private const string BenchmarkKey = "cmk_benchmark_discovery0123456789abcdef";

    /// <summary>Untimed calls before a "warm" series (maps: a quarter), so tiered JIT compilation is not timed.</summary>
    private const int WarmUpCalls = 40;

    public static Command Create()
    {
        var companies = new Option<int>("--companies") { Description = "Number of synthetic companies", DefaultValueFactory = _ => 1_000_000 };
        var seed = new Option<int>("--seed") { Description = "Generator seed", DefaultValueFactory = _ => 421300 };
        var chain = new Option<string>("--chain") { Description = "Chain code or name", DefaultValueFactory = _ => "ZQ" };
        var region = new Option<string>("--region") { Description = "Region group or division", DefaultValueFactory = _ => "长三角" };
        var requests = new Option<int>("--requests") { Description = "Timed list requests per mode", DefaultValueFactory = _ => 200 };
        var mapRequests = new Option<int>("--map-requests") { Description = "Timed investment-map requests per mode", DefaultValueFactory = _ => 20 };
        var cache = new Option<DirectoryInfo?>("--cache-dir") { Description = "Where generated stores are kept between runs (default: TMP/chainmap-bench)" };
        var http = new Option<bool>("--http") { Description = "Also measure over HTTP (starts the API as a child process)", DefaultValueFactory = _ => true };
        var profile = new Option<bool>("--profile") { Description = "Also time each store call of a list and a map separately" };
        var command = new Command("discovery", "Time target lists and investment maps on a large generated store")
        {
            companies, seed, chain, region, requests, mapRequests, cache, http, profile,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var dataPath = DefaultData.Locate(null) ?? throw new InvalidOperationException("No data folder found above the working directory.");
            var count = result.GetValue(companies);
            var folder = Path.Combine(result.GetValue(cache)?.FullName ?? Path.Combine(Path.GetTempPath(), "chainmap-bench"), $"discovery-{count}-{result.GetValue(seed)}");
            await EnsureStoreAsync(folder, dataPath, count, result.GetValue(seed), cancellationToken);
            if (result.GetValue(profile))
            {
                await ProfileAsync(folder, result.GetValue(chain)!, result.GetValue(region)!, cancellationToken);
            }

            if (result.GetValue(requests) > 0)
            {
                await MeasureAsync(folder, dataPath, result.GetValue(chain)!, result.GetValue(region)!, result.GetValue(requests), Math.Max(1, result.GetValue(mapRequests)), result.GetValue(http), cancellationToken);
            }

            return 0;
        });
        return command;
    }

    private static async Task EnsureStoreAsync(string folder, string dataPath, int count, int seed, CancellationToken cancellationToken)
    {
        var ready = Path.Combine(folder, "ready");
        if (File.Exists(ready))
        {
            await Console.Out.WriteLineAsync($"Reusing the generated store in {folder}");
            return;
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var clock = Stopwatch.StartNew();
        using var host = await CliHost.StartAsync(folder, seed: false, cancellationToken);
        var services = host.Services;
        await services.GetRequiredService<DefaultData>().LoadAsync(dataPath, includeCompanies: false, cancellationToken);
        var store = services.GetRequiredService<IChainMapStore>();
        var catalog = await services.GetRequiredService<RegionDirectory>().GetCatalogAsync(cancellationToken);
        var home = await services.GetRequiredService<RegionDirectory>().GetHomeAsync(cancellationToken);
        var chains = await services.GetRequiredService<ChainDirectory>().ListDefinitionsAsync(cancellationToken);

        var network = new List<NetworkCompany>(count);
        var batch = new List<CompanyRecord>(50_000);
        var stamp = new ImportStamp("imp-benchmark", "benchmark", DateTimeOffset.UnixEpoch);
        var places = new Dictionary<string, (string Province, string? City, string? County)>(StringComparer.Ordinal);
        foreach (var row in SyntheticCompanies.Generate(count, seed, chains, catalog, home.Code))
        {
            var record = ToRecord(row, catalog, places);
            batch.Add(record);
            network.Add(new NetworkCompany(record.Uscc!, record.RegionCode, row[3], record.Strength));
            if (batch.Count == batch.Capacity)
            {
                await store.UpsertCompaniesAsync(batch, stamp, cancellationToken);
                batch.Clear();
            }
        }

        await store.UpsertCompaniesAsync(batch, stamp, cancellationToken);
        await Console.Out.WriteLineAsync($"Stored {count:N0} companies in {clock.Elapsed.TotalSeconds:0} s");

        var tables = SyntheticNetwork.Generate(network, chains, catalog, home.Code, seed, membersPerChannel: Math.Max(20, count / 2000));
        var demo = Path.Combine(folder, "network", "demo");
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

        await services.GetRequiredService<DemoNetwork>().LoadAsync(Path.Combine(folder, "network"), cancellationToken);
        await host.StopAsync(cancellationToken);
        await File.WriteAllTextAsync(ready, $"{count} companies, {tables.Channels.Count} channels, {tables.Links.Count} links, {tables.Relations.Count} relations", cancellationToken);
        await Console.Out.WriteLineAsync($"Generated {tables.Channels.Count} channels, {tables.Links.Count} links, {tables.Relations.Count} relations; store ready in {clock.Elapsed.TotalSeconds:0} s");
    }

    private static CompanyRecord ToRecord(string[] row, RegionCatalog catalog, Dictionary<string, (string, string?, string?)> places)
    {
        static decimal? Number(string text) => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;
        if (!places.TryGetValue(row[2], out var place))
        {
            places[row[2]] = place = catalog.Place(row[2]);
        }

        var tags = row[10].Split('|', StringSplitOptions.RemoveEmptyEntries);
        var capital = Number(row[5]);
        var revenue = Number(row[8]);
        var employees = int.Parse(row[7], CultureInfo.InvariantCulture);
        var listed = row[9].Length == 0 ? null : row[9];
        var founded = DateOnly.ParseExact(row[6], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new CompanyRecord(
            "u:" + row[1], row[1], row[0], ChineseText.NormalizeCompanyName(row[0]), row[2], place.Item1, place.Item2, place.Item3,
            capital, founded, employees, revenue, listed, tags, row[4], null,
            CompanyStrength.Score(capital, revenue, employees, listed, tags, founded),
            [new SegmentMembership(row[3], "maker", 1.0, "benchmark", "benchmark")]);
    }

    private static async Task MeasureAsync(string folder, string dataPath, string chainText, string regionText, int requests, int mapRequests, bool http, CancellationToken cancellationToken)
    {
        var (rows, chainCode) = await MeasureInProcessAsync(folder, chainText, regionText, requests, mapRequests, cancellationToken);
        if (http)
        {
            // The in-process host is gone; collect its heap so the client's garbage collections stay small.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            rows.AddRange(await MeasureHttpAsync(folder, dataPath, chainCode, regionText, requests, mapRequests, cancellationToken));
        }

        await Console.Out.WriteLineAsync();
        await Console.Out.WriteLineAsync("| measurement | n | p50 ms | p95 ms | p99 ms | max ms |");
        await Console.Out.WriteLineAsync("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
        {
            await Console.Out.WriteLineAsync(row);
        }
    }

    private static async Task<(List<string> Rows, string ChainCode)> MeasureInProcessAsync(string folder, string chainText, string regionText, int requests, int mapRequests, CancellationToken cancellationToken)
    {
        var rows = new List<string>();
        var started = Stopwatch.StartNew();
        using var host = await CliHost.StartAsync(folder, seed: false, warmDiscovery: true, cancellationToken);
        var services = host.Services;
        var discovery = services.GetRequiredService<DiscoveryService>();
        var cache = services.GetRequiredService<DiscoveryCache>();
        var warmup = services.GetRequiredService<DiscoveryWarmup>();
        await warmup.Completion;
        rows.Add(Row("warm-up at start, in the background (home ties, gap analyses, place counts, one list per chain)", [started.Elapsed.TotalMilliseconds]));
        var chain = await services.GetRequiredService<ChainDirectory>().GetDefinitionAsync(chainText, cancellationToken)
            ?? throw new InvalidOperationException($"No chain '{chainText}'.");
        var catalog = await services.GetRequiredService<RegionDirectory>().GetCatalogAsync(cancellationToken);
        var match = catalog.Resolve(regionText);
        IReadOnlyCollection<string> codes = match.Group?.MemberCodes ?? (match.Region is { } r ? [r.Code] : throw new InvalidOperationException($"No region '{regionText}'."));
        var filter = new TargetFilter([chain], null, codes, regionText, [], null, 1, 50, 3);
        var total = await services.GetRequiredService<IChainMapStore>().CountCompaniesAsync(cancellationToken);

        await Console.Out.WriteLineAsync($"Store: {total:N0} companies. List: chain {chain.Chain.Code}, region {regionText}, top 50 with up to 3 paths each. Map: chain {chain.Chain.Code}, top 5 per segment, 1 path each.");

        var first = await TimeAsync(() => discovery.FindTargetsAsync(filter, cancellationToken));
        var firstMap = await TimeAsync(() => discovery.BuildMapAsync(chain, null, 5, 1, cancellationToken));
        var page = await discovery.FindTargetsAsync(filter, cancellationToken);
        await Console.Out.WriteLineAsync($"List: {page.Items.Count} items of {page.Total:N0} candidates; {page.Items.Count(t => t.Paths.Count > 0)} with paths");
        rows.Add(Row("list, in-process, first request after start (after the warm-up)", [first]));
        rows.Add(Row("map, in-process, first request after start (after the warm-up)", [firstMap]));
        rows.Add(Row("list, in-process, warm", await RepeatAsync(requests, () => discovery.FindTargetsAsync(filter, cancellationToken), WarmUpCalls)));
        var tagged = filter with { Tags = ["专精特新"] };
        var rich = filter with { MinCapital = 5_000m };
        rows.Add(Row("list, in-process, tags 专精特新, first request", [await TimeAsync(() => discovery.FindTargetsAsync(tagged, cancellationToken))]));
        rows.Add(Row("list, in-process, tags 专精特新, warm", await RepeatAsync(Math.Min(requests, 50), () => discovery.FindTargetsAsync(tagged, cancellationToken), 5)));
        rows.Add(Row("list, in-process, minimum capital 5,000 万元, first request", [await TimeAsync(() => discovery.FindTargetsAsync(rich, cancellationToken))]));
        rows.Add(Row("list, in-process, minimum capital 5,000 万元, warm", await RepeatAsync(Math.Min(requests, 50), () => discovery.FindTargetsAsync(rich, cancellationToken), 5)));
        rows.Add(Row("list, in-process, first request after a write (answered from the older entries, marked stale)", await AfterWriteAsync(cache, Math.Min(requests, 20), () => discovery.FindTargetsAsync(filter, cancellationToken))));
        rows.Add(Row("list, in-process, first view after a refresh (paths searched again)", await AfterRefreshAsync(cache, Math.Min(requests, 20), () => discovery.FindTargetsAsync(filter, cancellationToken))));
        rows.Add(Row("list, in-process, pages 2-21 viewed once each (deeper ranking, paths searched)", await PagesAsync(Math.Min(requests, 20), page => discovery.FindTargetsAsync(filter with { Page = page }, cancellationToken))));
        rows.Add(Row("list, in-process, first request after expiry (answered from the expired entry)", await AfterExpiryAsync(cache, Math.Min(requests, 20), () => discovery.FindTargetsAsync(filter, cancellationToken))));
        rows.Add(Row("list, in-process, while the background refresh runs", await DuringRefreshAsync(cache, Math.Min(requests, 20), () => discovery.FindTargetsAsync(filter, cancellationToken))));
        var kept = services.GetRequiredService<IDiscoverySnapshotStore>();
        var (keptCount, keptBytes) = await kept.MeasureSnapshotsAsync(cancellationToken);
        await Console.Out.WriteLineAsync($"Kept answers in the store (ADR 0295): {keptCount:N0}, {keptBytes:N0} bytes of bodies together");

        // A restarted process (ADR 0295): the caches are empty, the answers kept in the store are there.
        rows.Add(Row("list, in-process, caches dropped before each call (as after a restart: answered from the kept answer)", await DroppedAsync(cache, discovery, Math.Min(requests, 10), () => discovery.FindTargetsAsync(filter, cancellationToken))));

        // The figure of the sessions before ADR 0295: nothing kept either, the request waits for the store.
        rows.Add(Row("list, in-process, caches and kept answers dropped before each call (waits for the store)", await DroppedAsync(cache, discovery, Math.Min(requests, 10), async () =>
        {
            await kept.ClearSnapshotsAsync(cancellationToken);
            cache.Clear();
            var clock = Stopwatch.StartNew();
            await discovery.FindTargetsAsync(filter, cancellationToken);
            return clock.Elapsed.TotalMilliseconds;
        })));
        rows.Add(Row("map, in-process, warm", await RepeatAsync(mapRequests, () => discovery.BuildMapAsync(chain, null, 5, 1, cancellationToken), WarmUpCalls / 4)));
        rows.Add(Row("map, in-process, first request after expiry (answered from the expired entry)", await AfterExpiryAsync(cache, Math.Min(mapRequests, 10), () => discovery.BuildMapAsync(chain, null, 5, 1, cancellationToken))));
        rows.Add(Row("map, in-process, caches dropped before each call (as after a restart: answered from the kept map)", await DroppedAsync(cache, discovery, Math.Min(mapRequests, 10), () => discovery.BuildMapAsync(chain, null, 5, 1, cancellationToken))));
        rows.Add(Row("map, in-process, caches and kept answers dropped before each call (waits for the store)", await DroppedAsync(cache, discovery, Math.Min(mapRequests, 10), async () =>
        {
            await kept.ClearSnapshotsAsync(cancellationToken);
            cache.Clear();
            var clock = Stopwatch.StartNew();
            await discovery.BuildMapAsync(chain, null, 5, 1, cancellationToken);
            return clock.Elapsed.TotalMilliseconds;
        })));

        // Leave the list and map of the HTTP run kept, as a service that ran before leaves them.
        cache.Clear();
        await discovery.FindTargetsAsync(filter, cancellationToken);
        await discovery.BuildMapAsync(chain, null, 5, 1, cancellationToken);
        await discovery.KeptRebuildsAsync();
        await host.StopAsync(cancellationToken);

        // A request that comes while the warm-up is still running: answered from the kept answer (ADR 0295).
        using (var again = await CliHost.StartAsync(folder, seed: false, warmDiscovery: true, cancellationToken))
        {
            var restarted = again.Services.GetRequiredService<DiscoveryService>();
            var during = await TimeAsync(() => restarted.FindTargetsAsync(filter, cancellationToken));
            var duringMap = await TimeAsync(() => restarted.BuildMapAsync(chain, null, 5, 1, cancellationToken));
            rows.Add(Row("list, in-process, first request right at start, while the warm-up runs (answered from the kept answer)", [during]));
            rows.Add(Row("map, in-process, first request right at start, while the warm-up runs (answered from the kept map)", [duringMap]));
            await again.Services.GetRequiredService<DiscoveryWarmup>().Completion;
            await restarted.KeptRebuildsAsync();
            await again.StopAsync(cancellationToken);
        }

        // The same with nothing kept (the figure before ADR 0295): the request waits for the warm-up under way.
        using (var again = await CliHost.StartAsync(folder, seed: false, warmDiscovery: true, cancellationToken))
        {
            await again.Services.GetRequiredService<IDiscoverySnapshotStore>().ClearSnapshotsAsync(cancellationToken);
            var restarted = again.Services.GetRequiredService<DiscoveryService>();
            var during = await TimeAsync(() => restarted.FindTargetsAsync(filter, cancellationToken));
            rows.Add(Row("list, in-process, first request right at start, nothing kept (waits for the warm-up under way)", [during]));
            await again.Services.GetRequiredService<DiscoveryWarmup>().Completion;
            await restarted.FindTargetsAsync(filter, cancellationToken);
            await restarted.BuildMapAsync(chain, null, 5, 1, cancellationToken);
            await restarted.KeptRebuildsAsync();
            await again.StopAsync(cancellationToken);
        }

        return (rows, chain.Chain.Code);
    }

    /// <summary>Times each store call and step that a list and a map make, so the costs can be compared.</summary>
    private static async Task ProfileAsync(string folder, string chainText, string regionText, CancellationToken cancellationToken)
    {
        using var host = await CliHost.StartAsync(folder, seed: false, cancellationToken);
        var services = host.Services;
        var store = services.GetRequiredService<IChainMapStore>();
        var discovery = services.GetRequiredService<DiscoveryService>();
        var chain = await services.GetRequiredService<ChainDirectory>().GetDefinitionAsync(chainText, cancellationToken)
            ?? throw new InvalidOperationException($"No chain '{chainText}'.");
        var catalog = await services.GetRequiredService<RegionDirectory>().GetCatalogAsync(cancellationToken);
        var home = await services.GetRequiredService<RegionDirectory>().GetHomeAsync(cancellationToken);
        var match = catalog.Resolve(regionText);
        IReadOnlyCollection<string> codes = match.Group?.MemberCodes ?? (match.Region is { } r ? [r.Code] : throw new InvalidOperationException($"No region '{regionText}'."));
        var homeCodes = DiscoveryCache.HomeCodes(home);
        var segments = chain.Segments.Select(s => s.Code).ToList();
        var rows = new List<string>();
        async Task<T> Step<T>(string name, int n, Func<Task<T>> action)
        {
            var value = await action();
            var times = new List<double>(n);
            for (var i = 0; i < n; i++)
            {
                times.Add(await TimeAsync(action));
            }

            rows.Add(Row(name, times));
            return value;
        }

        static async Task<double> TimeAsync<T>(Func<Task<T>> action)
        {
            var clock = Stopwatch.StartNew();
            await action();
            return clock.Elapsed.TotalMilliseconds;
        }

        await Step("store: segment stats (gap analysis)", 5, () => store.GetSegmentStatsAsync(chain.Chain.Code, homeCodes, cancellationToken));
        await Step("store: place counts, everywhere", 5, () => store.CountSegmentPlacesAsync(chain.Chain.Code, null, homeCodes, cancellationToken));
        var ties = await Step("store: home-tied companies", 3, () => HomeTies.LoadAsync(store, homeCodes, cancellationToken));
        var query = new TargetCandidateQuery(segments, codes, homeCodes, [], null, 50);
        var set = await Step("store: list candidates (50 per segment + total)", 20, () => store.FindTargetCandidatesAsync(query, cancellationToken));
        await Step("store: map candidates (5 per segment + total)", 20, () => store.FindTargetCandidatesAsync(query with { RegionCodes = null, PerSegment = 5 }, cancellationToken));
        var page = await Step("list (whole, warm)", 100, () => discovery.FindTargetsAsync(new TargetFilter([chain], null, codes, regionText, [], null, 1, 50, 3), cancellationToken));
        var ids = page.Items.Select(t => t.Company.Id).ToList();
        await Step("store: 50 companies", 20, () => store.GetCompaniesAsync(ids, cancellationToken));
        await Step("store: paths for 50 targets, 3 each", 20, () => store.FindIntroductionPathsAsync(ids, homeCodes, DiscoveryService.MaxHops, 3, cancellationToken));
        // The paths of a list ranked 21 pages ahead (ADR 0340): one search for 1,000 targets against 20 searches of 50.
        var deep = set.Candidates.Select(c => c.CompanyId).Distinct().Take(1_000).ToList();
        var process = Process.GetCurrentProcess();
        foreach (var (name, chunk) in new[] { ("store: paths for 1,000 targets, 20 searches of 50", 50), ("store: paths for 1,000 targets, one search", 1_000) })
        {
            var cpu = new List<double>();
            await Step(name, 3, async () =>
            {
                process.Refresh();
                var before = process.TotalProcessorTime;
                var found = 0;
                foreach (var part in deep.Chunk(chunk))
                {
                    found += (await store.FindIntroductionPathsAsync(part, homeCodes, DiscoveryService.MaxHops, 3, cancellationToken)).Count;
                }

                process.Refresh();
                cpu.Add((process.TotalProcessorTime - before).TotalMilliseconds);
                return found;
            });
            rows.Add(Row(name + " (process CPU ms)", cpu));
        }

        await Step("list (whole, warm, no paths)", 100, () => discovery.FindTargetsAsync(new TargetFilter([chain], null, codes, regionText, [], null, 1, 50, 0), cancellationToken));
        await Step("map (whole, warm)", 5, () => discovery.BuildMapAsync(chain, null, 5, 1, cancellationToken));
        await host.StopAsync(cancellationToken);

        await Console.Out.WriteLineAsync($"Profile: {ties.Count:N0} home-tied companies, {set.Candidates.Count:N0} list candidates of {set.Total:N0}");
        await Console.Out.WriteLineAsync("| step | n | p50 ms | p95 ms | p99 ms | max ms |");
        await Console.Out.WriteLineAsync("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
        {
            await Console.Out.WriteLineAsync(row);
        }
    }

    private static async Task<IEnumerable<string>> MeasureHttpAsync(string folder, string dataPath, string chain, string region, int requests, int mapRequests, CancellationToken cancellationToken)
    {
        var root = Path.GetDirectoryName(dataPath)!;
        var project = Path.Combine(root, "src", "ChainMap.Api");
        await RunAsync("dotnet", $"build -c Release \"{project}\" -v q -nologo", root, cancellationToken);
        var list = new Uri($"/api/targets?chain={Uri.EscapeDataString(chain)}&region={Uri.EscapeDataString(region)}&pageSize=50&paths=3", UriKind.Relative);
        var map = new Uri($"/api/chains/{Uri.EscapeDataString(chain)}/investment-map?top=5&paths=1", UriKind.Relative);
        var rows = new List<string>();
        await WithApiAsync(project, folder, async (Get, warmed) =>
        {
            var first = await TimeAsync(() => Get(list));
            var firstMap = await TimeAsync(() => Get(map));
            rows.AddRange(
            [
                Row("list, HTTP, first call after start (empty caches; answered from the kept answer)", [first]),
                Row("map, HTTP, first call after start (empty caches; answered from the kept map)", [firstMap]),
            ]);

            // While the API's warm-up runs (ADR 0315): the rows below were measured in this window before session 29.
            var during = new List<double>();
            var duringMap = new List<double>();
            for (var i = 0; i < 10 && !warmed.IsCompleted; i++)
            {
                during.Add(await TimeAsync(() => Get(list)));
                duringMap.Add(await TimeAsync(() => Get(map)));
            }

            rows.Add(Row("list, HTTP, right after start while the warm-up runs (up to 10)", during));
            rows.Add(Row("map, HTTP, right after start while the warm-up runs (up to 10)", duringMap));
            rows.Add(Row("wait for the API's warm-up to log its end, after the rows above (the rows below are measured after it)", [await TimeAsync(() => warmed)]));
            rows.AddRange(
            [
                Row("list, HTTP, warm", await RepeatAsync(requests, () => Get(list), WarmUpCalls)),
                Row("list, HTTP, pages 2-21 viewed once each (deeper ranking, paths searched)", await PagesAsync(Math.Min(requests, 20), page => Get(new Uri($"{list}&page={page}", UriKind.Relative)))),
                Row("map, HTTP, warm", await RepeatAsync(mapRequests, () => Get(map), WarmUpCalls / 4)),
            ]);
        }, cancellationToken);

        // The figure before ADR 0295: a service started with nothing kept.
        using (var host = await CliHost.StartAsync(folder, seed: false, cancellationToken))
        {
            await host.Services.GetRequiredService<IDiscoverySnapshotStore>().ClearSnapshotsAsync(cancellationToken);
            await host.StopAsync(cancellationToken);
        }

        await WithApiAsync(project, folder, async (Get, _) =>
        {
            rows.Add(Row("list, HTTP, first call after start, nothing kept (waits for the warm-up under way)", [await TimeAsync(() => Get(list))]));
            rows.Add(Row("map, HTTP, first call after start, nothing kept", [await TimeAsync(() => Get(map))]));
        }, cancellationToken);
        return rows;
    }

    /// <summary>
    /// Starts the API on <paramref name="folder"/> as a child process, runs <paramref name="measure"/> with a GET that reads a
    /// whole answer and a task that completes when the API's discovery warm-up has logged its end, and stops it.
    /// </summary>
    private static async Task WithApiAsync(string project, string folder, Func<Func<Uri, Task>, Task, Task> measure, CancellationToken cancellationToken)
    {
        var dll = Path.Combine(project, "bin", "Release", "net10.0", "ChainMap.Api.dll");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls http://127.0.0.1:{port}")
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Storage__DataDirectory"] = folder;
        start.Environment["Storage__SeedDefaultData"] = "false";
        start.Environment["Auth__BootstrapAdminKey"] = BenchmarkKey;
        start.Environment["Auth__PermitsPerSecond"] = "100000";
        start.Environment["Auth__Burst"] = "100000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning";
        start.Environment["Logging__LogLevel__ChainMap.Discovery.DiscoveryWarmup"] = "Information";
        var warmed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var api = Process.Start(start) ?? throw new InvalidOperationException("Could not start the API.");
        api.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text && (text.Contains("Discovery caches warmed", StringComparison.Ordinal) || text.Contains("Warming the discovery caches failed", StringComparison.Ordinal)))
            {
                warmed.TrySetResult();
            }
        };
        api.ErrorDataReceived += (_, _) => { };
        api.BeginOutputReadLine();
        api.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", BenchmarkKey);
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    using var health = await client.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
                    if (health.IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException) when (attempt < 120)
                {
                }

                if (attempt >= 120)
                {
                    throw new InvalidOperationException("The API did not answer /health within 60 s.");
                }

                await Task.Delay(500, cancellationToken);
            }

            async Task Get(Uri uri)
            {
                using var response = await client.GetAsync(uri, cancellationToken);
                response.EnsureSuccessStatusCode();
                // Read the whole body without keeping it (a 180 KB array per response would keep the client's GC busy).
                await response.Content.CopyToAsync(Stream.Null, cancellationToken);
            }

            await measure(Get, warmed.Task.WaitAsync(TimeSpan.FromMinutes(10), cancellationToken));
        }
        finally
        {
            api.Kill(entireProcessTree: true);
            await api.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static async Task RunAsync(string file, string arguments, string directory, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = directory }) ?? throw new InvalidOperationException($"Could not run {file}.");
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed with exit code {process.ExitCode}.");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>Each sample: the entries expire, an untimed request starts the refresh, and the first request on the refreshed index (nothing kept yet) is timed.</summary>
    private static async Task<List<double>> AfterRefreshAsync(DiscoveryCache cache, int count, Func<Task> action)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            cache.Expire();
            await action();
            await cache.RefreshesAsync();
            times.Add(await TimeAsync(action));
        }

        return times;
    }

    /// <summary>Each sample: a write is noted (as an import job does when it ends), one request is timed, then the background refresh is awaited untimed.</summary>
    private static async Task<List<double>> AfterWriteAsync(DiscoveryCache cache, int count, Func<Task> action)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            cache.Changed();
            times.Add(await TimeAsync(action));
            await cache.RefreshesAsync();
        }

        return times;
    }

    /// <summary>
    /// Each sample: the caches are dropped (as in a restarted process), one request is timed, then the builds it started
    /// in the background are awaited untimed (so that samples do not pile up builds on each other).
    /// </summary>
    private static Task<List<double>> DroppedAsync(DiscoveryCache cache, DiscoveryService discovery, int count, Func<Task> action) =>
        DroppedAsync(cache, discovery, count, async () =>
        {
            cache.Clear();
            return await TimeAsync(action);
        });

    /// <summary>Each sample: <paramref name="sample"/> (which times what it measures), then the background builds are awaited untimed.</summary>
    private static async Task<List<double>> DroppedAsync(DiscoveryCache cache, DiscoveryService discovery, int count, Func<Task<double>> sample)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            times.Add(await sample());
            await discovery.KeptRebuildsAsync();
            await cache.RefreshesAsync();
        }

        return times;
    }

    /// <summary>Times pages 2, 3, … once each: their targets' introduction paths have not been searched before.</summary>
    private static async Task<List<double>> PagesAsync(int count, Func<int, Task> page)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            times.Add(await TimeAsync(() => page(i + 2)));
        }

        return times;
    }

    /// <summary>Each sample: the cache entries expire, one request is timed (it starts the refresh), then the refresh is awaited untimed.</summary>
    private static async Task<List<double>> AfterExpiryAsync(DiscoveryCache cache, int count, Func<Task> action)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            cache.Expire();
            times.Add(await TimeAsync(action));
            await cache.RefreshesAsync();
        }

        return times;
    }

    /// <summary>Requests timed while a background refresh (started by an untimed request after expiry) is still running.</summary>
    private static async Task<List<double>> DuringRefreshAsync(DiscoveryCache cache, int count, Func<Task> action)
    {
        var times = new List<double>(count);
        while (times.Count < count)
        {
            cache.Expire();
            await action();
            var refresh = cache.RefreshesAsync();
            while (!refresh.IsCompleted && times.Count < count)
            {
                times.Add(await TimeAsync(action));
            }

            await refresh;
        }

        return times;
    }

    /// <summary>Times <paramref name="count"/> calls after <paramref name="warmUp"/> untimed ones (so the JIT has compiled the hot paths).</summary>
    private static async Task<List<double>> RepeatAsync(int count, Func<Task> action, int warmUp = 1)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await action();
        }

        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            times.Add(await TimeAsync(action));
        }

        return times;
    }

    private static string Row(string name, IReadOnlyList<double> times)
    {
        var sorted = times.Order().ToList();
        if (sorted.Count == 0)
        {
            return $"| {name} | 0 | – | – | – | – |";
        }

        double P(double q) => sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"| {name} | {sorted.Count} | {P(0.5):0.0} | {P(0.95):0.0} | {P(0.99):0.0} | {sorted[^1]:0.0} |");
    }
}
