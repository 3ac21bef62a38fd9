using ChainMap.Channels;
using ChainMap.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Discovery;

public static class DiscoveryServiceCollectionExtensions
{
    /// <summary>Gap analysis, target ranking, investment maps, channels and the demo network.</summary>
    public static IServiceCollection AddChainMapDiscovery(this IServiceCollection services)
    {
        services.AddOptions<DiscoveryOptions>().BindConfiguration(DiscoveryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DiscoveryCache>();
        services.AddSingleton<DiscoveryService>();
        services.AddSingleton<TargetFilterResolver>();
        services.AddSingleton<ChannelImporter>();
        services.AddSingleton<DemoNetwork>();
        return services;
    }
}
