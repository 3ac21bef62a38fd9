using System.Globalization;
using ChainMap.Curation;
using ChainMap.Domain;
using ChainMap.Import;
using Microsoft.Data.Sqlite;

namespace ChainMap.Storage.Sqlite;

/// <summary>
/// Company merge (ADR 0190): loads both companies under the write lock (BEGIN IMMEDIATE), lets
/// <see cref="CompanyMergeRules"/> decide, and writes the plan in the same transaction. The discovery tables
/// follow through their triggers (the merged company's rows go with it, the survivor's are rewritten).
/// </summary>
internal sealed partial class SqliteStore
{
    public async Task<CompanyMergeOutcome> MergeCompaniesAsync(long survivorId, long mergedId, MergeExpectation expected, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var survivor = await LoadMergeSideAsync(connection, transaction, survivorId, cancellationToken);
        var merged = await LoadMergeSideAsync(connection, transaction, mergedId, cancellationToken);
        if (survivor is null || merged is null)
        {
            return new CompanyMergeOutcome([.. new[] { (survivorId, survivor), (mergedId, merged) }.Where(x => x.Item2 is null).Select(x => x.Item1)], null);
        }

        var decision = CompanyMergeRules.Decide(survivor, merged, expected);
        if (decision.Plan is not { } plan)
        {
            return new CompanyMergeOutcome([], decision);
        }

        await WriteMergeAsync(connection, transaction, plan, at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CompanyMergeOutcome([], decision);
    }

    public async Task<long?> GetMergedIntoAsync(long companyId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT into_id FROM company_merged WHERE id = $id");
        command.Parameters.AddWithValue("$id", companyId);
        return await command.ExecuteScalarAsync(cancellationToken) is long into ? into : null;
    }

    private static async Task WriteMergeAsync(SqliteConnection connection, SqliteTransaction transaction, CompanyMergePlan plan, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var now = at.ToString("O", CultureInfo.InvariantCulture);
        foreach (var relation in plan.RelationsToAdd)
        {
            await RunMergeStatementAsync(connection, transaction, """
                INSERT OR IGNORE INTO company_relation(from_id, to_id, kind, note, source) VALUES ($from, $to, $kind, $note, $source)
                """, cancellationToken,
                ("$from", relation.FromCompanyId), ("$to", relation.ToCompanyId), ("$kind", relation.Kind.ToWire()), ("$note", relation.Note), ("$source", relation.Source));
        }

        foreach (var link in plan.ChannelLinksToAdd)
        {
            await RunMergeStatementAsync(connection, transaction, """
                INSERT OR IGNORE INTO channel_company(channel_id, company_id, role, note, source) VALUES ($channel, $company, $role, $note, $source)
                """, cancellationToken,
                ("$channel", link.ChannelId), ("$company", plan.SurvivorId), ("$role", link.Role), ("$note", link.Note), ("$source", link.Source));
        }

        await RunMergeStatementAsync(connection, transaction, "UPDATE project SET company_id = $survivor WHERE company_id = $merged", cancellationToken,
            ("$survivor", plan.SurvivorId), ("$merged", plan.MergedId));
        await RunMergeStatementAsync(connection, transaction, "UPDATE project_activity SET company_id = $survivor WHERE company_id = $merged", cancellationToken,
            ("$survivor", plan.SurvivorId), ("$merged", plan.MergedId));

        // Its memberships, rejections, relations and channel links go with it (ON DELETE CASCADE), and its discovery rows by trigger.
        await RunMergeStatementAsync(connection, transaction, "DELETE FROM company WHERE id = $merged", cancellationToken, ("$merged", plan.MergedId));

        // Every merge changes the survivor (what refers to it, at least): an edit made from an older view of it is refused.
        await RunMergeStatementAsync(connection, transaction, "UPDATE company SET version = version + 1, updated_at = $now WHERE id = $survivor", cancellationToken,
            ("$survivor", plan.SurvivorId), ("$now", now));

        if (plan.SurvivorChanged)
        {
            var c = plan.Survivor;
            await RunMergeStatementAsync(connection, transaction, """
                UPDATE company SET identity_key = $key, uscc = $uscc, region_code = $region, province_code = $province, city_code = $city,
                    county_code = $county, registered_capital = $capital, founded = $founded, employees = $employees, revenue = $revenue,
                    listed_code = $listed, tags = $tags, products = $products, address = $address, industry = $industry, scope = $scope,
                    strength = $strength, provenance = $provenance, updated_at = $now
                WHERE id = $id
                """, cancellationToken,
                ("$id", c.Id), ("$key", c.IdentityKey), ("$uscc", c.Uscc), ("$region", c.RegionCode), ("$province", c.ProvinceCode),
                ("$city", c.CityCode), ("$county", c.CountyCode), ("$capital", c.RegisteredCapital is { } capital ? (double)capital : null),
                ("$founded", c.Founded?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("$employees", c.Employees),
                ("$revenue", c.Revenue is { } revenue ? (double)revenue : null), ("$listed", c.ListedCode), ("$tags", c.JoinedTags),
                ("$products", c.Products), ("$address", c.Address), ("$industry", c.Industry), ("$scope", c.Scope), ("$strength", c.Strength),
                ("$provenance", c.Provenance.ToJson()), ("$now", now));
        }

        foreach (var membership in plan.MembershipsToWrite)
        {
            await RunMergeStatementAsync(connection, transaction, """
                INSERT INTO company_segment(company_id, segment_code, chain_code, role, confidence, evidence, source, status)
                SELECT $id, code, chain_code, $role, $confidence, $evidence, $source, $status FROM membership_target WHERE code = $segment
                ON CONFLICT(company_id, segment_code) DO UPDATE SET role = excluded.role, confidence = excluded.confidence,
                    evidence = excluded.evidence, source = excluded.source, status = excluded.status
                """, cancellationToken,
                ("$id", plan.SurvivorId), ("$segment", membership.SegmentCode), ("$role", membership.Role), ("$confidence", membership.Confidence),
                ("$evidence", membership.Evidence), ("$source", membership.Source), ("$status", membership.Status.ToWire()));
        }

        foreach (var segment in plan.MembershipsToRemove)
        {
            await RunMergeStatementAsync(connection, transaction, "DELETE FROM company_segment WHERE company_id = $id AND segment_code = $segment", cancellationToken,
                ("$id", plan.SurvivorId), ("$segment", segment));
        }

        foreach (var segment in plan.RejectionsToDrop)
        {
            await RunMergeStatementAsync(connection, transaction, "DELETE FROM membership_rejection WHERE company_id = $id AND segment_code = $segment", cancellationToken,
                ("$id", plan.SurvivorId), ("$segment", segment));
        }

        foreach (var rejection in plan.RejectionsToAdd)
        {
            await RunMergeStatementAsync(connection, transaction, """
                INSERT INTO membership_rejection(company_id, segment_code, at, by) VALUES ($id, $segment, $at, $by)
                ON CONFLICT(company_id, segment_code) DO NOTHING
                """, cancellationToken,
                ("$id", plan.SurvivorId), ("$segment", rejection.SegmentCode), ("$at", rejection.At.ToString("O", CultureInfo.InvariantCulture)), ("$by", rejection.By));
        }

        await RunMergeStatementAsync(connection, transaction, "UPDATE company_merged SET into_id = $survivor WHERE into_id = $merged", cancellationToken,
            ("$survivor", plan.SurvivorId), ("$merged", plan.MergedId));
        await RunMergeStatementAsync(connection, transaction, "INSERT OR REPLACE INTO company_merged(id, into_id, at) VALUES ($merged, $survivor, $at)", cancellationToken,
            ("$survivor", plan.SurvivorId), ("$merged", plan.MergedId), ("$at", now));
    }

    private static async Task<MergeSide?> LoadMergeSideAsync(SqliteConnection connection, SqliteTransaction transaction, long id, CancellationToken cancellationToken)
    {
        StoredCompany? company = null;
        await using (var read = Command(connection, """
            SELECT id, identity_key, uscc, name, name_key, region_code, province_code, city_code, county_code, registered_capital, founded,
                employees, revenue, listed_code, tags, products, address, industry, scope, strength, provenance, version
            FROM company WHERE id = $id
            """, transaction))
        {
            read.Parameters.AddWithValue("$id", id);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                company = new StoredCompany(
                    reader.GetInt64(0), reader.GetString(1), NullableString(reader, 2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                    reader.GetString(6), NullableString(reader, 7), NullableString(reader, 8),
                    reader.IsDBNull(9) ? null : (decimal)reader.GetDouble(9),
                    reader.IsDBNull(10) ? null : DateOnly.ParseExact(reader.GetString(10), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    reader.IsDBNull(11) ? null : reader.GetInt32(11),
                    reader.IsDBNull(12) ? null : (decimal)reader.GetDouble(12),
                    NullableString(reader, 13), reader.GetString(14), NullableString(reader, 15), NullableString(reader, 16),
                    NullableString(reader, 17), NullableString(reader, 18), reader.GetDouble(19), FieldProvenance.FromJson(reader.GetString(20)), [],
                    reader.GetInt64(21));
            }
        }

        if (company is null)
        {
            return null;
        }

        var memberships = new List<SegmentMembership>();
        await using (var read = Command(connection, """
            SELECT segment_code, role, confidence, evidence, source, status FROM company_segment WHERE company_id = $id ORDER BY segment_code
            """, transaction))
        {
            read.Parameters.AddWithValue("$id", id);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                memberships.Add(new SegmentMembership(reader.GetString(0), NullableString(reader, 1), reader.GetDouble(2), NullableString(reader, 3),
                    NullableString(reader, 4), reader.GetString(5) == "unconfirmed" ? MembershipStatus.Unconfirmed : MembershipStatus.Confirmed));
            }
        }

        var relations = new List<CompanyRelation>();
        await using (var read = Command(connection, """
            SELECT from_id, to_id, kind, note, source FROM company_relation WHERE from_id = $id
            UNION SELECT from_id, to_id, kind, note, source FROM company_relation WHERE to_id = $id
            ORDER BY 1, 2, 3
            """, transaction))
        {
            read.Parameters.AddWithValue("$id", id);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                CompanyRelationKinds.TryParse(reader.GetString(2), out var kind);
                relations.Add(new CompanyRelation(reader.GetInt64(0), reader.GetInt64(1), kind, NullableString(reader, 3), NullableString(reader, 4)));
            }
        }

        var links = new List<MergeChannelLink>();
        await using (var read = Command(connection, "SELECT channel_id, role, note, source FROM channel_company WHERE company_id = $id ORDER BY channel_id", transaction))
        {
            read.Parameters.AddWithValue("$id", id);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                links.Add(new MergeChannelLink(reader.GetInt64(0), reader.GetString(1), NullableString(reader, 2), NullableString(reader, 3)));
            }
        }

        var projects = new List<MergeProject>();
        await using (var read = Command(connection, "SELECT id, stage <> 'terminated' FROM project WHERE company_id = $id ORDER BY id", transaction))
        {
            read.Parameters.AddWithValue("$id", id);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                projects.Add(new MergeProject(reader.GetInt64(0), reader.GetInt64(1) != 0));
            }
        }

        var rejections = new List<MembershipRejection>();
        await using (var read = Command(connection, "SELECT segment_code, at, by FROM membership_rejection WHERE company_id = $id ORDER BY segment_code", transaction))
        {
            read.Parameters.AddWithValue("$id", id);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rejections.Add(new MembershipRejection(id, reader.GetString(0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture), NullableString(reader, 2)));
            }
        }

        return new MergeSide(company with { Memberships = memberships }, relations, links, projects, rejections);
    }

    private static async Task RunMergeStatementAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
