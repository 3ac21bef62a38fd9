using ChainMap.Access;
using ChainMap.Chains;
using ChainMap.Channels;
using ChainMap.Discovery;
using ChainMap.Export;
using ChainMap.Import;
using ChainMap.Projects;
using ChainMap.Regions;
using ChainMap.Seeding;
using ChainMap.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChainMap.Cli;

/// <summary>The same services as the HTTP host, configured from environment variables and options.</summary>
internal static class CliHost
{
    public static Task<IHost> StartAsync(string? storeDirectory, bool seed, CancellationToken cancellationToken) =>
        StartAsync(storeDirectory, seed, warmDiscovery: false, cancellationToken);

    /// <summary>As the service starts, with the discovery warm-up (ADR 0210) only when asked: a command does not build caches it will not read.</summary>
    public static async Task<IHost> StartAsync(string? storeDirectory, bool seed, bool warmDiscovery, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        var overrides = new Dictionary<string, string?>
        {
            ["Storage:SeedDefaultData"] = seed ? "true" : "false",
            ["Discovery:WarmAtStart"] = warmDiscovery ? "true" : "false",
        };
        if (storeDirectory is not null)
        {
            overrides["Storage:DataDirectory"] = storeDirectory;
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddChainMapServices();
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }

    /// <summary>The library's features, as the HTTP host's Program.cs lists them (without the HTTP API and the background import jobs).</summary>
    public static IServiceCollection AddChainMapServices(this IServiceCollection services) => services
        .AddChainMapStore()
        .AddRegions()
        .AddChains()
        .AddDiscovery()
        .AddChannels()
        .AddImport()
        .AddExport()
        .AddProjects()
        .AddAccess()
        .AddDefaultData();
}
