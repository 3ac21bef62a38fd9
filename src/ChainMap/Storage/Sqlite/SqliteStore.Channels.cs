using System.Globalization;
using ChainMap.Domain;
using ChainMap.Text;
using Microsoft.Data.Sqlite;

namespace ChainMap.Storage.Sqlite;

internal sealed partial class SqliteStore
{
    private const string ChannelColumns = "h.id, h.code, h.name, h.kind, h.region_code, h.province_code, h.city_code, h.county_code, h.contact, h.note, h.source";

    public async Task<IReadOnlyDictionary<string, long>> UpsertChannelsAsync(IReadOnlyList<ChannelRecord> channels, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var upsert = Command(connection, """
            INSERT INTO channel(code, name, name_key, kind, region_code, province_code, city_code, county_code, contact, note, source)
            VALUES ($code, $name, $key, $kind, $region, $province, $city, $county, $contact, $note, $source)
            ON CONFLICT(code) DO UPDATE SET name = excluded.name, name_key = excluded.name_key, kind = excluded.kind,
                region_code = excluded.region_code, province_code = excluded.province_code, city_code = excluded.city_code,
                county_code = excluded.county_code, contact = excluded.contact, note = excluded.note, source = excluded.source
            RETURNING id
            """, transaction);
        await using var clearTies = Command(connection, "DELETE FROM channel_tie WHERE channel_id = $id", transaction);
        await using var insertTie = Command(connection, """
            INSERT OR REPLACE INTO channel_tie(channel_id, region_code, province_code, city_code, county_code)
            VALUES ($id, $region, $province, $city, $county)
            """, transaction);
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var channel in channels)
        {
            upsert.Parameters.Clear();
            upsert.Parameters.AddWithValue("$code", channel.Code);
            upsert.Parameters.AddWithValue("$name", channel.Name);
            upsert.Parameters.AddWithValue("$key", ChineseText.Fold(channel.Name));
            upsert.Parameters.AddWithValue("$kind", channel.Kind.ToWire());
            upsert.Parameters.AddWithValue("$region", Db(channel.Region?.Code));
            upsert.Parameters.AddWithValue("$province", Db(channel.Region?.ProvinceCode));
            upsert.Parameters.AddWithValue("$city", Db(channel.Region?.CityCode));
            upsert.Parameters.AddWithValue("$county", Db(channel.Region?.CountyCode));
            upsert.Parameters.AddWithValue("$contact", Db(channel.Contact));
            upsert.Parameters.AddWithValue("$note", Db(channel.Note));
            upsert.Parameters.AddWithValue("$source", Db(channel.Source));
            var id = Convert.ToInt64(await upsert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            ids[channel.Code] = id;

            clearTies.Parameters.Clear();
            clearTies.Parameters.AddWithValue("$id", id);
            await clearTies.ExecuteNonQueryAsync(cancellationToken);
            foreach (var tie in channel.Ties)
            {
                insertTie.Parameters.Clear();
                insertTie.Parameters.AddWithValue("$id", id);
                insertTie.Parameters.AddWithValue("$region", tie.Code);
                insertTie.Parameters.AddWithValue("$province", tie.ProvinceCode);
                insertTie.Parameters.AddWithValue("$city", Db(tie.CityCode));
                insertTie.Parameters.AddWithValue("$county", Db(tie.CountyCode));
                await insertTie.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    public async Task<IReadOnlyDictionary<string, long>> FindChannelIdsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT code, id FROM channel WHERE code IN (SELECT value FROM json_each($codes))");
        command.Parameters.AddWithValue("$codes", Json(codes));
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[reader.GetString(0)] = reader.GetInt64(1);
        }

        return found;
    }

    public async Task<int> SaveChannelLinksAsync(IReadOnlyList<ChannelLink> links, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var existsCompany = Command(connection, "SELECT count(*) FROM channel_company WHERE channel_id = $channel AND company_id = $other", transaction);
        await using var existsChannel = Command(connection, "SELECT count(*) FROM channel_channel WHERE channel_id = $channel AND member_id = $other", transaction);
        await using var upsertCompany = Command(connection, """
            INSERT INTO channel_company(channel_id, company_id, role, note, source) VALUES ($channel, $other, $role, $note, $source)
            ON CONFLICT(channel_id, company_id) DO UPDATE SET role = excluded.role, note = coalesce(excluded.note, note), source = coalesce(excluded.source, source)
            """, transaction);
        await using var upsertChannel = Command(connection, """
            INSERT INTO channel_channel(channel_id, member_id, role, note, source) VALUES ($channel, $other, $role, $note, $source)
            ON CONFLICT(channel_id, member_id) DO UPDATE SET role = excluded.role, note = coalesce(excluded.note, note), source = coalesce(excluded.source, source)
            """, transaction);
        var added = 0;
        foreach (var link in links)
        {
            var isCompany = link.CompanyId is not null;
            var other = link.CompanyId ?? link.OtherChannelId
                ?? throw new ArgumentException($"A link of channel {link.ChannelId} names neither a company nor a channel.", nameof(links));
            var exists = isCompany ? existsCompany : existsChannel;
            var upsert = isCompany ? upsertCompany : upsertChannel;
            exists.Parameters.Clear();
            exists.Parameters.AddWithValue("$channel", link.ChannelId);
            exists.Parameters.AddWithValue("$other", other);
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
            {
                added++;
            }

            upsert.Parameters.Clear();
            upsert.Parameters.AddWithValue("$channel", link.ChannelId);
            upsert.Parameters.AddWithValue("$other", other);
            upsert.Parameters.AddWithValue("$role", link.Role.ToWire());
            upsert.Parameters.AddWithValue("$note", Db(link.Note));
            upsert.Parameters.AddWithValue("$source", Db(link.Source));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public async Task<Paged<Channel>> SearchChannelsAsync(ChannelQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var where = new List<string>();
        var parameters = new List<(string Name, object Value)>();
        if (!string.IsNullOrEmpty(query.NameContains))
        {
            where.Add("instr(h.name_key, $name) > 0");
            parameters.Add(("$name", ChineseText.Fold(query.NameContains)));
        }

        if (query.Kind is { } kind)
        {
            where.Add("h.kind = $kind");
            parameters.Add(("$kind", kind.ToWire()));
        }

        if (query.RegionCodes is { Count: > 0 })
        {
            var regions = new SqlRegionScope(RegionScope.Of(query.RegionCodes), "regions");
            where.Add(regions.Where("h"));
            regions.Bind(parameters);
        }

        var filter = where.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", where);
        var total = await CountAsync(connection, $"SELECT count(*) FROM channel h {filter}", parameters, cancellationToken);

        var items = new List<Channel>();
        await using (var page = Command(connection, $"SELECT {ChannelColumns} FROM channel h {filter} ORDER BY h.kind, h.name_key, h.id LIMIT $limit OFFSET $offset", parameters))
        {
            page.Parameters.AddWithValue("$limit", query.PageSize);
            page.Parameters.AddWithValue("$offset", (long)(query.Page - 1) * query.PageSize);
            await using var reader = await page.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(ReadChannel(reader));
            }
        }

        var ties = await ReadTiesAsync(connection, items.Select(c => c.Id).ToList(), cancellationToken);
        return new Paged<Channel>(items.Select(c => c with { Ties = ties.GetValueOrDefault(c.Id) ?? [] }).ToList(), query.Page, query.PageSize, total);
    }

    public async Task<ChannelDetail?> GetChannelAsync(long id, int linkLimit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        Channel? channel = null;
        await using (var command = Command(connection, $"SELECT {ChannelColumns} FROM channel h WHERE h.id = $id"))
        {
            command.Parameters.AddWithValue("$id", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                channel = ReadChannel(reader);
            }
        }

        if (channel is null)
        {
            return null;
        }

        var ties = await ReadTiesAsync(connection, [id], cancellationToken);
        channel = channel with { Ties = ties.GetValueOrDefault(id) ?? [] };

        int count;
        await using (var command = Command(connection, """
            SELECT (SELECT count(*) FROM channel_company WHERE channel_id = $id)
                 + (SELECT count(*) FROM channel_channel WHERE channel_id = $id OR member_id = $id)
            """))
        {
            command.Parameters.AddWithValue("$id", id);
            count = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        var links = new List<ChannelLinkView>();
        await using (var command = Command(connection, """
            SELECT * FROM (
                SELECT 0 AS sort, l.role AS role, l.note AS note, 1 AS outgoing, c.id AS company_id, c.name AS company_name, c.region_code AS company_region,
                       NULL AS channel_id, NULL AS channel_name, NULL AS channel_kind, c.strength AS weight
                FROM channel_company l JOIN company c ON c.id = l.company_id WHERE l.channel_id = $id
                UNION ALL
                SELECT 1, l.role, l.note, 1, NULL, NULL, NULL, o.id, o.name, o.kind, 0
                FROM channel_channel l JOIN channel o ON o.id = l.member_id WHERE l.channel_id = $id
                UNION ALL
                SELECT 1, l.role, l.note, 0, NULL, NULL, NULL, o.id, o.name, o.kind, 0
                FROM channel_channel l JOIN channel o ON o.id = l.channel_id WHERE l.member_id = $id)
            ORDER BY sort, weight DESC, coalesce(company_id, channel_id), outgoing DESC
            LIMIT $limit
            """))
        {
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$limit", linkLimit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ChannelRoles.TryParse(reader.GetString(1), out var role);
                ChannelKind? otherKind = null;
                if (!reader.IsDBNull(9) && ChannelKinds.TryParse(reader.GetString(9), out var parsedKind))
                {
                    otherKind = parsedKind;
                }

                links.Add(new ChannelLinkView(
                    role, NullableString(reader, 2), reader.GetInt64(3) == 1,
                    reader.IsDBNull(4) ? null : reader.GetInt64(4), NullableString(reader, 5), NullableString(reader, 6),
                    reader.IsDBNull(7) ? null : reader.GetInt64(7), NullableString(reader, 8), otherKind));
            }
        }

        return new ChannelDetail(channel, links, count);
    }

    private static async Task<Dictionary<long, List<RegionPlace>>> ReadTiesAsync(SqliteConnection connection, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var ties = new Dictionary<long, List<RegionPlace>>();
        if (ids.Count == 0)
        {
            return ties;
        }

        await using var command = Command(connection, """
            SELECT channel_id, region_code, province_code, city_code, county_code FROM channel_tie
            WHERE channel_id IN (SELECT value FROM json_each($ids)) ORDER BY channel_id, region_code
            """);
        command.Parameters.AddWithValue("$ids", System.Text.Json.JsonSerializer.Serialize(ids));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt64(0);
            if (!ties.TryGetValue(id, out var list))
            {
                ties[id] = list = [];
            }

            list.Add(new RegionPlace(reader.GetString(1), reader.GetString(2), NullableString(reader, 3), NullableString(reader, 4)));
        }

        return ties;
    }

    private static Channel ReadChannel(SqliteDataReader reader)
    {
        ChannelKinds.TryParse(reader.GetString(3), out var kind);
        var region = reader.IsDBNull(4) ? null : new RegionPlace(reader.GetString(4), reader.GetString(5), NullableString(reader, 6), NullableString(reader, 7));
        return new Channel(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), kind, region, [], NullableString(reader, 8), NullableString(reader, 9), NullableString(reader, 10));
    }
}
