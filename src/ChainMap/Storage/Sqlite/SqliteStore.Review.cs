using System.Globalization;
using System.Text.Json;
using ChainMap.Domain;
using Microsoft.Data.Sqlite;

namespace ChainMap.Storage.Sqlite;

/// <summary>The review queue's reads and the analysts' membership writes (ADR 0180): memberships in <c>company_segment</c>, rejections in <c>membership_rejection</c>.</summary>
internal sealed partial class SqliteStore
{
    public async Task<MembershipListPage> ListMembershipsAsync(MembershipListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await OpenAsync(cancellationToken);
        var conditions = new QueryConditions()
            .Add(query.Status?.ToWire(), "cs.status = $status", "$status")
            .Add(query.ConfidenceBelow, "cs.confidence < $below", "$below")
            .Add(query.ChainCode, "cs.chain_code = $chain", "$chain")
            .Add(query.Segments is { } segments ? JsonSerializer.Serialize(segments) : null, "cs.segment_code IN (SELECT value FROM json_each($segments))", "$segments")

            // The companies the job wrote: those whose provenance names it (a source of the stored form, ADR 0350).
            .Add(query.ImportId, "EXISTS (SELECT 1 FROM json_each(c.provenance) p WHERE p.key = $import)", "$import");
        if (query.RegionCodes is { } regions)
        {
            var scope = new SqlRegionScope(RegionScope.Of(regions), "regions");
            conditions.Add(scope.Where("c"));
            scope.Bind(conditions.Parameters);
        }

        var parameters = conditions.Parameters;
        var from = $"""
            FROM company_segment cs JOIN company c ON c.id = cs.company_id
            WHERE {conditions.Where("1")}
            """;
        long total;
        await using (var count = Command(connection, $"SELECT count(*) {from}", parameters))
        {
            total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        var items = new List<MembershipListItem>();
        await using (var select = Command(connection, $"""
            SELECT cs.company_id, c.name, c.region_code, cs.chain_code, cs.segment_code, cs.role, cs.confidence, cs.evidence, cs.source, cs.status
            {from}
            ORDER BY cs.confidence, cs.company_id, cs.segment_code
            LIMIT $limit OFFSET $offset
            """, [.. parameters, ("$limit", query.PageSize), ("$offset", (long)(query.Page - 1) * query.PageSize)]))
        {
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new MembershipListItem(
                    reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    new SegmentMembership(reader.GetString(4), NullableString(reader, 5), reader.GetDouble(6), NullableString(reader, 7), NullableString(reader, 8), ReadStatus(reader, 9))));
            }
        }

        return new MembershipListPage(items, query.Page, query.PageSize, total);
    }

    public async Task<MembershipWriteResult> ApplyMembershipWritesAsync(
        IReadOnlyList<MembershipWrite> writes, IReadOnlyDictionary<long, long> expectedVersions, DateTimeOffset at, string? by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        ArgumentNullException.ThrowIfNull(expectedVersions);
        if (writes.Count == 0)
        {
            return new MembershipWriteResult(new Dictionary<long, long>());
        }

        await using var connection = await OpenWriterAsync(cancellationToken);

        // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default): the versions read here stay true until the commit.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (companyId, expected) in expectedVersions.OrderBy(p => p.Key))
        {
            var current = await VersionAsync(connection, transaction, companyId, cancellationToken);
            if (current != expected)
            {
                return new MembershipWriteResult(new Dictionary<long, long>(), companyId, current);
            }
        }

        var when = at.ToString("O", CultureInfo.InvariantCulture);
        foreach (var write in writes)
        {
            if (write.Membership is not { } m)
            {
                await using var remove = Command(connection, """
                    DELETE FROM company_segment WHERE company_id = $id AND segment_code = $segment;
                    INSERT INTO membership_rejection(company_id, segment_code, at, by)
                    SELECT $id, $segment, $at, $by WHERE EXISTS (SELECT 1 FROM company WHERE id = $id)
                    ON CONFLICT(company_id, segment_code) DO UPDATE SET at = excluded.at, by = excluded.by;
                    """, transaction);
                remove.Parameters.AddWithValue("$id", write.CompanyId);
                remove.Parameters.AddWithValue("$segment", write.SegmentCode);
                remove.Parameters.AddWithValue("$at", when);
                remove.Parameters.AddWithValue("$by", Db(by));
                await remove.ExecuteNonQueryAsync(cancellationToken);
                continue;
            }

            await using var store = Command(connection, """
                DELETE FROM membership_rejection WHERE company_id = $id AND segment_code = $segment;
                INSERT INTO company_segment(company_id, segment_code, chain_code, role, confidence, evidence, source, status)
                SELECT $id, s.code, s.chain_code, $role, $confidence, $evidence, $source, $status FROM membership_target s
                WHERE s.code = $segment AND EXISTS (SELECT 1 FROM company WHERE id = $id)
                ON CONFLICT(company_id, segment_code) DO UPDATE SET role = excluded.role, confidence = excluded.confidence,
                    evidence = excluded.evidence, source = excluded.source, status = excluded.status;
                """, transaction);
            store.Parameters.AddWithValue("$id", write.CompanyId);
            store.Parameters.AddWithValue("$segment", m.SegmentCode);
            store.Parameters.AddWithValue("$role", Db(m.Role));
            store.Parameters.AddWithValue("$confidence", m.Confidence);
            store.Parameters.AddWithValue("$evidence", Db(m.Evidence));
            store.Parameters.AddWithValue("$source", Db(m.Source));
            store.Parameters.AddWithValue("$status", m.Status.ToWire());
            await store.ExecuteNonQueryAsync(cancellationToken);
        }

        // Each company the decisions touched moves one version on, so an edit made from an older view of it is refused.
        var versions = new Dictionary<long, long>();
        await using (var bump = Command(connection, """
            UPDATE company SET version = version + 1, updated_at = $at WHERE id IN (SELECT value FROM json_each($ids)) RETURNING id, version
            """, transaction))
        {
            bump.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(writes.Select(w => w.CompanyId).Distinct().ToList()));
            bump.Parameters.AddWithValue("$at", when);
            await using var reader = await bump.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                versions[reader.GetInt64(0)] = reader.GetInt64(1);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new MembershipWriteResult(versions);
    }

    public async Task<IReadOnlyList<MembershipRejection>> ListRejectionsAsync(IReadOnlyCollection<long> companyIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(companyIds);
        if (companyIds.Count == 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, """
            SELECT company_id, segment_code, at, by FROM membership_rejection
            WHERE company_id IN (SELECT value FROM json_each($ids)) ORDER BY company_id, segment_code
            """);
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(companyIds));
        var result = new List<MembershipRejection>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new MembershipRejection(reader.GetInt64(0), reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture), NullableString(reader, 3)));
        }

        return result;
    }
}
