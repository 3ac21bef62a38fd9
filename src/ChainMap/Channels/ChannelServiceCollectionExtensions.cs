using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Channels;

internal static class ChannelServiceCollectionExtensions
{
    /// <summary>The channel importer (chambers, associations, alumni, funds and their links).</summary>
    public static IServiceCollection AddChannels(this IServiceCollection services)
    {
        services.AddSingleton<ChannelImporter>();
        return services;
    }
}
