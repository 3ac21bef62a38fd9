using System.Globalization;
using System.Text;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Storage;
using ChainMap.Storage.Sqlite;
using Microsoft.Data.Sqlite;

using ChainMap.Tests.Support;

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

    private async Task<ImportSummary> ImportAsync(WatchedImportStore watched, string path, ImportOptions options) =>
        await new CompanyImporter(watched, store.Regions, store.Chains, TimeProvider.System)
            .ImportFileAsync(path, Path.GetFileName(path), options, null, null, CancellationToken.None);

    [Test]
    public async Task An_ordinary_large_import_commits_once_past_its_first_batch_and_ends_with_every_index()
    {
        var schema = await SchemaAsync();
        var watched = new WatchedImportStore((ICompanyImportStore)store.Store, commitEvery: 1_000);

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
            var watched = new WatchedImportStore((ICompanyImportStore)store.Store, commitEvery: 1_000);
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

    [Test]
    [CancelAfter(300_000)]
    public async Task An_edit_during_a_held_large_import_is_let_in_at_the_next_batch_and_the_edit_and_every_row_are_stored()
    {
        var schema = await SchemaAsync();
        var gate = ((SqliteStore)store.Store).Gate;
        var edits = (ICompanyEditStore)store.Store;
        // A company the file does not name (the file starts at Stored / 3).
        var target = (await edits.GetCompanyForEditAsync((await store.Store.GetCompanyByUsccAsync(UsccOf(0), CancellationToken.None))!.Id, CancellationToken.None))!;
        Task<CompanyWriteResult>? edit = null;
        (long Companies, List<string> Schema)? whileWaiting = null, afterYield = null;
        int? editedSeenAfterYield = null;
        var watched = new WatchedImportStore((ICompanyImportStore)store.Store, commitEvery: 1_000, async batch =>
        {
            if (batch == 2)
            {
                // The second batch took the large path: its transaction, with the company indexes dropped, is open.
                var waits = gate.Waits;
                edit = Task.Run(() => edits.SaveCompanyEditAsync(target with { Employees = 4242 }, target.Version, false, DateTimeOffset.UtcNow, CancellationToken.None));
                while (gate.Waits == waits && !edit.IsCompleted)
                {
                    await Task.Delay(10);
                }

                Assert.That(edit.IsCompleted, Is.False, "the edit waits for the import's transaction");
                whileWaiting = (await RawCountAsync(), await SchemaAsync());
            }
            else if (batch == 3)
            {
                afterYield = (await RawCountAsync(), await SchemaAsync());
                editedSeenAfterYield = (await edits.GetCompanyForEditAsync(target.Id, CancellationToken.None))!.Employees;
            }
        });

        var summary = await ImportAsync(watched, LargeFile(), ImportOptions.Default);

        Assert.That(edit, Is.Not.Null);
        var written = await edit!;
        Assert.That(written.Status, Is.EqualTo(CompanyWriteStatus.Written), "the edit is stored, not refused after the busy timeout");
        Assert.That(watched.Held, Is.EqualTo(new[] { false, true, false }), "the import held its commits until the edit waited, then went on with ordinary commits");
        // After the first batch (told to commit every 1,000 rows), for the edit after the second, after the third (ordinary
        // commits again), and the importer's last (of nothing).
        Assert.That(watched.Commits, Is.EqualTo(4));
        Assert.That(whileWaiting!.Value, Is.EqualTo((Stored + CompanyImporter.BatchSize - (long)Again, schema)),
            "while the edit waits, readers see the store as the first batch's commit left it, every index included");
        Assert.That(afterYield!.Value.Companies, Is.EqualTo(Stored + 2L * CompanyImporter.BatchSize - Again), "the commit for the edit holds the first two batches");
        Assert.That(afterYield.Value.Schema, Does.Contain("index company_by_strength").And.Contain("index company_by_province").And.Contain("index company_by_name"),
            "the indexes the held transaction dropped are built in the commit that lets the edit in");
        Assert.That(editedSeenAfterYield, Is.EqualTo(4242), "the edit ran between the import's transactions");

        // The import's outcome is the one it has without the edit, and the edit stays.
        Assert.That((summary.Inserted, summary.Updated + summary.Unchanged), Is.EqualTo(((long)Rows - Again, (long)Again)));
        Assert.That(await SchemaAsync(), Is.EqualTo(schema), "every index and trigger is back, nothing deferred");
        Assert.That(await RawAsync("PRAGMA integrity_check"), Is.EqualTo(new[] { "ok" }));
        Assert.That((await edits.GetCompanyForEditAsync(target.Id, CancellationToken.None))!.Employees, Is.EqualTo(4242));
        await using var reference = await ImportTestStore.CreateAsync();
        Assert.That((await reference.ImportAsync(reference.Write("stored.csv", File(0, Stored)))).Inserted, Is.EqualTo(Stored));
        var uninterrupted = await reference.ImportAsync(reference.Write("large.csv", File(Stored / 3, Rows + Stored / 3)));
        Assert.That(Counts(uninterrupted), Is.EqualTo(Counts(summary)));
        var referenceEdits = (ICompanyEditStore)reference.Store;
        var referenceTarget = (await referenceEdits.GetCompanyForEditAsync(target.Id, CancellationToken.None))!;
        await referenceEdits.SaveCompanyEditAsync(referenceTarget with { Employees = 4242 }, referenceTarget.Version, false, DateTimeOffset.UtcNow, CancellationToken.None);
        foreach (var sql in StoreContents)
        {
            Assert.That(await RawAsync(sql), Is.EqualTo(await RawAsync(sql, reference)), sql);
        }
    }

    [Test]
    [CancelAfter(300_000)]
    public async Task A_background_write_during_a_held_large_import_waits_for_its_end_without_ending_it()
    {
        var sqlite = (SqliteStore)store.Store;
        Task? save = null;
        var watched = new WatchedImportStore(sqlite, commitEvery: 1_000, async batch =>
        {
            if (batch == 2)
            {
                var waits = sqlite.Gate.Waits;
                // What the discovery answers kept in the store write in the background (ADR 0295): nobody waits for it.
                save = Task.Run(() => sqlite.SaveSnapshotAsync(new DiscoverySnapshot("kept", 1, 0, DateTimeOffset.UtcNow, [1, 2, 3]), 4, CancellationToken.None));
                while (sqlite.Gate.Waits == waits && !save.IsCompleted)
                {
                    await Task.Delay(10);
                }

                Assert.That(save.IsCompleted, Is.False, "the background write waits for the import's transaction");
            }
        });

        var summary = await ImportAsync(watched, LargeFile(), ImportOptions.Default);

        Assert.That(watched.Held, Is.EqualTo(new[] { false, true, true }), "the import held its commits to its end (ADR 0410's saving kept)");
        Assert.That(watched.Commits, Is.EqualTo(2));
        Assert.That(save, Is.Not.Null);
        await save!;
        Assert.That((await sqlite.GetSnapshotAsync("kept", CancellationToken.None))?.Body, Is.EqualTo(new byte[] { 1, 2, 3 }), "the background write was made after the import's commit");
        Assert.That(summary.Inserted, Is.EqualTo((long)Rows - Again));
    }

    /// <summary>
    /// The raise of the discovery write mark is awaited by the edit that noted it (ADR 0460): during a held import it waits
    /// like the edit and the import lets it in at its next batch, instead of failing after the busy timeout.
    /// </summary>
    [Test]
    [CancelAfter(300_000)]
    public async Task The_write_mark_raised_during_a_held_large_import_is_let_in_at_the_next_batch()
    {
        var sqlite = (SqliteStore)store.Store;
        var mark = await sqlite.GetWriteMarkAsync(CancellationToken.None);
        Task<long>? raise = null;
        var watched = new WatchedImportStore(sqlite, commitEvery: 1_000, async batch =>
        {
            if (batch == 2)
            {
                raise = Task.Run(() => sqlite.RaiseWriteMarkAsync(1, CancellationToken.None));
                while (sqlite.Gate.AtDoor == 0 && !raise.IsCompleted)
                {
                    await Task.Delay(10);
                }

                Assert.That(raise.IsCompleted, Is.False, "the raise waits for the import's transaction");
            }
            else if (batch == 3)
            {
                Assert.That(raise!.IsCompletedSuccessfully, Is.True, "the raise was let in between the second and the third batch");
            }
        });

        var summary = await ImportAsync(watched, LargeFile(), ImportOptions.Default);

        Assert.That(watched.Held, Is.EqualTo(new[] { false, true, false }), "the import committed for it at the next batch");
        Assert.That(await raise!, Is.EqualTo(mark + 1));
        Assert.That(summary.Inserted, Is.EqualTo((long)Rows - Again));
    }

    /// <summary>
    /// Many writers during a held import (ADR 0460): on a scheduler of one thread, 32 edits all wait for the import and a read
    /// is answered meanwhile (a writer that slept on its thread, as in SQLite's busy handler, would hold the only one); the
    /// import then lets them in at its next batch, every edit is stored, and the import's outcome is the one it has alone.
    /// </summary>
    [Test]
    [CancelAfter(300_000)]
    public async Task Many_writers_during_a_held_large_import_wait_on_one_thread_while_a_read_is_answered_and_are_all_stored()
    {
        const int Writers = 32;
        var sqlite = (SqliteStore)store.Store;
        var edits = (ICompanyEditStore)store.Store;
        // Companies the file does not name (it starts at Stored / 3).
        var targets = new List<StoredCompany>();
        for (var i = 0; i < Writers; i++)
        {
            targets.Add((await edits.GetCompanyForEditAsync((await store.Store.GetCompanyByUsccAsync(UsccOf(i), CancellationToken.None))!.Id, CancellationToken.None))!);
        }

        var one = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, maxConcurrencyLevel: 1).ConcurrentScheduler;
        Task<T> OnOneThread<T>(Func<Task<T>> work) => Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.None, one).Unwrap();
        List<Task<CompanyWriteResult>> writes = [];
        Company? readMeanwhile = null;
        var watched = new WatchedImportStore(sqlite, commitEvery: 1_000, async batch =>
        {
            if (batch == 2)
            {
                writes.AddRange(targets.Select(t => OnOneThread(() => edits.SaveCompanyEditAsync(t with { Employees = 4000 + (int)(t.Id % 100) }, t.Version, false, DateTimeOffset.UtcNow, CancellationToken.None))));
                var clock = System.Diagnostics.Stopwatch.StartNew();
                while (sqlite.Gate.AtDoor < Writers && clock.Elapsed < TimeSpan.FromSeconds(60) && !writes.Any(w => w.IsCompleted))
                {
                    await Task.Delay(10);
                }

                Assert.That(sqlite.Gate.AtDoor, Is.EqualTo(Writers), "every writer waits at once, none holding the one thread");
                readMeanwhile = await OnOneThread(() => store.Store.GetCompanyByUsccAsync(UsccOf(Stored - 1), CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(60));
                Assert.That(writes.Any(w => w.IsCompleted), Is.False, "the writers still wait for the import's transaction");
            }
        });

        var summary = await ImportAsync(watched, LargeFile(), ImportOptions.Default);

        Assert.That(readMeanwhile?.Uscc, Is.EqualTo(UsccOf(Stored - 1)), "a read was answered while the writers waited");
        Assert.That((await Task.WhenAll(writes)).Select(w => w.Status), Is.All.EqualTo(CompanyWriteStatus.Written));
        Assert.That(watched.Held, Is.EqualTo(new[] { false, true, false }), "the import held its commits until the writers waited");
        Assert.That((sqlite.Gate.AtDoor, sqlite.Gate.Inside), Is.EqualTo((0, 0)), "no writer is left waiting or counted inside");
        foreach (var target in targets)
        {
            Assert.That((await edits.GetCompanyForEditAsync(target.Id, CancellationToken.None))!.Employees, Is.EqualTo(4000 + (int)(target.Id % 100)));
        }

        await using var reference = await ImportTestStore.CreateAsync();
        Assert.That((await reference.ImportAsync(reference.Write("stored.csv", File(0, Stored)))).Inserted, Is.EqualTo(Stored));
        var alone = await reference.ImportAsync(reference.Write("large.csv", File(Stored / 3, Rows + Stored / 3)));
        Assert.That(Counts(summary), Is.EqualTo(Counts(alone)), "the import's outcome is the one it has without the writers");
        Assert.That(await RawAsync("PRAGMA integrity_check"), Is.EqualTo(new[] { "ok" }));
    }

    /// <summary>A writer that stops waiting for a held import (its client went away) changes nothing and is not counted as waiting (ADR 0460).</summary>
    [Test]
    [CancelAfter(300_000)]
    public async Task A_cancelled_waiting_write_changes_nothing()
    {
        var sqlite = (SqliteStore)store.Store;
        var edits = (ICompanyEditStore)store.Store;
        var target = (await edits.GetCompanyForEditAsync((await store.Store.GetCompanyByUsccAsync(UsccOf(0), CancellationToken.None))!.Id, CancellationToken.None))!;
        Task<CompanyWriteResult>? edit = null;
        var watched = new WatchedImportStore(sqlite, commitEvery: 1_000, async batch =>
        {
            if (batch == 2)
            {
                using var client = new CancellationTokenSource();
                edit = edits.SaveCompanyEditAsync(target with { Employees = 4242 }, target.Version, false, DateTimeOffset.UtcNow, client.Token);
                while (sqlite.Gate.AtDoor == 0 && !edit.IsCompleted)
                {
                    await Task.Delay(10);
                }

                await client.CancelAsync();
                Assert.CatchAsync<OperationCanceledException>(async () => await edit, "the write stops waiting when its client goes away");
                Assert.That(sqlite.Gate.AtDoor, Is.Zero);
            }
        });

        var summary = await ImportAsync(watched, LargeFile(), ImportOptions.Default);

        Assert.That(edit, Is.Not.Null);
        var stored = (await edits.GetCompanyForEditAsync(target.Id, CancellationToken.None))!;
        Assert.That((stored.Employees, stored.Version), Is.EqualTo((target.Employees, target.Version)), "nothing was changed");
        Assert.That((summary.Inserted, summary.Updated + summary.Unchanged), Is.EqualTo(((long)Rows - Again, (long)Again)));
        Assert.That(await store.CountAsync(), Is.EqualTo(Rows + Stored / 3));
    }

    /// <summary>Behind a dry run (one transaction by definition) a writer waits the busy timeout and fails as SQLite does, changing nothing (ADR 0440, 0460).</summary>
    [Test]
    [CancelAfter(300_000)]
    public async Task A_write_waiting_for_a_dry_run_fails_as_busy_after_the_busy_timeout_and_changes_nothing()
    {
        var sqlite = (SqliteStore)store.Store;
        var edits = (ICompanyEditStore)store.Store;
        var target = (await edits.GetCompanyForEditAsync((await store.Store.GetCompanyByUsccAsync(UsccOf(0), CancellationToken.None))!.Id, CancellationToken.None))!;
        SqliteException? refused = null;
        TimeSpan waited = default;
        var watched = new WatchedImportStore(sqlite, commitEvery: 1_000, async batch =>
        {
            if (batch == 2)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                refused = Assert.ThrowsAsync<SqliteException>(() => edits.SaveCompanyEditAsync(target with { Employees = 4242 }, target.Version, false, DateTimeOffset.UtcNow, CancellationToken.None));
                waited = clock.Elapsed;
                await Task.CompletedTask;
            }
        });

        await ImportAsync(watched, LargeFile(), new ImportOptions(DryRun: true));

        Assert.That(refused?.SqliteErrorCode, Is.EqualTo(5), "SQLITE_BUSY, which the service answers 503 Store busy");
        Assert.That(waited, Is.GreaterThanOrEqualTo(SqliteWriterGate.BusyTimeout - TimeSpan.FromSeconds(1)), "it waited the busy timeout, not the longer one");
        Assert.That(watched.Commits, Is.Zero);
        var stored = (await edits.GetCompanyForEditAsync(target.Id, CancellationToken.None))!;
        Assert.That((stored.Employees, stored.Version), Is.EqualTo((target.Employees, target.Version)), "nothing was changed");
    }

    [Test]
    public async Task A_waiting_writer_makes_an_ordinary_import_commit_at_each_batch_and_never_a_dry_run_or_an_all_or_nothing_import()
    {
        var path = LargeFile("N/A,,421303,100,1");
        foreach (var options in new[] { new ImportOptions(DryRun: true), new ImportOptions(AllOrNothing: true) })
        {
            var held = new WatchedImportStore((ICompanyImportStore)store.Store, commitEvery: 1_000, writersWaiting: true);
            var summary = await ImportAsync(held, path, options);

            Assert.That(held.CommitsOnlyAtEnd, Is.True, "the importer tells the session it commits only at the end");
            Assert.That(held.Commits, Is.Zero, "one transaction, never committed (a rejected row), whoever waits");
            Assert.That(held.Held, Is.EqualTo(new[] { false, true, true }), "the large path held to the end");
            Assert.That(summary.Inserted, Is.EqualTo((long)Rows - Again));
        }

        var watched = new WatchedImportStore((ICompanyImportStore)store.Store, commitEvery: int.MaxValue, writersWaiting: true);
        var ordinary = await ImportAsync(watched, path, ImportOptions.Default);

        Assert.That(watched.CommitsOnlyAtEnd, Is.False);
        // After each of the three batches (told never to commit by size), and the importer's last (of nothing).
        Assert.That(watched.Commits, Is.EqualTo(4));
        Assert.That(watched.Held, Is.EqualTo(new[] { false, true, false }), "the commit after the second batch ended the held path");
        Assert.That((ordinary.Inserted, ordinary.Updated + ordinary.Unchanged), Is.EqualTo(((long)Rows - Again, (long)Again)), "the dry run and the all-or-nothing import wrote nothing");
        Assert.That(await store.CountAsync(), Is.EqualTo(Rows + Stored / 3));
    }

    /// <summary>What an import writes, in a stable order (ids included; provenance and times left out: the edit's stamp differs).</summary>
    private static readonly string[] StoreContents =
    [
        "SELECT id, uscc, name, name_key, region_code, registered_capital, employees, strength, tags, version FROM company ORDER BY id",
        "SELECT company_id, segment_code, role, confidence, source, status FROM company_segment ORDER BY 1, 2",
        "SELECT segment_code, company_id, chain_code, province_code, city_code, county_code, round(strength, 6), capital FROM discovery_member ORDER BY 1, 2",
        "SELECT segment_code, region_code, level, province_code, city_code, companies, round(capital, 3), round(strength, 3) FROM discovery_count ORDER BY 1, 2",
        "SELECT seq, first_id, last_id FROM import_change ORDER BY first_id",
    ];

    private static (long, long, long, long, long, long, long, long) Counts(ImportSummary s) =>
        (s.Read, s.Inserted, s.Updated, s.Unchanged, s.Rejected, s.Unassigned, s.Unconfirmed, s.AnalystValuesKept);

    private Task<long> RawCountAsync() => RawAsync("SELECT count(*) FROM company").ContinueWith(t => long.Parse(t.Result.Single(), CultureInfo.InvariantCulture), TaskScheduler.Default);

    /// <summary>The rows of <paramref name="sql"/> on a connection of its own, outside the store (<paramref name="other"/>'s file when given).</summary>
    private Task<List<string>> RawAsync(string sql, ImportTestStore? other = null) => SqliteRows.ReadAsync(Path.Combine((other ?? store).Directory, "test.db"), sql);
}
