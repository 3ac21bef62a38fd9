using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChainMap.Storage.Neo4j;

internal static class Neo4jServiceCollectionExtensions
{
    /// <summary>
    /// Options (validated at start, required only when <c>Storage:Provider</c> is Neo4j), the named
    /// HttpClient (base address, Basic auth, connect timeout; no resilience handler: the store's
    /// pipeline is the only retry), the resilience pipeline, and the store itself.
    /// </summary>
    public static IServiceCollection AddNeo4jStore(this IServiceCollection services)
    {
        services.AddOptions<Neo4jOptions>().BindConfiguration(Neo4jOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Neo4jOptions>, Neo4jOptionsValidator>());
        services.AddOptions<Neo4jResilienceOptions>().BindConfiguration(Neo4jResilienceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddHttpClient(Neo4jHttp.ClientName)
            .ConfigureHttpClient((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<Neo4jOptions>>().Value;
                var uri = options.Uri ?? throw new InvalidOperationException("Neo4j:Uri is not set.");
                client.BaseAddress = new Uri(uri.EndsWith('/') ? uri : uri + "/", UriKind.Absolute);
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline times every attempt
                if (!string.IsNullOrEmpty(options.User))
                {
                    var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}"));
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
                }

                client.DefaultRequestHeaders.UserAgent.ParseAdd("ChainMap/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectTimeout = sp.GetRequiredService<IOptions<Neo4jResilienceOptions>>().Value.ConnectTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = System.Net.DecompressionMethods.All,
            });

        services.AddNeo4jResilience();
        services.AddSingleton<Neo4jConnector>();
        services.AddSingleton<Neo4jStore>();
        return services;
    }
}
