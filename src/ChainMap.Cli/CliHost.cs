using ChainMap.Import;
using ChainMap.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChainMap.Cli;

/// <summary>The same services as the HTTP host, configured from environment variables and options.</summary>
internal static class CliHost
{
    public static async Task<IHost> StartAsync(string? storeDirectory, bool seed, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        var overrides = new Dictionary<string, string?> { ["Storage:SeedDefaultData"] = seed ? "true" : "false" };
        if (storeDirectory is not null)
        {
            overrides["Storage:DataDirectory"] = storeDirectory;
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddChainMapCore();
        builder.Services.AddChainMapImport();
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }
}
