using System.Globalization;
using System.Text;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Storage;
using Microsoft.Data.Sqlite;

namespace ChainMap.Tests.Import;

/// <summary>
/// A large import into a SQLite store that holds companies drops the company indexes it would write at random places and
/// builds them in its one commit (ADR 0410): the importer makes no commit of its own meanwhile, and an import that is
/// never committed (a dry run, an all-or-nothing import with a rejected row) leaves the store and its indexes untouched.
/// </summary>
public sealed class LargeImportTests
{
    private const int Stored = 200;
    private const int Rows = 12_000;

    /// <summary>The stored companies the large file names again (as they are stored).</summary>
    private const int Again = Stored - Stored / 3;

    private ImportTestStore store = null!;

    [SetUp]
    public async Task SetUp()
    {
        store = await ImportTestStore.CreateAsync(largeImportDefersIndexes: true);
        var seeded = await store.ImportAsync(store.Write("stored.csv", File(0, Stored)));
        Assert.That(seeded.Inserted, Is.EqualTo(Stored));
    }

    [TearDown]
    public async Task TearDown() => await store.DisposeAsync();

    private static string UsccOf(int i) => Uscc.FromBody("91421303MB" + i.ToString("D7", CultureInfo.InvariantCulture)).Value;

    /// <summary>Companies <paramref name="from"/> to <paramref name="to"/> (exclusive), then <paramref name="extra"/> lines as written.</summary>
    private static string File(int from, int to, params string[] extra)
    {
        var text = new StringBuilder("企业名称,统一社会信用代码,行政区划代码,注册资本(万元),员工人数\n");
        for (var i = from; i < to; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"随州{i}号专用汽车有限公司,{UsccOf(i)},421303,{100 + i},{i % 500}\n");
        }

        foreach (var line in extra)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Two thirds of the stored companies as they are, then new ones: the writes are far past a tenth of the store.</summary>
    private string LargeFile(params string[] extra) => store.Write("large.csv", File(Stored / 3, Rows + Stored / 3, extra));

    private async Task<List<string>> SchemaAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(store.Directory, "test.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name FROM sqlite_master WHERE type IN ('index', 'trigger') UNION ALL SELECT 'deferred ' || name FROM deferred_index ORDER BY 1";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private async Task<ImportSummary> ImportAsync(WatchedStore watched, string path, ImportOptions options) =>
        await new CompanyImporter(watched, store.Regions, store.Chains, TimeProvider.System)
            .ImportFileAsync(path, Path.GetFileName(path), options, null, null, CancellationToken.None);

    [Test]
    public async Task An_ordinary_large_import_commits_once_past_its_first_batch_and_ends_with_every_index()
    {
        var schema = await SchemaAsync();
        var watched = new WatchedStore((ICompanyImportStore)store.Store, commitEvery: 1_000);

        var summary = await ImportAsync(watched, LargeFile(), ImportOptions.Default);

        Assert.That((summary.Inserted, summary.Updated + summary.Unchanged), Is.EqualTo(((long)Rows - Again, (long)Again)));
        Assert.That(watched.Held, Is.EqualTo(new[] { false, true, true }), "the second batch took the large path");
        // Told to commit every 1,000 rows, the importer commits after the first batch (before the path was taken) and at the end only.
        Assert.That(watched.Commits, Is.EqualTo(2));
        Assert.That(await SchemaAsync(), Is.EqualTo(schema));
        Assert.That(await store.CountAsync(), Is.EqualTo(Rows + Stored / 3));
        Assert.That((await store.Store.GetCompanyByUsccAsync(UsccOf(Stored / 3), CancellationToken.None))!.Employees, Is.EqualTo(Stored / 3 % 500));
    }

    [Test]
    public async Task A_dry_run_and_an_all_or_nothing_import_with_a_rejected_row_leave_the_store_and_its_indexes_as_they_were()
    {
        var schema = await SchemaAsync();
        var path = LargeFile("N/A,,421303,100,1");

        foreach (var options in new[] { new ImportOptions(DryRun: true), new ImportOptions(AllOrNothing: true) })
        {
            var watched = new WatchedStore((ICompanyImportStore)store.Store, commitEvery: 1_000);
            var summary = await ImportAsync(watched, path, options);

            Assert.That(summary.Rejected, Is.EqualTo(1));
            Assert.That(summary.Inserted, Is.EqualTo((long)Rows - Again), "the counts say what the import would do");
            Assert.That(summary.Written, Is.False);
            Assert.That(watched.Held, Does.Contain(true), "the import took the large path");
            Assert.That(await SchemaAsync(), Is.EqualTo(schema), "every index and trigger dropped in the rolled-back transaction is back");
            Assert.That(await store.CountAsync(), Is.EqualTo(Stored));
            Assert.That((await store.Store.GetCompanyByUsccAsync(UsccOf(Stored - 1), CancellationToken.None))!.RegisteredCapital, Is.EqualTo(100m + Stored - 1));
        }
    }

    /// <summary>A store whose sessions count their commits, say <paramref name="commitEvery"/> as their limit and note after each batch whether they hold their commits.</summary>
    private sealed class WatchedStore(ICompanyImportStore inner, int commitEvery) : ICompanyImportStore
    {
        public List<bool> Held { get; } = [];

        public int CommitEvery => commitEvery;

        public int Commits { get; private set; }

        public async Task<ICompanyImportSession> BeginCompanyImportAsync(ImportStamp stamp, CancellationToken cancellationToken) =>
            new Session(await inner.BeginCompanyImportAsync(stamp, cancellationToken), this);

        private sealed class Session(ICompanyImportSession inner, WatchedStore watched) : ICompanyImportSession
        {
            public int CommitEvery => watched.CommitEvery;

            public bool HoldsCommits => inner.HoldsCommits;

            public void ExpectRows(long rows) => inner.ExpectRows(rows);

            public async Task<IReadOnlyList<UpsertOutcome>> UpsertAsync(IReadOnlyList<CompanyRecord> batch, CancellationToken cancellationToken)
            {
                var outcomes = await inner.UpsertAsync(batch, cancellationToken);
                watched.Held.Add(inner.HoldsCommits);
                return outcomes;
            }

            public Task CommitAsync(CancellationToken cancellationToken)
            {
                watched.Commits++;
                return inner.CommitAsync(cancellationToken);
            }

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
