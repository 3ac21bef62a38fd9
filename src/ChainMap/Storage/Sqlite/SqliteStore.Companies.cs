using System.Globalization;
using System.Text.Json;
using ChainMap.Domain;
using Microsoft.Data.Sqlite;

namespace ChainMap.Storage.Sqlite;

internal sealed partial class SqliteStore
{
    private const string CompanyColumns = """
        c.id, c.uscc, c.name, c.region_code, c.province_code, c.city_code, c.county_code, c.registered_capital,
        c.founded, c.employees, c.revenue, c.listed_code, c.tags, c.products, c.address, c.industry, c.scope, c.version
        """;

    public async Task<Company?> GetCompanyAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadCompanyAsync(connection, "c.id = $value", id, cancellationToken);
    }

    public async Task<Company?> GetCompanyByUsccAsync(string uscc, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadCompanyAsync(connection, "c.uscc = $value", uscc, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, long>> FindCompanyIdsAsync(IReadOnlyCollection<string> identityKeys, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT identity_key, id FROM company WHERE identity_key IN (SELECT value FROM json_each($keys))");
        command.Parameters.AddWithValue("$keys", Json(identityKeys));
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[reader.GetString(0)] = reader.GetInt64(1);
        }

        return found;
    }

    public async Task<Paged<Company>> SearchCompaniesAsync(CompanyQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var where = new List<string>();
        var parameters = new List<SqliteParameter>();
        if (!string.IsNullOrEmpty(query.NameContains))
        {
            where.Add("instr(c.name_key, $name) > 0");
            parameters.Add(new("$name", query.NameContains));
        }

        if (query.SegmentCodes is { Count: > 0 })
        {
            where.Add("c.id IN (SELECT company_id FROM company_segment WHERE segment_code IN (SELECT value FROM json_each($segments)))");
            parameters.Add(new("$segments", Json(query.SegmentCodes)));
        }
        else if (!string.IsNullOrEmpty(query.ChainCode))
        {
            where.Add("c.id IN (SELECT company_id FROM company_segment WHERE chain_code = $chain)");
            parameters.Add(new("$chain", query.ChainCode));
        }

        if (query.RegionCodes is { Count: > 0 })
        {
            var regions = new SqlRegionScope(RegionScope.Of(query.RegionCodes), "regions");
            where.Add(regions.Where("c"));
            regions.Bind(parameters);
        }

        var filter = where.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", where);
        long total;
        await using (var count = Command(connection, $"SELECT count(*) FROM company c {filter}"))
        {
            foreach (var p in parameters)
            {
                count.Parameters.Add(new SqliteParameter(p.ParameterName, p.Value));
            }

            total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        var ids = new List<long>();
        await using (var page = Command(connection, $"SELECT c.id FROM company c {filter} ORDER BY c.strength DESC, c.id LIMIT $limit OFFSET $offset"))
        {
            foreach (var p in parameters)
            {
                page.Parameters.Add(new SqliteParameter(p.ParameterName, p.Value));
            }

            page.Parameters.AddWithValue("$limit", query.PageSize);
            page.Parameters.AddWithValue("$offset", (long)(query.Page - 1) * query.PageSize);
            await using var reader = await page.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        var items = await ReadCompaniesAsync(connection, ids, cancellationToken);
        return new Paged<Company>(items, query.Page, query.PageSize, total);
    }

    public async Task<long> CountCompaniesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT count(*) FROM company");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<int> SaveRelationsAsync(IReadOnlyList<CompanyRelation> relations, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = Command(connection, """
            INSERT INTO company_relation(from_id, to_id, kind, note, source) VALUES ($from, $to, $kind, $note, $source)
            ON CONFLICT(from_id, to_id, kind) DO NOTHING
            """, transaction);
        await using var update = Command(connection, """
            UPDATE company_relation SET note = coalesce($note, note), source = coalesce($source, source)
            WHERE from_id = $from AND to_id = $to AND kind = $kind
            """, transaction);
        var added = 0;
        foreach (var relation in relations)
        {
            foreach (var command in new[] { insert, update })
            {
                command.Parameters.Clear();
                command.Parameters.AddWithValue("$from", relation.FromCompanyId);
                command.Parameters.AddWithValue("$to", relation.ToCompanyId);
                command.Parameters.AddWithValue("$kind", relation.Kind.ToWire());
                command.Parameters.AddWithValue("$note", Db(relation.Note));
                command.Parameters.AddWithValue("$source", Db(relation.Source));
            }

            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                added++;
            }
            else
            {
                await update.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public async Task<IReadOnlyList<CompanyRelation>> ListRelationsAsync(long companyId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, """
            SELECT from_id, to_id, kind, note, source FROM company_relation WHERE from_id = $id
            UNION ALL
            SELECT from_id, to_id, kind, note, source FROM company_relation WHERE to_id = $id AND from_id <> $id
            """);
        command.Parameters.AddWithValue("$id", companyId);
        var relations = new List<CompanyRelation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            CompanyRelationKinds.TryParse(reader.GetString(2), out var kind);
            relations.Add(new CompanyRelation(reader.GetInt64(0), reader.GetInt64(1), kind, NullableString(reader, 3), NullableString(reader, 4)));
        }

        return relations;
    }

    /// <summary>Companies by id in the given order, with their memberships: two queries, not one per company.</summary>
    private static async Task<List<Company>> ReadCompaniesAsync(SqliteConnection connection, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var byId = new Dictionary<long, Company>();
        var idsJson = System.Text.Json.JsonSerializer.Serialize(ids);
        await using (var command = Command(connection, $"SELECT {CompanyColumns} FROM company c WHERE c.id IN (SELECT value FROM json_each($ids))"))
        {
            command.Parameters.AddWithValue("$ids", idsJson);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var company = ReadCompanyRow(reader);
                byId[company.Id] = company;
            }
        }

        var memberships = new Dictionary<long, List<SegmentMembership>>();
        await using (var command = Command(connection, """
            SELECT company_id, segment_code, role, confidence, evidence, source, status FROM company_segment
            WHERE company_id IN (SELECT value FROM json_each($ids)) ORDER BY company_id, confidence DESC, segment_code
            """))
        {
            command.Parameters.AddWithValue("$ids", idsJson);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetInt64(0);
                if (!memberships.TryGetValue(id, out var list))
                {
                    memberships[id] = list = [];
                }

                list.Add(new SegmentMembership(reader.GetString(1), NullableString(reader, 2), reader.GetDouble(3), NullableString(reader, 4), NullableString(reader, 5), ReadStatus(reader, 6)));
            }
        }

        return ids.Where(byId.ContainsKey).Select(id => byId[id] with { Memberships = memberships.GetValueOrDefault(id) ?? [] }).ToList();
    }

    private static Company ReadCompanyRow(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        NullableString(reader, 1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        NullableString(reader, 5),
        NullableString(reader, 6),
        reader.IsDBNull(7) ? null : (decimal)reader.GetDouble(7),
        reader.IsDBNull(8) ? null : DateOnly.ParseExact(reader.GetString(8), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        reader.IsDBNull(9) ? null : reader.GetInt32(9),
        reader.IsDBNull(10) ? null : (decimal)reader.GetDouble(10),
        NullableString(reader, 11),
        SplitList(reader.GetString(12)),
        NullableString(reader, 13),
        NullableString(reader, 14),
        [],
        NullableString(reader, 15),
        NullableString(reader, 16),
        reader.GetInt64(17));

    private static MembershipStatus ReadStatus(SqliteDataReader reader, int ordinal) =>
        reader.GetString(ordinal) == "unconfirmed" ? MembershipStatus.Unconfirmed : MembershipStatus.Confirmed;

    private static async Task<Company?> ReadCompanyAsync(SqliteConnection connection, string condition, object value, CancellationToken cancellationToken)
    {
        Company? company;
        await using (var command = Command(connection, $"SELECT {CompanyColumns} FROM company c WHERE {condition}"))
        {
            command.Parameters.AddWithValue("$value", value);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            company = ReadCompanyRow(reader);
        }

        var memberships = new List<SegmentMembership>();
        await using (var command = Command(connection, "SELECT segment_code, role, confidence, evidence, source, status FROM company_segment WHERE company_id = $id ORDER BY confidence DESC, segment_code"))
        {
            command.Parameters.AddWithValue("$id", company.Id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                memberships.Add(new SegmentMembership(reader.GetString(0), NullableString(reader, 1), reader.GetDouble(2), NullableString(reader, 3), NullableString(reader, 4), ReadStatus(reader, 5)));
            }
        }

        return company with { Memberships = memberships };
    }
}
