using System.Globalization;
using System.Text;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Storage;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Import;

/// <summary>
/// A mixed file (unchanged, changed and new rows, a new company named again further down the same batch) written in one
/// import gives the store the same companies, memberships and discovery rows as its rows imported one at a time (ADR 0455:
/// an unchanged row writes nothing and new companies wait for a full multi-row INSERT until a row changes one of them;
/// the change log's records and stored companies' memberships are written in multi-row statements).
/// </summary>
public sealed class MixedImportTests
{
    private const int Stored = 60;

    private ImportTestStore whole = null!;
    private ImportTestStore byRow = null!;

    [SetUp]
    public async Task SetUp()
    {
        whole = await ImportTestStore.CreateAsync();
        byRow = await ImportTestStore.CreateAsync();
        foreach (var store in new[] { whole, byRow })
        {
            var seeded = await store.ImportAsync(store.Write("stored.csv", Header + string.Concat(Enumerable.Range(0, Stored).Select(i => Row(i, 100 + i, "ZQ-HYD", i % 4 == 0 ? "专精特新" : "")))));
            Assert.That(seeded.Inserted, Is.EqualTo(Stored));
        }
    }

    [TearDown]
    public async Task TearDown()
    {
        await whole.DisposeAsync();
        await byRow.DisposeAsync();
    }

    private const string Header = "企业名称,统一社会信用代码,行政区划代码,员工人数,环节代码,标签\n";

    private static string UsccOf(int i) => Uscc.FromBody("91421303MC" + i.ToString("D7", CultureInfo.InvariantCulture)).Value;

    /// <summary>Company <paramref name="i"/> (a USCC for all but every fifth, which is known by its name and region).</summary>
    private static string Row(int i, int employees, string segment, string tags) =>
        string.Create(CultureInfo.InvariantCulture, $"随州{i}号罐车有限公司,{(i % 5 == 4 ? "" : UsccOf(i))},421303,{employees},{segment},{tags}\n");

    /// <summary>
    /// Per stored company: as stored, with another head count (and the stored company's membership confirmed again by
    /// another segment every other time), then a new company; every new company is named again three rows later with
    /// another head count, another segment and a tag, in the same batch of the import.
    /// </summary>
    private static List<string> MixedRows()
    {
        var rows = new List<string>();
        for (var i = 0; i < Stored; i++)
        {
            rows.Add((i % 3) switch
            {
                0 => Row(i, 100 + i, "ZQ-HYD", i % 4 == 0 ? "专精特新" : ""),
                1 => Row(i, 200 + i, i % 2 == 0 ? "ZQ-BODY-TANK" : "ZQ-HYD", i % 4 == 0 ? "专精特新" : ""),
                _ => Row(1000 + i, 50, "ZQ-HYD", ""),
            });
            if (i % 3 == 2 && i >= 5)
            {
                rows.Add(Row(1000 + i - 3, 70, "ZQ-BODY-TANK", "高新技术企业"));
            }
        }

        return rows;
    }

    [Test]
    public async Task A_mixed_file_gives_the_companies_memberships_change_log_and_discovery_rows_of_its_rows_imported_one_at_a_time()
    {
        var rows = MixedRows();
        var summary = await whole.ImportAsync(whole.Write("mixed.csv", Header + string.Concat(rows)));

        long inserted = 0, updated = 0, unchanged = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            // Each row a file of its own, under the same file name (the memberships' source).
            var folder = Path.Combine(byRow.Directory, r.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            var one = await byRow.ImportAsync(byRow.Write(Path.Combine(folder, "mixed.csv"), Header + rows[r]));
            (inserted, updated, unchanged) = (inserted + one.Inserted, updated + one.Updated, unchanged + one.Unchanged);
        }

        Assert.That((summary.Rejected, summary.Problems.Count), Is.EqualTo((0L, 0)), string.Join("; ", summary.Problems.Select(p => p.Reason)));
        Assert.That((summary.Inserted, summary.Updated, summary.Unchanged), Is.EqualTo((inserted, updated, unchanged)));
        Assert.That((summary.Inserted, summary.Updated, summary.Unchanged), Is.EqualTo((20L, 39L, 20L)),
            "20 new companies, 20 changed stored ones and 19 new ones named again (the last new one is not), 20 as stored");
        foreach (var table in new[] { Companies, Memberships, DiscoveryMembers, DiscoveryCounts, DiscoveryTags })
        {
            var expected = await RowsAsync(byRow, table);
            Assert.That(await RowsAsync(whole, table), Is.EqualTo(expected), table);
            Assert.That(expected, Is.Not.Empty, table);
        }

        // The new company named again: one company with the later row's values, both memberships, the tag in the discovery rows.
        var again = await RowsAsync(whole, $"SELECT c.employees, c.tags, group_concat(s.segment_code, ' ') FROM company c JOIN company_segment s ON s.company_id = c.id WHERE c.uscc = '{UsccOf(1002)}' GROUP BY c.id");
        Assert.That(again, Is.EqualTo(new[] { "70|高新技术企业|ZQ-BODY-TANK ZQ-HYD" }));
        Assert.That(await RowsAsync(whole, $"SELECT d.tag FROM discovery_member_tag d JOIN company c ON c.id = d.company_id WHERE c.uscc = '{UsccOf(1002)}'"),
            Is.EqualTo(new[] { "高新技术企业", "高新技术企业" }));

        // The change log: one record per changed company row, numbered in row order, then the batch's new companies as one range.
        var log = await RowsAsync(whole, "SELECT seq, first_id, last_id, before IS NULL FROM import_change WHERE job_id = (SELECT id FROM import_run WHERE file_name = 'mixed.csv') ORDER BY seq");
        Assert.That(log, Has.Count.EqualTo(39 + 1));
        Assert.That(log.Select(l => int.Parse(l.Split('|')[0], CultureInfo.InvariantCulture)), Is.EqualTo(Enumerable.Range(1, 40)));
        var range = log[^1].Split('|');
        Assert.That((long.Parse(range[2], CultureInfo.InvariantCulture) - long.Parse(range[1], CultureInfo.InvariantCulture), range[3]), Is.EqualTo((19L, "1")));
        Assert.That(log.SkipLast(1).Select(l => l.Split('|')[3]), Is.All.EqualTo("0"));
    }

    [Test]
    public async Task Undoing_a_mixed_import_gives_back_the_companies_memberships_and_discovery_rows_it_met()
    {
        var before = new List<List<string>>();
        foreach (var table in new[] { Companies, Memberships, DiscoveryMembers, DiscoveryCounts, DiscoveryTags })
        {
            before.Add(await RowsAsync(whole, table));
        }

        var stamp = new ImportStamp("imp-mixed-undo", "mixed.csv", DateTimeOffset.UnixEpoch.AddDays(1));
        var summary = await whole.Companies.ImportFileAsync(whole.Write("mixed.csv", Header + string.Concat(MixedRows())), "mixed.csv", ImportOptions.Default, null, stamp.ImportId, CancellationToken.None);
        Assert.That(summary.Updated, Is.EqualTo(39));

        var job = new ImportJob(stamp.ImportId, ImportKinds.Companies, "mixed.csv", ImportJobState.Undone, false, false, ImportCounts.Zero, true,
            stamp.At, stamp.At, stamp.At, "undone by test");
        var outcome = await whole.Store.UndoImportAsync(job, DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
        Assert.That(outcome.Undone, Is.True, string.Join("; ", outcome.Decision?.Blockers ?? []));
        var after = new List<List<string>>();
        foreach (var table in new[] { CompaniesWithoutVersion, Memberships, DiscoveryMembers, DiscoveryCounts, DiscoveryTags })
        {
            after.Add(await RowsAsync(whole, table));
        }

        Assert.That(after[0], Is.EqualTo(before[0].Select(WithoutVersion).ToList()));
        Assert.That(after.Skip(1), Is.EqualTo(before.Skip(1)));
    }

    private const string CompanyColumns = """
        id, identity_key, coalesce(uscc, ''), name, name_key, region_code, province_code, coalesce(city_code, ''), coalesce(county_code, ''),
        coalesce(registered_capital, ''), coalesce(founded, ''), coalesce(employees, ''), coalesce(revenue, ''), coalesce(listed_code, ''), tags,
        coalesce(products, ''), coalesce(address, ''), strength, coalesce(industry, ''), coalesce(scope, '')
        """;

    private const string Companies = $"SELECT {CompanyColumns}, version FROM company ORDER BY id";
    private const string CompaniesWithoutVersion = $"SELECT {CompanyColumns} FROM company ORDER BY id";
    private const string Memberships = "SELECT * FROM company_segment ORDER BY company_id, segment_code";
    private const string DiscoveryMembers = "SELECT * FROM discovery_member ORDER BY segment_code, company_id";
    // Sums kept by triggers and sums rebuilt at once may differ in their last bits.
    private const string DiscoveryCounts = """
        SELECT segment_code, region_code, level, coalesce(province_code, ''), coalesce(city_code, ''), companies, round(capital, 6), round(strength, 6)
        FROM discovery_count ORDER BY 1, 2, 3, 4, 5
        """;
    private const string DiscoveryTags = "SELECT * FROM discovery_member_tag ORDER BY 1, 2, 3";

    private static string WithoutVersion(string row) => row[..row.LastIndexOf('|')];

    private static Task<List<string>> RowsAsync(ImportTestStore store, string sql) =>
        SqliteRows.ReadAsync(Path.Combine(store.Directory, "test.db"), sql, separator: "|");
}
