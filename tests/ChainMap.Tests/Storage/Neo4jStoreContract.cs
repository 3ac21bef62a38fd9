using ChainMap.Storage;
using ChainMap.Storage.Neo4j;
using ChainMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Storage;

/// <summary>
/// The whole store contract on a real Neo4j server (NEO4J_TEST_URI, ...), emptied before each test.
/// Without a configured server every test fails with the reason.
/// </summary>
[TestFixture]
public sealed class Neo4jStoreContract : StoreContract
{
    private ServiceProvider? services;

    [OneTimeSetUp]
    public void Connect() => services = Neo4jTestServer.CreateServices();

    [OneTimeTearDown]
    public async Task Disconnect()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }
    }

    protected override async Task<IChainMapStore> CreateEmptyStoreAsync()
    {
        Assert.That(services, Is.Not.Null, "the Neo4j test server is not configured");
        await Neo4jTestServer.WipeAsync(services!);
        return services!.GetRequiredService<Neo4jStore>();
    }
}
