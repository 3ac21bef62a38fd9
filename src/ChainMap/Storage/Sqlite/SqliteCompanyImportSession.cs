using System.Globalization;
using System.Text.Json;
using ChainMap.Domain;
using ChainMap.Import;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ChainMap.Storage.Sqlite;

/// <summary>
/// The hot path of every import. Per batch it reads the stored candidates with three set queries
/// (by USCC, by name key, their memberships) instead of one SELECT per row, assigns ids itself
/// (the write lock is held, so max(id) cannot move), and inserts through statements prepared once
/// and bound by index (<see cref="RawStatement"/>). Microsoft.Data.Sqlite has no asynchronous I/O,
/// so the inner loop calls the synchronous methods and saves a Task per statement.
/// </summary>
internal sealed class SqliteCompanyImportSession : ICompanyImportSession
{
    private const string StoredColumns = """
        id, uscc, name, name_key, region_code, province_code, city_code, county_code, registered_capital, founded,
        employees, revenue, listed_code, tags, products, address, provenance, industry, scope, identity_key
        """;

    // Chinese names stay as they are in the lookup lists instead of \uXXXX escapes (a sixth of the size).
    private static readonly JsonSerializerOptions ListJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly SqliteConnection connection;
    private readonly SqliteWriterGate gate;
    private readonly ImportStamp stamp;
    private readonly string now;
    private readonly Dictionary<int, string> provenanceByMask = [];
    private readonly Dictionary<string, FieldProvenance> provenanceByText = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> segmentChains = new(StringComparer.Ordinal);
    private readonly SqliteCommand selectByUscc;
    private readonly SqliteCommand selectByName;
    private readonly SqliteCommand selectMemberships;
    private readonly Dictionary<(int Fields, bool Key), RawStatement> updates = [];
    private readonly SqliteCommand anyWithoutUscc;
    private readonly SqliteCommand recordImport;
    private readonly SqliteCommand recordChange;
    private readonly RawStatement rawInsert;
    private readonly RawStatement rawMembership;
    private readonly RawStatement manyInserts;
    private readonly RawStatement manyMemberships;
    private readonly List<(StoredCompany Company, string Provenance)> newCompanies = new(InsertRows);
    private readonly List<(long Id, SegmentMembership Membership)> newMemberships = new(MembershipRows);
    private readonly List<(long Seq, long Id, string Before)> changes = new(ChangeRows);
    private readonly RawStatement manyChanges;
    private readonly RawStatement oneChange;

    /// <summary>The stamped provenance text of a changed company by the provenance it had and the fields stamped (a few recur).</summary>
    private readonly Dictionary<(FieldProvenance Before, int Fields), string> updatedProvenance = [];
    private SqliteTransaction? transaction;

    /// <summary>The merge state, begun again for every batch (its collections keep their capacity).</summary>
    private CompanyMergeBatch? mergeBatch;
    private long nextId;
    private long changeSeq;
    private bool firstTransaction = true;
    private bool indexesDeferred;

    /// <summary>
    /// The session took the large path into a store with companies (ADR 0255, 0410): the discovery triggers and
    /// <see cref="LargeImportIndexes"/> are dropped in its open transaction, which it does not commit before it has built
    /// them again (<see cref="HoldsCommits"/>).
    /// </summary>
    private bool largePath;

    /// <summary>The large path ended at a commit: the session does not take it again (at most one rebuild).</summary>
    private bool largePathEnded;

    /// <summary>
    /// <c>Storage:LargeImportDefersIndexes</c> (ADR 0410): false keeps the company indexes and the importer's commits
    /// during a large import into a store with companies, and defers the discovery triggers only (ADR 0255).
    /// </summary>
    private bool defersCompanyIndexes;

    /// <summary>The importer commits once at the end or never (<see cref="CommitsOnlyAtEnd"/>): waiting writers cannot be let in.</summary>
    private bool commitsOnlyAtEnd;

    /// <summary><see cref="Environment.TickCount64"/> when the open transaction began (<see cref="WritersWaiting"/>).</summary>
    private long began;
    private long storedAtStart;
    private long written;

    /// <summary>Rows upserted by this session so far (written or not).</summary>
    private long seen;

    /// <summary>The rows the importer expects the whole file to hold (<see cref="ExpectRows"/>; 0 when not told).</summary>
    private long expected;
    private bool nameIndexDeferred;

    /// <summary>The session's connection has a cache of its own size (ADR 0400): put back and emptied before the pool takes it.</summary>
    private bool largerCache;

    /// <summary>
    /// The USCCs (as 64-bit hashes) this session has written, while it knows them to be all the store's: from a first
    /// transaction on an empty store until another connection commits (null otherwise; ADR 0280).
    /// </summary>
    private HashSet<long>? writtenUsccs;

    /// <summary><c>PRAGMA data_version</c> when this session's last transaction began: another connection's commit changes it.</summary>
    private long dataVersion;

    /// <summary>New companies written by one multi-row INSERT (22 values each).</summary>
    private const int InsertRows = 50;

    /// <summary>Memberships written by one multi-row INSERT (8 values each).</summary>
    private const int MembershipRows = 100;

    /// <summary>Change log records of changed companies written by one multi-row INSERT (5 values each).</summary>
    private const int ChangeRows = 50;

    /// <summary>
    /// An import into a store that holds companies defers the discovery triggers once the companies it has inserted or
    /// changed reach this share of those stored when it began (ADR 0255). Past that point the triggers have cost about
    /// as much as one rebuild of the discovery tables from every membership (about 180 µs of CPU per written row at 1M
    /// against about 20 µs per stored membership for the rebuild): switching then costs at most twice the better of the
    /// two choices, whatever the file's size, which the session does not know in advance. When the importer says how
    /// many rows the file holds (<see cref="ExpectRows"/>), the share is checked against the writes projected to the
    /// whole file from the rows seen so far (ADR 0380): a large file that writes switches at its second batch.
    /// </summary>
    internal const double DeferDiscoveryShare = 0.10;

    /// <summary>SQLite keeps an open transaction's pages in its file, not in memory: no limit of its own (the importer's applies).</summary>
    public int CommitEvery => int.MaxValue;

    /// <summary>On the large path the indexes readers use are missing until the session's last commit builds them (ADR 0410).</summary>
    public bool HoldsCommits => largePath;

    /// <summary>A writer of this process found the lock this session's open transaction holds (ADR 0440).</summary>
    public bool WritersWaiting => transaction is not null && gate.WaitedSince(began);

    public void CommitsOnlyAtEnd() => commitsOnlyAtEnd = true;

    private SqliteCompanyImportSession(SqliteConnection connection, SqliteWriterGate gate, ImportStamp stamp)
    {
        this.connection = connection;
        this.gate = gate;
        this.stamp = stamp;
        now = stamp.At.ToString("O", CultureInfo.InvariantCulture);
        selectByUscc = Create($"SELECT {StoredColumns} FROM company WHERE uscc IN (SELECT value FROM json_each($list))", "$list");
        selectByName = Create($"SELECT {StoredColumns} FROM company WHERE name_key IN (SELECT value FROM json_each($list))", "$list");
        selectMemberships = Create("""
            SELECT company_id, segment_code, role, confidence, evidence, source, status FROM company_segment
            WHERE company_id IN (SELECT value FROM json_each($list))
            UNION ALL
            SELECT company_id, segment_code, NULL, 0, NULL, 'analyst', 'rejected' FROM membership_rejection
            WHERE company_id IN (SELECT value FROM json_each($list))
            """, "$list");
        rawInsert = new RawStatement(connection, CompanyInsert(1), 22);
        anyWithoutUscc = Create("SELECT EXISTS (SELECT 1 FROM company WHERE uscc IS NULL)");
        rawMembership = new RawStatement(connection, MembershipInsert(1), 8);
        manyInserts = new RawStatement(connection, CompanyInsert(InsertRows), InsertRows * 22);
        manyMemberships = new RawStatement(connection, MembershipInsert(MembershipRows), MembershipRows * 8);
        recordImport = Create("INSERT OR IGNORE INTO import_run(id, file_name, at) VALUES ($id, $file, $at)", "$id", "$file", "$at");
        recordChange = Create("INSERT INTO import_change(job_id, seq, first_id, last_id, before) VALUES ($job, $seq, $first, $last, $before)",
            "$job", "$seq", "$first", "$last", "$before");
        manyChanges = new RawStatement(connection, ChangeInsert(ChangeRows), ChangeRows * 5);
        oneChange = new RawStatement(connection, ChangeInsert(1), 5);
    }

    public static async Task<SqliteCompanyImportSession> OpenAsync(SqliteStore store, ImportStamp stamp, CancellationToken cancellationToken)
    {
        // What earlier imports and their ends freed to the C heap goes back to the system before this one fills its cache (ADR 0475).
        CHeap.Trim();
        var connection = await store.OpenAsync(cancellationToken);
        if (store.ImportCacheMiB != SqliteStore.CacheMiB)
        {
            await ScalarAsync(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size=-{store.ImportCacheMiB * 1024}"), cancellationToken);
        }

        // The session's own waits for the lock (behind an analyst's edit) do not ask it to commit.
        store.Gate.Install(connection, BusyWaiter.Import);
        return new SqliteCompanyImportSession(connection, store.Gate, stamp) { largerCache = store.ImportCacheMiB != SqliteStore.CacheMiB, defersCompanyIndexes = store.LargeImportDefersIndexes };
    }

    public Task<IReadOnlyList<UpsertOutcome>> UpsertAsync(IReadOnlyList<CompanyRecord> batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Begin();
        // In a session that began on an empty store, a USCC this session has not written is not stored (ADR 0280):
        // only the rows whose USCC it may have written are looked up.
        var usccs = batch.Where(r => r.Uscc is not null && (writtenUsccs is null || writtenUsccs.Contains(UsccHash(r.Uscc))))
            .Select(r => r.Uscc!).Distinct(StringComparer.Ordinal).ToList();
        var memberships = new Dictionary<long, List<SegmentMembership>>();
        var byUscc = usccs.Count > 0 ? Query(selectByUscc, usccs, memberships) : [];
        // A row whose USCC is stored is that company: its name is not looked up.
        var found = byUscc.Select(c => c.Uscc!).ToHashSet(StringComparer.Ordinal);
        // Namesakes are loaded only where the identity rule can use them (a USCC row only takes one stored without a USCC).
        var withoutUscc = batch.Any(r => r.Uscc is not null && !found.Contains(r.Uscc)) && Convert.ToInt64(anyWithoutUscc.ExecuteScalar(), CultureInfo.InvariantCulture) != 0;
        var names = batch.Where(r => (r.Uscc is null || !found.Contains(r.Uscc)) && CompanyMerge.NeedsNamesakes(r, withoutUscc))
            .Select(r => r.NameKey).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count > 0 && nameIndexDeferred)
        {
            RestoreNameIndex();
        }

        var byName = names.Count > 0 ? Query(selectByName, names, memberships) : [];
        LoadMemberships(memberships);
        var merge = (mergeBatch ??= new CompanyMergeBatch(segmentChains.ContainsKey, stamp)).Begin(byName.Concat(byUscc), nextId);
        if (!indexesDeferred && !largePathEnded && storedAtStart > 0 && ProjectedWrites() >= DeferDiscoveryShare * storedAtStart)
        {
            // A large import into a store with companies: the discovery tables and the company indexes written at random
            // places are built once, in the transaction that commits the import (ADR 0255, 0410).
            indexesDeferred = DeferIndexes(connection, transaction!, DiscoveryTriggers).Count > 0;
            if (defersCompanyIndexes)
            {
                var indexes = DeferIndexes(connection, transaction!, LargeImportIndexes);
                nameIndexDeferred = indexes.Contains(NameIndex);
                largePath = indexesDeferred || indexes.Count > 0;
            }
        }

        var outcomes = new UpsertOutcome[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            outcomes[i] = Write(merge.Decide(batch[i]));
            if (outcomes[i].Kind is UpsertKind.Inserted or UpsertKind.Updated)
            {
                written++;
            }
        }

        FlushNew();
        FlushChanges();

        // The change log (ADR 0191): the batch's new companies as one id range, in the batch's transaction.
        if (merge.LastId > nextId)
        {
            RecordChange(nextId + 1, merge.LastId, null);
            RecordHighestId(merge.LastId);
        }

        nextId = merge.LastId;
        seen += batch.Count;
        return Task.FromResult<IReadOnlyList<UpsertOutcome>>(outcomes);
    }

    public void ExpectRows(long rows) => expected = rows;

    /// <summary>The page cache of the session's connection in KiB (<c>PRAGMA cache_size</c>, a negative size in KiB).</summary>
    internal long CacheKiB() => -Convert.ToInt64(Scalar("PRAGMA cache_size"), CultureInfo.InvariantCulture);

    /// <summary>
    /// The companies this session will have inserted or changed by its end, as far as it can tell now (ADR 0380): those
    /// written so far, scaled to the whole file by the share of its rows seen when the importer said how many it expects;
    /// else (a caller that did not say, or a file that turned out longer) those written so far.
    /// </summary>
    private double ProjectedWrites() => seen > 0 && expected > seen ? (double)written * expected / seen : written;

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (transaction is not null)
        {
            var forWriters = WritersWaiting;
            if (largePath && forWriters)
            {
                // A writer waits (ADR 0440): the company indexes readers use come back in this commit, the discovery
                // triggers stay deferred and the session goes on as an ordinary large import (ADR 0255: the discovery
                // tables are rebuilt at its end, from every membership, the writers' included).
                await RestoreInTransactionAsync(connection, transaction, LargeImportIndexNames, cancellationToken);
                largePath = nameIndexDeferred = false;
                largePathEnded = true;
            }
            else if (largePath)
            {
                // Readers go from the store before the import to the store after it, indexes and discovery tables built.
                await RestoreInTransactionAsync(connection, transaction, null, cancellationToken);
                largePath = indexesDeferred = nameIndexDeferred = false;
                largePathEnded = true;
            }

            await transaction.CommitAsync(cancellationToken);
            await EndTransactionAsync();
            CHeap.Trim();
            if (forWriters)
            {
                await gate.LetWritersInAsync(cancellationToken);
            }
        }
    }

    /// <summary>Disposes the open transaction (a rollback unless it was committed): the lock is free, writers wait for nobody.</summary>
    private async Task EndTransactionAsync()
    {
        if (transaction is not null)
        {
            await transaction.DisposeAsync();
            transaction = null;
        }

        gate.Release();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { selectByUscc, selectByName, selectMemberships, anyWithoutUscc, recordImport, recordChange })
        {
            await command.DisposeAsync();
        }

        foreach (var statement in updates.Values)
        {
            statement.Dispose();
        }

        await EndTransactionAsync();
        rawInsert.Dispose();
        rawMembership.Dispose();
        manyInserts.Dispose();
        manyMemberships.Dispose();
        manyChanges.Dispose();
        oneChange.Dispose();
        if (indexesDeferred)
        {
            // Bounded work that ends in a commit: writers wait for it past the busy timeout, as for a batch (ADR 0440).
            gate.Hold(yields: true);
            try
            {
                await RestoreDeferredIndexesAsync(connection, CancellationToken.None);
            }
            finally
            {
                gate.Release();
            }
        }

        if (largerCache)
        {
            // The pooled connection keeps its pages: the import's larger cache is freed here, not held by an idle connection.
            await ScalarAsync(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size=-{SqliteStore.CacheMiB * 1024}; PRAGMA shrink_memory;"), CancellationToken.None);
        }


        await connection.DisposeAsync();
        CHeap.Trim();
    }

    /// <summary>
    /// Drops the indexes and triggers <paramref name="which"/> selects from sqlite_master and records their
    /// definitions in deferred_index, in the same transaction: <see cref="BulkLoadObjects"/> for a bulk load into an
    /// empty company table, <see cref="DiscoveryTriggers"/> for a large import into a store with companies (ADR 0255).
    /// Building an index once from sorted data, and the discovery tables once from all memberships, costs far less
    /// than maintaining them row by row. They come back when the session ends, or at the next start-up if the process
    /// dies first (<see cref="RestoreDeferredIndexesAsync"/>). Until then target lists do not see the rows written
    /// after the drop. A rolled-back transaction rolls the drops back too.
    /// </summary>
    private static List<string> DeferIndexes(SqliteConnection connection, SqliteTransaction transaction, string which)
    {
        var indexes = new List<(string Name, string Sql)>();
        using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = $"SELECT name, sql FROM sqlite_master WHERE {which}";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, sql) in indexes)
        {
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT OR REPLACE INTO deferred_index(name, sql) VALUES ($name, $sql)";
            record.Parameters.AddWithValue("$name", name);
            record.Parameters.AddWithValue("$sql", sql);
            record.ExecuteNonQuery();
            using var drop = connection.CreateCommand();
            drop.Transaction = transaction;
            drop.CommandText = $"DROP {(sql.StartsWith("CREATE TRIGGER", StringComparison.OrdinalIgnoreCase) ? "TRIGGER" : "INDEX")} IF EXISTS \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            drop.ExecuteNonQuery();
        }

        return indexes.ConvertAll(i => i.Name);
    }

    /// <summary>The trigger that copies a new membership into discovery_member (migration 20).</summary>
    internal const string MembershipTrigger = "discovery_member_after_membership_insert";

    /// <summary>
    /// What a bulk load into an empty store defers (ADR 0012, 0205): the secondary (non-unique) indexes of company and
    /// company_segment and the membership trigger of the discovery tables.
    /// </summary>
    internal const string BulkLoadObjects = $"""
        (type = 'index' AND tbl_name IN ('company', 'company_segment') AND sql IS NOT NULL AND upper(sql) NOT LIKE 'CREATE UNIQUE%')
        OR (type = 'trigger' AND name = '{MembershipTrigger}')
        """;

    /// <summary>
    /// The company indexes a large import into a store with companies drops while it loads (ADR 0410): their keys
    /// (strength, province and strength; the name key) put each new or re-valued company at a random place, a page cache
    /// miss and a dirty page apiece once a store's indexes outgrow the cache. The import does not read them (the name index
    /// comes back at once when a row needs namesakes). The unique indexes (identity key, USCC) stay: the session looks
    /// companies up through them and they keep identities unique; the indexes whose new keys land at the end of a range
    /// (city, county, the memberships') stay too: they cost little live and a full build at the end.
    /// </summary>
    private const string LargeImportIndexes = $"type = 'index' AND tbl_name = 'company' AND {LargeImportIndexNames}";

    /// <summary>The names of <see cref="LargeImportIndexes"/> (a condition on sqlite_master or deferred_index).</summary>
    private const string LargeImportIndexNames = $"name IN ('company_by_province', 'company_by_strength', '{NameIndex}')";

    /// <summary>
    /// What a large import into a store with companies defers (ADR 0255): every trigger that copies memberships or
    /// company changes into the discovery tables. Its indexes stay: the session reads through them. The membership
    /// trigger among them makes the end of the session rebuild the discovery tables.
    /// </summary>
    private const string DiscoveryTriggers = """
        type = 'trigger' AND name LIKE 'discovery\_%' ESCAPE '\'
        AND (tbl_name = 'company_segment' OR name IN ('discovery_member_after_company_update', 'discovery_member_tag_after_company_tags'))
        """;

    /// <summary>
    /// Recreates every index and trigger recorded in deferred_index (idempotent; one transaction). When
    /// the membership trigger was deferred, the discovery tables are first rebuilt from all memberships,
    /// with their own triggers off for the bulk insert.
    /// </summary>
    internal static async Task RestoreDeferredIndexesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await RestoreInTransactionAsync(connection, transaction, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>
    /// Recreates every index and trigger recorded in deferred_index (those <paramref name="only"/> selects, a condition on its
    /// name, when given: the company indexes at a commit for waiting writers, ADR 0440), in <paramref name="transaction"/>
    /// (the large path's last one, ADR 0410, or one of its own). The index builds sort every key of a million-row table: SQLite's sorter
    /// works in 16 MiB (ADR 0205) and spills to temporary files instead of memory (temp_store=MEMORY, every connection's
    /// setting, which the load keeps: with FILE its statement journals past 64 KiB go to files too). SQLite lets
    /// temp_store change inside a transaction while the connection has no temporary schema open, which ours never do.
    /// Both settings are put back.
    /// </summary>
    private static async Task RestoreInTransactionAsync(SqliteConnection connection, SqliteTransaction transaction, string? only, CancellationToken cancellationToken)
    {
        var cacheSize = Convert.ToInt64(await ScalarAsync(connection, "PRAGMA cache_size", cancellationToken, transaction), CultureInfo.InvariantCulture);
        var tempStore = Convert.ToInt64(await ScalarAsync(connection, "PRAGMA temp_store", cancellationToken, transaction), CultureInfo.InvariantCulture);
        // The pages of the load's larger cache that are not dirty are freed now, and what SQLite freed goes back to the system
        // before the sorts take their memory (ADR 0475).
        await ScalarAsync(connection, "PRAGMA cache_size=-16384; PRAGMA temp_store=FILE; PRAGMA shrink_memory;", cancellationToken, transaction);
        CHeap.Trim();
        try
        {
            await RestoreRecordedAsync(connection, transaction, only, cancellationToken);
        }
        finally
        {
            await ScalarAsync(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size={cacheSize}; PRAGMA temp_store={tempStore};"), CancellationToken.None, transaction);
        }
    }

    private static async Task RestoreRecordedAsync(SqliteConnection connection, SqliteTransaction transaction, string? only, CancellationToken cancellationToken)
    {
        var which = only is null ? "" : " WHERE " + only;
        var indexes = new List<(string Name, string Sql)>();
        await using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = "SELECT name, sql FROM deferred_index" + which;
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        if (indexes.Any(i => i.Name == MembershipTrigger))
        {
            await RebuildDiscoveryTablesAsync(connection, transaction, cancellationToken);
        }

        foreach (var (_, sql) in indexes)
        {
            // The definitions come from sqlite_master, written by our own migrations.
            await ExecuteAsync(connection, transaction, sql
                .Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.OrdinalIgnoreCase)
                .Replace("CREATE TRIGGER ", "CREATE TRIGGER IF NOT EXISTS ", StringComparison.OrdinalIgnoreCase), cancellationToken);
        }

        await using (var clear = connection.CreateCommand())
        {
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM deferred_index" + which;
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// <see cref="SqliteDiscoverySchema.Rebuild"/> with the triggers and secondary indexes of the discovery
    /// tables dropped for the bulk insert (the triggers would maintain the counts row by row) and
    /// recreated from their own definitions after.
    /// </summary>
    private static async Task RebuildDiscoveryTablesAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var objects = new List<(string Type, string Name, string Sql)>();
        await using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = """
                SELECT type, name, sql FROM sqlite_master
                WHERE type IN ('trigger', 'index') AND tbl_name IN ('discovery_member', 'discovery_count', 'discovery_member_tag') AND sql IS NOT NULL
                """;
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                objects.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        foreach (var (type, name, _) in objects)
        {
            await ExecuteAsync(connection, transaction, $"DROP {(type == "index" ? "INDEX" : "TRIGGER")} \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", cancellationToken);
        }

        // The C heap is trimmed before the end and after its commit, not between its statements (ADR 0510).
        foreach (var statement in SqliteDiscoverySchema.RebuildStatements)
        {
            await ExecuteAsync(connection, transaction, statement, cancellationToken);
        }

        foreach (var (_, _, sql) in objects)
        {
            await ExecuteAsync(connection, transaction, sql, cancellationToken);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void Begin()
    {
        if (transaction is not null)
        {
            return;
        }

        transaction = connection.BeginTransaction(deferred: false);
        began = Environment.TickCount64;
        gate.Hold(yields: !commitsOnlyAtEnd);
        foreach (var command in new[] { selectByUscc, selectByName, selectMemberships, anyWithoutUscc, recordImport, recordChange })
        {
            command.Transaction = transaction;
        }

        using (var max = connection.CreateCommand())
        {
            max.Transaction = transaction;
            // Ids are never handed out twice: a deleted or merged company's id may still be named by a merge
            // record, an import's change log or an audit entry, so the highest id ever given counts too.
            max.CommandText = "SELECT max(coalesce((SELECT max(id) FROM company), 0), coalesce((SELECT last FROM company_id_high), 0))";
            nextId = Convert.ToInt64(max.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        if (firstTransaction && nextId == 0)
        {
            var deferred = DeferIndexes(connection, transaction, BulkLoadObjects);
            indexesDeferred = deferred.Count > 0;
            nameIndexDeferred = deferred.Contains(NameIndex);
            writtenUsccs = [];
        }

        // Between two of this session's transactions another writer (an analyst's edit, another import) may have
        // stored or changed a USCC: from then on every USCC is looked up in the store again.
        var version = Convert.ToInt64(Scalar("PRAGMA data_version"), CultureInfo.InvariantCulture);
        if (!firstTransaction && version != dataVersion)
        {
            writtenUsccs = null;
        }

        dataVersion = version;

        if (firstTransaction)
        {
            using var count = connection.CreateCommand();
            count.Transaction = transaction;
            count.CommandText = "SELECT count(*) FROM company";
            storedAtStart = nextId == 0 ? 0 : Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        firstTransaction = false;
        segmentChains.Clear();
        using (var segments = connection.CreateCommand())
        {
            segments.Transaction = transaction;
            segments.CommandText = "SELECT code, chain_code FROM membership_target";
            using var reader = segments.ExecuteReader();
            while (reader.Read())
            {
                segmentChains[reader.GetString(0)] = reader.GetString(1);
            }
        }

        // Several sessions may write under one import id (tests, a CLI re-run with --import-id): the log goes on after them.
        using (var seq = connection.CreateCommand())
        {
            seq.Transaction = transaction;
            seq.CommandText = "SELECT coalesce(max(seq), 0) FROM import_change WHERE job_id = $job";
            seq.Parameters.AddWithValue("$job", stamp.ImportId);
            changeSeq = Convert.ToInt64(seq.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        recordImport.Parameters["$id"].Value = stamp.ImportId;
        recordImport.Parameters["$file"].Value = stamp.FileName;
        recordImport.Parameters["$at"].Value = now;
        recordImport.ExecuteNonQuery();
    }

    /// <summary>Writes what the merge decided for one row: the company row, then its memberships.</summary>
    private UpsertOutcome Write(CompanyDecision decision)
    {
        if (decision.Company is not { } company)
        {
            return decision.Outcome;
        }

        if (company.Uscc is not null)
        {
            writtenUsccs?.Add(UsccHash(company.Uscc));
        }

        if (decision.IsNew)
        {
            // New companies wait for a multi-row INSERT; anything else is written after them (it may be one of them).
            newCompanies.Add((company, InsertProvenance(company.Provenance)));
            for (var i = 0; i < decision.Memberships.Count; i++)
            {
                newMemberships.Add((company.Id, decision.Memberships[i]));
            }

            if (newCompanies.Count >= InsertRows)
            {
                FlushNew();
            }

            return decision.Outcome;
        }

        if (!decision.FieldsChanged && decision.Memberships.Count == 0)
        {
            // An unchanged row writes nothing: the new companies waiting go on waiting for a full multi-row INSERT (ADR 0455).
            return decision.Outcome;
        }

        if (newCompanies.Count > 0 && company.Id >= newCompanies[0].Company.Id)
        {
            // The row changes a company of this batch still waiting for its INSERT: written first.
            FlushNew();
        }

        if (decision.FieldsChanged)
        {
            Update(company, decision.ChangedFields, decision.UsccAdded, decision.Before!.Provenance);
        }

        if (decision.Before is { } stored && CompanyBefore.Of(stored, decision) is { } before)
        {
            changes.Add((++changeSeq, company.Id, before.ToJson()));
            if (changes.Count >= ChangeRows)
            {
                FlushChanges();
            }
        }

        // A stored company's memberships wait with the new companies' (the INSERT overwrites a stored segment's, in row order).
        for (var i = 0; i < decision.Memberships.Count; i++)
        {
            newMemberships.Add((company.Id, decision.Memberships[i]));
        }

        return decision.Outcome;
    }

    /// <summary>Writes the new companies waiting, then the memberships waiting: full multi-row statements, the rest row by row.</summary>
    private void FlushNew()
    {
        WriteRows(newCompanies, InsertRows, 22, manyInserts, rawInsert, (statement, at, row) => BindRaw(statement, at, row.Company, row.Provenance));
        WriteRows(newMemberships, MembershipRows, 8, manyMemberships, rawMembership, (statement, at, row) => BindMembership(statement, at, row.Id, row.Membership));
    }

    /// <summary>Writes the change log's records of changed companies waiting (ADR 0191), numbered in row order when they were taken.</summary>
    private void FlushChanges() =>
        WriteRows(changes, ChangeRows, 5, manyChanges, oneChange, (statement, at, row) =>
        {
            statement.Bind(at, stamp.ImportId);
            statement.Bind(at + 1, row.Seq);
            statement.Bind(at + 2, row.Id);
            statement.Bind(at + 3, row.Id);
            statement.Bind(at + 4, row.Before);
        });

    /// <summary>
    /// Writes <paramref name="rows"/> <paramref name="perStatement"/> to a statement through <paramref name="many"/>
    /// (each row's <paramref name="width"/> parameters after the previous row's), the rest one by one through
    /// <paramref name="one"/>, and empties the list.
    /// </summary>
    private static void WriteRows<T>(List<T> rows, int perStatement, int width, RawStatement many, RawStatement one, Action<RawStatement, int, T> bind)
    {
        var i = 0;
        for (; i + perStatement <= rows.Count; i += perStatement)
        {
            for (var r = 0; r < perStatement; r++)
            {
                bind(many, r * width, rows[i + r]);
            }

            many.Execute();
        }

        for (; i < rows.Count; i++)
        {
            bind(one, 0, rows[i]);
            one.Execute();
        }

        rows.Clear();
    }

    private void BindMembership(RawStatement statement, int at, long companyId, SegmentMembership membership)
    {
        statement.Bind(at, companyId);
        statement.Bind(at + 1, membership.SegmentCode);
        statement.Bind(at + 2, segmentChains[membership.SegmentCode]);
        statement.Bind(at + 3, membership.Role);
        statement.Bind(at + 4, membership.Confidence);
        statement.Bind(at + 5, membership.Evidence);
        statement.Bind(at + 6, membership.Source);
        statement.Bind(at + 7, membership.Status.ToWire());
    }

    /// <summary>An INSERT of <paramref name="rows"/> companies: 22 numbered parameters a row (<see cref="BindRaw"/>).</summary>
    private static string CompanyInsert(int rows) => $"""
        INSERT INTO company(id, identity_key, uscc, name, name_key, region_code, province_code, city_code, county_code,
            registered_capital, founded, employees, revenue, listed_code, tags, products, address, strength, provenance,
            created_at, updated_at, industry, scope)
        VALUES {string.Join(", ", Enumerable.Range(0, rows).Select(r => CompanyValues(r * 22)))}
        """;

    /// <summary>
    /// An INSERT of <paramref name="rows"/> memberships: 8 numbered parameters a row (<see cref="BindMembership"/>); a
    /// membership already stored for the segment is overwritten.
    /// </summary>
    private static string MembershipInsert(int rows) => $"""
        INSERT INTO company_segment(company_id, segment_code, chain_code, role, confidence, evidence, source, status)
        VALUES {NumberedRows(rows, 8)}
        ON CONFLICT(company_id, segment_code) DO UPDATE SET role = excluded.role, confidence = excluded.confidence,
            evidence = excluded.evidence, source = excluded.source, status = excluded.status
        """;

    /// <summary>An INSERT of <paramref name="rows"/> change log records: 5 numbered parameters a row (<see cref="FlushChanges"/>).</summary>
    private static string ChangeInsert(int rows) => $"""
        INSERT INTO import_change(job_id, seq, first_id, last_id, before)
        VALUES {NumberedRows(rows, 5)}
        """;

    /// <summary><paramref name="rows"/> rows of <paramref name="width"/> numbered parameters each, <c>(?1, ?2…), (?N+1…)</c>.</summary>
    private static string NumberedRows(int rows, int width) =>
        string.Join(", ", Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", Enumerable.Range(r * width + 1, width).Select(i => "?" + i.ToString(CultureInfo.InvariantCulture))) + ")"));

    /// <summary>One row of the multi-row company INSERT: 22 numbered parameters from <paramref name="at"/> + 1, the time used twice.</summary>
    private static string CompanyValues(int at)
    {
        var p = Enumerable.Range(at + 1, 22).Select(i => "?" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        return $"({string.Join(", ", p[..19])}, {p[19]}, {p[19]}, {p[20]}, {p[21]})";
    }

    /// <summary>The companies found, each with an empty membership list (filled by <see cref="LoadMemberships"/>) kept in <paramref name="memberships"/>.</summary>
    private List<StoredCompany> Query(SqliteCommand command, List<string> values, Dictionary<long, List<SegmentMembership>> memberships)
    {
        command.Parameters[0].Value = JsonSerializer.Serialize(values, ListJson);
        var result = new List<StoredCompany>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            if (!memberships.TryGetValue(id, out var list))
            {
                memberships[id] = list = [];
            }

            result.Add(new StoredCompany(
                id,
                reader.IsDBNull(19) ? null : reader.GetString(19),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : (decimal)reader.GetDouble(8),
                reader.IsDBNull(9) ? null : DateOnly.ParseExact(reader.GetString(9), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.IsDBNull(10) ? null : reader.GetInt32(10),
                reader.IsDBNull(11) ? null : (decimal)reader.GetDouble(11),
                reader.IsDBNull(12) ? null : reader.GetString(12),
                reader.GetString(13),
                reader.IsDBNull(14) ? null : reader.GetString(14),
                reader.IsDBNull(15) ? null : reader.GetString(15),
                reader.IsDBNull(17) ? null : reader.GetString(17),
                reader.IsDBNull(18) ? null : reader.GetString(18),
                0,
                Provenance(reader.GetString(16)),
                list));
        }

        return result;
    }

    /// <summary>Companies written by the same imports share one provenance text: read it once (bounded).</summary>
    private FieldProvenance Provenance(string json)
    {
        if (!provenanceByText.TryGetValue(json, out var provenance))
        {
            if (provenanceByText.Count >= 10_000)
            {
                provenanceByText.Clear();
            }

            provenanceByText[json] = provenance = FieldProvenance.FromJson(json);
        }

        return provenance;
    }

    /// <summary>Fills the membership lists of the loaded companies (one set query).</summary>
    private void LoadMemberships(Dictionary<long, List<SegmentMembership>> memberships)
    {
        if (memberships.Count == 0)
        {
            return;
        }

        selectMemberships.Parameters[0].Value = JsonSerializer.Serialize(memberships.Keys);
        using var reader = selectMemberships.ExecuteReader();
        while (reader.Read())
        {
            memberships[reader.GetInt64(0)].Add(new SegmentMembership(
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetDouble(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6) switch
                {
                    "unconfirmed" => MembershipStatus.Unconfirmed,
                    "rejected" => MembershipStatus.Rejected, // an analyst's tombstone (ADR 0180): the merge writes nothing over it
                    _ => MembershipStatus.Confirmed,
                }));
        }
    }

    private void RecordChange(long firstId, long lastId, string? before)
    {
        var p = recordChange.Parameters;
        p[0].Value = stamp.ImportId;
        p[1].Value = ++changeSeq;
        p[2].Value = firstId;
        p[3].Value = lastId;
        p[4].Value = (object?)before ?? DBNull.Value;
        recordChange.ExecuteNonQuery();
    }

    private SqliteCommand Create(string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private void BindRaw(RawStatement r, int at, StoredCompany company, string provenance)
    {
        r.Bind(at, company.Id);
        r.Bind(at + 1, company.IdentityKey);
        r.Bind(at + 2, company.Uscc);
        r.Bind(at + 3, company.Name);
        r.Bind(at + 4, company.NameKey);
        r.Bind(at + 5, company.RegionCode);
        r.Bind(at + 6, company.ProvinceCode);
        r.Bind(at + 7, company.CityCode);
        r.Bind(at + 8, company.CountyCode);
        r.Bind(at + 9, company.RegisteredCapital is { } capital ? (double)capital : null);
        r.Bind(at + 10, company.Founded?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        r.Bind(at + 11, company.Employees);
        r.Bind(at + 12, company.Revenue is { } revenue ? (double)revenue : null);
        r.Bind(at + 13, company.ListedCode);
        r.Bind(at + 14, company.JoinedTags);
        r.Bind(at + 15, company.Products);
        r.Bind(at + 16, company.Address);
        r.Bind(at + 17, company.Strength);
        r.Bind(at + 18, provenance);
        r.Bind(at + 19, now);
        r.Bind(at + 20, company.Industry);
        r.Bind(at + 21, company.Scope);
    }

    /// <summary>
    /// Rewrites the columns of the changed fields only (with the strength, provenance, time and version), so
    /// that SQLite leaves the index entries of unchanged columns alone; one statement per set of fields.
    /// </summary>
    private void Update(StoredCompany company, int fields, bool usccAdded, FieldProvenance before)
    {
        if (!updates.TryGetValue((fields, usccAdded), out var statement))
        {
            var columns = new List<string>();
            foreach (var (field, names) in UpdatedColumns)
            {
                if ((fields & field) != 0)
                {
                    columns.AddRange(names);
                }
            }

            if (usccAdded)
            {
                columns.Add("identity_key");
            }

            columns.AddRange(["strength", "provenance", "updated_at"]);
            var set = string.Join(", ", columns.Select(c => $"{c} = ${c}"));
            statement = new RawStatement(connection, $"UPDATE company SET {set}, version = version + 1 WHERE id = $id",
                [.. columns.Select(c => "$" + c), "$id"]);
            updates[(fields, usccAdded)] = statement;
        }

        var at = 0;
        foreach (var (field, names) in UpdatedColumns)
        {
            if ((fields & field) == 0)
            {
                continue;
            }

            foreach (var column in names)
            {
                BindColumn(statement, at++, column, company);
            }
        }

        if (usccAdded)
        {
            statement.Bind(at++, company.IdentityKey);
        }

        statement.Bind(at++, company.Strength);
        statement.Bind(at++, UpdatedProvenance(company.Provenance, before, fields));
        statement.Bind(at++, now);
        statement.Bind(at, company.Id);
        statement.Execute();
    }

    private static void BindColumn(RawStatement statement, int at, string column, StoredCompany company)
    {
        switch (column)
        {
            case "uscc": statement.Bind(at, company.Uscc); break;
            case "name": statement.Bind(at, company.Name); break;
            case "name_key": statement.Bind(at, company.NameKey); break;
            case "region_code": statement.Bind(at, company.RegionCode); break;
            case "province_code": statement.Bind(at, company.ProvinceCode); break;
            case "city_code": statement.Bind(at, company.CityCode); break;
            case "county_code": statement.Bind(at, company.CountyCode); break;
            case "registered_capital": statement.Bind(at, company.RegisteredCapital is { } capital ? (double)capital : null); break;
            case "founded": statement.Bind(at, company.Founded?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case "employees": statement.Bind(at, company.Employees); break;
            case "revenue": statement.Bind(at, company.Revenue is { } revenue ? (double)revenue : null); break;
            case "listed_code": statement.Bind(at, company.ListedCode); break;
            case "tags": statement.Bind(at, company.JoinedTags); break;
            case "products": statement.Bind(at, company.Products); break;
            case "address": statement.Bind(at, company.Address); break;
            case "industry": statement.Bind(at, company.Industry); break;
            case "scope": statement.Bind(at, company.Scope); break;
            default: throw new ArgumentOutOfRangeException(nameof(column), column, "not a company column");
        }
    }

    /// <summary>The company columns of each <see cref="CompanyFields"/> bit, in the order they are bound.</summary>
    private static readonly (int Field, string[] Columns)[] UpdatedColumns =
    [
        (CompanyFields.Name, ["name", "name_key"]),
        (CompanyFields.Uscc, ["uscc"]),
        (CompanyFields.Region, ["region_code", "province_code", "city_code", "county_code"]),
        (CompanyFields.RegisteredCapital, ["registered_capital"]),
        (CompanyFields.Founded, ["founded"]),
        (CompanyFields.Employees, ["employees"]),
        (CompanyFields.Revenue, ["revenue"]),
        (CompanyFields.ListedCode, ["listed_code"]),
        (CompanyFields.Tags, ["tags"]),
        (CompanyFields.Products, ["products"]),
        (CompanyFields.Address, ["address"]),
        (CompanyFields.Industry, ["industry"]),
        (CompanyFields.Scope, ["scope"]),
    ];

    /// <summary>The name index a bulk load defers like the others until a row needs namesakes (a row without a USCC, or a store with companies without one).</summary>
    private const string NameIndex = "company_by_name";

    /// <summary>Builds the deferred name index now, in the batch's transaction: from here on the session looks names up.</summary>
    private void RestoreNameIndex()
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT sql FROM deferred_index WHERE name = $name";
        command.Parameters.AddWithValue("$name", NameIndex);
        if (command.ExecuteScalar() is string sql)
        {
            command.CommandText = sql.Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.OrdinalIgnoreCase);
            command.Parameters.Clear();
            command.ExecuteNonQuery();
        }

        nameIndexDeferred = false;
    }

    /// <summary>A 64-bit FNV-1a hash of a USCC: a collision only costs a lookup of a company that is not stored.</summary>
    private static long UsccHash(string uscc)
    {
        var hash = unchecked((long)14695981039346656037UL);
        foreach (var c in uscc)
        {
            hash = unchecked((hash ^ c) * 1099511628211L);
        }

        return hash;
    }

    private object? Scalar(string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Keeps the highest company id handed out, in the batch's transaction (see <see cref="Begin"/>).</summary>
    private void RecordHighestId(long last)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE company_id_high SET last = $last WHERE last < $last";
        command.Parameters.AddWithValue("$last", last);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// A changed company's provenance text (<paramref name="provenance"/>: <paramref name="before"/> with
    /// <paramref name="fields"/> stamped by this import): companies written by the same imports share the provenance
    /// they had (<see cref="Provenance(string)"/>), and a file changes the same few field sets, so each text is built
    /// once per session (bounded).
    /// </summary>
    private string UpdatedProvenance(FieldProvenance provenance, FieldProvenance before, int fields)
    {
        if (!provenance.IsStampOf(before) || provenance.StampedMask != fields || provenance.StampedBy != stamp.ImportId)
        {
            return provenance.ToJson();
        }

        if (!updatedProvenance.TryGetValue((before, fields), out var json))
        {
            if (updatedProvenance.Count >= 10_000)
            {
                updatedProvenance.Clear();
            }

            updatedProvenance[(before, fields)] = json = provenance.ToJson();
        }

        return json;
    }

    /// <summary>A new company's provenance text: the same few field sets recur, so each is built once per session.</summary>
    private string InsertProvenance(FieldProvenance provenance)
    {
        if (!provenance.IsStampOnly)
        {
            return provenance.ToJson();
        }

        if (!provenanceByMask.TryGetValue(provenance.StampedMask, out var json))
        {
            provenanceByMask[provenance.StampedMask] = json = provenance.ToJson();
        }

        return json;
    }

    /// <summary>
    /// A statement prepared once on the session's connection and bound by index through SQLitePCL:
    /// Microsoft.Data.Sqlite looks every parameter up by name on every execution, which costs
    /// more than the insert itself for a 20-column row. Runs inside whatever transaction the
    /// connection has open.
    /// </summary>
    private sealed class RawStatement : IDisposable
    {
        private readonly sqlite3 database;
        private readonly sqlite3_stmt statement;
        private readonly int[] indexes;

        public RawStatement(SqliteConnection connection, string sql, params string[] parameters)
        {
            database = connection.Handle!;
            Check(raw.sqlite3_prepare_v2(database, sql, out statement));
            indexes = parameters.Select(p => raw.sqlite3_bind_parameter_index(statement, p)).ToArray();
        }

        /// <summary>A statement with <paramref name="count"/> numbered parameters <c>?1</c>…: parameter i binds <c>?(i + 1)</c>.</summary>
        public RawStatement(SqliteConnection connection, string sql, int count)
        {
            database = connection.Handle!;
            Check(raw.sqlite3_prepare_v2(database, sql, out statement));
            indexes = Enumerable.Range(1, count).ToArray();
        }

        public void Bind(int parameter, string? value) =>
            Check(value is null ? raw.sqlite3_bind_null(statement, indexes[parameter]) : raw.sqlite3_bind_text(statement, indexes[parameter], value));

        public void Bind(int parameter, long value) => Check(raw.sqlite3_bind_int64(statement, indexes[parameter], value));

        public void Bind(int parameter, long? value) =>
            Check(value is { } v ? raw.sqlite3_bind_int64(statement, indexes[parameter], v) : raw.sqlite3_bind_null(statement, indexes[parameter]));

        public void Bind(int parameter, double value) => Check(raw.sqlite3_bind_double(statement, indexes[parameter], value));

        public void Bind(int parameter, double? value) =>
            Check(value is { } v ? raw.sqlite3_bind_double(statement, indexes[parameter], v) : raw.sqlite3_bind_null(statement, indexes[parameter]));

        public void Execute()
        {
            var rc = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (rc != raw.SQLITE_DONE)
            {
                throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), rc);
            }
        }

        public void Dispose() => statement.Dispose();

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK)
            {
                throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), rc);
            }
        }
    }
}
