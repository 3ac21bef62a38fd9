using ChainMap.Storage.Neo4j;
using ChainMap.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChainMap.Storage;

internal static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The store chosen by <see cref="StorageOptions.Provider"/>, registered once as <see cref="IChainMapStore"/> and
    /// resolved as the same singleton for every role interface features take (docs/adr/0160); its maintenance (backup,
    /// integrity) when it has any; and the schema set-up at start. Features register themselves (<c>AddImport()</c>, ...).
    /// </summary>
    public static IServiceCollection AddChainMapStore(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddNeo4jStore();
        services.AddSingleton<IChainMapStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.Provider.ToUpperInvariant() switch
            {
                "SQLITE" => new SqliteStore(Path.Combine(options.DataDirectory, options.FileName), sp.GetRequiredService<TimeProvider>(), options.ImportCacheMiB, options.LargeImportDefersIndexes),
                "NEO4J" => sp.GetRequiredService<Neo4jStore>(),
                _ => throw new InvalidOperationException($"Storage:Provider '{options.Provider}' is not available; use Sqlite or Neo4j."),
            };
        });
        services.AddSingleton<IStoreLifecycle>(Store);
        services.AddSingleton<IRegionStore>(Store);
        services.AddSingleton<IChainStore>(Store);
        services.AddSingleton<ICompanyStore>(Store);
        services.AddSingleton<IMembershipStore>(Store);
        services.AddSingleton<IMembershipReviewStore>(Store);
        services.AddSingleton<ICompanyImportStore>(Store);
        services.AddSingleton<ICompanyEditStore>(Store);
        services.AddSingleton<IImportJobStore>(Store);
        services.AddSingleton<IChannelStore>(Store);
        services.AddSingleton<IDiscoveryStore>(Store);
        services.AddSingleton<IProjectStore>(Store);
        services.AddSingleton<IAccessStore>(Store);
        services.AddSingleton<ICompanyMergeStore>(Store);
        services.AddSingleton<IImportUndoStore>(Store);
        services.AddSingleton<IDemoDataStore>(Store);
        services.AddSingleton<IDiscoverySnapshotStore>(Store);
        services.AddSingleton(sp => Store(sp) as IStoreMaintenance ?? NoMaintenance.Instance);
        services.AddHostedService<StoreStartup>();
        return services;
    }

    private static IChainMapStore Store(IServiceProvider services) => services.GetRequiredService<IChainMapStore>();
}
