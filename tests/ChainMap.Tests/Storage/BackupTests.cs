using System.Net.Http.Json;
using ChainMap.Api.Operations;
using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Storage.Sqlite;
using ChainMap.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ChainMap.Tests.Storage;

/// <summary>Backing up the embedded store while it is written to, and restoring it.</summary>
public sealed class BackupTests
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("chainmap-backup-").FullName;

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static List<CompanyRecord> Batch(int batch, int size) => Enumerable.Range(0, size).Select(i =>
    {
        var name = $"备份测试{batch:0000}-{i:000}有限公司";
        var key = ChainMap.Text.ChineseText.NormalizeCompanyName(name);
        return new CompanyRecord($"n:{key}|320506", null, name, key, "320506", "320000", "320500", "320506",
            100, null, null, null, null, [], null, null, 1, []);
    }).ToList();

    [Test]
    public async Task Backup_taken_during_writes_holds_only_whole_batches_and_restores()
    {
        var live = new SqliteStore(Path.Combine(folder, "live.db"), TimeProvider.System);
        await live.InitializeAsync(CancellationToken.None);
        var stamp = new ImportStamp("imp-backup", "backup.csv", DateTimeOffset.UnixEpoch);
        await live.UpsertCompaniesAsync(Batch(0, 100), stamp, CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var writes = 1;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && writes < 200)
            {
                await live.UpsertCompaniesAsync(Batch(writes, 100), stamp, CancellationToken.None);
                Interlocked.Increment(ref writes);
            }
        });

        while (Volatile.Read(ref writes) < 5)
        {
            await Task.Delay(10);
        }

        var backup = await live.BackupAsync(Path.Combine(folder, "copy.db"), CancellationToken.None);
        await stop.CancelAsync();
        await writer;

        var restoredPath = Path.Combine(folder, "restored", "chainmap.db");
        Directory.CreateDirectory(Path.GetDirectoryName(restoredPath)!);
        await SqliteStore.RestoreAsync(backup.Path, restoredPath, CancellationToken.None);
        var restored = new SqliteStore(restoredPath, TimeProvider.System);
        await restored.InitializeAsync(CancellationToken.None);

        Assert.That(await SqliteStore.IntegrityProblemsAsync(backup.Path, CancellationToken.None), Is.Empty);
        Assert.That(backup.Companies % 100, Is.Zero, "only whole committed batches");
        Assert.That(backup.Companies, Is.InRange(100, await live.CountCompaniesAsync(CancellationToken.None)));
        Assert.That(await restored.CountCompaniesAsync(CancellationToken.None), Is.EqualTo(backup.Companies));
        Assert.That(await restored.CheckHealthAsync(CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Corrupt_backup_is_refused_and_the_database_is_left_alone()
    {
        var livePath = Path.Combine(folder, "live.db");
        var live = new SqliteStore(livePath, TimeProvider.System);
        await live.InitializeAsync(CancellationToken.None);
        await live.UpsertCompaniesAsync(Batch(1, 10), new ImportStamp("imp", "f.csv", DateTimeOffset.UnixEpoch), CancellationToken.None);
        SqliteConnection.ClearAllPools();
        var garbage = Path.Combine(folder, "garbage.db");
        await File.WriteAllBytesAsync(garbage, System.Text.Encoding.ASCII.GetBytes("SQLite format 3\0" + new string('x', 5000)));

        Assert.That(async () => await SqliteStore.RestoreAsync(garbage, livePath, CancellationToken.None), Throws.Exception);
        Assert.That(await new SqliteStore(livePath, TimeProvider.System).CountCompaniesAsync(CancellationToken.None), Is.EqualTo(10));
    }

    [Test]
    public async Task Admin_backs_up_the_running_service_through_the_api()
    {
        using var factory = new ChainMapApiFactory(seed: true);
        using var client = factory.CreateClient();

        var backup = await (await client.PostAsync("/api/admin/backup", null)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var integrity = await client.GetFromJsonAsync<IntegrityResponse>("/api/admin/integrity");
        var file = Path.Combine(factory.StoreDirectory, backup.GetProperty("file").GetString()!);

        Assert.That(File.Exists(file), Is.True);
        Assert.That(backup.GetProperty("companies").GetInt64(), Is.GreaterThan(1000));
        Assert.That(await SqliteStore.IntegrityProblemsAsync(file, CancellationToken.None), Is.Empty);
        Assert.That(integrity!.Ok, Is.True);
    }

    [Test]
    public async Task Backup_and_store_files_are_owner_only_and_the_answer_holds_no_server_path()
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False, "file modes are a Unix matter");
        using var factory = new ChainMapApiFactory(seed: false);
        using var client = factory.CreateClient();

        var answer = await (await client.PostAsync("/api/admin/backup", null)).Content.ReadAsStringAsync();
        var relative = System.Text.Json.JsonDocument.Parse(answer).RootElement.GetProperty("file").GetString()!;
        var file = Path.Combine(factory.StoreDirectory, relative);

        Assert.That(answer, Does.Not.Contain(factory.StoreDirectory).And.Not.Contain(Path.GetTempPath()));
        Assert.That(Path.IsPathRooted(relative), Is.False);
        Assert.That(relative, Does.StartWith("backups/chainmap-").And.EndWith(".db"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(file), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "backup file");
            Assert.That(File.GetUnixFileMode(Path.Combine(factory.StoreDirectory, "chainmap.db")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "store file");
            Assert.That(File.GetUnixFileMode(Path.Combine(factory.StoreDirectory, "chainmap.db-wal")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "store WAL");
            Assert.That(File.GetUnixFileMode(Path.GetDirectoryName(file)!), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute), "backup folder");
        }
    }

    [Test]
    public async Task A_new_store_and_its_folder_are_created_owner_only()
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False, "file modes are a Unix matter");
        var path = Path.Combine(folder, "fresh", "nested", "chainmap.db");
        var store = new SqliteStore(path, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);

        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(File.GetUnixFileMode(Path.GetDirectoryName(path)!), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        }
    }
}
