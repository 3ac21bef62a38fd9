using System.CommandLine;
using ChainMap.Cli.Commands;

var root = new RootCommand("ChainMap command line: import, export, demo data and benchmarks.");
root.Subcommands.Add(GenerateDemoCommand.Create());
root.Subcommands.Add(ImportCommand.Create());

return await root.Parse(args).InvokeAsync();
