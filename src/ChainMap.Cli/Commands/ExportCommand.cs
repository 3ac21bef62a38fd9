using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ChainMap.Chains;
using ChainMap.Domain;
using ChainMap.Discovery;
using ChainMap.Export;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChainMap.Cli.Commands;

/// <summary>
/// <c>chainmap export chain CODE --format F --out FILE</c>, <c>chainmap export targets --chain C
/// [--segment S] [--region R] [--tier T] [--tags T] [--min-capital N] [--limit N] --format F --out FILE</c>, and <c>chainmap export
/// benchmark</c> (peak memory of a large target export, for docs/benchmarks.md).
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var export = new Command("export", "Export chain maps and target lists to files") { ChainCommand(), TargetsCommand(), BenchmarkCommand() };
        return export;
    }

    private static Command ChainCommand()
    {
        var code = new Argument<string>("chain") { Description = "Chain code or name (either script), e.g. ZQ or 专汽" };
        var format = new Option<string>("--format") { Description = "One of: " + string.Join(", ", ChainMapFormats.All.Select(f => f.Name)), DefaultValueFactory = _ => "svg" };
        var output = new Option<FileInfo?>("--out") { Description = "Output file (default: the Chinese download name in the current folder)" };
        var store = StoreOption();
        var command = new Command("chain", "Export a chain map") { code, format, output, store };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (ChainMapFormats.Find(result.GetValue(format)) is not { } exportFormat)
            {
                return await FailAsync(2, $"unknown format '{result.GetValue(format)}'; use one of: {string.Join(", ", ChainMapFormats.All.Select(f => f.Name))}");
            }

            using var host = await CliHost.StartAsync(result.GetValue(store), seed: true, cancellationToken);
            var definition = await host.Services.GetRequiredService<ChainDirectory>().GetDefinitionAsync(result.GetValue(code), cancellationToken);
            if (definition is null)
            {
                return await FailAsync(3, $"no chain has the code or name '{result.GetValue(code)}'");
            }

            if (exportFormat == ChainMapFormats.Png && !ChainMapWriter.CanRenderPng)
            {
                return await FailAsync(4, ChainMapWriter.PngUnavailable);
            }

            var map = await host.Services.GetRequiredService<ChainMapExportBuilder>().BuildAsync(definition, cancellationToken);
            var maxPixels = host.Services.GetRequiredService<IOptions<ChainLimits>>().Value.MaxPngPixels;
            if (exportFormat == ChainMapFormats.Png && ChainMapWriter.PngTooLarge(map, maxPixels) is { } tooLarge)
            {
                return await FailAsync(4, tooLarge);
            }

            var file = result.GetValue(output) ?? new FileInfo(ExportFileName.ForChainMap(map, exportFormat).Name);
            await WriteFileAsync(file, stream => ChainMapWriter.WriteAsync(exportFormat, map, definition, stream, maxPixels, cancellationToken), cancellationToken);
            await Console.Out.WriteLineAsync($"Wrote {exportFormat.Name} of chain {map.Chain.Code} {map.Chain.Name} ({map.Segments.Count} segments, {map.Flows.Count} flows) to {file.FullName}");
            return 0;
        });
        return command;
    }

    private static Command TargetsCommand()
    {
        var chain = new Option<string>("--chain") { Description = "Chain code or name", Required = true };
        var segment = new Option<string?>("--segment") { Description = "Segment codes, names or aliases, separated by , ， 、 or ; (a parent stands for its sub-segments)" };
        var region = new Option<string?>("--region") { Description = "Region code, division name or region group (长三角 ...)" };
        var tier = new Option<string?>("--tier") { Description = "upstream, midstream or downstream (上游/中游/下游)" };
        var tags = new Option<string?>("--tags") { Description = "Only companies with any of these tags, separated by , ， 、 or ;" };
        var minCapital = new Option<decimal?>("--min-capital") { Description = "Only companies with at least this registered capital (万元)" };
        var limit = new Option<int?>("--limit") { Description = $"At most this many rows (up to {TargetExportQuery.MaxLimit}, the ranking's depth)" };
        var format = new Option<string>("--format") { Description = "csv or xlsx", DefaultValueFactory = _ => "csv" };
        var output = new Option<FileInfo?>("--out") { Description = "Output file (default: the Chinese download name in the current folder)" };
        var store = StoreOption();
        var command = new Command("targets", "Export a ranked target list (as GET /api/targets ranks it)") { chain, segment, region, tier, tags, minCapital, limit, format, output, store };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (TargetListFormats.Find(result.GetValue(format)) is not { } exportFormat)
            {
                return await FailAsync(2, $"unknown format '{result.GetValue(format)}'; use one of: {string.Join(", ", TargetListFormats.All.Select(f => f.Name))}");
            }

            if (result.GetValue(limit) is < 1 or > TargetExportQuery.MaxLimit)
            {
                return await FailAsync(2, $"--limit: limit must be between 1 and {TargetExportQuery.MaxLimit} (the ranking's depth), got {result.GetValue(limit)}.");
            }

            using var host = await CliHost.StartAsync(result.GetValue(store), seed: true, cancellationToken);
            var input = new TargetFilterInput(
                result.GetValue(chain), result.GetValue(region), result.GetValue(segment), result.GetValue(tier), result.GetValue(tags), result.GetValue(minCapital));
            var resolution = await host.Services.GetRequiredService<TargetFilterResolver>().ResolveAsync(input, chainRequired: true, cancellationToken);
            if (resolution.Error is { } error)
            {
                // The same message as the API's problem, under the option's name.
                return await FailAsync(error.Kind == TargetFilterErrorKind.NotFound ? 3 : 2, $"--{(error.Parameter == "minCapital" ? "min-capital" : error.Parameter)}: {error.Message}");
            }

            var filter = resolution.Filter!;
            var chosen = filter.Chain!.Chain;
            var file = result.GetValue(output) ?? new FileInfo(ExportFileName.ForTargets(chosen.Name, chosen.Code, filter.Region.ShortName, exportFormat).Name);
            var counted = 0;
            var rows = Count(host.Services.GetRequiredService<ITargetExportSource>().ReadAsync(new TargetExportQuery(filter, result.GetValue(limit)), cancellationToken), () => counted++);
            await WriteFileAsync(file, stream => TargetListWriter.WriteAsync(exportFormat, rows, stream, cancellationToken), cancellationToken);
            await Console.Out.WriteLineAsync($"Wrote {counted} targets of chain {chosen.Code} {chosen.Name}{(filter.Region.ShortName is null ? "" : " in " + filter.Region.Name)} to {file.FullName}");
            return 0;
        });
        return command;
    }

    private static Command BenchmarkCommand()
    {
        var rows = new Option<int>("--rows") { Description = "Number of generated target rows", DefaultValueFactory = _ => 100_000 };
        var format = new Option<string>("--format") { Description = "csv or xlsx", DefaultValueFactory = _ => "csv" };
        var materialise = new Option<bool>("--materialise") { Description = "Collect the rows into a list first (what streaming avoids), for comparison" };
        var command = new Command("benchmark", "Write generated target rows to a discarding stream and report time, bytes and peak memory") { rows, format, materialise };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (TargetListFormats.Find(result.GetValue(format)) is not { } exportFormat)
            {
                return await FailAsync(2, "format must be csv or xlsx");
            }

            var count = result.GetValue(rows);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var baseline = process.WorkingSet64;
            var baselineHeap = GC.GetTotalMemory(forceFullCollection: true);
            long peakHeap = baselineHeap;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                    try
                    {
                        await Task.Delay(5, sampling.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            }, CancellationToken.None);

            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var source = SyntheticTargetRows.GenerateAsync(count, cancellationToken: cancellationToken);
            if (result.GetValue(materialise))
            {
                source = (await source.ToListAsync(cancellationToken)).ToAsyncEnumerable();
            }

            await using var sink = new DiscardingStream();
            await TargetListWriter.WriteAsync(exportFormat, source, sink, cancellationToken);
            watch.Stop();
            await sampling.CancelAsync();
            await sampler;
            process.Refresh();
            var mb = (double bytes) => (bytes / 1024 / 1024).ToString("0.0", CultureInfo.InvariantCulture);
            await Console.Out.WriteLineAsync(
                $"format={exportFormat.Name} rows={count} materialised={result.GetValue(materialise)} bytes={sink.Length} ({mb(sink.Length)} MiB) " +
                $"time={watch.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s allocated={mb(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore)} MiB " +
                $"peak-managed-heap={mb(peakHeap)} MiB (baseline {mb(baselineHeap)}) peak-working-set={mb(process.PeakWorkingSet64)} MiB (before writing {mb(baseline)})");
            return 0;
        });
        return command;
    }

    private static Option<string?> StoreOption() => new("--store") { Description = "Folder of the embedded store (default: Storage:DataDirectory, i.e. ./var)" };

    private static async Task WriteFileAsync(FileInfo file, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        file.Directory?.Create();
        try
        {
            await using var stream = new FileStream(file.FullName, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
            await write(stream);
            await stream.FlushAsync(cancellationToken);
        }
        catch
        {
            file.Delete();
            throw;
        }
    }

    private static async IAsyncEnumerable<T> Count<T>(IAsyncEnumerable<T> items, Action counted)
    {
        await foreach (var item in items)
        {
            counted();
            yield return item;
        }
    }

    private static async Task<int> FailAsync(int code, string message)
    {
        await Console.Error.WriteLineAsync("export: " + message);
        return code;
    }

    /// <summary>Counts what is written and keeps nothing.</summary>
    private sealed class DiscardingStream : Stream
    {
        private long length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => length;

        public override long Position { get => length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => length += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
