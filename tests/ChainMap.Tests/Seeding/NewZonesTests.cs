using System.Text;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Seeding;
using ChainMap.Storage;
using ChainMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Seeding;

/// <summary>
/// A store loaded by an earlier version gains, at the next start, the development zones the data folder gained since (ADR 0700):
/// a bureau's store is loaded once, and zones.csv grew from 143 to 334 zones in session 45 (ADR 0690). The same tests run on
/// SQLite and on Neo4j.
/// </summary>
public abstract class NewZonesTests
{
    private const string Changsha = "ETDZ-029";
    private const string Dalian = "ETDZ-003";

    private string oldData = null!;

    /// <summary>Settings that run the service on this fixture's store; <paramref name="empty"/> empties it first.</summary>
    private protected abstract Task<Dictionary<string, string?>> StoreSettingsAsync(bool empty);

    /// <summary>A data folder as it was before two national zones were listed: the default data without 长沙经开区 and 大连经开区.</summary>
    [OneTimeSetUp]
    public void CreateOldDataFolder()
    {
        oldData = Directory.CreateTempSubdirectory("chainmap-old-zones-").FullName;
        foreach (var entry in Directory.EnumerateFileSystemEntries(TestData.DataPath))
        {
            var name = Path.GetFileName(entry);
            var link = Path.Combine(oldData, name);
            if (name == "zones.csv")
            {
                File.WriteAllLines(link, File.ReadAllLines(entry).Where(l => !l.StartsWith(Changsha + ",", StringComparison.Ordinal) && !l.StartsWith(Dalian + ",", StringComparison.Ordinal)));
            }
            else if (Directory.Exists(entry))
            {
                Directory.CreateSymbolicLink(link, entry);
            }
            else
            {
                File.CreateSymbolicLink(link, entry);
            }
        }
    }

    [OneTimeTearDown]
    public void DeleteOldDataFolder() => Directory.Delete(oldData, recursive: true);

    [Test]
    public async Task A_store_loaded_before_gains_the_new_zones_at_start_and_keeps_what_it_had()
    {
        var settings = await StoreSettingsAsync(empty: true);
        settings["Storage:SeedDemoData"] = "false";
        IReadOnlyList<Region> before;
        settings["Storage:DefaultDataPath"] = oldData;
        using (var first = new ChainMapApiFactory(seed: true, settings: settings))
        {
            await first.WaitForChainsAsync();
            before = await first.Services.GetRequiredService<IRegionStore>().ListRegionsAsync(CancellationToken.None);
            Assert.That(before.Select(r => r.Code), Does.Not.Contain(Changsha).And.Not.Contain(Dalian), "the old folder's store lacks the two zones");
            Assert.That(before.Count(r => r.Level == RegionLevel.Zone), Is.GreaterThan(100));
            Assert.That(await ImportInZoneAsync(first, "长沙旧泽重工机械有限公司"), Is.EqualTo("430100"), "a zone the store does not hold: the row stays at its city");
        }

        settings = await StoreSettingsAsync(empty: false);
        settings["Storage:SeedDemoData"] = "false";
        settings["Storage:DefaultDataPath"] = TestData.DataPath;
        using var second = new ChainMapApiFactory(seed: true, settings: settings);
        await second.WaitForChainsAsync();
        var store = second.Services.GetRequiredService<IRegionStore>();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        IReadOnlyList<Region> after;
        while (!(after = await store.ListRegionsAsync(limit.Token)).Any(r => r.Code == Changsha))
        {
            await Task.Delay(200, limit.Token);
        }

        var changsha = after.Single(r => r.Code == Changsha);
        Assert.Multiple(() =>
        {
            Assert.That((changsha.Name, changsha.Level, changsha.ParentCode), Is.EqualTo(("长沙经济技术开发区", RegionLevel.Zone, "430121")), "under its host county, 长沙县");
            Assert.That(after.Single(r => r.Code == Dalian).ParentCode, Is.EqualTo("210213"), "大连经开区 under 金州区");
            Assert.That(after.Count, Is.EqualTo(before.Count + 2), "only the two new zones are added");
            Assert.That(after.Where(r => r.Code != Changsha && r.Code != Dalian).OrderBy(r => r.Code, StringComparer.Ordinal),
                Is.EqualTo(before.OrderBy(r => r.Code, StringComparer.Ordinal)), "every region stored before is kept as it was");
            Assert.That(second.Logs, Has.Some.Contains("Added 2 development zones"));
        });

        // The import reads the new zone at once: a row whose 区县 is the zone is placed at the zone's host county.
        Assert.That(await ImportInZoneAsync(second, "长沙新泽重工机械有限公司"), Is.EqualTo("430121"));
    }

    [Test]
    public async Task A_zone_table_that_does_not_read_is_reported_and_the_loaded_store_still_starts_unchanged()
    {
        var settings = await StoreSettingsAsync(empty: true);
        settings["Storage:SeedDemoData"] = "false";
        settings["Storage:DefaultDataPath"] = oldData;
        IReadOnlyList<Region> before;
        using (var first = new ChainMapApiFactory(seed: true, settings: settings))
        {
            await first.WaitForChainsAsync();
            before = await first.Services.GetRequiredService<IRegionStore>().ListRegionsAsync(CancellationToken.None);
        }

        // A newer folder whose zone table names a host that is no division.
        var broken = Directory.CreateTempSubdirectory("chainmap-bad-zones-").FullName;
        try
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(oldData))
            {
                var link = Path.Combine(broken, Path.GetFileName(entry));
                if (Path.GetFileName(entry) == "zones.csv")
                {
                    File.WriteAllLines(link, [.. File.ReadAllLines(entry), $"{Changsha},长沙经济技术开发区,430100,999999"]);
                }
                else if (Directory.Exists(entry))
                {
                    Directory.CreateSymbolicLink(link, new DirectoryInfo(entry).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? entry);
                }
                else
                {
                    File.CreateSymbolicLink(link, new FileInfo(entry).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? entry);
                }
            }

            settings = await StoreSettingsAsync(empty: false);
            settings["Storage:SeedDemoData"] = "false";
            settings["Storage:DefaultDataPath"] = broken;
            using var second = new ChainMapApiFactory(seed: true, settings: settings);
            await second.WaitForChainsAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            while (!second.Logs.Any(l => l.Contains("No new development zones were added", StringComparison.Ordinal)))
            {
                await Task.Delay(200, limit.Token);
            }

            var after = await second.Services.GetRequiredService<IRegionStore>().ListRegionsAsync(CancellationToken.None);
            Assert.Multiple(() =>
            {
                Assert.That(second.Logs, Has.Some.Contains($"zone {Changsha} 长沙经济技术开发区"), "the log names the zone table's bad row");
                Assert.That(after.OrderBy(r => r.Code, StringComparer.Ordinal), Is.EqualTo(before.OrderBy(r => r.Code, StringComparer.Ordinal)), "nothing stored changed");
            });
        }
        finally
        {
            Directory.Delete(broken, recursive: true);
        }
    }

    [Test]
    public async Task A_start_with_nothing_new_adds_nothing()
    {
        var settings = await StoreSettingsAsync(empty: true);
        settings["Storage:SeedDemoData"] = "false";
        settings["Storage:DefaultDataPath"] = TestData.DataPath;
        using (var first = new ChainMapApiFactory(seed: true, settings: settings))
        {
            await first.WaitForChainsAsync();
        }

        settings = await StoreSettingsAsync(empty: false);
        settings["Storage:SeedDemoData"] = "false";
        settings["Storage:DefaultDataPath"] = TestData.DataPath;
        using var second = new ChainMapApiFactory(seed: true, settings: settings);
        await second.WaitForChainsAsync();
        var added = await second.Services.GetRequiredService<DefaultData>().AddNewZonesAsync(TestData.DataPath, CancellationToken.None);
        Assert.That(added, Is.Zero);
        Assert.That(second.Logs, Has.None.Contains("development zones of"));
    }

    /// <summary>Imports one company whose 区县 is 长沙经济技术开发区 and returns the region it is placed in.</summary>
    private static async Task<string> ImportInZoneAsync(ChainMapApiFactory factory, string name)
    {
        var csv = $"企业名称,省份,城市,区县\n{name},湖南省,长沙市,长沙经济技术开发区\n";
        var summary = await factory.Services.GetRequiredService<CompanyImporter>().ImportCsvAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "zone.csv", CancellationToken.None);
        Assert.That(summary.Inserted, Is.EqualTo(1));
        var found = await factory.Services.GetRequiredService<IChainMapStore>().SearchCompaniesAsync(new CompanyQuery(name, null, null, null, 1, 10), CancellationToken.None);
        return found.Items.Single().RegionCode;
    }
}

/// <summary>New zones on a SQLite file kept across two starts.</summary>
[TestFixture]
public sealed class SqliteNewZonesTests : NewZonesTests
{
    private string? folder;

    [TearDown]
    public void DeleteStore()
    {
        if (folder is not null)
        {
            Directory.Delete(folder, recursive: true);
            folder = null;
        }
    }

    private protected override Task<Dictionary<string, string?>> StoreSettingsAsync(bool empty)
    {
        if (empty || folder is null)
        {
            folder = Directory.CreateTempSubdirectory("chainmap-zones-store-").FullName;
        }

        return Task.FromResult(new Dictionary<string, string?> { ["Storage:DataDirectory"] = folder });
    }
}

/// <summary>New zones on the real Neo4j test server (emptied per test); ignored without one unless NEO4J_TEST_REQUIRED.</summary>
[TestFixture]
public sealed class Neo4jNewZonesTests : NewZonesTests
{
    private protected override async Task<Dictionary<string, string?>> StoreSettingsAsync(bool empty)
    {
        var settings = Neo4jTestServer.Configuration();
        if (empty)
        {
            await using var services = Neo4jTestServer.CreateServices();
            await Neo4jTestServer.WipeAsync(services);
        }

        return settings;
    }
}
