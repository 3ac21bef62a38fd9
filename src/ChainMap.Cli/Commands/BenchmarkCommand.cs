using System.CommandLine;

namespace ChainMap.Cli.Commands;

/// <summary><c>chainmap benchmark ...</c>: measurements recorded in docs/benchmarks.md; one subcommand per feature.</summary>
internal static class BenchmarkCommand
{
    public static Command Create()
    {
        var benchmark = new Command("benchmark", "Measure speed and memory (results go to docs/benchmarks.md)");
        benchmark.Subcommands.Add(ImportBenchmarkCommand.Create());
        return benchmark;
    }
}
