using System.Globalization;
using ChainMap.Domain;
using ChainMap.Import;
using Microsoft.Data.Sqlite;

namespace ChainMap.Storage.Sqlite;

/// <summary>
/// Undo of a company import (ADR 0191): reads the job's change log and the present state under the write lock,
/// lets <see cref="ImportUndoRules"/> decide, and writes the plan and the job's new state in the same transaction.
/// </summary>
internal sealed partial class SqliteStore
{
    public async Task<ImportUndoOutcome> UndoImportAsync(ImportJob job, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var changes = new List<ImportChange>();
        await using (var read = Command(connection, "SELECT seq, first_id, last_id, before FROM import_change WHERE job_id = $job ORDER BY seq", transaction))
        {
            read.Parameters.AddWithValue("$job", job.Id);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                changes.Add(reader.IsDBNull(3)
                    ? ImportChange.Created(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2))
                    : ImportChange.Updated(reader.GetInt64(0), CompanyBefore.FromJson(reader.GetString(3))));
            }
        }

        if (changes.Count == 0)
        {
            return new ImportUndoOutcome(true, null);
        }

        var ids = changes.SelectMany(c => LongRange(c.FirstId, c.LastId)).Distinct().ToList();
        var list = System.Text.Json.JsonSerializer.Serialize(ids);
        var companies = await LoadStoredCompaniesAsync(connection, transaction, list, cancellationToken);
        var projects = new Dictionary<long, IReadOnlyList<long>>();
        await using (var read = Command(connection, "SELECT company_id, id FROM project WHERE company_id IN (SELECT value FROM json_each($list)) ORDER BY id", transaction))
        {
            read.Parameters.AddWithValue("$list", list);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var company = reader.GetInt64(0);
                projects[company] = [.. projects.GetValueOrDefault(company) ?? [], reader.GetInt64(1)];
            }
        }

        var activities = await CountByCompanyAsync(connection, transaction,
            "SELECT company_id, count(*) FROM project_activity WHERE company_id IN (SELECT value FROM json_each($list)) GROUP BY company_id", list, cancellationToken);
        var merged = await CountByCompanyAsync(connection, transaction,
            "SELECT id, into_id FROM company_merged WHERE id IN (SELECT value FROM json_each($list))", list, cancellationToken);

        var decision = ImportUndoRules.Decide(job.Id, changes, new ImportUndoState(companies, projects, merged, activities.ToDictionary(p => p.Key, p => (int)p.Value)));
        if (decision.Plan is not { } plan)
        {
            return new ImportUndoOutcome(false, decision);
        }

        await using (var remove = Command(connection, "DELETE FROM company WHERE id IN (SELECT value FROM json_each($list))", transaction))
        {
            remove.Parameters.AddWithValue("$list", System.Text.Json.JsonSerializer.Serialize(plan.Remove));
            await remove.ExecuteNonQueryAsync(cancellationToken);
        }

        var now = Time(at);
        foreach (var c in plan.Restore)
        {
            await RunMergeStatementAsync(connection, transaction, """
                UPDATE company SET identity_key = coalesce($key, identity_key), uscc = $uscc, name = $name, name_key = $name_key, region_code = $region,
                    province_code = $province, city_code = $city, county_code = $county, registered_capital = $capital, founded = $founded,
                    employees = $employees, revenue = $revenue, listed_code = $listed, tags = $tags, products = $products, address = $address,
                    industry = $industry, scope = $scope, strength = $strength, provenance = $provenance, updated_at = $now
                WHERE id = $id
                """, cancellationToken,
                ("$id", c.Id), ("$key", c.IdentityKey), ("$uscc", c.Uscc), ("$name", c.Name), ("$name_key", c.NameKey), ("$region", c.RegionCode),
                ("$province", c.ProvinceCode), ("$city", c.CityCode), ("$county", c.CountyCode),
                ("$capital", c.RegisteredCapital is { } capital ? (double)capital : null),
                ("$founded", c.Founded?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("$employees", c.Employees),
                ("$revenue", c.Revenue is { } revenue ? (double)revenue : null), ("$listed", c.ListedCode), ("$tags", c.JoinedTags),
                ("$products", c.Products), ("$address", c.Address), ("$industry", c.Industry), ("$scope", c.Scope), ("$strength", c.Strength),
                ("$provenance", c.Provenance.ToJson()), ("$now", now));
        }

        foreach (var (companyId, m) in plan.RestoreMemberships)
        {
            await RunMergeStatementAsync(connection, transaction, """
                UPDATE company_segment SET role = $role, confidence = $confidence, evidence = $evidence, source = $source, status = $status
                WHERE company_id = $id AND segment_code = $segment
                """, cancellationToken,
                ("$id", companyId), ("$segment", m.SegmentCode), ("$role", m.Role), ("$confidence", m.Confidence), ("$evidence", m.Evidence),
                ("$source", m.Source), ("$status", m.Status.ToWire()));
        }

        foreach (var (companyId, segment) in plan.RemoveMemberships)
        {
            await RunMergeStatementAsync(connection, transaction, "DELETE FROM company_segment WHERE company_id = $id AND segment_code = $segment", cancellationToken,
                ("$id", companyId), ("$segment", segment));
        }

        await RunMergeStatementAsync(connection, transaction, "UPDATE import_job SET state = $state, message = $message WHERE id = $id", cancellationToken,
            ("$id", job.Id), ("$state", job.State.ToWire()), ("$message", job.Message));
        await transaction.CommitAsync(cancellationToken);
        return new ImportUndoOutcome(false, decision);
    }

    private static IEnumerable<long> LongRange(long first, long last)
    {
        for (var id = first; id <= last; id++)
        {
            yield return id;
        }
    }

    private static async Task<Dictionary<long, long>> CountByCompanyAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sql, string list, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, long>();
        await using var read = Command(connection, sql, transaction);
        read.Parameters.AddWithValue("$list", list);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetInt64(0)] = reader.GetInt64(1);
        }

        return result;
    }

    /// <summary>The companies of the id list (JSON) with their memberships, as the import merge sees them.</summary>
    private static async Task<Dictionary<long, StoredCompany>> LoadStoredCompaniesAsync(
        SqliteConnection connection, SqliteTransaction transaction, string list, CancellationToken cancellationToken)
    {
        var companies = new Dictionary<long, StoredCompany>();
        var memberships = new Dictionary<long, List<SegmentMembership>>();
        await using (var read = Command(connection, """
            SELECT id, identity_key, uscc, name, name_key, region_code, province_code, city_code, county_code, registered_capital, founded,
                employees, revenue, listed_code, tags, products, address, industry, scope, strength, provenance
            FROM company WHERE id IN (SELECT value FROM json_each($list))
            """, transaction))
        {
            read.Parameters.AddWithValue("$list", list);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetInt64(0);
                memberships[id] = [];
                companies[id] = new StoredCompany(
                    id, reader.GetString(1), NullableString(reader, 2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                    reader.GetString(6), NullableString(reader, 7), NullableString(reader, 8),
                    reader.IsDBNull(9) ? null : (decimal)reader.GetDouble(9),
                    reader.IsDBNull(10) ? null : DateOnly.ParseExact(reader.GetString(10), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    reader.IsDBNull(11) ? null : reader.GetInt32(11),
                    reader.IsDBNull(12) ? null : (decimal)reader.GetDouble(12),
                    NullableString(reader, 13), reader.GetString(14), NullableString(reader, 15), NullableString(reader, 16),
                    NullableString(reader, 17), NullableString(reader, 18), reader.GetDouble(19), FieldProvenance.FromJson(reader.GetString(20)), memberships[id]);
            }
        }

        await using (var read = Command(connection, """
            SELECT company_id, segment_code, role, confidence, evidence, source, status FROM company_segment
            WHERE company_id IN (SELECT value FROM json_each($list))
            """, transaction))
        {
            read.Parameters.AddWithValue("$list", list);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                memberships[reader.GetInt64(0)].Add(new SegmentMembership(reader.GetString(1), NullableString(reader, 2), reader.GetDouble(3),
                    NullableString(reader, 4), NullableString(reader, 5), reader.GetString(6) == "unconfirmed" ? MembershipStatus.Unconfirmed : MembershipStatus.Confirmed));
            }
        }

        return companies;
    }
}
