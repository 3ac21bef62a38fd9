using ChainMap.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChainMap.Storage;

/// <summary>At start-up: migrate the schema, then load the default data into an empty store.</summary>
internal sealed class StoreStartup(IServiceProvider services, IOptions<StorageOptions> options, ILogger<StoreStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IChainMapStore>();
        await store.InitializeAsync(cancellationToken);
        if (!options.Value.SeedDefaultData)
        {
            return;
        }

        var path = DefaultData.Locate(options.Value.DefaultDataPath);
        if (path is null)
        {
            logger.LogWarning("No default data folder found (Storage:DefaultDataPath); starting with an empty store");
            return;
        }

        if (await services.GetRequiredService<DefaultData>().LoadIfEmptyAsync(path, cancellationToken))
        {
            logger.LogInformation("Default data loaded from {Path}", path);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
