using System.Globalization;
using ChainMap.Domain;
using Microsoft.Data.Sqlite;

namespace ChainMap.Storage.Sqlite;

internal sealed partial class SqliteStore
{
    public async Task<bool> SetMembershipStatusAsync(long companyId, string segmentCode, MembershipStatus status, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

        // The trigger on status moves the row into discovery_member (or out of it). An analyst's change of a membership
        // moves the company's version on (ADR 0197).
        await using var command = Command(connection, """
            UPDATE company_segment SET status = $status, source = $source
            WHERE company_id = $id AND segment_code = $segment
            """, transaction);
        command.Parameters.AddWithValue("$status", status.ToWire());
        command.Parameters.AddWithValue("$source", MembershipSources.Analyst);
        command.Parameters.AddWithValue("$id", companyId);
        command.Parameters.AddWithValue("$segment", segmentCode);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }

        await using var bump = Command(connection, "UPDATE company SET version = version + 1 WHERE id = $id", transaction);
        bump.Parameters.AddWithValue("$id", companyId);
        await bump.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyDictionary<string, int>> CountUnconfirmedBySegmentAsync(string chainCode, IReadOnlyCollection<string>? regionCodes, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var scope = new SqlRegionScope(RegionScope.Of(regionCodes), "regions");
        await using var command = Command(connection, $"""
            SELECT cs.segment_code, count(*)
            FROM company_segment cs JOIN segment s ON s.code = cs.segment_code JOIN company c ON c.id = cs.company_id
            WHERE cs.status = 'unconfirmed' AND s.chain_code = $chain
              AND {scope.Where("c")}
            GROUP BY cs.segment_code
            """);
        command.Parameters.AddWithValue("$chain", chainCode);
        scope.Bind(command);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetString(0)] = reader.GetInt32(1);
        }

        return result;
    }

    public async Task<long> CountChainLevelAsync(string chainCode, CancellationToken cancellationToken)
    {
        // A chain-level membership is the one row whose segment code is the chain's own (no segment code is a chain code,
        // ADR 0370): a seek on company_segment_by_segment. The review queue's filter (chain_code and segment_code) let the
        // planner walk every membership of the chain on company_segment_by_chain instead: ~50 ms at 1M (ADR 0415).
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT count(*) FROM company_segment WHERE segment_code = $chain");
        command.Parameters.AddWithValue("$chain", chainCode);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<Company>> ListCompaniesAfterAsync(long afterId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var ids = new List<long>();
        await using (var command = Command(connection, "SELECT id FROM company WHERE id > $after ORDER BY id LIMIT $limit"))
        {
            command.Parameters.AddWithValue("$after", afterId);
            command.Parameters.AddWithValue("$limit", Math.Max(limit, 0));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        return await ReadCompaniesAsync(connection, ids, cancellationToken);
    }

    public async Task ReplaceClassifiedMembershipsAsync(IReadOnlyList<ClassifiedMemberships> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var delete = Command(connection, "DELETE FROM company_segment WHERE company_id = $id AND source LIKE 'classifier:%'", transaction);
        delete.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        await using var insert = Command(connection, """
            INSERT INTO company_segment(company_id, segment_code, chain_code, role, confidence, evidence, source, status)
            SELECT $id, s.code, s.chain_code, $role, $confidence, $evidence, $source, $status FROM membership_target s
            WHERE s.code = $segment AND EXISTS (SELECT 1 FROM company WHERE id = $id)
            ON CONFLICT(company_id, segment_code) DO NOTHING
            """, transaction);
        foreach (var name in new[] { "$id", "$segment", "$role", "$confidence", "$evidence", "$source", "$status" })
        {
            insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        foreach (var company in batch)
        {
            delete.Parameters[0].Value = company.CompanyId;
            await delete.ExecuteNonQueryAsync(cancellationToken);
            foreach (var m in company.Memberships)
            {
                var p = insert.Parameters;
                p[0].Value = company.CompanyId;
                p[1].Value = m.SegmentCode;
                p[2].Value = Db(m.Role);
                p[3].Value = m.Confidence;
                p[4].Value = Db(m.Evidence);
                p[5].Value = MembershipSources.IsClassifier(m.Source) ? m.Source : MembershipSources.Reclassify;
                p[6].Value = m.Status.ToWire();
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
