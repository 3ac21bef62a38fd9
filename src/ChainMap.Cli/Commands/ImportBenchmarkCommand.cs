using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChainMap.Curation;
using ChainMap.Discovery;
using ChainMap.Import;
using ChainMap.Regions;
using ChainMap.Seeding;
using ChainMap.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Cli.Commands;

/// <summary>
/// <c>chainmap benchmark import --rows N</c>: writes N deterministic synthetic companies to a
/// temporary CSV, times a raw load of the same file into one SQLite table keyed by USCC (the
/// <c>sqlite3</c> command line's <c>.import</c> when it is installed, else one prepared INSERT in one
/// transaction; WAL, synchronous=NORMAL) as the peer, imports the file into a fresh embedded store
/// (regions and chains loaded, no companies), imports the same file again (everything unchanged),
/// then imports a second file of N rows into the store holding N (a third each of unchanged rows,
/// changed rows and new companies), and prints rows/s, CPU and memory for each pass, the ratio of
/// the first import to the raw load, and the process's peak working set. Peak memory is sampled
/// during each import only (the generator's memory is released first).
/// </summary>
internal static class ImportBenchmarkCommand
{
    public static Command Create()
    {
        var rows = new Option<int>("--rows") { Description = "Number of synthetic companies", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed of the generator", DefaultValueFactory = _ => 421300 };
        var keep = new Option<bool>("--keep") { Description = "Keep the generated CSV and the store (their folder is printed)" };
        var data = new Option<DirectoryInfo?>("--data") { Description = "Data folder (default: found above the working directory)" };
        var change = new Option<string>("--mixed-change")
        {
            Description = "What the mixed file's changed third changes: employees (the head count, so the strength and the discovery rows) or products (the products and the memberships' role, nothing the discovery tables copy)",
            DefaultValueFactory = _ => "employees",
        };
        change.AcceptOnlyFromAmong("employees", "products");
        var edits = new Option<int>("--edit-every")
        {
            Description = "During the mixed import, an analyst's edit of a stored company every N seconds (the edit the company page makes); each edit's wait and outcome is printed, and the re-import is skipped (0: no edits)",
            DefaultValueFactory = _ => 0,
        };
        var classify = new Option<bool>("--classify")
        {
            Description = "Write the files without their 环节代码 column's codes, so the import's classifier places every row from its name and products (what a real list without segment codes costs)",
        };
        var command = new Command("import", "Import N synthetic companies into a fresh embedded store; print rows/s and peak memory") { rows, seed, keep, data, change, edits, classify };
        command.SetAction(async (result, cancellationToken) =>
        {
            var count = result.GetValue(rows);
            var dataPath = DefaultData.Locate(result.GetValue(data)?.FullName) ?? throw new InvalidOperationException("No data folder found; pass --data.");
            var folder = Directory.CreateTempSubdirectory("chainmap-bench-").FullName;
            try
            {
                var csv = Path.Combine(folder, $"companies-{count}.csv");
                var mixed = Path.Combine(folder, $"companies-{count}-mixed.csv");
                var clock = Stopwatch.StartNew();
                await GenerateAsync(csv, mixed, count, result.GetValue(seed), dataPath, result.GetValue(change) == "products", result.GetValue(classify), cancellationToken);
                var size = new FileInfo(csv).Length;
                await Console.Out.WriteLineAsync(Invariant($"generated {count:N0} rows ({size / 1048576.0:F1} MiB) and {count:N0} mixed rows in {clock.Elapsed.TotalSeconds:F1} s: {csv}"));
                var raw = await RawLoad.RunAsync(csv, Path.Combine(folder, "raw"), cancellationToken);
                await Console.Out.WriteLineAsync(Invariant($"""
                    raw load ({raw.How}): {raw.Rows:N0} rows in {raw.Seconds:F2} s = {raw.Rows / raw.Seconds:N0} rows/s (load average before {LoadAverage()})
                    """));

                using var host = await CliHost.StartAsync(Path.Combine(folder, "store"), seed: false, cancellationToken);
                await host.Services.GetRequiredService<DefaultData>().LoadAsync(dataPath, includeCompanies: false, cancellationToken);
                var importer = host.Services.GetRequiredService<CompanyImporter>();
                await Console.Out.WriteLineAsync(Invariant($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:F0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}"));
                var first = await MeasureAsync("first import (all new)", importer, csv, cancellationToken);
                var editEvery = result.GetValue(edits);
                if (editEvery <= 0)
                {
                    await MeasureAsync("re-import (all unchanged)", importer, csv, cancellationToken);
                }

                using var editing = new CancellationTokenSource();
                var editor = editEvery > 0 ? EditDuringAsync(host.Services, TimeSpan.FromSeconds(editEvery), editing.Token) : Task.CompletedTask;
                var third = await MeasureAsync($"mixed import into the store holding them (1/3 unchanged, 1/3 changed {result.GetValue(change)}, 1/3 new)", importer, mixed, cancellationToken);
                await editing.CancelAsync();
                await editor;
                using var self = Process.GetCurrentProcess();
                await Console.Out.WriteLineAsync(Invariant($"""
                    summary: first import {first:N0} rows/s = {first / (raw.Rows / raw.Seconds):F2} x the raw load ({raw.Rows / raw.Seconds:N0} rows/s, {raw.How}); mixed import {third:N0} rows/s; process peak working set {self.PeakWorkingSet64 / 1048576.0:F0} MiB
                    """));
                return 0;
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                if (result.GetValue(keep))
                {
                    await Console.Out.WriteLineAsync($"kept: {folder}");
                }
                else
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        });
        return command;
    }

    /// <summary>
    /// Writes the first file (<paramref name="count"/> companies) and the mixed file; with <paramref name="unclassified"/> every row's
    /// 环节代码 is left empty, so the import classifies every row (issue #19: classification must not slow imports).
    /// </summary>
    private static async Task GenerateAsync(string path, string mixedPath, int count, int seed, string dataPath, bool changeProducts, bool unclassified, CancellationToken cancellationToken)
    {
        // As the import reads it: zones, retired divisions and towns too.
        var regions = await DefaultData.ReadCatalogAsync(dataPath, cancellationToken);
        var home = await DefaultData.ReadHomeAsync(Path.Combine(dataPath, "home.json"), cancellationToken);
        var chains = await ChainCsv.ReadFolderAsync(Path.Combine(dataPath, "chains"), cancellationToken);
        var segment = Array.IndexOf(SyntheticCompanies.Header, "环节代码");
        await WriteAsync(path, SyntheticCompanies.Generate(count, seed, chains.Chains, regions, home.Code));

        // The mixed file: row i of the first file as it is (i % 3 == 0), with another head count or other products
        // (i % 3 == 1), or a new company of another seed in its place (i % 3 == 2).
        var employees = Array.IndexOf(SyntheticCompanies.Header, "员工人数");
        var products = Array.IndexOf(SyntheticCompanies.Header, "主营产品");
        var others = SyntheticCompanies.Generate(count, seed + 1, chains.Chains, regions, home.Code);
        await WriteAsync(mixedPath, SyntheticCompanies.Generate(count, seed, chains.Chains, regions, home.Code).Zip(others).Select((pair, i) => (i % 3) switch
        {
            0 => pair.First,
            1 => changeProducts ? WithProducts(pair.First, products) : Changed(pair.First, employees),
            _ => pair.Second,
        }));

        async Task WriteAsync(string file, IEnumerable<string[]> rows)
        {
            await using var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 16);
            await using var csv = new CsvHelper.CsvWriter(writer, CultureInfo.InvariantCulture);
            foreach (var column in SyntheticCompanies.Header)
            {
                csv.WriteField(column);
            }

            await csv.NextRecordAsync();
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var column = 0; column < row.Length; column++)
                {
                    csv.WriteField(unclassified && column == segment ? string.Empty : row[column]);
                }

                await csv.NextRecordAsync();
            }
        }
    }

    /// <summary>
    /// An analyst's edit (the company page's PATCH: <see cref="CompanyCuration.EditAsync"/>) of stored company 1, 2, 3…
    /// every <paramref name="every"/> until <paramref name="stop"/>; prints how long each waited and how it ended.
    /// </summary>
    private static async Task EditDuringAsync(IServiceProvider services, TimeSpan every, CancellationToken stop)
    {
        var store = services.GetRequiredService<IChainMapStore>();
        var curation = new CompanyCuration(store, services.GetRequiredService<DiscoveryCache>(), TimeProvider.System);
        var clock = Stopwatch.StartNew();
        for (var id = 1L; ; id++)
        {
            try
            {
                await Task.Delay(every, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var at = clock.Elapsed.TotalSeconds;
            var wait = Stopwatch.StartNew();
            string outcome;
            try
            {
                var stored = await store.GetCompanyForEditAsync(id, CancellationToken.None);
                var result = await curation.EditAsync(id, stored!.Version, new CompanyEdit { Employees = new Given<int?>((stored.Employees ?? 0) + 1) },
                    new Analyst("bench", "benchmark analyst"), CancellationToken.None);
                outcome = result.Status.ToString();
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or StoreUnavailableException)
            {
                outcome = $"failed: {ex.GetType().Name}: {ex.Message}";
            }

            await Console.Out.WriteLineAsync(Invariant($"  edit of company {id} at {at:F1} s into the mixed import: {outcome} after {wait.Elapsed.TotalSeconds:F2} s (load average {LoadAverage()})"));
        }
    }

    private static string[] Changed(string[] row, int column)
    {
        var changed = (string[])row.Clone();
        changed[column] = int.TryParse(row[column], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? (n + 7).ToString(CultureInfo.InvariantCulture)
            : "7";
        return changed;
    }

    /// <summary>The row with one more product: the company's products and its memberships' role change, nothing the discovery tables copy.</summary>
    private static string[] WithProducts(string[] row, int column)
    {
        var changed = (string[])row.Clone();
        changed[column] = row[column].Length > 0 ? row[column] + "、配件" : "配件";
        return changed;
    }

    private static async Task<double> MeasureAsync(string label, CompanyImporter importer, string csv, CancellationToken cancellationToken)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var gen2Before = GC.CollectionCount(2);
        long peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var self = Process.GetCurrentProcess();
            while (!sampling.IsCancellationRequested)
            {
                self.Refresh();
                peak = Math.Max(peak, self.WorkingSet64);
                try
                {
                    await Task.Delay(20, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }, CancellationToken.None);

        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var summary = await importer.ImportFileAsync(csv, Path.GetFileName(csv), ImportOptions.Default, null, null, cancellationToken);
        clock.Stop();
        await sampling.CancelAsync();
        await sampler;
        process.Refresh();
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        await Console.Out.WriteLineAsync(Invariant($"""
            {label}: {summary.Read:N0} rows in {seconds:F2} s = {summary.Read / seconds:N0} rows/s (CPU {cpu:F2} s on {Environment.ProcessorCount} cores; load average before {LoadAverage()})
              inserted {summary.Inserted:N0}, updated {summary.Updated:N0}, unchanged {summary.Unchanged:N0}, rejected {summary.Rejected:N0}, unassigned {summary.Unassigned:N0}
              working set: {baseline / 1048576.0:F0} MiB before, peak {peak / 1048576.0:F0} MiB during the import (sampled every 20 ms); process peak {process.PeakWorkingSet64 / 1048576.0:F0} MiB
              GC: {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576.0:F0} MiB allocated, heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:F0} MiB after, {GC.CollectionCount(2) - gen2Before} gen-2 collections
            """));
        return summary.Read / seconds;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
