using System.CommandLine;

namespace ChainMap.Cli.Commands;

/// <summary>
/// <c>chainmap benchmark ...</c>: speed and memory measurements whose results go to
/// docs/benchmarks.md. One subcommand per feature, each in its own file.
/// </summary>
internal static class BenchmarkCommand
{
    public static Command Create()
    {
        var benchmark = new Command("benchmark", "Measure speed and memory (record the results in docs/benchmarks.md)");
        benchmark.Subcommands.Add(Neo4jBenchmarkCommand.Create());
        return benchmark;
    }
}
