using ChainMap.Cli;
using ChainMap.Storage;
using ChainMap.Storage.Neo4j;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChainMap.Tests.Support;

/// <summary>
/// The real Neo4j server of the test run, given by NEO4J_TEST_URI, NEO4J_TEST_USER and
/// NEO4J_TEST_PASSWORD (scripts/test.sh starts one with scripts/test-infra/neo4j.sh). Without them a
/// Neo4j test is ignored with the reason, so a plain <c>dotnet test</c> on a machine without Neo4j is
/// green with skips; scripts/test.sh also sets NEO4J_TEST_REQUIRED=1, under which a missing server is a
/// failure, so CI can not pass by skipping. When the variables are set, a server that does not answer
/// fails the tests (nothing here catches that).
/// </summary>
internal static class Neo4jTestServer
{
    public const string NotConfigured =
        "No Neo4j test server: NEO4J_TEST_URI, NEO4J_TEST_USER and NEO4J_TEST_PASSWORD are not set. " +
        "Run the tests with scripts/test.sh, or start a server with " +
        "'bash scripts/test-infra/neo4j.sh start /tmp/neo4j.env' and 'set -a; . /tmp/neo4j.env; set +a'.";

    /// <summary>True when the run must have a server (scripts/test.sh): a missing one fails instead of being ignored.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("NEO4J_TEST_REQUIRED") is "1" or "true";

    public static (string Uri, string User, string Password) Settings
    {
        get
        {
            var uri = Environment.GetEnvironmentVariable("NEO4J_TEST_URI");
            var user = Environment.GetEnvironmentVariable("NEO4J_TEST_USER");
            var password = Environment.GetEnvironmentVariable("NEO4J_TEST_PASSWORD");
            if (string.IsNullOrWhiteSpace(uri) || string.IsNullOrWhiteSpace(user) || string.IsNullOrWhiteSpace(password))
            {
                if (Required)
                {
                    Assert.Fail("NEO4J_TEST_REQUIRED is set but " + NotConfigured);
                }

                Assert.Ignore(NotConfigured);
            }

            return (uri!, user!, password!);
        }
    }

    /// <summary>Configuration that makes ChainMap run on the test server.</summary>
    public static Dictionary<string, string?> Configuration(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var (uri, user, password) = Settings;
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Neo4j",
            ["Neo4j:Uri"] = uri,
            ["Neo4j:User"] = user,
            ["Neo4j:Password"] = password,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>ChainMap's services over <paramref name="settings"/> (no host: nothing starts by itself).</summary>
    public static ServiceProvider CreateServices(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddChainMapServices();
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Services on the real test server.</summary>
    public static ServiceProvider CreateServices(Action<IServiceCollection>? configure = null, IReadOnlyDictionary<string, string?>? extra = null) =>
        CreateServices(Configuration(extra), configure);

    /// <summary>Deletes every node and relationship (constraints and indexes stay: they are idempotent).</summary>
    public static async Task WipeAsync(IServiceProvider services)
    {
        var store = services.GetRequiredService<Neo4jStore>();
        await store.RunAsync("MATCH (n) DETACH DELETE n", CancellationToken.None);
    }
}
