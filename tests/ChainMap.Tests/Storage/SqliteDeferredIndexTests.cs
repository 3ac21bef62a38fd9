using ChainMap.Domain;
using ChainMap.Import;
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

    private static async Task<SqliteStore> StoreWithChainAsync(string path, bool largeImportDefersIndexes = true)
    {
        var store = new SqliteStore(path, TimeProvider.System, SqliteStore.CacheMiB, largeImportDefersIndexes);
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

    private static CompanyRecord WithUscc(string name, string uscc, string region, decimal capital, params string[] segments)
    {
        var (province, city, county) = ChainMap.Tests.Support.TestData.Regions.Place(region);
        return new($"u:{uscc}", uscc, name, name, region, province, city, county, capital, null, null, null, null, [], null, null,
            CompanyStrength.Score(capital, null, null, null, []), segments.Select(s => new SegmentMembership(s, null, 1, null, null)).ToList());
    }

    private async Task<List<string>> SchemaAsync(string type)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = $type ORDER BY name";
        command.Parameters.AddWithValue("$type", type);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>Rows of discovery_member and discovery_count that differ from what counting every confirmed membership gives (0, 0 when in step).</summary>
    private async Task<(long Members, long Counts)> DiscoveryDifferencesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DROP TABLE IF EXISTS temp.em;
            DROP TABLE IF EXISTS temp.ec;
            CREATE TEMP TABLE em AS
                SELECT cs.segment_code, c.id AS company_id, cs.chain_code, c.province_code, c.city_code, c.county_code, c.strength,
                    c.registered_capital AS capital,
                    (SELECT count(*) FROM company_segment x WHERE x.company_id = c.id AND x.status = 'confirmed') > 1 AS multi
                FROM company_segment cs JOIN company c ON c.id = cs.company_id WHERE cs.status = 'confirmed';
            CREATE TEMP TABLE ec AS
                SELECT segment_code, '' AS region_code, count(*) AS companies, sum(coalesce(capital, 0)) AS capital, sum(strength) AS strength FROM em GROUP BY segment_code
                UNION ALL SELECT segment_code, province_code, count(*), sum(coalesce(capital, 0)), sum(strength) FROM em GROUP BY segment_code, province_code
                UNION ALL SELECT segment_code, city_code, count(*), sum(coalesce(capital, 0)), sum(strength) FROM em
                    WHERE city_code IS NOT NULL AND city_code <> province_code GROUP BY segment_code, city_code
                UNION ALL SELECT segment_code, county_code, count(*), sum(coalesce(capital, 0)), sum(strength) FROM em
                    WHERE county_code IS NOT NULL AND county_code <> province_code AND county_code IS NOT city_code GROUP BY segment_code, county_code;
            SELECT
                (SELECT count(*) FROM (SELECT segment_code, company_id, chain_code, province_code, city_code, county_code, strength, capital, multi FROM discovery_member
                                       EXCEPT SELECT * FROM em))
                + (SELECT count(*) FROM (SELECT * FROM em EXCEPT SELECT segment_code, company_id, chain_code, province_code, city_code, county_code, strength, capital, multi FROM discovery_member)),
                (SELECT count(*) FROM ec e LEFT JOIN discovery_count d USING (segment_code, region_code)
                 WHERE d.companies IS NOT e.companies OR abs(d.capital - e.capital) > 1e-6 OR abs(d.strength - e.strength) > 1e-6)
                + (SELECT count(*) FROM discovery_count d WHERE NOT EXISTS (SELECT 1 FROM ec e WHERE e.segment_code = d.segment_code AND e.region_code = d.region_code));
            """;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    [Test]
    public async Task An_import_into_a_store_with_companies_leaves_the_discovery_tables_as_counting_gives_and_its_triggers_in_place()
    {
        var store = await StoreWithChainAsync(path);
        await store.UpsertCompaniesAsync(
            [WithUscc("甲公司", "91421303MA4K0L2X7A", "421303", 100, "T1-RAW"), WithUscc("乙公司", "91320506MA4K0L2X7B", "320506", 200, "T1-RAW", "T1-VEH"),
             WithUscc("丙公司", "91420100MA4K0L2X7C", "420100", 300, "T1-VEH"), WithUscc("丁公司", "91421303MA4K0L2X7D", "421303", 400, "T1-RAW")],
            new ImportStamp("imp-1", "a.csv", DateTimeOffset.UnixEpoch), CancellationToken.None);
        var triggers = await SchemaAsync("trigger");
        var indexes = await SchemaAsync("index");

        // Rolled back: nothing changes.
        await using (var session = await store.BeginCompanyImportAsync(new ImportStamp("imp-2", "b.csv", DateTimeOffset.UnixEpoch), CancellationToken.None))
        {
            await session.UpsertAsync([WithUscc("戊公司", "91421303MA4K0L2X7E", "421303", 50, "T1-VEH")], CancellationToken.None);
        }

        Assert.That(await SchemaAsync("trigger"), Is.EqualTo(triggers));
        await using (var session = await store.BeginCompanyImportAsync(new ImportStamp("imp-3", "c.csv", DateTimeOffset.UnixEpoch), CancellationToken.None))
        {
            var outcomes = await session.UpsertAsync(
                [
                    WithUscc("甲公司", "91421303MA4K0L2X7A", "421303", 100, "T1-RAW"), // unchanged
                    WithUscc("乙公司", "91320506MA4K0L2X7B", "421303", 200), // moved
                    WithUscc("丙公司", "91420100MA4K0L2X7C", "420100", 3000, "T1-RAW"), // re-valued, a second segment
                    WithUscc("戊公司", "91421303MA4K0L2X7E", "421303", 50, "T1-VEH"), // new
                ],
                CancellationToken.None);
            Assert.That(outcomes.Select(o => o.Kind), Is.EqualTo(new[] { UpsertKind.Unchanged, UpsertKind.Updated, UpsertKind.Updated, UpsertKind.Inserted }));
            await session.CommitAsync(CancellationToken.None);
            await session.UpsertAsync([WithUscc("丁公司", "91421303MA4K0L2X7D", "421303", 4000, "T1-VEH")], CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        Assert.That(await DiscoveryDifferencesAsync(), Is.EqualTo((0L, 0L)));
        Assert.That(await DiscoveryTablesAsync(), Is.EqualTo((8L, 8L, 8L)));
        Assert.That(await SchemaAsync("trigger"), Is.EqualTo(triggers), "the triggers are in place after every commit");
        Assert.That(await SchemaAsync("index"), Is.EqualTo(indexes));
    }

    /// <summary>Tag rows that differ from what the confirmed memberships and their companies' tags give (0 when in step).</summary>
    private async Task<long> TagDifferencesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DROP TABLE IF EXISTS temp.et;
            CREATE TEMP TABLE et AS
                SELECT DISTINCT t.value AS tag, cs.segment_code, c.id AS company_id, c.strength, c.registered_capital AS capital,
                    c.province_code, c.city_code, c.county_code
                FROM company_segment cs JOIN company c ON c.id = cs.company_id, json_each('["' || replace(c.tags, '|', '","') || '"]') t
                WHERE cs.status = 'confirmed' AND t.value <> '';
            SELECT (SELECT count(*) FROM (SELECT * FROM discovery_member_tag EXCEPT SELECT * FROM et))
                + (SELECT count(*) FROM (SELECT * FROM et EXCEPT SELECT * FROM discovery_member_tag)),
                (SELECT count(*) FROM discovery_member_tag);
            """;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.That(reader.GetInt64(1), Is.GreaterThan(0), "the store has tag rows to compare");
        return reader.GetInt64(0);
    }

    [Test]
    public async Task An_import_into_a_store_with_companies_leaves_the_tag_rows_and_multi_flags_as_the_memberships_give()
    {
        var store = await StoreWithTaggedCompaniesAsync();
        Assert.That(await TagDifferencesAsync(), Is.Zero, "kept by the triggers");

        var outcomes = await store.UpsertCompaniesAsync(
            [Tagged("甲公司", "91421303MA4K0L2X7A", "421303", 100, ["专精特新"], "T1-RAW"), // a tag fewer
             Tagged("乙公司", "91320506MA4K0L2X7B", "421303", 250, [], "T1-RAW"), // moved and re-valued, tags kept (none given)
             Tagged("丙公司", "91420100MA4K0L2X7C", "420100", 300, ["上市公司"], "T1-RAW"), // a first tag and a second segment
             Tagged("丁公司", "91421303MA4K0L2X7D", "421303", 400, ["专精特新", "上市公司"], "T1-VEH", "T1-RAW")], // new, in two segments
            new ImportStamp("imp-2", "b.csv", DateTimeOffset.UnixEpoch), CancellationToken.None);

        Assert.That(outcomes.Select(o => o.Kind), Is.EqualTo(new[] { UpsertKind.Updated, UpsertKind.Updated, UpsertKind.Updated, UpsertKind.Inserted }));
        Assert.That(await TagDifferencesAsync(), Is.Zero, "kept in step through the import");
        Assert.That(await DiscoveryDifferencesAsync(), Is.EqualTo((0L, 0L)), "members (with multi) and counts");
    }

    [Test]
    public async Task A_store_from_before_migration_255_loses_the_unread_place_index_at_start_and_its_discovery_rows_stay_in_step()
    {
        var store = await StoreWithTaggedCompaniesAsync();
        Assert.That(await SchemaAsync("index"), Does.Not.Contain("discovery_member_by_place"), "a new store has none");
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            // The store as every version before migration 255 left it: the place index of migration 20, kept by every write.
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE INDEX discovery_member_by_place ON discovery_member(chain_code, province_code, city_code, county_code);
                DELETE FROM schema_version WHERE version = 255;
                """;
            await command.ExecuteNonQueryAsync();
        }

        Assert.That(await SchemaAsync("index"), Does.Contain("discovery_member_by_place"));
        var upgraded = new SqliteStore(path, TimeProvider.System);
        await upgraded.InitializeAsync(CancellationToken.None);

        Assert.That(await SchemaAsync("index"), Does.Not.Contain("discovery_member_by_place"), "dropped at start (ADR 0535)");
        Assert.That(await DiscoveryDifferencesAsync(), Is.EqualTo((0L, 0L)));

        // The triggers keep members, counts and tags in step without it: moved, re-valued, new in two segments.
        await upgraded.UpsertCompaniesAsync(
            [Tagged("乙公司", "91320506MA4K0L2X7B", "421303", 250, [], "T1-RAW"),
             Tagged("丁公司", "91421303MA4K0L2X7D", "421303", 400, ["专精特新", "上市公司"], "T1-VEH", "T1-RAW")],
            new ImportStamp("imp-2", "b.csv", DateTimeOffset.UnixEpoch), CancellationToken.None);
        Assert.That(await DiscoveryDifferencesAsync(), Is.EqualTo((0L, 0L)));
        Assert.That(await TagDifferencesAsync(), Is.Zero);
    }

    [Test]
    public async Task An_import_row_that_changes_only_what_the_discovery_tables_do_not_copy_leaves_them_as_counting_gives()
    {
        var store = await StoreWithTaggedCompaniesAsync();
        var members = await DiscoveryRowsAsync();

        // 甲: another role in its segment (the membership is rewritten with the same status); 乙: another head count, so
        // another strength and nothing else the discovery tables copy; 丙: other products.
        var outcomes = await store.UpsertCompaniesAsync(
            [Tagged("甲公司", "91421303MA4K0L2X7A", "421303", 100, ["专精特新", "高新技术企业"]) with
                { Memberships = [new SegmentMembership("T1-RAW", "钢材", 1, null, null)] },
             Tagged("乙公司", "91320506MA4K0L2X7B", "320506", 200, ["高新技术企业"], "T1-RAW", "T1-VEH") with
                { Employees = 500, Strength = CompanyStrength.Score(200, null, 500, null, ["高新技术企业"]) },
             Tagged("丙公司", "91420100MA4K0L2X7C", "420100", 300, [], "T1-VEH") with { Products = "车身" }],
            new ImportStamp("imp-2", "b.csv", DateTimeOffset.UnixEpoch), CancellationToken.None);

        Assert.That(outcomes.Select(o => o.Kind), Is.EqualTo(new[] { UpsertKind.Updated, UpsertKind.Updated, UpsertKind.Updated }));
        Assert.That(await TagDifferencesAsync(), Is.Zero);
        Assert.That(await DiscoveryDifferencesAsync(), Is.EqualTo((0L, 0L)), "members (with multi) and counts");
        var after = await DiscoveryRowsAsync();
        Assert.That(after.Where(m => !m.StartsWith("乙公司", StringComparison.Ordinal)), Is.EqualTo(members.Where(m => !m.StartsWith("乙公司", StringComparison.Ordinal))),
            "甲's and 丙's discovery rows as they were");
        Assert.That(after.Where(m => m.StartsWith("乙公司", StringComparison.Ordinal)), Is.Not.EqualTo(members.Where(m => m.StartsWith("乙公司", StringComparison.Ordinal))),
            "乙's strength moved in its discovery rows");
    }

    [Test]
    public async Task A_company_update_that_changes_no_copied_value_writes_no_discovery_row()
    {
        await StoreWithTaggedCompaniesAsync();
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();

        // total_changes() counts the rows written by trigger programs too.
        command.CommandText = """
            SELECT total_changes();
            UPDATE company SET employees = 12, strength = strength, registered_capital = registered_capital, province_code = province_code
            WHERE name = '乙公司';
            UPDATE company_segment SET role = '钢材', status = status, segment_code = segment_code WHERE segment_code = 'T1-RAW';
            SELECT total_changes();
            """;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var before = reader.GetInt64(0);
        await reader.NextResultAsync();
        await reader.ReadAsync();
        Assert.That(reader.GetInt64(0) - before, Is.EqualTo(3), "one company row and two membership rows, no discovery row");
    }

    /// <summary>Every discovery_member and discovery_member_tag row as text, led by its company's name, in key order.</summary>
    private async Task<List<string>> DiscoveryRowsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.name || '|' || m.segment_code || '|' || m.province_code || '|' || coalesce(m.city_code, '') || '|' || coalesce(m.county_code, '')
                || '|' || m.strength || '|' || coalesce(m.capital, '') || '|' || m.multi
            FROM discovery_member m JOIN company c ON c.id = m.company_id
            UNION ALL
            SELECT c.name || '|' || t.tag || '|' || t.segment_code || '|' || t.strength FROM discovery_member_tag t JOIN company c ON c.id = t.company_id
            ORDER BY 1
            """;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>Every tag row with its company's name instead of its id (ids differ between two stores of the same companies).</summary>
    private static async Task<List<string>> TagRowsByNameAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.name, t.tag, t.segment_code, t.strength, t.capital, t.province_code, coalesce(t.city_code, '-'), coalesce(t.county_code, '-')
            FROM discovery_member_tag t JOIN company c ON c.id = t.company_id
            WHERE c.name <> '戊公司'
            ORDER BY 1, 2, 3
            """;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    [Test]
    public async Task A_first_import_into_an_empty_store_writes_the_tag_rows_the_triggers_write_for_the_same_companies()
    {
        // A tag with a quote and a backslash, a tag given twice, a company in two segments, an unconfirmed membership
        // (no tag rows) and a company without tags: the rebuild at the end of a first import (ADR 0335) reads the
        // memberships and companies instead of discovery_member, and must give the rows the triggers give row by row.
        CompanyRecord[] rows =
        [
            Tagged("甲公司", "91421303MA4K0L2X7A", "421303", 100, ["专精特新", "高新技术企业"], "T1-RAW"),
            Tagged("乙公司", "91320506MA4K0L2X7B", "320506", 200, ["高新\"技术\\企业", "上市公司", "上市公司"], "T1-RAW", "T1-VEH"),
            Tagged("丙公司", "91420100MA4K0L2X7C", "420100", 300, ["专精特新"]) with
            {
                Memberships = [new SegmentMembership("T1-VEH", null, 0.5, null, "classifier:words", MembershipStatus.Unconfirmed)],
            },
            Tagged("丁公司", "91421303MA4K0L2X7D", "421303", 400, [], "T1-VEH"),
        ];
        var bulk = await StoreWithChainAsync(path);
        await using (var session = await bulk.BeginCompanyImportAsync(new ImportStamp("imp-1", "a.csv", DateTimeOffset.UnixEpoch), CancellationToken.None))
        {
            await session.UpsertAsync(rows, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
            Assert.That(await DiscoveryTablesAsync(), Is.EqualTo((5L, 0L, 0L)), "a first import: the discovery tables wait for the end of the load");
        }

        // The same companies imported into a store that already holds one: the triggers write their tag rows.
        var other = Path.Combine(directory, "triggers.db");
        var kept = await StoreWithChainAsync(other);
        await kept.UpsertCompaniesAsync([Tagged("戊公司", "91421303MA4K0L2X7E", "421303", 50, ["专精特新"], "T1-RAW")],
            new ImportStamp("imp-0", "0.csv", DateTimeOffset.UnixEpoch), CancellationToken.None);
        await kept.UpsertCompaniesAsync(rows, new ImportStamp("imp-1", "a.csv", DateTimeOffset.UnixEpoch), CancellationToken.None);

        var rebuilt = await TagRowsByNameAsync(path);
        Assert.That(rebuilt, Is.EqualTo(await TagRowsByNameAsync(other)));
        Assert.That(rebuilt, Has.Count.EqualTo(6), "甲 2 tags x 1 segment, 乙 2 distinct tags x 2 segments, none for 丙 and 丁");
        Assert.That(rebuilt, Has.Some.StartsWith("乙公司 | 高新\"技术\\企业 | T1-RAW"));
        Assert.That(rebuilt, Has.None.StartsWith("丙公司"), "an unconfirmed membership has no tag rows");
    }

    [Test]
    public async Task A_first_import_stores_long_empty_and_chinese_texts_as_given()
    {
        // The session binds text as UTF-8 from a buffer of its own (ADR 0335): longer values than the buffer, the empty
        // tag list (the empty string, not NULL) and absent values must come back exactly.
        var scope = string.Concat(Enumerable.Repeat("专用汽车、消防车、应急救援装备的研发、制造与销售；", 40));
        var record = Tagged("甲公司", "91421303MA4K0L2X7A", "421303", 100, [], "T1-RAW") with
        {
            Scope = scope,
            Address = "湖北省随州市曾都区 \"专汽\" 大道 1 号",
            Products = "专汽、罐车",
            Industry = null,
        };
        var store = await StoreWithChainAsync(path);
        await using (var session = await store.BeginCompanyImportAsync(new ImportStamp("imp-1", "a.csv", DateTimeOffset.UnixEpoch), CancellationToken.None))
        {
            await session.UpsertAsync([record, Tagged("乙公司", "91320506MA4K0L2X7B", "320506", 200, ["专精特新"], "T1-RAW")], CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        Assert.That(System.Text.Encoding.UTF8.GetByteCount(scope), Is.GreaterThan(1024), "longer than the session's first buffer (1 KiB)");
        var stored = await store.GetCompanyAsync(1, CancellationToken.None);
        Assert.That(stored, Is.Not.Null);
        Assert.That((stored!.Name, stored.Scope, stored.Address, stored.Products, stored.Industry, stored.Tags.Count),
            Is.EqualTo(("甲公司", scope, record.Address, "专汽、罐车", (string?)null, 0)));
        Assert.That((await store.GetCompanyAsync(2, CancellationToken.None))!.Tags, Is.EqualTo(new[] { "专精特新" }));
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT typeof(tags) || ':' || tags || ':' || typeof(industry) FROM company WHERE id = 1";
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("text::null"), "no tags is the empty text, no industry is NULL");
    }

    private static CompanyRecord Tagged(string name, string uscc, string region, decimal capital, string[] tags, params string[] segments) =>
        WithUscc(name, uscc, region, capital, segments) with { Tags = tags };

    /// <summary>Three tagged companies, one of them in two segments (imp-1).</summary>
    private async Task<SqliteStore> StoreWithTaggedCompaniesAsync()
    {
        var store = await StoreWithChainAsync(path);
        await store.UpsertCompaniesAsync(
            [Tagged("甲公司", "91421303MA4K0L2X7A", "421303", 100, ["专精特新", "高新技术企业"], "T1-RAW"),
             Tagged("乙公司", "91320506MA4K0L2X7B", "320506", 200, ["高新技术企业"], "T1-RAW", "T1-VEH"),
             Tagged("丙公司", "91420100MA4K0L2X7C", "420100", 300, [], "T1-VEH")],
            new ImportStamp("imp-1", "a.csv", DateTimeOffset.UnixEpoch), CancellationToken.None);
        return store;
    }

    /// <summary>
    /// A session into the store of <see cref="StoreWithTaggedCompaniesAsync"/> whose first batch writes a third of the stored
    /// companies (past <see cref="SqliteCompanyImportSession.DeferDiscoveryShare"/>), so its second batch runs without the
    /// discovery triggers: tags removed and added, a move, a re-valued company in a second segment, a new one in two.
    /// </summary>
    private static async Task LargeMixedImportAsync(ICompanyImportSession session, bool commit)
    {
        var first = await session.UpsertAsync([Tagged("甲公司", "91421303MA4K0L2X7A", "421303", 150, ["专精特新", "高新技术企业"], "T1-RAW")], CancellationToken.None);
        Assert.That(first.Single().Kind, Is.EqualTo(UpsertKind.Updated));
        var outcomes = await session.UpsertAsync(
            [Tagged("甲公司", "91421303MA4K0L2X7A", "421303", 150, ["专精特新"], "T1-RAW"), // a tag fewer
             Tagged("乙公司", "91320506MA4K0L2X7B", "421303", 250, [], "T1-RAW"), // moved and re-valued, tags kept (none given)
             Tagged("丙公司", "91420100MA4K0L2X7C", "420100", 300, ["上市公司"], "T1-RAW"), // a first tag and a second segment
             Tagged("丁公司", "91421303MA4K0L2X7D", "421303", 400, ["专精特新", "上市公司"], "T1-VEH", "T1-RAW")], // new, in two segments
            CancellationToken.None);
        Assert.That(outcomes.Select(o => o.Kind), Is.EqualTo(new[] { UpsertKind.Updated, UpsertKind.Updated, UpsertKind.Updated, UpsertKind.Inserted }));
        Assert.That(session.HoldsCommits, Is.True, "the second batch took the large path (ADR 0410): no commit before its end");
        if (commit)
        {
            await session.CommitAsync(CancellationToken.None);
        }
    }

    private async Task<long> DeferredCountAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM deferred_index";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Test]
    public async Task A_large_import_into_a_store_with_companies_rebuilds_members_tags_multi_and_counts_once_as_counting_gives()
    {
        var store = await StoreWithTaggedCompaniesAsync();
        var triggers = await SchemaAsync("trigger");
        var indexes = await SchemaAsync("index");

        await using (var session = await store.BeginCompanyImportAsync(new ImportStamp("imp-2", "b.csv", DateTimeOffset.UnixEpoch), CancellationToken.None))
        {
            await LargeMixedImportAsync(session, commit: true);
            Assert.That(session.HoldsCommits, Is.False);
            Assert.That(await SchemaAsync("trigger"), Is.EqualTo(triggers), "the commit that ends the large path has built everything again (ADR 0410)");
            Assert.That(await SchemaAsync("index"), Is.EqualTo(indexes));
            Assert.That(await DeferredCountAsync(), Is.Zero);
        }

        Assert.That(await TagDifferencesAsync(), Is.Zero, "tag rows rebuilt");
        Assert.That(await DiscoveryDifferencesAsync(), Is.EqualTo((0L, 0L)), "members (with multi) and counts rebuilt");
        Assert.That(await DiscoveryTablesAsync(), Is.EqualTo((7L, 7L, 7L)));
        Assert.That(await SchemaAsync("trigger"), Is.EqualTo(triggers), "the triggers are back when the session ends");
        Assert.That(await SchemaAsync("index"), Is.EqualTo(indexes));
        Assert.That(await DeferredCountAsync(), Is.Zero);

        // The triggers keep the tables in step again: a small import (under the share) goes through them.
        await store.UpsertCompaniesAsync([Tagged("丁公司", "91421303MA4K0L2X7D", "421303", 400, ["上市公司"], "T1-VEH")],
            new ImportStamp("imp-3", "c.csv", DateTimeOffset.UnixEpoch), CancellationToken.None);
        Assert.That(await TagDifferencesAsync(), Is.Zero);
        Assert.That(await DiscoveryDifferencesAsync(), Is.EqualTo((0L, 0L)));
    }

    [Test]
    public async Task A_large_import_that_is_not_committed_like_a_dry_run_leaves_the_store_and_its_triggers_as_they_were()
    {
        var store = await StoreWithTaggedCompaniesAsync();
        var triggers = await SchemaAsync("trigger");
        var indexes = await SchemaAsync("index");
        var tables = await DiscoveryTablesAsync();

        // A dry run, or an all-or-nothing import with a rejected row, never commits its session.
        await using (var session = await store.BeginCompanyImportAsync(new ImportStamp("imp-2", "b.csv", DateTimeOffset.UnixEpoch), CancellationToken.None))
        {
            await LargeMixedImportAsync(session, commit: false);
        }

        Assert.That(await SchemaAsync("trigger"), Is.EqualTo(triggers));
        Assert.That(await SchemaAsync("index"), Is.EqualTo(indexes), "the company indexes dropped in the rolled-back transaction are back");
        Assert.That(indexes, Does.Contain("company_by_strength").And.Contain("company_by_province").And.Contain("company_by_name"));
        Assert.That(await DeferredCountAsync(), Is.Zero);
        Assert.That(await DiscoveryTablesAsync(), Is.EqualTo(tables));
        Assert.That(await TagDifferencesAsync(), Is.Zero);
        Assert.That(await DiscoveryDifferencesAsync(), Is.EqualTo((0L, 0L)));
        Assert.That(await store.CountCompaniesAsync(CancellationToken.None), Is.EqualTo(3));
        var first = (await store.GetCompanyAsync(1, CancellationToken.None))!;
        Assert.That((first.Name, first.RegisteredCapital), Is.EqualTo(("甲公司", 100m)));
    }

    [Test]
    public async Task A_large_import_through_the_deferred_path_is_undone_with_its_discovery_rows()
    {
        var store = await StoreWithTaggedCompaniesAsync();
        var tables = await DiscoveryTablesAsync();
        await using (var session = await store.BeginCompanyImportAsync(new ImportStamp("imp-2", "b.csv", DateTimeOffset.UnixEpoch), CancellationToken.None))
        {
            await LargeMixedImportAsync(session, commit: true);
        }

        var job = new ImportJob("imp-2", ImportKinds.Companies, "b.csv", ImportJobState.Undone, false, false, ImportCounts.Zero, true,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "undone by test");
        var outcome = await store.UndoImportAsync(job, DateTimeOffset.UnixEpoch.AddDays(1), CancellationToken.None);

        Assert.That(outcome.Undone, Is.True, string.Join("; ", outcome.Decision?.Blockers ?? []));
        Assert.That(await store.CountCompaniesAsync(CancellationToken.None), Is.EqualTo(3));
        var first = (await store.GetCompanyAsync(1, CancellationToken.None))!;
        Assert.That(first.RegisteredCapital, Is.EqualTo(100m));
        Assert.That(first.Tags, Is.EqualTo(new[] { "专精特新", "高新技术企业" }));
        Assert.That(await DiscoveryTablesAsync(), Is.EqualTo(tables));
        Assert.That(await TagDifferencesAsync(), Is.Zero);
        Assert.That(await DiscoveryDifferencesAsync(), Is.EqualTo((0L, 0L)));
    }

    [Test]
    public async Task A_bulk_load_of_rows_with_a_uscc_defers_the_name_index_until_a_row_without_one_needs_it()
    {
        var store = await StoreWithChainAsync(path);
        var before = await IndexesAsync();
        await using (var session = await store.BeginCompanyImportAsync(new ImportStamp("imp-1", "a.csv", DateTimeOffset.UnixEpoch), CancellationToken.None))
        {
            await session.UpsertAsync([WithUscc("甲公司", "91421303MA4K0L2X7A", "421303", 100, "T1-RAW")], CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
            Assert.That(await IndexesAsync(), Is.Empty, "no row needed a name: the name index waits too");

            var outcomes = await session.UpsertAsync([Record("乙公司", "T1-RAW"), Record("乙公司", "T1-VEH")], CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
            Assert.That(await IndexesAsync(), Is.EqualTo(new[] { "company_by_name" }));
            Assert.That(outcomes.Select(o => o.Kind), Is.EqualTo(new[] { UpsertKind.Inserted, UpsertKind.Updated }));

            // A row with a new USCC now meets its namesake stored without one, through the name index.
            var merged = await session.UpsertAsync([WithUscc("乙公司", "91421303MA4K0L2X7B", "421303", 100)], CancellationToken.None);
            Assert.That((merged[0].Kind, merged[0].CompanyId), Is.EqualTo((UpsertKind.Updated, outcomes[0].CompanyId)));
            await session.CommitAsync(CancellationToken.None);
        }

        Assert.That(await IndexesAsync(), Is.EqualTo(before));
        Assert.That(await store.CountCompaniesAsync(CancellationToken.None), Is.EqualTo(2));
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

    /// <summary>A store of 30 companies (one segment each, imp-1): 10 % of it is 3 companies.</summary>
    private async Task<(SqliteStore Store, List<CompanyRecord> Stored)> StoreOfThirtyAsync(bool largeImportDefersIndexes = true)
    {
        var store = await StoreWithChainAsync(path, largeImportDefersIndexes);
        var stored = Enumerable.Range(0, 30)
            .Select(i => Tagged($"公司{i:D2}", $"91421303MA4K0L{i:D2}XA", "421303", 100 + i, i % 3 == 0 ? ["专精特新"] : [], i % 2 == 0 ? "T1-RAW" : "T1-VEH")).ToList();
        await store.UpsertCompaniesAsync(stored, new ImportStamp("imp-1", "a.csv", DateTimeOffset.UnixEpoch), CancellationToken.None);
        return (store, stored);
    }

    [TestCase(30L, true)] // told the file holds 30 rows: 1 written in 3 projects 10, past 10 % of 30
    [TestCase(0L, false)] // not told: 1 written is under the 3 of the share
    [TestCase(3L, false)] // told the file holds only the 3 rows of its first batch
    public async Task An_import_told_its_file_is_large_defers_the_discovery_triggers_from_its_second_batch_by_what_its_first_wrote(long expected, bool deferred)
    {
        var (store, stored) = await StoreOfThirtyAsync();
        var triggers = await SchemaAsync("trigger");
        await using (var session = await store.BeginCompanyImportAsync(new ImportStamp("imp-2", "b.csv", DateTimeOffset.UnixEpoch), CancellationToken.None))
        {
            session.ExpectRows(expected);
            var first = await session.UpsertAsync([stored[0] with { RegisteredCapital = 999 }, stored[1], stored[2]], CancellationToken.None);
            Assert.That(first.Select(o => o.Kind), Is.EqualTo(new[] { UpsertKind.Updated, UpsertKind.Unchanged, UpsertKind.Unchanged }));
            session.ExpectRows(expected);
            var second = await session.UpsertAsync(
                [stored[3] with { RegisteredCapital = 998 }, WithUscc("新公司", "91421303MA4K0L99XA", "421303", 500, "T1-RAW", "T1-VEH")], CancellationToken.None);
            Assert.That(second.Select(o => o.Kind), Is.EqualTo(new[] { UpsertKind.Updated, UpsertKind.Inserted }));
            Assert.That(session.HoldsCommits, Is.EqualTo(deferred),
                deferred ? "the second batch ran without the discovery triggers (the large path)" : "the second batch ran through the discovery triggers");
            await session.CommitAsync(CancellationToken.None);
        }

        // Either way the discovery tables end as counting every confirmed membership gives, and the triggers are back.
        Assert.That(await DiscoveryDifferencesAsync(), Is.EqualTo((0L, 0L)));
        Assert.That(await TagDifferencesAsync(), Is.Zero);
        Assert.That(await DiscoveryTablesAsync(), Is.EqualTo((32L, 32L, 32L)));
        Assert.That(await SchemaAsync("trigger"), Is.EqualTo(triggers));
        Assert.That(await DeferredCountAsync(), Is.Zero);
    }

    [Test]
    public async Task A_large_file_whose_first_batch_writes_nothing_keeps_the_discovery_triggers()
    {
        var (store, stored) = await StoreOfThirtyAsync();
        await using var session = await store.BeginCompanyImportAsync(new ImportStamp("imp-2", "b.csv", DateTimeOffset.UnixEpoch), CancellationToken.None);
        session.ExpectRows(1_000_000);
        var first = await session.UpsertAsync(stored.Take(10).ToList(), CancellationToken.None);
        Assert.That(first.Select(o => o.Kind), Is.All.EqualTo(UpsertKind.Unchanged));
        session.ExpectRows(1_000_000);
        await session.UpsertAsync(stored.Skip(10).Take(10).ToList(), CancellationToken.None);
        await session.CommitAsync(CancellationToken.None);
        Assert.That(await SchemaAsync("trigger"), Does.Contain("discovery_member_after_membership_insert"), "a re-import of unchanged rows never rebuilds");
        Assert.That(await DeferredCountAsync(), Is.Zero);
    }

    /// <summary>Rows of <paramref name="sql"/> (every column as text, joined by " | ") from the store at <see cref="path"/>.</summary>
    private Task<List<string>> RowsAsync(string sql) => SqliteRows.ReadAsync(path, sql);

    /// <summary>Every company, membership and change log row and every discovery row of the store at <see cref="path"/>.</summary>
    private async Task<List<string>> StoredAsync() =>
    [
        .. await RowsAsync("SELECT * FROM company ORDER BY id"),
        .. await RowsAsync("SELECT * FROM company_segment ORDER BY company_id, segment_code"),
        .. await RowsAsync("SELECT job_id, seq, first_id, last_id, before FROM import_change ORDER BY job_id, seq"),
        .. await DiscoveryRowsAsync(),
    ];

    /// <summary>
    /// Into the store of thirty, a file said to hold 20 rows in four batches: its first batch writes two of three rows, so the
    /// second takes the large path (ADR 0380, 0410) when the store defers the company indexes. Changed values, tags, a move,
    /// a re-ranked company, new companies in two segments and a row without a USCC (whose namesakes need the name index).
    /// Returns what the store holds after the import and after its undo, and whether the session held its commits.
    /// </summary>
    private async Task<(List<string> Imported, List<string> Undone, bool Held)> MixedImportAndUndoAsync(bool largeImportDefersIndexes)
    {
        var (store, stored) = await StoreOfThirtyAsync(largeImportDefersIndexes);
        var indexes = await SchemaAsync("index");
        var triggers = await SchemaAsync("trigger");
        var held = false;
        await using (var session = await store.BeginCompanyImportAsync(new ImportStamp("imp-2", "b.csv", DateTimeOffset.UnixEpoch), CancellationToken.None))
        {
            IReadOnlyList<CompanyRecord>[] batches =
            [
                [stored[0] with { RegisteredCapital = 999 }, stored[1], stored[2] with { Tags = ["高新技术企业"] }],
                [stored[3] with { Employees = 3000 }, WithUscc("新公司一", "91421303MA4K0L91XA", "421303", 500, "T1-RAW", "T1-VEH"),
                 Tagged("公司04", stored[4].Uscc!, "320506", 104, ["专精特新"], "T1-RAW"), stored[5]],
                [Record("无码公司", "T1-VEH"), stored[6] with { Tags = [] }, WithUscc("新公司二", "91421303MA4K0L92XA", "420100", 80)],
                [Record("无码公司", "T1-RAW"), stored[7] with { RegisteredCapital = 1 }, stored[8]],
            ];
            foreach (var batch in batches)
            {
                session.ExpectRows(20);
                await session.UpsertAsync(batch, CancellationToken.None);
                held |= session.HoldsCommits;
            }

            await session.CommitAsync(CancellationToken.None);
        }

        Assert.That(await SchemaAsync("index"), Is.EqualTo(indexes));
        Assert.That(await SchemaAsync("trigger"), Is.EqualTo(triggers));
        Assert.That(await DeferredCountAsync(), Is.Zero);
        Assert.That(await DiscoveryDifferencesAsync(), Is.EqualTo((0L, 0L)));
        Assert.That(await TagDifferencesAsync(), Is.Zero);
        var imported = await StoredAsync();
        var job = new ImportJob("imp-2", ImportKinds.Companies, "b.csv", ImportJobState.Undone, false, false, ImportCounts.Zero, true,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "undone by test");
        var outcome = await store.UndoImportAsync(job, DateTimeOffset.UnixEpoch.AddDays(1), CancellationToken.None);
        Assert.That(outcome.Undone, Is.True, string.Join("; ", outcome.Decision?.Blockers ?? []));
        Assert.That(await store.CountCompaniesAsync(CancellationToken.None), Is.EqualTo(30));
        return (imported, await StoredAsync(), held);
    }

    [Test]
    public async Task A_large_import_writes_the_same_companies_memberships_change_log_and_undo_with_and_without_deferring_the_company_indexes()
    {
        var kept = await MixedImportAndUndoAsync(largeImportDefersIndexes: false);
        path = Path.Combine(directory, "deferred.db");
        var deferred = await MixedImportAndUndoAsync(largeImportDefersIndexes: true);

        Assert.That((kept.Held, deferred.Held), Is.EqualTo((false, true)), "only the store that defers the company indexes took the large path");
        Assert.That(deferred.Imported, Is.EqualTo(kept.Imported));
        Assert.That(deferred.Imported, Has.Some.Contains("新公司一").And.Some.Contains("无码公司").And.Some.Contains("999"));
        Assert.That(deferred.Undone, Is.EqualTo(kept.Undone));
    }

    [Test]
    public async Task A_reader_during_a_large_import_sees_the_store_as_it_was_with_its_indexes_until_the_one_commit()
    {
        var (store, stored) = await StoreOfThirtyAsync();
        var indexes = await SchemaAsync("index");
        const string List = "EXPLAIN QUERY PLAN SELECT c.id FROM company c ORDER BY c.strength DESC, c.id LIMIT 50";
        const string Province = "EXPLAIN QUERY PLAN SELECT c.id FROM company c WHERE c.province_code = '420000' ORDER BY c.strength DESC LIMIT 50";
        await using var session = await store.BeginCompanyImportAsync(new ImportStamp("imp-2", "b.csv", DateTimeOffset.UnixEpoch), CancellationToken.None);
        session.ExpectRows(20);
        await session.UpsertAsync([stored[0] with { RegisteredCapital = 999 }, stored[1], stored[2] with { RegisteredCapital = 900_000 }], CancellationToken.None);
        session.ExpectRows(20);
        await session.UpsertAsync([WithUscc("新公司", "91421303MA4K0L99XA", "421303", 500, "T1-RAW"), stored[3] with { RegisteredCapital = 800_000 }], CancellationToken.None);
        Assert.That(session.HoldsCommits, Is.True, "the large path: the company indexes are dropped in the session's transaction");

        Assert.That(await SchemaAsync("index"), Is.EqualTo(indexes), "another connection still reads through every index");
        Assert.That(string.Join("\n", await RowsAsync(List)), Does.Contain("company_by_strength"));
        Assert.That(string.Join("\n", await RowsAsync(Province)), Does.Contain("company_by_province"));
        Assert.That(await store.CountCompaniesAsync(CancellationToken.None), Is.EqualTo(30), "and the companies as they were");
        Assert.That((await store.GetCompanyAsync(1, CancellationToken.None))!.RegisteredCapital, Is.EqualTo(100m));

        await session.CommitAsync(CancellationToken.None);

        Assert.That(session.HoldsCommits, Is.False);
        Assert.That(await SchemaAsync("index"), Is.EqualTo(indexes), "the commit brings the rows and the indexes built again together");
        Assert.That(await DeferredCountAsync(), Is.Zero);
        Assert.That(await store.CountCompaniesAsync(CancellationToken.None), Is.EqualTo(31));
        Assert.That((await store.GetCompanyAsync(1, CancellationToken.None))!.RegisteredCapital, Is.EqualTo(999m));
        Assert.That(await RowsAsync("SELECT name FROM company INDEXED BY company_by_strength ORDER BY strength DESC, id LIMIT 2"), Is.EquivalentTo(new[] { "公司02", "公司03" }),
            "the rebuilt strength index ranks the re-valued companies");
        Assert.That(await RowsAsync("PRAGMA integrity_check"), Is.EqualTo(new[] { "ok" }));
    }
}
