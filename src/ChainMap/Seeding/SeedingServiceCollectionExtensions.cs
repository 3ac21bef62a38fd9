using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Seeding;

internal static class SeedingServiceCollectionExtensions
{
    /// <summary>
    /// The default data (regions, chains, demo companies and network), its loading into an empty store at start, and the demo's removal.
    /// Register after <c>AddChainMapStore()</c>: hosted services start in order, and the schema must exist first.
    /// </summary>
    public static IServiceCollection AddDefaultData(this IServiceCollection services)
    {
        services.AddSingleton<DefaultData>();
        services.AddSingleton<DemoNetwork>();
        services.AddSingleton<DemoRemoval>();
        services.AddHostedService<DefaultDataStartup>();
        return services;
    }
}
