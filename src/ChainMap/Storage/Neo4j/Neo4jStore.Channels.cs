using System.Text.Json;
using ChainMap.Domain;
using ChainMap.Text;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// <c>(:Channel {id, code, name, nameKey, kind, regionCode, provinceCode, cityCode, countyCode, contact, note, source, ties})</c>
/// with the ties (regions the channel is tied to) as JSON; links are
/// <c>(:Channel)-[:LINKS {role, note, source}]-&gt;(:Company | :Channel)</c> (the target is the member).
/// Ids come from <c>(:Sequence {name: 'channel', next})</c>.
/// </summary>
internal sealed partial class Neo4jStore
{
    private const string ChannelMap = """
        {id: h.id, code: h.code, name: h.name, kind: h.kind, regionCode: h.regionCode, provinceCode: h.provinceCode,
         cityCode: h.cityCode, countyCode: h.countyCode, contact: h.contact, note: h.note, source: h.source, ties: h.ties}
        """;

    public async Task<IReadOnlyDictionary<string, long>> UpsertChannelsAsync(IReadOnlyList<ChannelRecord> channels, CancellationToken cancellationToken)
    {
        if (channels.Count == 0)
        {
            return new Dictionary<string, long>(StringComparer.Ordinal);
        }

        var rows = channels.Select(c => new Dictionary<string, object?>
        {
            ["code"] = c.Code,
            ["props"] = new Dictionary<string, object?>
            {
                ["name"] = c.Name,
                ["nameKey"] = ChineseText.Fold(c.Name),
                ["kind"] = c.Kind.ToWire(),
                ["regionCode"] = c.Region?.Code,
                ["provinceCode"] = c.Region?.ProvinceCode,
                ["cityCode"] = c.Region?.CityCode,
                ["countyCode"] = c.Region?.CountyCode,
                ["contact"] = c.Contact,
                ["note"] = c.Note,
                ["source"] = c.Source,
                ["ties"] = JsonSerializer.Serialize(c.Ties.OrderBy(t => t.Code, StringComparer.Ordinal).ToList()),
            },
        }).ToList();
        var results = await RunAsync(
        [
            Cypher("""
                MERGE (q:Sequence {name: $sequence})
                ON CREATE SET q.next = 0
                SET q.lock = true REMOVE q.lock
                WITH q
                UNWIND $rows AS row
                MERGE (h:Channel {code: row.code})
                SET h.name = row.props.name, h.nameKey = row.props.nameKey, h.kind = row.props.kind,
                    h.regionCode = row.props.regionCode, h.provinceCode = row.props.provinceCode, h.cityCode = row.props.cityCode,
                    h.countyCode = row.props.countyCode, h.contact = row.props.contact, h.note = row.props.note,
                    h.source = row.props.source, h.ties = row.props.ties
                """, ("sequence", "channel"), ("rows", rows)),
            Cypher("""
                MATCH (h:Channel) WHERE h.id IS NULL
                WITH collect(h) AS fresh
                MATCH (q:Sequence {name: $sequence})
                WITH fresh, q, q.next AS base
                SET q.next = base + size(fresh)
                WITH fresh, base
                UNWIND range(0, size(fresh) - 1) AS i
                WITH fresh[i] AS h, base + i + 1 AS id
                SET h.id = id
                """, ("sequence", "channel")),
            Cypher("UNWIND $codes AS code MATCH (h:Channel {code: code}) RETURN h.code, h.id",
                ("codes", channels.Select(c => c.Code).Distinct(StringComparer.Ordinal).ToList())),
        ], cancellationToken);
        return results[2].Rows.ToDictionary(r => r[0].AsRequiredString(), r => r[1].AsInt64(), StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, long>> FindChannelIdsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var result = await RunAsync(Cypher("UNWIND $codes AS code MATCH (h:Channel {code: code}) RETURN h.code, h.id",
            ("codes", codes.Distinct(StringComparer.Ordinal).ToList())), cancellationToken);
        return result.Rows.ToDictionary(r => r[0].AsRequiredString(), r => r[1].AsInt64(), StringComparer.Ordinal);
    }

    public async Task<int> SaveChannelLinksAsync(IReadOnlyList<ChannelLink> links, CancellationToken cancellationToken)
    {
        List<Dictionary<string, object?>> Rows(bool toCompany) => links
            .Select(link => (link, other: link.CompanyId ?? link.OtherChannelId
                ?? throw new ArgumentException($"A link of channel {link.ChannelId} names neither a company nor a channel.", nameof(links))))
            .Where(x => (x.link.CompanyId is not null) == toCompany)
            .GroupBy(x => (x.link.ChannelId, x.other))
            .Select(g => new Dictionary<string, object?>
            {
                ["channel"] = g.Key.ChannelId,
                ["other"] = g.Key.other,
                ["role"] = g.Last().link.Role.ToWire(),
                ["note"] = g.Select(x => x.link.Note).LastOrDefault(n => n is not null),
                ["source"] = g.Select(x => x.link.Source).LastOrDefault(s => s is not null),
            })
            .ToList();

        const string Upsert = """
            OPTIONAL MATCH (h)-[old:LINKS]->(o)
            WITH h, o, row, old IS NULL AS added
            MERGE (h)-[l:LINKS]->(o)
            SET l.role = row.role, l.note = coalesce(row.note, l.note), l.source = coalesce(row.source, l.source)
            RETURN coalesce(sum(CASE WHEN added THEN 1 ELSE 0 END), 0)
            """;
        var linked = links.Where(l => l.CompanyId is not null).Select(l => l.CompanyId!.Value).Distinct().ToList();
        var results = await RunAsync(
        [
            Cypher("UNWIND $rows AS row WITH row, row.channel AS channelId, row.other AS otherId MATCH (h:Channel {id: channelId}) MATCH (o:Company {id: otherId})\n" + Upsert, ("rows", Rows(true))),
            Cypher("UNWIND $rows AS row WITH row, row.channel AS channelId, row.other AS otherId MATCH (h:Channel {id: channelId}) MATCH (o:Channel {id: otherId})\n" + Upsert, ("rows", Rows(false))),

            // A linked company may now be tied to home through the channel: its candidates become findable by the home-tie read (ADR 0300).
            Cypher(Neo4jCandidates.MarkTiedSection, ("tiedIds", linked)),
            Cypher(Neo4jTieSummaries.TouchOwnSection, ("tiedIds", linked)),
        ], cancellationToken);
        return (int)results.Take(2).Sum(r => r.Rows.Count == 0 ? 0 : r.Rows[0][0].AsInt64());
    }

    public async Task<Paged<Channel>> SearchChannelsAsync(ChannelQuery query, CancellationToken cancellationToken)
    {
        var regions = new RegionFilter(query.RegionCodes is { Count: > 0 } codes ? RegionScope.Of(codes) : RegionScope.Everywhere, "regions");
        var filter = $"""
            MATCH (h:Channel)
            WHERE ($name IS NULL OR h.nameKey CONTAINS $name) AND ($kind IS NULL OR h.kind = $kind)
              AND {regions.Predicate("h")}

            """;
        (string, object?)[] parameters =
        [
            ("name", string.IsNullOrEmpty(query.NameContains) ? null : ChineseText.Fold(query.NameContains)),
            ("kind", query.Kind?.ToWire()),
            .. regions.Parameters,
            ("skip", (long)(query.Page - 1) * query.PageSize), ("limit", query.PageSize),
        ];
        var results = await RunAsync(
        [
            Cypher(filter + "RETURN count(h)", parameters),
            Cypher(filter + "RETURN " + ChannelMap + " AS channel ORDER BY h.kind, h.nameKey, h.id SKIP $skip LIMIT $limit", parameters),
        ], cancellationToken);
        return new Paged<Channel>(
            results[1].Rows.Select(r => ReadChannel(r[0])).ToList(), query.Page, query.PageSize, results[0].Rows[0][0].AsInt64());
    }

    public async Task<ChannelDetail?> GetChannelAsync(long id, int linkLimit, CancellationToken cancellationToken)
    {
        var results = await RunAsync(
        [
            Cypher("MATCH (h:Channel {id: $id}) RETURN " + ChannelMap, ("id", id)),
            Cypher("""
                MATCH (h:Channel {id: $id})
                OPTIONAL MATCH (h)-[l:LINKS]->(:Company)
                WITH h, count(l) AS companies
                OPTIONAL MATCH (h)-[l:LINKS]-(:Channel)
                RETURN companies + count(l)
                """, ("id", id)),
            Cypher("""
                MATCH (h:Channel {id: $id})-[l:LINKS]->(c:Company)
                RETURN l.role, l.note, c.id, c.name, c.regionCode
                ORDER BY coalesce(c.strength, 0) DESC, c.id LIMIT $limit
                """, ("id", id), ("limit", linkLimit)),
            Cypher("""
                MATCH (h:Channel {id: $id})-[l:LINKS]-(o:Channel)
                RETURN l.role, l.note, startNode(l) = h AS outgoing, o.id, o.name, o.kind
                ORDER BY o.id, outgoing DESC LIMIT $limit
                """, ("id", id), ("limit", linkLimit)),
        ], cancellationToken);
        if (results[0].Rows.Count == 0)
        {
            return null;
        }

        var links = new List<ChannelLinkView>();
        foreach (var row in results[2].Rows)
        {
            ChannelRoles.TryParse(row[0].AsString(), out var role);
            links.Add(new ChannelLinkView(role, row[1].AsString(), true, row[2].AsInt64(), row[3].AsString(), row[4].AsString(), null, null, null));
        }

        foreach (var row in results[3].Rows)
        {
            ChannelRoles.TryParse(row[0].AsString(), out var role);
            ChannelKind? kind = ChannelKinds.TryParse(row[5].AsString(), out var parsed) ? parsed : null;
            links.Add(new ChannelLinkView(role, row[1].AsString(), row[2].AsBoolean(), null, null, null, row[3].AsInt64(), row[4].AsString(), kind));
        }

        return new ChannelDetail(ReadChannel(results[0].Rows[0][0]), links.Take(linkLimit).ToList(), (int)results[1].Rows[0][0].AsInt64());
    }

    private static Channel ReadChannel(JsonElement m)
    {
        ChannelKinds.TryParse(m.Get("kind").AsString(), out var kind);
        var region = m.Get("regionCode").AsString() is { } code
            ? new RegionPlace(code, m.Get("provinceCode").AsRequiredString(), m.Get("cityCode").AsString(), m.Get("countyCode").AsString())
            : null;
        var ties = m.Get("ties").AsString() is { } json ? JsonSerializer.Deserialize<List<RegionPlace>>(json) ?? [] : [];
        return new Channel(
            m.Get("id").AsInt64(), m.Get("code").AsRequiredString(), m.Get("name").AsRequiredString(), kind, region, ties,
            m.Get("contact").AsString(), m.Get("note").AsString(), m.Get("source").AsString());
    }
}
