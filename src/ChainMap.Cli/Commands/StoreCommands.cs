using System.CommandLine;
using ChainMap.Storage;
using ChainMap.Storage.Sqlite;

namespace ChainMap.Cli.Commands;

/// <summary><c>backup</c>, <c>restore</c> and <c>check</c> of the embedded store (docs/operations.md).</summary>
internal static class StoreCommands
{
    public static IEnumerable<Command> Create()
    {
        var store = new Option<string>("--store") { Description = "Folder of the embedded store", DefaultValueFactory = _ => "var" };
        var file = new Option<string>("--file") { Description = "Database file name in the store folder", DefaultValueFactory = _ => "chainmap.db" };

        var output = new Option<FileInfo>("--out") { Description = "Backup file to write", Required = true };
        var backup = new Command("backup", "Write a consistent copy of the embedded store; safe while the service runs") { store, file, output };
        backup.SetAction(async (result, cancellationToken) =>
        {
            var database = Path.Combine(result.GetValue(store)!, result.GetValue(file)!);
            if (!File.Exists(database))
            {
                await Console.Error.WriteLineAsync($"No database at {database}.");
                return 2;
            }

            var outcome = await new SqliteStore(database, TimeProvider.System).BackupAsync(result.GetValue(output)!.FullName, cancellationToken);
            await Console.Out.WriteLineAsync($"Backed up {outcome.Companies} companies ({outcome.Bytes} bytes) to {outcome.Path}");
            return 0;
        });

        var source = new Option<FileInfo>("--from") { Description = "Backup file to restore", Required = true };
        var restore = new Command("restore", "Replace the embedded store with a backup (stop the service first)") { store, file, source };
        restore.SetAction(async (result, cancellationToken) =>
        {
            var database = Path.Combine(result.GetValue(store)!, result.GetValue(file)!);
            OwnerOnly.CreateDirectory(result.GetValue(store)!);
            await SqliteStore.RestoreAsync(result.GetValue(source)!.FullName, database, cancellationToken);
            await Console.Out.WriteLineAsync($"Restored {result.GetValue(source)!.FullName} to {database}");
            return 0;
        });

        var check = new Command("check", "Run the integrity check of the embedded store") { store, file };
        check.SetAction(async (result, cancellationToken) =>
        {
            var database = Path.Combine(result.GetValue(store)!, result.GetValue(file)!);
            IStoreMaintenance maintenance = new SqliteStore(database, TimeProvider.System);
            var problems = await maintenance.CheckIntegrityAsync(cancellationToken);
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync(problem);
            }

            await Console.Out.WriteLineAsync(problems.Count == 0 ? $"{database}: ok" : $"{database}: {problems.Count} problem(s)");
            return problems.Count == 0 ? 0 : 3;
        });

        return [backup, restore, check];
    }
}
