using System.Globalization;
using ChainMap.Domain;
using ChainMap.Text;
using Microsoft.Data.Sqlite;

namespace ChainMap.Storage.Sqlite;

internal sealed partial class SqliteStore
{
    public async Task<IReadOnlyList<Chain>> ListChainsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT code, name, category, description FROM chain");
        var chains = new List<Chain>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            chains.Add(ReadChain(reader));
        }

        return chains.OrderBy(c => c.Category).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
    }

    public async Task<ChainDefinition?> GetChainAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        Chain? chain = null;
        await using (var command = Command(connection, "SELECT code, name, category, description FROM chain WHERE code = $code"))
        {
            command.Parameters.AddWithValue("$code", code);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                chain = ReadChain(reader);
            }
        }

        if (chain is null)
        {
            return null;
        }

        var segments = new List<Segment>();
        await using (var command = Command(connection, """
            SELECT code, name, tier, parent_code, aliases, products, keywords, industry_codes
            FROM segment WHERE chain_code = $code ORDER BY ordinal
            """))
        {
            command.Parameters.AddWithValue("$code", code);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                Tiers.TryParse(reader.GetString(2), out var tier);
                segments.Add(new Segment(
                    reader.GetString(0), code, reader.GetString(1), tier, NullableString(reader, 3),
                    SplitList(reader.GetString(4)), SplitList(reader.GetString(5)), SplitList(reader.GetString(6)), SplitList(reader.GetString(7))));
            }
        }

        var flows = new List<FlowEdge>();
        await using (var command = Command(connection, "SELECT from_code, to_code, description FROM flow WHERE chain_code = $code ORDER BY from_code, to_code"))
        {
            command.Parameters.AddWithValue("$code", code);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                flows.Add(new FlowEdge(code, reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        return new ChainDefinition(chain, segments, flows);
    }

    public async Task<bool> SaveChainAsync(ChainDefinition definition, CancellationToken cancellationToken)
    {
        var chain = definition.Chain;
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

        bool isNew;
        await using (var exists = Command(connection, "SELECT count(*) FROM chain WHERE code = $code", transaction))
        {
            exists.Parameters.AddWithValue("$code", chain.Code);
            isNew = Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0;
        }

        await using (var upsert = Command(connection, """
            INSERT INTO chain(code, name, name_key, category, description) VALUES ($code, $name, $key, $category, $description)
            ON CONFLICT(code) DO UPDATE SET name = excluded.name, name_key = excluded.name_key,
                category = excluded.category, description = excluded.description
            """, transaction))
        {
            upsert.Parameters.AddWithValue("$code", chain.Code);
            upsert.Parameters.AddWithValue("$name", chain.Name);
            upsert.Parameters.AddWithValue("$key", ChineseText.Fold(chain.Name));
            upsert.Parameters.AddWithValue("$category", chain.Category.ToWire());
            upsert.Parameters.AddWithValue("$description", chain.Description);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var clearFlows = Command(connection, "DELETE FROM flow WHERE chain_code = $code", transaction))
        {
            clearFlows.Parameters.AddWithValue("$code", chain.Code);
            await clearFlows.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var dropMemberships = Command(connection, """
            DELETE FROM company_segment WHERE chain_code = $code AND segment_code <> $code AND segment_code NOT IN (SELECT value FROM json_each($keep))
            """, transaction))
        {
            dropMemberships.Parameters.AddWithValue("$code", chain.Code);
            dropMemberships.Parameters.AddWithValue("$keep", Json(definition.Segments.Select(s => s.Code).ToList()));
            await dropMemberships.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var clearSegments = Command(connection, "DELETE FROM segment WHERE chain_code = $code", transaction))
        {
            clearSegments.Parameters.AddWithValue("$code", chain.Code);
            await clearSegments.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var insertSegment = Command(connection, """
            INSERT INTO segment(code, chain_code, ordinal, name, tier, parent_code, aliases, products, keywords, industry_codes)
            VALUES ($code, $chain, $ordinal, $name, $tier, $parent, $aliases, $products, $keywords, $industry)
            """, transaction))
        {
            var ordinal = 0;
            foreach (var segment in definition.Segments)
            {
                insertSegment.Parameters.Clear();
                insertSegment.Parameters.AddWithValue("$code", segment.Code);
                insertSegment.Parameters.AddWithValue("$chain", chain.Code);
                insertSegment.Parameters.AddWithValue("$ordinal", ordinal++);
                insertSegment.Parameters.AddWithValue("$name", segment.Name);
                insertSegment.Parameters.AddWithValue("$tier", segment.Tier.ToWire());
                insertSegment.Parameters.AddWithValue("$parent", Db(segment.ParentCode));
                insertSegment.Parameters.AddWithValue("$aliases", JoinList(segment.Aliases));
                insertSegment.Parameters.AddWithValue("$products", JoinList(segment.Products));
                insertSegment.Parameters.AddWithValue("$keywords", JoinList(segment.Keywords));
                insertSegment.Parameters.AddWithValue("$industry", JoinList(segment.IndustryCodes));
                await insertSegment.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using (var insertFlow = Command(connection, """
            INSERT INTO flow(chain_code, from_code, to_code, description) VALUES ($chain, $from, $to, $description)
            """, transaction))
        {
            foreach (var flow in definition.Flows)
            {
                insertFlow.Parameters.Clear();
                insertFlow.Parameters.AddWithValue("$chain", chain.Code);
                insertFlow.Parameters.AddWithValue("$from", flow.From);
                insertFlow.Parameters.AddWithValue("$to", flow.To);
                insertFlow.Parameters.AddWithValue("$description", flow.Description);
                await insertFlow.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return isNew;
    }

    public async Task<IReadOnlyList<SegmentPresence>> CountBySegmentAsync(string chainCode, IReadOnlyCollection<string> regionCodes, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        if (regionCodes.Count == 1 && RegionScope.LevelOf(regionCodes.First()) is not null)
        {
            return await CountBySegmentInOneRegionAsync(connection, chainCode, regionCodes.First(), cancellationToken);
        }

        var scope = new SqlRegionScope(RegionScope.Of(regionCodes), "regions");
        await using var command = Command(connection, $"""
            SELECT cs.segment_code, count(*), coalesce(sum(c.registered_capital), 0), coalesce(sum(c.strength), 0)
            FROM company_segment cs JOIN company c ON c.id = cs.company_id
            WHERE cs.chain_code = $chain AND cs.status = 'confirmed' AND cs.segment_code <> cs.chain_code
              AND {scope.Where("c")}
            GROUP BY cs.segment_code
            """);
        command.Parameters.AddWithValue("$chain", chainCode);
        scope.Bind(command);
        var result = new List<SegmentPresence>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new SegmentPresence(reader.GetString(0), reader.GetInt32(1), (decimal)reader.GetDouble(2), reader.GetDouble(3)));
        }

        return result;
    }

    /// <summary>
    /// One division's figures per segment of the chain (the chain map's home counts) from discovery_count, which the
    /// triggers keep per segment and division for the confirmed segment memberships (ADR 0023, migration 240): the same
    /// rule as the join above, read in a few rows instead of every membership of the chain (2.7–4.6 s a chain map at 1M
    /// companies, ADR 0415). A division's row holds every company in it, its counties' included; rows emptied by later
    /// writes stay with 0 companies and are skipped. While an import defers the triggers (ADR 0255) the figures are those
    /// of its start until it ends, as every discovery figure.
    /// </summary>
    private static async Task<IReadOnlyList<SegmentPresence>> CountBySegmentInOneRegionAsync(
        SqliteConnection connection, string chainCode, string regionCode, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, """
            SELECT c.segment_code, c.companies, c.capital, c.strength
            FROM segment s JOIN discovery_count c ON c.segment_code = s.code AND c.region_code = $region
            WHERE s.chain_code = $chain AND s.code <> $chain AND c.companies > 0
            """);
        command.Parameters.AddWithValue("$chain", chainCode);
        command.Parameters.AddWithValue("$region", regionCode);
        var result = new List<SegmentPresence>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new SegmentPresence(reader.GetString(0), checked((int)reader.GetInt64(1)), (decimal)reader.GetDouble(2), reader.GetDouble(3)));
        }

        return result;
    }

    private static Chain ReadChain(SqliteDataReader reader)
    {
        ChainCategories.TryParse(reader.GetString(2), out var category);
        return new Chain(reader.GetString(0), reader.GetString(1), category, reader.GetString(3));
    }
}
