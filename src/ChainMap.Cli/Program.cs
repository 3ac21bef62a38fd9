using System.CommandLine;
using ChainMap.Cli.Commands;

namespace ChainMap.Cli;

internal static class CliProgram
{
    public static async Task<int> Main(string[] args) => await BuildRoot().Parse(args).InvokeAsync();

    /// <summary>The command tree; tests invoke it in-process.</summary>
    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("ChainMap command line: import, export, demo data and benchmarks.");
        root.Subcommands.Add(GenerateDemoCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ReclassifyCommand.Create());
        foreach (var command in StoreCommands.Create())
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(GenerateNetworkCommand.Create());
        root.Subcommands.Add(BenchmarkCommand.Create());
        root.Subcommands.Add(EvaluateClassifierCommand.Create());
        return root;
    }
}
