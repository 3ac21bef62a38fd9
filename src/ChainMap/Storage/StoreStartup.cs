using Microsoft.Extensions.Hosting;

namespace ChainMap.Storage;

/// <summary>At start-up: create or migrate the schema (before any hosted service registered after the store reads it).</summary>
internal sealed class StoreStartup(IStoreLifecycle store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
