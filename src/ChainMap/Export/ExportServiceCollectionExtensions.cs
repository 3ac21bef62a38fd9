using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Export;

public static class ExportServiceCollectionExtensions
{
    /// <summary>The chain-map builder and the target source of the exports.</summary>
    public static IServiceCollection AddChainMapExport(this IServiceCollection services)
    {
        services.AddSingleton<ChainMapExportBuilder>();

        // The one place the target list's ranking is chosen: discovery's, as GET /api/targets.
        services.AddSingleton<ITargetExportSource, DiscoveryTargetExportSource>();
        return services;
    }
}
