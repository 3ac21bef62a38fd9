using System.Globalization;
using System.Text;
using System.Text.Json;
using ChainMap.Domain;
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
        employees, revenue, listed_code, tags, products, address, provenance, industry, scope
        """;

    private static readonly string[] FieldOrder =
        ["name", "uscc", "region", "registered_capital", "founded", "employees", "revenue", "listed_code", "tags", "products", "address", "industry", "scope"];

    // Chinese names stay as they are in the lookup lists instead of \uXXXX escapes (a sixth of the size).
    private static readonly JsonSerializerOptions ListJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly SqliteConnection connection;
    private readonly ImportStamp stamp;
    private readonly string now;
    private readonly Dictionary<int, string> provenanceByMask = [];
    private readonly Dictionary<string, string> segmentChains = new(StringComparer.Ordinal);
    private readonly SqliteCommand selectByUscc;
    private readonly SqliteCommand selectByName;
    private readonly SqliteCommand selectMemberships;
    private readonly SqliteCommand update;
    private readonly SqliteCommand recordImport;
    private readonly RawStatement rawInsert;
    private readonly RawStatement rawMembership;
    private SqliteTransaction? transaction;
    private long nextId;
    private bool firstTransaction = true;
    private bool indexesDeferred;

    /// <summary>SQLite keeps an open transaction's pages in its file, not in memory: no limit of its own (the importer's applies).</summary>
    public int CommitEvery => int.MaxValue;

    private SqliteCompanyImportSession(SqliteConnection connection, ImportStamp stamp)
    {
        this.connection = connection;
        this.stamp = stamp;
        now = stamp.At.ToString("O", CultureInfo.InvariantCulture);
        selectByUscc = Create($"SELECT {StoredColumns} FROM company WHERE uscc IN (SELECT value FROM json_each($list))", "$list");
        selectByName = Create($"SELECT {StoredColumns} FROM company WHERE name_key IN (SELECT value FROM json_each($list))", "$list");
        selectMemberships = Create("""
            SELECT company_id, segment_code, role, confidence, evidence, source, status FROM company_segment
            WHERE company_id IN (SELECT value FROM json_each($list))
            """, "$list");
        rawInsert = new RawStatement(connection, """
            INSERT INTO company(id, identity_key, uscc, name, name_key, region_code, province_code, city_code, county_code,
                registered_capital, founded, employees, revenue, listed_code, tags, products, address, strength, provenance,
                created_at, updated_at, industry, scope)
            VALUES ($id, $key, $uscc, $name, $name_key, $region, $province, $city, $county, $capital, $founded, $employees,
                $revenue, $listed, $tags, $products, $address, $strength, $provenance, $now, $now, $industry, $scope)
            """, "$id", "$key", "$uscc", "$name", "$name_key", "$region", "$province", "$city", "$county", "$capital", "$founded",
            "$employees", "$revenue", "$listed", "$tags", "$products", "$address", "$strength", "$provenance", "$now", "$industry", "$scope");
        update = Create("""
            UPDATE company SET identity_key = coalesce($key, identity_key), uscc = $uscc, name = $name, name_key = $name_key, region_code = $region,
                province_code = $province, city_code = $city, county_code = $county, registered_capital = $capital,
                founded = $founded, employees = $employees, revenue = $revenue, listed_code = $listed, tags = $tags,
                products = $products, address = $address, strength = $strength, provenance = $provenance, updated_at = $now,
                industry = $industry, scope = $scope
            WHERE id = $id
            """, "$id", "$key", "$uscc", "$name", "$name_key", "$region", "$province", "$city", "$county", "$capital", "$founded",
            "$employees", "$revenue", "$listed", "$tags", "$products", "$address", "$strength", "$provenance", "$now", "$industry", "$scope");
        rawMembership = new RawStatement(connection, """
            INSERT INTO company_segment(company_id, segment_code, chain_code, role, confidence, evidence, source, status)
            VALUES ($id, $segment, $chain, $role, $confidence, $evidence, $source, $status)
            ON CONFLICT(company_id, segment_code) DO UPDATE SET role = excluded.role, confidence = excluded.confidence,
                evidence = excluded.evidence, source = excluded.source, status = excluded.status
            """, "$id", "$segment", "$chain", "$role", "$confidence", "$evidence", "$source", "$status");
        recordImport = Create("INSERT OR IGNORE INTO import_run(id, file_name, at) VALUES ($id, $file, $at)", "$id", "$file", "$at");
    }

    public static async Task<SqliteCompanyImportSession> OpenAsync(SqliteStore store, ImportStamp stamp, CancellationToken cancellationToken)
    {
        var connection = await store.OpenAsync(cancellationToken);
        return new SqliteCompanyImportSession(connection, stamp);
    }

    public Task<IReadOnlyList<UpsertOutcome>> UpsertAsync(IReadOnlyList<CompanyRecord> batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Begin();
        var byUscc = new Dictionary<string, Stored>(StringComparer.Ordinal);
        var usccs = batch.Where(r => r.Uscc is not null).Select(r => r.Uscc!).Distinct(StringComparer.Ordinal).ToList();
        if (usccs.Count > 0)
        {
            foreach (var stored in Query(selectByUscc, usccs))
            {
                byUscc[stored.Uscc!] = stored;
            }
        }

        var byName = new Dictionary<string, List<Stored>>(StringComparer.Ordinal);
        var names = batch.Where(r => r.Uscc is null || !byUscc.ContainsKey(r.Uscc)).Select(r => r.NameKey).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count > 0)
        {
            foreach (var stored in Query(selectByName, names))
            {
                AddByName(byName, stored);
            }
        }

        var memberships = LoadMemberships(byUscc.Values.Concat(byName.Values.SelectMany(l => l)).Select(s => s.Id).Distinct().ToList());
        var outcomes = new UpsertOutcome[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            outcomes[i] = UpsertOne(batch[i], byUscc, byName, memberships);
        }

        return Task.FromResult<IReadOnlyList<UpsertOutcome>>(outcomes);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
            transaction = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { selectByUscc, selectByName, selectMemberships, update, recordImport })
        {
            await command.DisposeAsync();
        }

        if (transaction is not null)
        {
            await transaction.DisposeAsync();
            transaction = null;
        }

        rawInsert.Dispose();
        rawMembership.Dispose();
        if (indexesDeferred)
        {
            await RestoreDeferredIndexesAsync(connection, CancellationToken.None);
        }

        await connection.DisposeAsync();
    }

    /// <summary>
    /// Bulk load into an empty company table: drops the secondary (non-unique) indexes of company
    /// and company_segment, except the name index the session itself looks up, and the trigger that
    /// copies each new membership into the discovery tables, and records their definitions in
    /// deferred_index in the same transaction. Building an index once from sorted data, and the
    /// discovery tables once from all memberships, costs far less than maintaining them row by row.
    /// They come back when the session ends, or at the next start-up if the process dies first
    /// (<see cref="RestoreDeferredIndexesAsync"/>). Until then target lists do not see the new
    /// companies. A rolled-back first transaction rolls the drops back too.
    /// </summary>
    private static int DeferIndexes(SqliteConnection connection, SqliteTransaction transaction)
    {
        var indexes = new List<(string Name, string Sql)>();
        using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = $"""
                SELECT name, sql FROM sqlite_master
                WHERE (type = 'index' AND tbl_name IN ('company', 'company_segment') AND sql IS NOT NULL
                       AND name <> 'company_by_name' AND upper(sql) NOT LIKE 'CREATE UNIQUE%')
                   OR (type = 'trigger' AND name = '{MembershipTrigger}')
                """;
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
            drop.CommandText = $"DROP {(name == MembershipTrigger ? "TRIGGER" : "INDEX")} IF EXISTS \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            drop.ExecuteNonQuery();
        }

        return indexes.Count;
    }

    /// <summary>The trigger that copies a new membership into discovery_member (migration 20).</summary>
    private const string MembershipTrigger = "discovery_member_after_membership_insert";

    /// <summary>
    /// Recreates every index and trigger recorded in deferred_index (idempotent; one transaction). When
    /// the membership trigger was deferred, the discovery tables are first rebuilt from all memberships,
    /// with their own triggers off for the bulk insert.
    /// </summary>
    internal static async Task RestoreDeferredIndexesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var indexes = new List<(string Name, string Sql)>();
        await using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = "SELECT name, sql FROM deferred_index";
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
            clear.CommandText = "DELETE FROM deferred_index";
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
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
                WHERE type IN ('trigger', 'index') AND tbl_name IN ('discovery_member', 'discovery_count') AND sql IS NOT NULL
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

        await ExecuteAsync(connection, transaction, SqliteDiscoverySchema.Rebuild, cancellationToken);
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
        foreach (var command in new[] { selectByUscc, selectByName, selectMemberships, update, recordImport })
        {
            command.Transaction = transaction;
        }

        using (var max = connection.CreateCommand())
        {
            max.Transaction = transaction;
            max.CommandText = "SELECT coalesce(max(id), 0) FROM company";
            nextId = Convert.ToInt64(max.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        if (firstTransaction && nextId == 0)
        {
            indexesDeferred = DeferIndexes(connection, transaction) > 0;
        }

        firstTransaction = false;
        segmentChains.Clear();
        using (var segments = connection.CreateCommand())
        {
            segments.Transaction = transaction;
            segments.CommandText = "SELECT code, chain_code FROM segment";
            using var reader = segments.ExecuteReader();
            while (reader.Read())
            {
                segmentChains[reader.GetString(0)] = reader.GetString(1);
            }
        }

        recordImport.Parameters["$id"].Value = stamp.ImportId;
        recordImport.Parameters["$file"].Value = stamp.FileName;
        recordImport.Parameters["$at"].Value = now;
        recordImport.ExecuteNonQuery();
    }

    private UpsertOutcome UpsertOne(CompanyRecord record, Dictionary<string, Stored> byUscc, Dictionary<string, List<Stored>> byName, Dictionary<long, List<SegmentMembership>> memberships)
    {
        var (target, conflict) = CompanyMatching.Match(record, byUscc, byName);
        if (conflict is not null)
        {
            return conflict;
        }

        if (target is null)
        {
            var id = ++nextId;
            var provenance = InsertProvenance(record);
            BindRaw(id, record, provenance);
            rawInsert.Execute();
            var stored = Stored.From(id, record, provenance);
            if (record.Uscc is not null)
            {
                byUscc[record.Uscc] = stored;
            }

            AddByName(byName, stored);
            var list = new List<SegmentMembership>();
            memberships[id] = list;
            MergeMemberships(id, record.Memberships, list);
            return new UpsertOutcome(UpsertKind.Inserted, id, null);
        }

        var changed = new List<string>();
        var merged = target.MergeWith(record, stamp.ImportId, changed);
        if (!memberships.TryGetValue(target.Id, out var existing))
        {
            memberships[target.Id] = existing = [];
        }

        var membershipsChanged = MergeMemberships(target.Id, record.Memberships, existing);
        if (changed.Count > 0)
        {
            Bind(update, target.Id, merged.ToRecord(record), JsonSerializer.Serialize(merged.Provenance));
            if (!changed.Contains("uscc"))
            {
                update.Parameters[1].Value = DBNull.Value;
            }

            update.ExecuteNonQuery();
            if (merged.Uscc is not null)
            {
                byUscc[merged.Uscc] = merged;
            }

            if (byName.TryGetValue(target.NameKey, out var old))
            {
                old.Remove(target);
            }

            AddByName(byName, merged);
        }

        return changed.Count == 0 && !membershipsChanged
            ? new UpsertOutcome(UpsertKind.Unchanged, target.Id, null)
            : new UpsertOutcome(UpsertKind.Updated, target.Id, string.Join(", ", changed.Concat(membershipsChanged ? ["segments"] : [])));
    }

    private static void AddByName(Dictionary<string, List<Stored>> byName, Stored stored)
    {
        if (!byName.TryGetValue(stored.NameKey, out var list))
        {
            byName[stored.NameKey] = list = [];
        }

        list.Add(stored);
    }

    private bool MergeMemberships(long companyId, IReadOnlyList<SegmentMembership> incoming, List<SegmentMembership> existing)
    {
        var changed = false;
        foreach (var membership in incoming)
        {
            if (!segmentChains.TryGetValue(membership.SegmentCode, out var chain))
            {
                continue;
            }

            var index = existing.FindIndex(m => m.SegmentCode == membership.SegmentCode);
            if (index >= 0)
            {
                var current = existing[index];
                if ((current.Role == membership.Role && Math.Abs(current.Confidence - membership.Confidence) < 1e-9 && current.Evidence == membership.Evidence
                        && current.Status == membership.Status && current.IsClassified == membership.IsClassified)
                    || !MembershipSources.Replaces(membership, current))
                {
                    continue;
                }
            }

            var m = rawMembership;
            m.Bind(0, companyId);
            m.Bind(1, membership.SegmentCode);
            m.Bind(2, chain);
            m.Bind(3, membership.Role);
            m.Bind(4, membership.Confidence);
            m.Bind(5, membership.Evidence);
            m.Bind(6, membership.Source ?? stamp.FileName);
            m.Bind(7, membership.Status.ToWire());
            m.Execute();
            if (index >= 0)
            {
                existing[index] = membership;
            }
            else
            {
                existing.Add(membership);
            }

            changed = true;
        }

        return changed;
    }

    private List<Stored> Query(SqliteCommand command, List<string> values)
    {
        command.Parameters[0].Value = JsonSerializer.Serialize(values, ListJson);
        var result = new List<Stored>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(Stored.Read(reader));
        }

        return result;
    }

    private Dictionary<long, List<SegmentMembership>> LoadMemberships(List<long> ids)
    {
        var result = new Dictionary<long, List<SegmentMembership>>();
        if (ids.Count == 0)
        {
            return result;
        }

        selectMemberships.Parameters[0].Value = JsonSerializer.Serialize(ids);
        using var reader = selectMemberships.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            if (!result.TryGetValue(id, out var list))
            {
                result[id] = list = [];
            }

            list.Add(new SegmentMembership(
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetDouble(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6) == "unconfirmed" ? MembershipStatus.Unconfirmed : MembershipStatus.Confirmed));
        }

        return result;
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

    /// <summary>Binds by position (the order of the parameter names given to <see cref="Create"/>): a name lookup per value costs more than the insert of some columns.</summary>
    private void Bind(SqliteCommand command, long id, CompanyRecord record, string provenance)
    {
        var p = command.Parameters;
        p[0].Value = id;
        p[1].Value = record.Uscc is not null ? "u:" + record.Uscc : record.IdentityKey;
        p[2].Value = (object?)record.Uscc ?? DBNull.Value;
        p[3].Value = record.Name;
        p[4].Value = record.NameKey;
        p[5].Value = record.RegionCode;
        p[6].Value = record.ProvinceCode;
        p[7].Value = (object?)record.CityCode ?? DBNull.Value;
        p[8].Value = (object?)record.CountyCode ?? DBNull.Value;
        p[9].Value = record.RegisteredCapital is { } capital ? (double)capital : DBNull.Value;
        p[10].Value = record.Founded is { } founded ? founded.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
        p[11].Value = (object?)record.Employees ?? DBNull.Value;
        p[12].Value = record.Revenue is { } revenue ? (double)revenue : DBNull.Value;
        p[13].Value = (object?)record.ListedCode ?? DBNull.Value;
        p[14].Value = record.Tags.Count == 0 ? string.Empty : string.Join('|', record.Tags);
        p[15].Value = (object?)record.Products ?? DBNull.Value;
        p[16].Value = (object?)record.Address ?? DBNull.Value;
        p[17].Value = record.Strength;
        p[18].Value = provenance;
        p[19].Value = now;
        p[20].Value = (object?)record.Industry ?? DBNull.Value;
        p[21].Value = (object?)record.Scope ?? DBNull.Value;
    }

    private void BindRaw(long id, CompanyRecord record, string provenance)
    {
        var r = rawInsert;
        r.Bind(0, id);
        r.Bind(1, record.Uscc is not null ? "u:" + record.Uscc : record.IdentityKey);
        r.Bind(2, record.Uscc);
        r.Bind(3, record.Name);
        r.Bind(4, record.NameKey);
        r.Bind(5, record.RegionCode);
        r.Bind(6, record.ProvinceCode);
        r.Bind(7, record.CityCode);
        r.Bind(8, record.CountyCode);
        r.Bind(9, record.RegisteredCapital is { } capital ? (double)capital : null);
        r.Bind(10, record.Founded?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        r.Bind(11, record.Employees);
        r.Bind(12, record.Revenue is { } revenue ? (double)revenue : null);
        r.Bind(13, record.ListedCode);
        r.Bind(14, record.Tags.Count == 0 ? string.Empty : string.Join('|', record.Tags));
        r.Bind(15, record.Products);
        r.Bind(16, record.Address);
        r.Bind(17, record.Strength);
        r.Bind(18, provenance);
        r.Bind(19, now);
        r.Bind(20, record.Industry);
        r.Bind(21, record.Scope);
    }

    private static int PresentMask(CompanyRecord r)
    {
        var mask = r.Uscc is null ? 0b101 : 0b111; // name, uscc, region
        if (r.RegisteredCapital is not null) { mask |= 1 << 3; }
        if (r.Founded is not null) { mask |= 1 << 4; }
        if (r.Employees is not null) { mask |= 1 << 5; }
        if (r.Revenue is not null) { mask |= 1 << 6; }
        if (r.ListedCode is not null) { mask |= 1 << 7; }
        if (r.Tags.Count > 0) { mask |= 1 << 8; }
        if (r.Products is not null) { mask |= 1 << 9; }
        if (r.Address is not null) { mask |= 1 << 10; }
        if (r.Industry is not null) { mask |= 1 << 11; }
        if (r.Scope is not null) { mask |= 1 << 12; }
        return mask;
    }

    private string InsertProvenance(CompanyRecord record)
    {
        var mask = PresentMask(record);
        if (!provenanceByMask.TryGetValue(mask, out var json))
        {
            var builder = new StringBuilder("{");
            for (var bit = 0; bit < FieldOrder.Length; bit++)
            {
                if ((mask & (1 << bit)) != 0)
                {
                    builder.Append(builder.Length > 1 ? "," : "").Append(JsonSerializer.Serialize(FieldOrder[bit])).Append(':').Append(JsonSerializer.Serialize(stamp.ImportId));
                }
            }

            provenanceByMask[mask] = json = builder.Append('}').ToString();
        }

        return json;
    }

    /// <summary>A stored company: enough to decide what an incoming record changes.</summary>
    private sealed record Stored(
        long Id, string? Uscc, string Name, string NameKey, string RegionCode, string ProvinceCode, string? CityCode, string? CountyCode,
        decimal? RegisteredCapital, DateOnly? Founded, int? Employees, decimal? Revenue, string? ListedCode, string Tags,
        string? Products, string? Address, string ProvenanceJson, Dictionary<string, string>? ProvenanceMap, string? Industry, string? Scope) : IStoredCompanyIdentity
    {
        public Dictionary<string, string> Provenance =>
            ProvenanceMap ?? JsonSerializer.Deserialize<Dictionary<string, string>>(ProvenanceJson) ?? [];

        public static Stored Read(SqliteDataReader reader) => new(
            reader.GetInt64(0),
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
            reader.GetString(16),
            null,
            reader.IsDBNull(17) ? null : reader.GetString(17),
            reader.IsDBNull(18) ? null : reader.GetString(18));

        public static Stored From(long id, CompanyRecord r, string provenanceJson) => new(
            id, r.Uscc, r.Name, r.NameKey, r.RegionCode, r.ProvinceCode, r.CityCode, r.CountyCode, r.RegisteredCapital, r.Founded,
            r.Employees, r.Revenue, r.ListedCode, string.Join('|', r.Tags), r.Products, r.Address, provenanceJson, null, r.Industry, r.Scope);

        /// <summary>Incoming present values win; absent ones keep what is stored. <paramref name="changed"/> lists the fields that change.</summary>
        public Stored MergeWith(CompanyRecord incoming, string importId, List<string> changed)
        {
            Dictionary<string, string>? provenance = null;

            T Pick<T>(string field, T stored, T value, bool present)
            {
                if (!present || EqualityComparer<T>.Default.Equals(stored, value))
                {
                    return stored;
                }

                changed.Add(field);
                provenance ??= new Dictionary<string, string>(Provenance, StringComparer.Ordinal);
                provenance[field] = importId;
                return value;
            }

            var name = Pick("name", Name, incoming.Name, true);
            var uscc = Pick("uscc", Uscc, incoming.Uscc, incoming.Uscc is not null);
            // A less specific region (the city of a stored county) does not replace a more specific one.
            var region = Pick("region", RegionCode, incoming.RegionCode, incoming.RegionCode != ProvinceCode && incoming.RegionCode != CityCode);
            var capital = Pick("registered_capital", RegisteredCapital, incoming.RegisteredCapital, incoming.RegisteredCapital is not null);
            var founded = Pick("founded", Founded, incoming.Founded, incoming.Founded is not null);
            var employees = Pick("employees", Employees, incoming.Employees, incoming.Employees is not null);
            var revenue = Pick("revenue", Revenue, incoming.Revenue, incoming.Revenue is not null);
            var listed = Pick("listed_code", ListedCode, incoming.ListedCode, incoming.ListedCode is not null);
            var tags = Pick("tags", Tags, string.Join('|', incoming.Tags), incoming.Tags.Count > 0);
            var products = Pick("products", Products, incoming.Products, incoming.Products is not null);
            var address = Pick("address", Address, incoming.Address, incoming.Address is not null);
            var industry = Pick("industry", Industry, incoming.Industry, incoming.Industry is not null);
            var scope = Pick("scope", Scope, incoming.Scope, incoming.Scope is not null);
            if (provenance is null)
            {
                return this;
            }

            var regionChanged = region != RegionCode;
            return new Stored(
                Id, uscc, name, incoming.NameKey, region,
                regionChanged ? incoming.ProvinceCode : ProvinceCode, regionChanged ? incoming.CityCode : CityCode, regionChanged ? incoming.CountyCode : CountyCode,
                capital, founded, employees, revenue, listed, tags, products, address, ProvenanceJson, provenance, industry, scope);
        }

        public CompanyRecord ToRecord(CompanyRecord incoming)
        {
            var tags = Tags.Split('|', StringSplitOptions.RemoveEmptyEntries);
            return incoming with
            {
                IdentityKey = Uscc is not null ? "u:" + Uscc : "n:" + NameKey + "|" + RegionCode,
                Uscc = Uscc,
                Name = Name,
                NameKey = NameKey,
                RegionCode = RegionCode,
                ProvinceCode = ProvinceCode,
                CityCode = CityCode,
                CountyCode = CountyCode,
                RegisteredCapital = RegisteredCapital,
                Founded = Founded,
                Employees = Employees,
                Revenue = Revenue,
                ListedCode = ListedCode,
                Tags = tags,
                Products = Products,
                Address = Address,
                Industry = Industry,
                Scope = Scope,
                Strength = CompanyStrength.Score(RegisteredCapital, Revenue, Employees, ListedCode, tags),
            };
        }
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
