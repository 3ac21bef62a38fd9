using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Discovery;

internal static class DiscoveryServiceCollectionExtensions
{
    /// <summary>Gap analysis, target ranking and investment maps (options from section <c>Discovery</c>), and the one target-filter resolver.</summary>
    public static IServiceCollection AddDiscovery(this IServiceCollection services)
    {
        services.AddOptions<DiscoveryOptions>().BindConfiguration(DiscoveryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DiscoverySnapshots>();
        services.AddSingleton<DiscoveryCache>();
        services.AddSingleton<DiscoveryService>();
        services.AddSingleton<DiscoveryWarmup>();
        services.AddHostedService(sp => sp.GetRequiredService<DiscoveryWarmup>());
        services.AddSingleton<TargetFilterResolver>();
        return services;
    }
}
