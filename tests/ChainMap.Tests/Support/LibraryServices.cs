using ChainMap.Access;
using ChainMap.Chains;
using ChainMap.Channels;
using ChainMap.Discovery;
using ChainMap.Export;
using ChainMap.Import;
using ChainMap.Projects;
using ChainMap.Regions;
using ChainMap.Seeding;
using ChainMap.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Support;

/// <summary>The library's features as the HTTP host's Program.cs registers them (without the HTTP API and the background import jobs).</summary>
internal static class LibraryServices
{
    public static IServiceCollection AddChainMapLibrary(this IServiceCollection services) => services
        .AddChainMapStore()
        .AddRegions()
        .AddChains()
        .AddDiscovery()
        .AddChannels()
        .AddImport()
        .AddExport()
        .AddProjects()
        .AddAccess()
        .AddDefaultData();
}
