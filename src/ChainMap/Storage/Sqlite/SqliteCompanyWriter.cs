using System.Globalization;
using System.Text.Json;
using ChainMap.Domain;
using Microsoft.Data.Sqlite;

namespace ChainMap.Storage.Sqlite;

/// <summary>
/// Upserts companies inside one transaction with prepared commands reused for every row:
/// the hot path of every import. A stored field changes only when the incoming value is present
/// and different, and then records which import it came from.
/// </summary>
internal sealed class SqliteCompanyWriter : IAsyncDisposable
{
    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;
    private readonly ImportStamp stamp;
    private readonly SqliteCommand select;
    private readonly SqliteCommand insert;
    private readonly SqliteCommand update;
    private readonly SqliteCommand selectMemberships;
    private readonly SqliteCommand upsertMembership;
    private readonly string now;

    public SqliteCompanyWriter(SqliteConnection connection, SqliteTransaction transaction, ImportStamp stamp)
    {
        this.connection = connection;
        this.transaction = transaction;
        this.stamp = stamp;
        now = stamp.At.ToString("O", CultureInfo.InvariantCulture);
        select = Prepare("""
            SELECT id, uscc, name, name_key, region_code, registered_capital, founded, employees, revenue, listed_code,
                   tags, products, address, provenance
            FROM company WHERE identity_key = $key
            """);
        insert = Prepare("""
            INSERT INTO company(identity_key, uscc, name, name_key, region_code, province_code, city_code, county_code,
                registered_capital, founded, employees, revenue, listed_code, tags, products, address, strength, provenance,
                created_at, updated_at)
            VALUES ($key, $uscc, $name, $name_key, $region, $province, $city, $county, $capital, $founded, $employees,
                $revenue, $listed, $tags, $products, $address, $strength, $provenance, $now, $now)
            RETURNING id
            """);
        update = Prepare("""
            UPDATE company SET name = $name, name_key = $name_key, region_code = $region, province_code = $province,
                city_code = $city, county_code = $county, registered_capital = $capital, founded = $founded,
                employees = $employees, revenue = $revenue, listed_code = $listed, tags = $tags, products = $products,
                address = $address, strength = $strength, provenance = $provenance, updated_at = $now
            WHERE id = $id
            """);
        selectMemberships = Prepare("SELECT segment_code, role, confidence, evidence, source FROM company_segment WHERE company_id = $id");
        upsertMembership = Prepare("""
            INSERT INTO company_segment(company_id, segment_code, chain_code, role, confidence, evidence, source)
            SELECT $id, s.code, s.chain_code, $role, $confidence, $evidence, $source FROM segment s WHERE s.code = $segment
            ON CONFLICT(company_id, segment_code) DO UPDATE SET role = excluded.role, confidence = excluded.confidence,
                evidence = excluded.evidence, source = excluded.source
            """);
    }

    public async Task RecordImportAsync(CancellationToken cancellationToken)
    {
        await using var command = Prepare("INSERT OR IGNORE INTO import_run(id, file_name, at) VALUES ($id, $file, $at)");
        command.Parameters.AddWithValue("$id", stamp.ImportId);
        command.Parameters.AddWithValue("$file", stamp.FileName);
        command.Parameters.AddWithValue("$at", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<UpsertOutcome> UpsertAsync(CompanyRecord record, CancellationToken cancellationToken)
    {
        select.Parameters.Clear();
        select.Parameters.AddWithValue("$key", record.IdentityKey);
        StoredCompany? stored = null;
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                stored = StoredCompany.Read(reader);
            }
        }

        if (stored is null)
        {
            var provenance = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var field in PresentFields(record))
            {
                provenance[field] = stamp.ImportId;
            }

            Bind(insert, record, JsonSerializer.Serialize(provenance));
            var id = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            await MergeMembershipsAsync(id, record.Memberships, cancellationToken);
            return new UpsertOutcome(UpsertKind.Inserted, id, null);
        }

        if (record.Uscc is not null && stored.NameKey != record.NameKey)
        {
            return new UpsertOutcome(UpsertKind.Conflict, stored.Id, $"USCC {record.Uscc} is stored as '{stored.Name}', this row names '{record.Name}'");
        }

        var merged = stored.MergeWith(record, stamp.ImportId, out var changedFields);
        var membershipsChanged = await MergeMembershipsAsync(stored.Id, record.Memberships, cancellationToken);
        if (changedFields.Count == 0)
        {
            return new UpsertOutcome(membershipsChanged ? UpsertKind.Updated : UpsertKind.Unchanged, stored.Id, null);
        }

        Bind(update, merged.Record, JsonSerializer.Serialize(merged.Provenance));
        update.Parameters.AddWithValue("$id", stored.Id);
        await update.ExecuteNonQueryAsync(cancellationToken);
        return new UpsertOutcome(UpsertKind.Updated, stored.Id, string.Join(", ", changedFields));
    }

    public async ValueTask DisposeAsync()
    {
        await select.DisposeAsync();
        await insert.DisposeAsync();
        await update.DisposeAsync();
        await selectMemberships.DisposeAsync();
        await upsertMembership.DisposeAsync();
    }

    private async Task<bool> MergeMembershipsAsync(long companyId, IReadOnlyList<SegmentMembership> memberships, CancellationToken cancellationToken)
    {
        if (memberships.Count == 0)
        {
            return false;
        }

        var existing = new Dictionary<string, SegmentMembership>(StringComparer.Ordinal);
        selectMemberships.Parameters.Clear();
        selectMemberships.Parameters.AddWithValue("$id", companyId);
        await using (var reader = await selectMemberships.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                existing[reader.GetString(0)] = new SegmentMembership(
                    reader.GetString(0),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.GetDouble(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4));
            }
        }

        var changed = false;
        foreach (var membership in memberships)
        {
            if (existing.TryGetValue(membership.SegmentCode, out var current)
                && current.Role == membership.Role && Math.Abs(current.Confidence - membership.Confidence) < 1e-9
                && current.Evidence == membership.Evidence)
            {
                continue;
            }

            upsertMembership.Parameters.Clear();
            upsertMembership.Parameters.AddWithValue("$id", companyId);
            upsertMembership.Parameters.AddWithValue("$segment", membership.SegmentCode);
            upsertMembership.Parameters.AddWithValue("$role", (object?)membership.Role ?? DBNull.Value);
            upsertMembership.Parameters.AddWithValue("$confidence", membership.Confidence);
            upsertMembership.Parameters.AddWithValue("$evidence", (object?)membership.Evidence ?? DBNull.Value);
            upsertMembership.Parameters.AddWithValue("$source", (object?)membership.Source ?? stamp.FileName);
            changed |= await upsertMembership.ExecuteNonQueryAsync(cancellationToken) > 0;
        }

        return changed;
    }

    private SqliteCommand Prepare(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private void Bind(SqliteCommand command, CompanyRecord record, string provenance)
    {
        command.Parameters.Clear();
        command.Parameters.AddWithValue("$key", record.IdentityKey);
        command.Parameters.AddWithValue("$uscc", (object?)record.Uscc ?? DBNull.Value);
        command.Parameters.AddWithValue("$name", record.Name);
        command.Parameters.AddWithValue("$name_key", record.NameKey);
        command.Parameters.AddWithValue("$region", record.RegionCode);
        command.Parameters.AddWithValue("$province", record.ProvinceCode);
        command.Parameters.AddWithValue("$city", (object?)record.CityCode ?? DBNull.Value);
        command.Parameters.AddWithValue("$county", (object?)record.CountyCode ?? DBNull.Value);
        command.Parameters.AddWithValue("$capital", record.RegisteredCapital is { } capital ? (double)capital : DBNull.Value);
        command.Parameters.AddWithValue("$founded", record.Founded is { } founded ? founded.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value);
        command.Parameters.AddWithValue("$employees", (object?)record.Employees ?? DBNull.Value);
        command.Parameters.AddWithValue("$revenue", record.Revenue is { } revenue ? (double)revenue : DBNull.Value);
        command.Parameters.AddWithValue("$listed", (object?)record.ListedCode ?? DBNull.Value);
        command.Parameters.AddWithValue("$tags", string.Join('|', record.Tags));
        command.Parameters.AddWithValue("$products", (object?)record.Products ?? DBNull.Value);
        command.Parameters.AddWithValue("$address", (object?)record.Address ?? DBNull.Value);
        command.Parameters.AddWithValue("$strength", record.Strength);
        command.Parameters.AddWithValue("$provenance", provenance);
        command.Parameters.AddWithValue("$now", now);
    }

    private static IEnumerable<string> PresentFields(CompanyRecord r)
    {
        yield return "name";
        yield return "region";
        if (r.RegisteredCapital is not null) { yield return "registered_capital"; }
        if (r.Founded is not null) { yield return "founded"; }
        if (r.Employees is not null) { yield return "employees"; }
        if (r.Revenue is not null) { yield return "revenue"; }
        if (r.ListedCode is not null) { yield return "listed_code"; }
        if (r.Tags.Count > 0) { yield return "tags"; }
        if (r.Products is not null) { yield return "products"; }
        if (r.Address is not null) { yield return "address"; }
    }

    /// <summary>The stored row, enough to decide what an incoming record changes.</summary>
    private sealed record StoredCompany(
        long Id, string? Uscc, string Name, string NameKey, string RegionCode, decimal? RegisteredCapital, DateOnly? Founded,
        int? Employees, decimal? Revenue, string? ListedCode, IReadOnlyList<string> Tags, string? Products, string? Address,
        Dictionary<string, string> Provenance)
    {
        public static StoredCompany Read(SqliteDataReader reader) => new(
            reader.GetInt64(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            reader.IsDBNull(5) ? null : (decimal)reader.GetDouble(5),
            reader.IsDBNull(6) ? null : DateOnly.ParseExact(reader.GetString(6), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            reader.IsDBNull(7) ? null : reader.GetInt32(7),
            reader.IsDBNull(8) ? null : (decimal)reader.GetDouble(8),
            reader.IsDBNull(9) ? null : reader.GetString(9),
            reader.GetString(10).Split('|', StringSplitOptions.RemoveEmptyEntries),
            reader.IsDBNull(11) ? null : reader.GetString(11),
            reader.IsDBNull(12) ? null : reader.GetString(12),
            JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(13)) ?? []);

        /// <summary>Incoming present values win; absent ones keep what is stored.</summary>
        public (CompanyRecord Record, Dictionary<string, string> Provenance) MergeWith(CompanyRecord incoming, string importId, out List<string> changed)
        {
            var provenance = new Dictionary<string, string>(Provenance, StringComparer.Ordinal);
            var fields = new List<string>();

            T Pick<T>(string field, T stored, T value, bool present)
            {
                if (!present || EqualityComparer<T>.Default.Equals(stored, value))
                {
                    return stored;
                }

                fields.Add(field);
                provenance[field] = importId;
                return value;
            }

            var name = Pick("name", Name, incoming.Name, true);
            var region = Pick("region", RegionCode, incoming.RegionCode, true);
            var capital = Pick("registered_capital", RegisteredCapital, incoming.RegisteredCapital, incoming.RegisteredCapital is not null);
            var founded = Pick("founded", Founded, incoming.Founded, incoming.Founded is not null);
            var employees = Pick("employees", Employees, incoming.Employees, incoming.Employees is not null);
            var revenue = Pick("revenue", Revenue, incoming.Revenue, incoming.Revenue is not null);
            var listed = Pick("listed_code", ListedCode, incoming.ListedCode, incoming.ListedCode is not null);
            var tagsJoined = Pick("tags", string.Join('|', Tags), string.Join('|', incoming.Tags), incoming.Tags.Count > 0);
            var products = Pick("products", Products, incoming.Products, incoming.Products is not null);
            var address = Pick("address", Address, incoming.Address, incoming.Address is not null);
            changed = fields;

            var tags = tagsJoined.Split('|', StringSplitOptions.RemoveEmptyEntries);
            var record = incoming with
            {
                Name = name,
                RegionCode = region,
                RegisteredCapital = capital,
                Founded = founded,
                Employees = employees,
                Revenue = revenue,
                ListedCode = listed,
                Tags = tags,
                Products = products,
                Address = address,
                Uscc = incoming.Uscc ?? Uscc,
                Strength = CompanyStrength.Score(capital, revenue, employees, listed, tags),
            };
            return (record, provenance);
        }
    }
}
