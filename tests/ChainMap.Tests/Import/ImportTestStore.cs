using System.Text;
using ChainMap.Chains;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Regions;
using ChainMap.Seeding;
using ChainMap.Storage;
using ChainMap.Storage.Sqlite;
using ChainMap.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChainMap.Tests.Import;

/// <summary>
/// A fresh SQLite store per test with the real regions and chains of data/ (no companies), and
/// the importers over it. The loaded store is built once and copied per test, which keeps the
/// import tests fast.
/// </summary>
internal sealed class ImportTestStore : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? template;

    private ImportTestStore(string directory, bool largeImportDefersIndexes)
    {
        Directory = directory;
        var sqlite = new SqliteStore(Path.Combine(directory, "test.db"), TimeProvider.System, SqliteStore.CacheMiB, largeImportDefersIndexes);
        Store = sqlite;
        Regions = new RegionDirectory(sqlite);
        Chains = new ChainDirectory(sqlite, TimeProvider.System);
        Companies = new CompanyImporter(sqlite, Regions, Chains, TimeProvider.System);
        Relations = new RelationImporter(sqlite, Regions);
        ChainImporter = new ChainImporter(sqlite, Chains, Microsoft.Extensions.Options.Options.Create(ChainMap.Domain.ChainLimits.Default));
    }

    public string Directory { get; }

    public IChainMapStore Store { get; }

    public RegionDirectory Regions { get; }

    public ChainDirectory Chains { get; }

    public CompanyImporter Companies { get; }

    public RelationImporter Relations { get; }

    public ChainImporter ChainImporter { get; }

    /// <param name="largeImportDefersIndexes"><c>Storage:LargeImportDefersIndexes</c> (ADR 0410; on by default since ADR 0440).</param>
    public static async Task<ImportTestStore> CreateAsync(bool largeImportDefersIndexes = true)
    {
        var source = await TemplateAsync();
        var directory = System.IO.Directory.CreateTempSubdirectory("chainmap-import-").FullName;
        File.Copy(source, Path.Combine(directory, "test.db"));
        var store = new ImportTestStore(directory, largeImportDefersIndexes);
        await store.Store.InitializeAsync(CancellationToken.None);
        return store;
    }

    /// <summary>Writes a file into the test folder and returns its path.</summary>
    public string Write(string name, string content, Encoding? encoding = null)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content, encoding ?? new UTF8Encoding(false));
        return path;
    }

    public string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public Task<ImportSummary> ImportAsync(string path, ImportOptions? options = null) =>
        Companies.ImportFileAsync(path, Path.GetFileName(path), options ?? ImportOptions.Default, null, null, CancellationToken.None);

    public Task<long> CountAsync() => Store.CountCompaniesAsync(CancellationToken.None);

    public static string NewUscc(string region, string body) => Uscc.FromBody($"91{region}{body}").Value;

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    private static async Task<string> TemplateAsync()
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (template is not null)
            {
                return template;
            }

            var directory = System.IO.Directory.CreateTempSubdirectory("chainmap-import-template-").FullName;
            var path = Path.Combine(directory, "template.db");
            var store = new SqliteStore(path, TimeProvider.System);
            await store.InitializeAsync(CancellationToken.None);
            var regions = new RegionDirectory(store);
            var chains = new ChainDirectory(store, TimeProvider.System);
            var importer = new CompanyImporter(store, regions, chains, TimeProvider.System);
            var cache = new ChainMap.Discovery.DiscoveryCache(store, TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new ChainMap.Discovery.DiscoveryOptions()), NullLogger<ChainMap.Discovery.DiscoveryCache>.Instance);
            var network = new ChainMap.Seeding.DemoNetwork(store, new ChainMap.Channels.ChannelImporter(store, store, regions, cache), cache, NullLogger<ChainMap.Seeding.DemoNetwork>.Instance);
            var data = new DefaultData(store, store, regions, chains, new ChainService(store, chains, Microsoft.Extensions.Options.Options.Create(ChainMap.Domain.ChainLimits.Default)), importer, network, NullLogger<DefaultData>.Instance);
            await data.LoadAsync(TestData.DataPath, includeCompanies: false, CancellationToken.None);

            // Leaving WAL needs the only connection to the file: close the store's pooled ones first
            // (otherwise the PRAGMA waits out the 30 s busy timeout).
            SqliteConnection.ClearAllPools();
            await using (var connection = new SqliteConnection($"Data Source={path}"))
            {
                await connection.OpenAsync();
                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;";
                await checkpoint.ExecuteNonQueryAsync();
            }

            SqliteConnection.ClearAllPools();
            template = path;
            return path;
        }
        finally
        {
            TemplateGate.Release();
        }
    }
}
