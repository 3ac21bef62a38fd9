using System.ComponentModel.DataAnnotations;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Storage;
using ChainMap.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChainMap.Tests.Storage;

/// <summary>
/// <c>Storage:ImportCacheMiB</c> (ADR 0400): an import session's connection gets the page cache the operator set, every
/// other connection keeps 64 MiB, and what the import writes does not depend on it.
/// </summary>
public sealed class SqliteImportCacheTests
{
    private string directory = null!;

    [SetUp]
    public void CreateFolder() => directory = Directory.CreateTempSubdirectory("chainmap-import-cache-").FullName;

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static CompanyRecord Record(string name) =>
        new($"n:{name}|421303", null, name, name, "421303", "420000", "421300", "421303", 100, null, null, null, null, [], null, null, 10, []);

    private async Task<SqliteStore> StoreAsync(string file, int? importCacheMiB)
    {
        var path = Path.Combine(directory, file);
        var store = importCacheMiB is { } mib ? new SqliteStore(path, TimeProvider.System, mib) : new SqliteStore(path, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        await store.SaveRegionsAsync(ChainMap.Tests.Support.TestData.Regions.All.ToList(), CancellationToken.None);
        return store;
    }

    private static async Task<long> SessionCacheKiBAsync(SqliteStore store)
    {
        await using var session = (SqliteCompanyImportSession)await store.BeginCompanyImportAsync(new ImportStamp("imp-1", "a.csv", DateTimeOffset.UnixEpoch), CancellationToken.None);
        await session.UpsertAsync([Record("甲公司"), Record("乙公司")], CancellationToken.None);
        var kib = session.CacheKiB();
        await session.CommitAsync(CancellationToken.None);
        return kib;
    }

    private static async Task<long> ConnectionCacheKiBAsync(SqliteStore store)
    {
        await using var connection = await store.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size";
        return -Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> CompaniesAsync(SqliteStore store)
    {
        await using var connection = await store.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id || ' ' || identity_key || ' ' || name FROM company ORDER BY id";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    [Test]
    public async Task An_import_session_gets_the_cache_the_operator_set_and_other_connections_keep_theirs()
    {
        var store = await StoreAsync("large.db", 256);

        Assert.That(await SessionCacheKiBAsync(store), Is.EqualTo(256 * 1024));
        Assert.That(await ConnectionCacheKiBAsync(store), Is.EqualTo(SqliteStore.CacheMiB * 1024), "a connection taken after the session has the usual cache");
    }

    [Test]
    public async Task Without_the_setting_an_import_session_has_the_usual_cache_and_writes_the_same_rows()
    {
        var usual = await StoreAsync("usual.db", null);
        var large = await StoreAsync("large.db", 512);

        Assert.That(await SessionCacheKiBAsync(usual), Is.EqualTo(64 * 1024));
        await SessionCacheKiBAsync(large);
        Assert.That(await CompaniesAsync(large), Is.EqualTo(await CompaniesAsync(usual)).And.Count.EqualTo(2));
    }

    [TestCase(8, false)]
    [TestCase(16, true)]
    [TestCase(4096, true)]
    [TestCase(8192, false)]
    public void The_setting_is_checked_at_start(int mib, bool valid)
    {
        var options = new StorageOptions { ImportCacheMiB = mib };
        var results = new List<ValidationResult>();

        Assert.That(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true), Is.EqualTo(valid), string.Join("; ", results));
        Assert.That(new StorageOptions().ImportCacheMiB, Is.EqualTo(64), "the default is every connection's cache");
    }
}
