using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Projects;

internal static class ProjectServiceCollectionExtensions
{
    /// <summary>The project lifecycle and results services (the store comes from <c>AddChainMapStore()</c>).</summary>
    public static IServiceCollection AddProjects(this IServiceCollection services)
    {
        services.AddSingleton<ProjectService>();
        services.AddSingleton<ProjectResults>();
        return services;
    }
}
