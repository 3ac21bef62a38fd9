using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Regions;

internal static class RegionServiceCollectionExtensions
{
    /// <summary>The administrative divisions, region groups and home region, held in memory (docs/adr/0002).</summary>
    public static IServiceCollection AddRegions(this IServiceCollection services)
    {
        services.AddSingleton<RegionDirectory>();
        return services;
    }
}
