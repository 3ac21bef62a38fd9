using System.CommandLine;
using ChainMap.Import;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Cli.Commands;

/// <summary><c>chainmap import companies FILE</c>: imports a company list into the configured store.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Company list (CSV)" };
        var store = new Option<string?>("--store") { Description = "Folder of the embedded store (default: Storage:DataDirectory, i.e. ./var)" };
        var companies = new Command("companies", "Import a company list") { file, store };
        companies.SetAction(async (result, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(result.GetValue(store), seed: true, cancellationToken);
            var importer = host.Services.GetRequiredService<CompanyImporter>();
            var path = result.GetValue(file)!;
            await using var stream = path.OpenRead();
            var summary = await importer.ImportCsvAsync(stream, path.Name, cancellationToken);
            await Console.Out.WriteLineAsync($"read {summary.Read}, inserted {summary.Inserted}, updated {summary.Updated}, unchanged {summary.Unchanged}, rejected {summary.Rejected}, unassigned {summary.Unassigned}");
            foreach (var problem in summary.Problems.Take(20))
            {
                await Console.Error.WriteLineAsync($"{problem.File}:{problem.Line} {problem.Column} '{problem.Value}': {problem.Reason}");
            }

            return summary.Rejected > 0 ? 2 : 0;
        });
        var import = new Command("import", "Import data") { companies };
        return import;
    }
}
