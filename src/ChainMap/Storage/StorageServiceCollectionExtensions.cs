using ChainMap.Chains;
using ChainMap.Export;
using ChainMap.Discovery;
using ChainMap.Import;
using ChainMap.Projects;
using ChainMap.Regions;
using ChainMap.Seeding;
using ChainMap.Storage.Neo4j;
using ChainMap.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChainMap.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The store chosen by <see cref="StorageOptions.Provider"/>, and the directories and services over it.</summary>
    public static IServiceCollection AddChainMapCore(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddNeo4jStore();
        services.AddSingleton<IChainMapStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.Provider.ToUpperInvariant() switch
            {
                "SQLITE" => new SqliteStore(Path.Combine(options.DataDirectory, options.FileName)),
                "NEO4J" => sp.GetRequiredService<Neo4jStore>(),
                _ => throw new InvalidOperationException($"Storage:Provider '{options.Provider}' is not available; use Sqlite or Neo4j."),
            };
        });
        services.AddSingleton(sp => sp.GetRequiredService<IChainMapStore>() as IStoreMaintenance ?? NoMaintenance.Instance);
        services.AddSingleton<RegionDirectory>();
        services.AddOptions<Domain.ChainLimits>().BindConfiguration(Domain.ChainLimits.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ChainDirectory>();
        services.AddSingleton<ChainService>();
        services.AddSingleton<Reclassifier>();
        services.AddSingleton<MembershipCuration>();
        services.AddSingleton<CompanyImporter>();
        services.AddSingleton<DefaultData>();
        services.AddSingleton<Access.AccessService>();
        services.AddChainMapExport();
        services.AddChainMapProjects();
        services.AddChainMapDiscovery();
        services.AddHostedService<StoreStartup>();
        return services;
    }
}
