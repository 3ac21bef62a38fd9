using ChainMap.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChainMap.Seeding;

/// <summary>At start-up, after the store's schema is in place: load the default data into an empty store (<see cref="StorageOptions.SeedDefaultData"/>), the demo set only with <see cref="StorageOptions.SeedDemoData"/>; into a store loaded before, the development zones the data folder gained since.</summary>
internal sealed class DefaultDataStartup(DefaultData data, IOptions<StorageOptions> options, ILogger<DefaultDataStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
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

        if (await data.LoadIfEmptyAsync(path, options.Value.SeedDemoData, cancellationToken))
        {
            logger.LogInformation("Default data loaded from {Path}{Demo}", path, options.Value.SeedDemoData ? "" : " without the demo set (Storage:SeedDemoData is false)");
        }
        else
        {
            // A store loaded by an earlier version: the zones the data folder gained since are added (ADR 0700). A zone table that
            // does not read adds nothing and does not stop a store that already serves: the log says what is wrong and where.
            try
            {
                await data.AddNewZonesAsync(path, cancellationToken);
            }
            catch (InvalidDataException e)
            {
                logger.LogError("No new development zones were added: {Reason}", e.Message);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
