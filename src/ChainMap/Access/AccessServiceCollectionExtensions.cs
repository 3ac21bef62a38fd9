using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Access;

internal static class AccessServiceCollectionExtensions
{
    /// <summary>Users and API keys (docs/access.md); the HTTP host adds authentication over it.</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddSingleton<AccessService>();
        return services;
    }
}
