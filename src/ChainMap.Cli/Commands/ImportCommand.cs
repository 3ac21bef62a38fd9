using System.CommandLine;
using System.Globalization;
using ChainMap.Import;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Cli.Commands;

/// <summary>
/// <c>chainmap import companies|relations|chains</c>: imports into the configured store in the
/// foreground, with a progress bar. Exit code 0: imported; 2: imported, some rows rejected;
/// 1: the file was rejected or nothing was written.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var import = new Command("import", "Import data: company lists, company relations, chain definitions");
        import.Subcommands.Add(Companies());
        import.Subcommands.Add(Relations());
        import.Subcommands.Add(Chains());
        return import;
    }

    private static Option<string?> StoreOption() =>
        new("--store") { Description = "Folder of the embedded store (default: Storage:DataDirectory, i.e. ./var)" };

    private static Command Companies()
    {
        var file = new Argument<FileInfo>("file") { Description = "Company list: CSV (UTF-8, GBK, or UTF-16 with its BOM as Excel's Unicode text; comma, semicolon or tab), .xlsx or .xls" };
        var mapping = new Option<FileInfo?>("--mapping") { Description = "JSON file mapping headers to fields, e.g. {\"列A\":\"name\",\"列B\":\"uscc\"}" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would happen; write nothing" };
        var allOrNothing = new Option<bool>("--all-or-nothing") { Description = "Write nothing if any row is rejected" };
        var overwriteAnalyst = new Option<bool>("--overwrite-analyst") { Description = "Replace values analysts set by hand (by default they are kept and counted)" };
        var report = new Option<FileInfo?>("--report") { Description = "Write the problem report (CSV) to this file" };
        var store = StoreOption();
        var command = new Command("companies", "Import a company list") { file, mapping, dryRun, allOrNothing, overwriteAnalyst, report, store };
        command.SetAction(async (result, cancellationToken) =>
        {
            IReadOnlyDictionary<string, string>? map = null;
            if (result.GetValue(mapping) is { } mappingFile)
            {
                map = CompanyColumnMap.ParseMapping(await File.ReadAllTextAsync(mappingFile.FullName, cancellationToken), out var error);
                if (error is not null)
                {
                    await Console.Error.WriteLineAsync($"{mappingFile.Name}: {error}");
                    return 1;
                }
            }

            using var host = await CliHost.StartAsync(result.GetValue(store), seed: true, cancellationToken);
            var path = result.GetValue(file)!;
            var options = new ImportOptions(result.GetValue(dryRun), result.GetValue(allOrNothing), map) { OverwriteAnalyst = result.GetValue(overwriteAnalyst) };
            var progress = new ConsoleProgress();
            var summary = await host.Services.GetRequiredService<CompanyImporter>()
                .ImportFileAsync(path.FullName, path.Name, options, progress.Report, null, cancellationToken);
            return await ReportAsync(summary, result.GetValue(dryRun), result.GetValue(report), cancellationToken);
        });
        return command;
    }

    private static Command Relations()
    {
        var file = new Argument<FileInfo>("file") { Description = "Relations: CSV or .xlsx with from, to, kind (and optional from_uscc, from_region, to_uscc, to_region, note)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would happen; write nothing" };
        var allOrNothing = new Option<bool>("--all-or-nothing") { Description = "Write nothing if any row is rejected" };
        var report = new Option<FileInfo?>("--report") { Description = "Write the problem report (CSV) to this file" };
        var store = StoreOption();
        var command = new Command("relations", "Import company relations (supplier → customer, investor → investee)") { file, dryRun, allOrNothing, report, store };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(result.GetValue(store), seed: true, cancellationToken);
            var path = result.GetValue(file)!;
            var summary = await host.Services.GetRequiredService<RelationImporter>().ImportFileAsync(
                path.FullName, path.Name, new ImportOptions(result.GetValue(dryRun), result.GetValue(allOrNothing)), new ConsoleProgress().Report, cancellationToken);
            return await ReportAsync(summary, result.GetValue(dryRun), result.GetValue(report), cancellationToken);
        });
        return command;
    }

    private static Command Chains()
    {
        var source = new Argument<FileSystemInfo>("source") { Description = "A .zip or a folder holding chains.csv, segments.csv and flows.csv" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate only; write nothing" };
        var report = new Option<FileInfo?>("--report") { Description = "Write the problem report (CSV) to this file" };
        var store = StoreOption();
        var command = new Command("chains", "Import chain definitions (any problem: nothing is written)") { source, dryRun, report, store };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(result.GetValue(store), seed: true, cancellationToken);
            var input = result.GetValue(source)!;
            var folder = input.FullName;
            string? temp = null;
            try
            {
                if (input is FileInfo zip)
                {
                    temp = Directory.CreateTempSubdirectory("chainmap-chains-").FullName;
                    if (await ChainImporter.ExtractZipAsync(zip.FullName, zip.Name, temp, 200L * 1024 * 1024, cancellationToken) is { } problem)
                    {
                        await Console.Error.WriteLineAsync($"{problem.File}: {problem.Reason}");
                        return 1;
                    }

                    folder = temp;
                }

                var summary = await host.Services.GetRequiredService<ChainImporter>().ImportFolderAsync(folder, input.Name, new ImportOptions(result.GetValue(dryRun)), cancellationToken);
                if (summary.Written && !result.GetValue(dryRun))
                {
                    // New or changed chain definitions: the stored companies are classified again.
                    await ReclassifyCommand.RunAsync(host.Services, cancellationToken);
                }

                return await ReportAsync(summary, result.GetValue(dryRun), result.GetValue(report), cancellationToken);
            }
            finally
            {
                if (temp is not null)
                {
                    Directory.Delete(temp, recursive: true);
                }
            }
        });
        return command;
    }

    private static async Task<int> ReportAsync(ImportSummary summary, bool dryRun, FileInfo? report, CancellationToken cancellationToken)
    {
        var output = Console.Out;
        if (summary.Format is not null)
        {
            await output.WriteLineAsync($"format: {summary.Format}");
        }

        var used = summary.Columns.Where(c => c.Field is not null).Select(c => c.WhenEmpty is null ? $"{c.Header} → {c.Field}" : $"{c.Header} → {c.Field} (where {c.WhenEmpty} is empty)").ToList();
        var ignored = summary.Columns.Where(c => c.Field is null).Select(c => c.Header).ToList();
        if (used.Count > 0)
        {
            await output.WriteLineAsync($"columns: {string.Join(", ", used)}");
        }

        if (ignored.Count > 0)
        {
            await output.WriteLineAsync($"ignored columns: {string.Join(", ", ignored)}");
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"read {summary.Read}, inserted {summary.Inserted}, updated {summary.Updated}, unchanged {summary.Unchanged}, rejected {summary.Rejected}, unassigned {summary.Unassigned}, problems {summary.ProblemCount}"));
        if (summary.Unconfirmed > 0)
        {
            // Memberships, not rows: counted apart (docs/discovery.md).
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"unconfirmed (待确认) memberships: {summary.Unconfirmed}"));
        }

        if (summary.AnalystValuesKept > 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"analysts' values kept: {summary.AnalystValuesKept} (pass --overwrite-analyst to replace them)"));
        }

        if (summary.Note is not null)
        {
            await output.WriteLineAsync(summary.Note);
        }

        foreach (var problem in summary.Problems.Take(20))
        {
            await Console.Error.WriteLineAsync($"{problem.File}:{problem.Line} {problem.Severity.ToWire()} {problem.Column} '{problem.Value}': {problem.Reason}");
        }

        if (summary.Problems.Count > 20)
        {
            await Console.Error.WriteLineAsync($"... {summary.ProblemCount - 20} more problems{(report is null ? "; pass --report FILE to get them all" : string.Empty)}");
        }

        if (report is not null)
        {
            report.Directory?.Create();
            await using var stream = File.Create(report.FullName);
            await ImportReportCsv.WriteAsync(summary.Problems, stream, cancellationToken);
            await output.WriteLineAsync($"problem report: {report.FullName}");
        }

        return summary.FileProblem is not null || (!summary.Written && !dryRun) ? 1 : summary.Rejected > 0 ? 2 : 0;
    }
}
