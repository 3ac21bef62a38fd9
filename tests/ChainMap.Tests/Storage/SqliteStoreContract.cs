using ChainMap.Storage;
using ChainMap.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChainMap.Tests.Storage;

[TestFixture]
public sealed class SqliteStoreContract : StoreContract
{
    private string? directory;

    protected override Task<IChainMapStore> CreateEmptyStoreAsync()
    {
        directory = Directory.CreateTempSubdirectory("chainmap-store-").FullName;
        return Task.FromResult<IChainMapStore>(new SqliteStore(Path.Combine(directory, "test.db")));
    }

    protected override Task DisposeStoreAsync(IChainMapStore store)
    {
        SqliteConnection.ClearAllPools();
        if (directory is not null)
        {
            Directory.Delete(directory, recursive: true);
        }

        return Task.CompletedTask;
    }
}
