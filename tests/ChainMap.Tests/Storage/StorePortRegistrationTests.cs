using System.Reflection;
using ChainMap.Storage;
using ChainMap.Storage.Neo4j;
using ChainMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Storage;

/// <summary>The port is split by consumer (docs/adr/0160): every role resolves to the one store, and no feature takes the aggregate.</summary>
public sealed class StorePortRegistrationTests
{
    private static readonly Type[] Roles = typeof(IChainMapStore).GetInterfaces();

    [Test]
    public void The_aggregate_is_made_of_the_role_interfaces_and_declares_nothing_itself()
    {
        Assert.That(Roles.Select(r => r.Name), Is.EquivalentTo(new[]
        {
            nameof(IStoreLifecycle), nameof(IRegionStore), nameof(IChainStore), nameof(ICompanyStore), nameof(IMembershipStore), nameof(IMembershipReviewStore), nameof(ICompanyEditStore),
            nameof(ICompanyImportStore), nameof(IImportJobStore), nameof(IChannelStore), nameof(IDiscoveryStore), nameof(IProjectStore), nameof(IAccessStore),
            nameof(ICompanyMergeStore), nameof(IImportUndoStore), nameof(IDemoDataStore), nameof(IDiscoverySnapshotStore),
        }));
        Assert.That(typeof(IChainMapStore).GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly), Is.Empty);
    }

    [Test]
    public async Task Every_role_interface_resolves_to_the_one_sqlite_store()
    {
        var directory = Directory.CreateTempSubdirectory("chainmap-roles-").FullName;
        try
        {
            await using var services = Neo4jTestServer.CreateServices(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Sqlite",
                ["Storage:DataDirectory"] = directory,
            });
            var store = services.GetRequiredService<IChainMapStore>();

            Assert.That(store.Provider, Is.EqualTo("sqlite"));
            Assert.That(Roles.Select(services.GetRequiredService), Has.All.SameAs(store));
            Assert.That(services.GetRequiredService<IStoreMaintenance>(), Is.SameAs(store), "the SQLite store is its own maintenance");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task Every_role_interface_resolves_to_the_one_neo4j_store()
    {
        await using var services = Neo4jTestServer.CreateServices(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Neo4j",
            ["Neo4j:Uri"] = "http://127.0.0.1:7474",
        });
        var store = services.GetRequiredService<IChainMapStore>();

        Assert.That(store, Is.SameAs(services.GetRequiredService<Neo4jStore>()));
        Assert.That(Roles.Select(services.GetRequiredService), Has.All.SameAs(store));
    }

    [Test]
    public void No_feature_of_the_library_or_the_http_host_takes_the_whole_port()
    {
        var takers = new[] { typeof(IChainMapStore).Assembly, typeof(Program).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => !typeof(IChainMapStore).IsAssignableFrom(t))
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .OfType<MethodBase>()
                .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(IChainMapStore)))
                .Select(m => $"{t.FullName}.{m.Name}"))
            .ToList();

        Assert.That(takers, Is.Empty);
    }
}
