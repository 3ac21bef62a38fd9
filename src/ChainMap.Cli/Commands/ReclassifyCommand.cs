using System.CommandLine;
using System.Globalization;
using ChainMap.Chains;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Cli.Commands;

/// <summary>
/// <c>chainmap reclassify</c>: re-classifies the stored companies with the current chain definitions, in
/// the foreground (memberships from a file's segment column or an analyst are kept). Exit code 0.
/// </summary>
internal static class ReclassifyCommand
{
    public static Command Create()
    {
        var store = new Option<string?>("--store") { Description = "Folder of the embedded store (default: Storage:DataDirectory, i.e. ./var)" };
        var command = new Command("reclassify", "Re-classify stored companies with the current chain definitions (replaces only the classifier's memberships)") { store };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(result.GetValue(store), seed: true, cancellationToken);
            await RunAsync(host.Services, cancellationToken);
            return 0;
        });
        return command;
    }

    internal static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var summary = await services.GetRequiredService<Reclassifier>().RunAsync(null, cancellationToken);
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"re-classified {summary.Read} companies: {summary.Changed} changed, {summary.Unchanged} unchanged, {summary.Unassigned} without a segment, {summary.Unconfirmed} memberships 待确认 (unconfirmed)"));
    }
}
