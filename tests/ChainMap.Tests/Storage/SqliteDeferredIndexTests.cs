using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Tests.Support;
using ChainMap.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChainMap.Tests.Storage;

/// <summary>
/// A bulk import into an empty SQLite store drops the secondary indexes while it loads; they must
/// always come back: at the end of the import, or at the next start if the process died first.
/// </summary>
public sealed class SqliteDeferredIndexTests
{
    private string directory = null!;
    private string path = null!;

    [SetUp]
    public void CreateFolder()
    {
        directory = Directory.CreateTempSubdirectory("chainmap-indexes-").FullName;
        path = Path.Combine(directory, "test.db");
    }

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private async Task<List<string>> IndexesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('company', 'company_segment') ORDER BY name";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static CompanyRecord Record(string name, params string[] segments) =>
        new($"n:{name}|421303", null, name, name, "421303", "420000", "421300", "421303", 100, null, null, null, null, [], null, null, 10,
            segments.Select(s => new SegmentMembership(s, null, 1, null, null)).ToList());

    /// <summary>Memberships against the discovery copy: (memberships, discovery_member rows, companies counted in discovery_count).</summary>
    private async Task<(long Memberships, long Members, long Counted)> DiscoveryTablesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM company_segment), (SELECT count(*) FROM discovery_member),
                   (SELECT coalesce(sum(companies), 0) FROM discovery_count WHERE region_code = '')
            """;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private static async Task<SqliteStore> StoreWithChainAsync(string path)
    {
        var store = new SqliteStore(path, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        await store.SaveRegionsAsync(ChainMap.Tests.Support.TestData.Regions.All.ToList(), CancellationToken.None);
        await store.SaveChainAsync(ChainMap.Tests.Support.TestData.SmallChain(), CancellationToken.None);
        return store;
    }

    [Test]
    public async Task Indexes_dropped_for_a_bulk_load_are_back_when_the_session_ends()
    {
        var store = new SqliteStore(path, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        var before = await IndexesAsync();

        await using (var session = await store.BeginCompanyImportAsync(new ImportStamp("imp-1", "a.csv", DateTimeOffset.UnixEpoch), CancellationToken.None))
        {
            await session.UpsertAsync([Record("甲公司")], CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
            Assert.That(await IndexesAsync(), Is.EqualTo(new[] { "company_by_name" }), "secondary indexes are deferred during the load");
        }

        Assert.That(before, Does.Contain("company_by_city").And.Contain("company_segment_by_segment"));
        Assert.That(await IndexesAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Indexes_left_deferred_by_a_dead_process_are_rebuilt_at_start()
    {
        var store = new SqliteStore(path, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        var before = await IndexesAsync();
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO deferred_index(name, sql) SELECT name, sql FROM sqlite_master WHERE name = 'company_by_city';
                DROP INDEX company_by_city;
                """;
            await command.ExecuteNonQueryAsync();
        }

        await new SqliteStore(path, TimeProvider.System).InitializeAsync(CancellationToken.None);

        Assert.That(await IndexesAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Discovery_tables_skipped_during_a_bulk_load_are_rebuilt_when_the_session_ends_and_kept_in_step_after()
    {
        var store = await StoreWithChainAsync(path);
        await using (var session = await store.BeginCompanyImportAsync(new ImportStamp("imp-1", "a.csv", DateTimeOffset.UnixEpoch), CancellationToken.None))
        {
            await session.UpsertAsync([Record("甲公司", "T1-RAW"), Record("乙公司", "T1-RAW", "T1-VEH")], CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
            Assert.That(await DiscoveryTablesAsync(), Is.EqualTo((3L, 0L, 0L)), "the copy waits for the end of the load");
        }

        Assert.That(await DiscoveryTablesAsync(), Is.EqualTo((3L, 3L, 3L)));
        await store.UpsertCompaniesAsync([Record("丙公司", "T1-VEH")], new ImportStamp("imp-2", "b.csv", DateTimeOffset.UnixEpoch), CancellationToken.None);
        Assert.That(await DiscoveryTablesAsync(), Is.EqualTo((4L, 4L, 4L)), "the trigger is back: later imports keep the copy in step");
    }

    [Test]
    public async Task Discovery_tables_left_behind_by_a_dead_import_are_rebuilt_at_start()
    {
        var store = await StoreWithChainAsync(path);
        var session = await store.BeginCompanyImportAsync(new ImportStamp("imp-1", "a.csv", DateTimeOffset.UnixEpoch), CancellationToken.None);
        await session.UpsertAsync([Record("甲公司", "T1-RAW"), Record("乙公司", "T1-RAW", "T1-VEH")], CancellationToken.None);
        await session.CommitAsync(CancellationToken.None);

        // The importing process is gone before its session ended: the next start finds the deferred work.
        await new SqliteStore(path, TimeProvider.System).InitializeAsync(CancellationToken.None);

        Assert.That(await DiscoveryTablesAsync(), Is.EqualTo((3L, 3L, 3L)));
        await session.DisposeAsync();
        Assert.That(await DiscoveryTablesAsync(), Is.EqualTo((3L, 3L, 3L)), "ending the session later changes nothing");
    }
}
