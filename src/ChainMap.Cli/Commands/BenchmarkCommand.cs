using System.CommandLine;

namespace ChainMap.Cli.Commands;

/// <summary><c>chainmap benchmark ...</c>: bounded speed measurements; each subcommand prints its figures.</summary>
internal static class BenchmarkCommand
{
    public static Command Create()
    {
        var benchmark = new Command("benchmark", "Measure speed (bounded runs; results go to docs/benchmarks.md by hand)");
        benchmark.Subcommands.Add(DiscoveryBenchmark.Create());
        benchmark.Subcommands.Add(ImportBenchmarkCommand.Create());
        benchmark.Subcommands.Add(Neo4jBenchmarkCommand.Create());
        return benchmark;
    }
}
