using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Export;

internal static class ExportServiceCollectionExtensions
{
    /// <summary>The chain-map builder and the target source of the exports.</summary>
    public static IServiceCollection AddExport(this IServiceCollection services)
    {
        services.AddSingleton<ChainMapExportBuilder>();

        // The target-list export ranks as GET /api/targets does.
        services.AddSingleton<ITargetExportSource, DiscoveryTargetExportSource>();
        return services;
    }
}
