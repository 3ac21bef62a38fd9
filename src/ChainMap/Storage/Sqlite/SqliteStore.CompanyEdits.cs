using System.Globalization;
using ChainMap.Import;
using Microsoft.Data.Sqlite;

namespace ChainMap.Storage.Sqlite;

/// <summary>
/// Analysts' company edits and deletes (ADR 0185). Each write is one <c>BEGIN IMMEDIATE</c> transaction (the default of
/// Microsoft.Data.Sqlite) that checks the version in its <c>WHERE</c>; the discovery tables follow by their triggers.
/// </summary>
internal sealed partial class SqliteStore
{
    private const string EditColumns = """
        id, identity_key, uscc, name, name_key, region_code, province_code, city_code, county_code, registered_capital, founded,
        employees, revenue, listed_code, tags, products, address, industry, scope, strength, provenance, version
        """;

    public async Task<StoredCompany?> GetCompanyForEditAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT {EditColumns} FROM company WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadEditRow(reader) : null;
    }

    public async Task<IReadOnlyList<StoredCompany>> FindCompaniesByNameKeyAsync(string nameKey, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT {EditColumns} FROM company WHERE name_key = $name ORDER BY id");
        command.Parameters.AddWithValue("$name", nameKey);
        var found = new List<StoredCompany>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(ReadEditRow(reader));
        }

        return found;
    }

    public async Task<CompanyWriteResult> SaveCompanyEditAsync(StoredCompany company, long expectedVersion, bool regionChanged, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var update = Command(connection, """
            UPDATE company SET identity_key = $key, name = $name, name_key = $name_key, region_code = $region, province_code = $province,
                city_code = $city, county_code = $county, registered_capital = $capital, founded = $founded, employees = $employees,
                revenue = $revenue, listed_code = $listed, tags = $tags, products = $products, address = $address, strength = $strength,
                provenance = $provenance, updated_at = $now, version = version + 1
            WHERE id = $id AND version = $expected
            """, transaction))
        {
            update.Parameters.AddWithValue("$id", company.Id);
            update.Parameters.AddWithValue("$expected", expectedVersion);
            update.Parameters.AddWithValue("$key", company.IdentityKey);
            update.Parameters.AddWithValue("$name", company.Name);
            update.Parameters.AddWithValue("$name_key", company.NameKey);
            update.Parameters.AddWithValue("$region", company.RegionCode);
            update.Parameters.AddWithValue("$province", Db(company.ProvinceCode));
            update.Parameters.AddWithValue("$city", Db(company.CityCode));
            update.Parameters.AddWithValue("$county", Db(company.CountyCode));
            update.Parameters.AddWithValue("$capital", company.RegisteredCapital is { } capital ? (double)capital : DBNull.Value);
            update.Parameters.AddWithValue("$founded", Db(company.Founded?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            update.Parameters.AddWithValue("$employees", Db(company.Employees));
            update.Parameters.AddWithValue("$revenue", company.Revenue is { } revenue ? (double)revenue : DBNull.Value);
            update.Parameters.AddWithValue("$listed", Db(company.ListedCode));
            update.Parameters.AddWithValue("$tags", company.JoinedTags);
            update.Parameters.AddWithValue("$products", Db(company.Products));
            update.Parameters.AddWithValue("$address", Db(company.Address));
            update.Parameters.AddWithValue("$strength", company.Strength);
            update.Parameters.AddWithValue("$provenance", company.Provenance.ToJson());
            update.Parameters.AddWithValue("$now", at.ToString("O", CultureInfo.InvariantCulture));
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return await RefusedAsync(connection, transaction, company.Id, cancellationToken);
            }
        }

        var version = await VersionAsync(connection, transaction, company.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CompanyWriteResult(CompanyWriteStatus.Written, version ?? expectedVersion + 1, []);
    }

    public async Task<CompanyWriteResult> DeleteCompanyAsync(long id, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var version = await VersionAsync(connection, transaction, id, cancellationToken);
        if (version is null)
        {
            return CompanyWriteResult.NotFound;
        }

        if (version != expectedVersion)
        {
            return new CompanyWriteResult(CompanyWriteStatus.VersionConflict, version.Value, []);
        }

        // Projects and activities refer to a company without cascading (their history must not vanish with it).
        var projects = new List<CompanyProjectReference>();
        await using (var command = Command(connection, "SELECT id, name FROM project WHERE company_id = $id ORDER BY id", transaction))
        {
            command.Parameters.AddWithValue("$id", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                projects.Add(new CompanyProjectReference(reader.GetInt64(0), reader.GetString(1)));
            }
        }

        int activities;
        await using (var command = Command(connection, "SELECT count(*) FROM project_activity WHERE company_id = $id AND project_id IS NULL", transaction))
        {
            command.Parameters.AddWithValue("$id", id);
            activities = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        if (projects.Count > 0 || activities > 0)
        {
            return new CompanyWriteResult(CompanyWriteStatus.Referenced, version.Value, projects, activities);
        }

        // Memberships, relations and channel links cascade; the discovery tables follow by trigger.
        await using (var delete = Command(connection, "DELETE FROM company WHERE id = $id AND version = $expected", transaction))
        {
            delete.Parameters.AddWithValue("$id", id);
            delete.Parameters.AddWithValue("$expected", expectedVersion);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new CompanyWriteResult(CompanyWriteStatus.Written, version.Value, []);
    }

    private static async Task<long?> VersionAsync(SqliteConnection connection, SqliteTransaction transaction, long id, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT version FROM company WHERE id = $id", transaction);
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteScalarAsync(cancellationToken) is long version ? version : null;
    }

    private static async Task<CompanyWriteResult> RefusedAsync(SqliteConnection connection, SqliteTransaction transaction, long id, CancellationToken cancellationToken) =>
        await VersionAsync(connection, transaction, id, cancellationToken) is { } current
            ? new CompanyWriteResult(CompanyWriteStatus.VersionConflict, current, [])
            : CompanyWriteResult.NotFound;

    private static StoredCompany ReadEditRow(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        NullableString(reader, 2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        NullableString(reader, 6),
        NullableString(reader, 7),
        NullableString(reader, 8),
        reader.IsDBNull(9) ? null : (decimal)reader.GetDouble(9),
        reader.IsDBNull(10) ? null : DateOnly.ParseExact(reader.GetString(10), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        reader.IsDBNull(11) ? null : reader.GetInt32(11),
        reader.IsDBNull(12) ? null : (decimal)reader.GetDouble(12),
        NullableString(reader, 13),
        reader.GetString(14),
        NullableString(reader, 15),
        NullableString(reader, 16),
        NullableString(reader, 17),
        NullableString(reader, 18),
        reader.GetDouble(19),
        FieldProvenance.FromJson(reader.GetString(20)),
        [],
        reader.GetInt64(21));
}
