using System.Globalization;
using System.Text;
using System.Text.Json;
using ChainMap.Discovery;
using ChainMap.Domain;
using Microsoft.Data.Sqlite;

namespace ChainMap.Storage.Sqlite;

internal sealed partial class SqliteStore
{
    public async Task<IReadOnlyList<SegmentStats>> GetSegmentStatsAsync(string chainCode, IReadOnlyCollection<string> homeRegionCodes, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var segments = await ChainSegmentsAsync(connection, chainCode, cancellationToken);
        var counts = await ReadCountsAsync(connection, segments, homeRegionCodes, placeLevels: false, cancellationToken);
        var result = new List<SegmentStats>();
        foreach (var segment in segments)
        {
            if (!counts.TryGetValue(segment, out var segmentCounts))
            {
                continue;
            }

            var local = segmentCounts.In(homeRegionCodes, []).Count(null);
            var elsewhere = segmentCounts.All - local;
            result.Add(new SegmentStats(segment, Presence(local), Presence(elsewhere)));
        }

        return result;
    }

    public async Task<IReadOnlyList<SegmentPlaceCount>> CountSegmentPlacesAsync(string chainCode, IReadOnlyCollection<string>? regionCodes, IReadOnlyCollection<string> excludedRegionCodes, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var segments = await ChainSegmentsAsync(connection, chainCode, cancellationToken);
        var counts = await ReadCountsAsync(connection, segments, (regionCodes ?? []).Concat(excludedRegionCodes), placeLevels: true, cancellationToken);
        var result = new List<SegmentPlaceCount>();
        foreach (var (segment, segmentCounts) in counts)
        {
            var scoped = segmentCounts.In(regionCodes, excludedRegionCodes);
            var cities = segmentCounts.Rows.Values.Where(r => r.Level == 2).ToLookup(r => r.ProvinceCode ?? string.Empty, StringComparer.Ordinal);
            foreach (var province in segmentCounts.Rows.Values.Where(r => r.Level == 1))
            {
                var withoutCity = scoped.Count(province);
                foreach (var city in cities[province.Code])
                {
                    var inCity = scoped.Count(city);
                    withoutCity -= inCity;
                    if (inCity.Companies > 0)
                    {
                        result.Add(new SegmentPlaceCount(segment, province.Code, city.Code, (int)inCity.Companies, (decimal)inCity.Capital));
                    }
                }

                if (withoutCity.Companies > 0)
                {
                    result.Add(new SegmentPlaceCount(segment, province.Code, null, (int)withoutCity.Companies, (decimal)withoutCity.Capital));
                }
            }
        }

        return result;
    }

    public async Task<TargetCandidateSet> FindTargetCandidatesAsync(TargetCandidateQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var candidates = new List<TargetCandidate>();
        if (query.PerSegment > 0)
        {
            await using var top = TopCandidatesCommand(connection, query);
            var segment = top.Parameters["$segment"];
            foreach (var code in query.SegmentCodes.Distinct(StringComparer.Ordinal))
            {
                segment.Value = code;
                await using var reader = await top.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    candidates.Add(new TargetCandidate(reader.GetInt64(0), code, reader.GetDouble(1)));
                }
            }
        }

        var total = query.CountTotal ? await CountCandidatesAsync(connection, query, cancellationToken) : 0;
        return new TargetCandidateSet(candidates, total);
    }

    /// <summary>
    /// Distinct matching companies, without reading a company row (ADR 0211). Without tag or capital conditions
    /// this sums the per-region counts of each segment; with a minimum capital it counts the matching memberships
    /// from a capital index (by province when the scope is provinces, ADR 0340); both then subtract the extra memberships of companies in several of the segments
    /// (the few rows marked multi). With tags it counts the distinct companies of the matching tag rows.
    /// </summary>
    private static async Task<long> CountCandidatesAsync(SqliteConnection connection, TargetCandidateQuery query, CancellationToken cancellationToken)
    {
        var counted = CandidateFilter.Of(query) with { MinStrength = null };
        var segments = query.SegmentCodes.Distinct(StringComparer.Ordinal).ToList();
        if (counted.Tags.Count > 0)
        {
            var filter = new SqlCandidateFilter(counted);
            await using var count = Command(connection, $"""
                SELECT count(DISTINCT m.company_id) FROM {filter.From}
                WHERE m.segment_code IN (SELECT value FROM json_each($segments)) {filter.Where}
                """);
            filter.Bind(count);
            count.Parameters.AddWithValue("$segments", Json(segments));
            return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        long memberships;
        if (counted.MinCapital is not null)
        {
            await using var count = CapitalMembershipsCommand(connection, query);
            memberships = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        else
        {
            var counts = await ReadCountsAsync(connection, segments, (query.RegionCodes ?? []).Concat(query.ExcludedRegionCodes), placeLevels: false, cancellationToken);
            memberships = counts.Values.Sum(c => c.In(query.RegionCodes, query.ExcludedRegionCodes).Count(null).Companies);
        }

        var multiFilter = new SqlCandidateFilter(counted);
        await using var extra = Command(connection, $"""
            SELECT count(*) - count(DISTINCT m.company_id) FROM discovery_member m INDEXED BY discovery_member_multi
            WHERE m.multi = 1 AND m.segment_code IN (SELECT value FROM json_each($segments)) {multiFilter.Where}
            """);
        multiFilter.Bind(extra);
        extra.Parameters.AddWithValue("$segments", JsonSerializer.Serialize(segments));
        return memberships - Convert.ToInt64(await extra.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Reads the strongest candidates of a list in one segment (<c>$segment</c>, set per segment), strongest first.</summary>
    internal static SqliteCommand TopCandidatesCommand(SqliteConnection connection, TargetCandidateQuery query)
    {
        var filter = new SqlCandidateFilter(CandidateFilter.Of(query));
        var top = Command(connection, $"""
            SELECT {filter.Distinct} m.company_id, m.strength FROM {filter.From} {filter.RankIndex}
            WHERE m.segment_code = $segment {filter.Where}
            ORDER BY m.strength DESC, m.company_id
            LIMIT $limit
            """);
        filter.Bind(top);
        top.Parameters.AddWithValue("$limit", query.PerSegment);
        top.Parameters.Add("$segment", SqliteType.Text);
        return top;
    }

    /// <summary>
    /// Counts the memberships of a list with a minimum capital and no tags (a company in several of the segments counts
    /// once per segment here; the caller corrects for those), from an index alone (ADR 0211, 0340).
    /// </summary>
    internal static SqliteCommand CapitalMembershipsCommand(SqliteConnection connection, TargetCandidateQuery query)
    {
        var filter = new SqlCandidateFilter(CandidateFilter.Of(query) with { MinStrength = null });
        var count = Command(connection, $"""
            SELECT count(*) FROM discovery_member m {filter.CapitalCountIndex}
            WHERE m.segment_code IN (SELECT value FROM json_each($segments)) {filter.Where}
            """);
        filter.Bind(count);
        count.Parameters.AddWithValue("$segments", Json(query.SegmentCodes.Distinct(StringComparer.Ordinal).ToList()));
        return count;
    }

    private static async Task<List<string>> ChainSegmentsAsync(SqliteConnection connection, string chainCode, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT code FROM segment WHERE chain_code = $chain ORDER BY ordinal, code");
        command.Parameters.AddWithValue("$chain", chainCode);
        var result = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    private static PresenceFigures Presence(Figures figures) => new((int)figures.Companies, (decimal)figures.Capital, figures.Strength);

    public async Task<HomeChannelGraph> LoadHomeChannelGraphAsync(IReadOnlyCollection<string> homeRegionCodes, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var home = new SqlRegionScope(RegionScope.Of(homeRegionCodes), "home");
        // Channels tied to home, channels with a home member, links between channels.
        var tiedHome = new List<long>();
        var withHomeMember = new List<long>();
        await using (var command = Command(connection, $"""
            SELECT DISTINCT t.channel_id, 0 FROM channel_tie t WHERE {home.Contains("t")}
            UNION ALL
            SELECT DISTINCT m.channel_id, 1 FROM discovery_channel_member m WHERE {home.Contains("m")}
            """))
        {
            home.Bind(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                (reader.GetInt32(1) == 0 ? tiedHome : withHomeMember).Add(reader.GetInt64(0));
            }
        }

        var channelLinks = new List<(long, long)>();
        if (tiedHome.Count + withHomeMember.Count > 0)
        {
            await using var command = Command(connection, "SELECT channel_id, member_id FROM channel_channel");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                channelLinks.Add((reader.GetInt64(0), reader.GetInt64(1)));
            }
        }

        return new HomeChannelGraph(tiedHome, withHomeMember, channelLinks);
    }

    public Task<IReadOnlyList<HomeTiedCompany>> ListHomeTiedCompaniesAsync(IReadOnlyCollection<string> homeRegionCodes, IReadOnlyDictionary<long, int> channelHops, IReadOnlyCollection<string>? segmentCodes, CancellationToken cancellationToken) =>
        ReadHomeTiedAsync(homeRegionCodes, channelHops, segmentCodes, named: true, cancellationToken);

    public async Task<IReadOnlyList<HomeTieFacts>> ListHomeTieFactsAsync(IReadOnlyCollection<string> homeRegionCodes, IReadOnlyDictionary<long, int> channelHops, IReadOnlyCollection<string>? segmentCodes, CancellationToken cancellationToken) =>
        (await ReadHomeTiedAsync(homeRegionCodes, channelHops, segmentCodes, named: false, cancellationToken)).Select(t => t.Facts).ToList();

    /// <summary>The home-tied companies; without <paramref name="named"/> the home companies' names are not read (the facts need none, ADR 0385).</summary>
    private async Task<IReadOnlyList<HomeTiedCompany>> ReadHomeTiedAsync(
        IReadOnlyCollection<string> homeRegionCodes, IReadOnlyDictionary<long, int> channelHops, IReadOnlyCollection<string>? segmentCodes, bool named, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var home = new SqlRegionScope(RegionScope.Of(homeRegionCodes), "home");
        var relations = await ReadHomeRelationsAsync(connection, home, null, cancellationToken);
        var channelTies = await ReadHomeChannelTiesAsync(connection, home, channelHops, null, cancellationToken);

        var ids = relations.Keys.Union(channelTies.Keys).Order().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var homeNames = named
            ? await ReadCompanyNamesAsync(connection, relations.Values.SelectMany(v => v.Select(r => r.HomeId)), cancellationToken)
            : [];

        var segments = new Dictionary<long, List<string>>();
        await using (var command = Command(connection, "SELECT company_id, segment_code FROM company_segment WHERE company_id IN (SELECT value FROM json_each($ids)) AND status = 'confirmed' AND segment_code <> chain_code ORDER BY company_id, segment_code"))
        {
            command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                Add(segments, reader.GetInt64(0), reader.GetString(1));
            }
        }

        if (segmentCodes is not null)
        {
            // Only the companies of these segments, with only these segments (ADR 0300).
            var wanted = segmentCodes.ToHashSet(StringComparer.Ordinal);
            foreach (var id in segments.Keys.ToList())
            {
                segments[id].RemoveAll(s => !wanted.Contains(s));
            }

            ids = ids.Where(id => segments.TryGetValue(id, out var own) && own.Count > 0).ToList();
            if (ids.Count == 0)
            {
                return [];
            }
        }

        var result = new List<HomeTiedCompany>(ids.Count);
        await using (var command = Command(connection, """
            SELECT id, province_code, city_code, county_code, strength, registered_capital, tags
            FROM company WHERE id IN (SELECT value FROM json_each($ids)) ORDER BY id
            """))
        {
            command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetInt64(0);
                result.Add(HomeTiedCompany.Named(
                    new HomeTieFacts(
                        id, reader.GetString(1), NullableString(reader, 2), NullableString(reader, 3), reader.GetDouble(4),
                        reader.IsDBNull(5) ? null : (decimal)reader.GetDouble(5), SplitList(reader.GetString(6)),
                        segments.GetValueOrDefault(id) ?? [], [], []),
                    (relations.GetValueOrDefault(id) ?? []).Select(r => new HomeRelationTie(r.HomeId, homeNames.GetValueOrDefault(r.HomeId) ?? string.Empty, r.Kind, r.OutsideIsFrom)).ToList(),
                    channelTies.GetValueOrDefault(id) ?? []));
            }
        }

        return result;
    }

    public async Task<IReadOnlyList<HomeTieDetails>> ListHomeTieDetailsAsync(IReadOnlyCollection<long> companyIds, IReadOnlyCollection<string> homeRegionCodes, IReadOnlyDictionary<long, int> channelHops, CancellationToken cancellationToken)
    {
        if (companyIds.Count == 0 || homeRegionCodes.Count == 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken);
        var home = new SqlRegionScope(RegionScope.Of(homeRegionCodes), "home");
        var ids = companyIds.Distinct().ToList();
        var relations = await ReadHomeRelationsAsync(connection, home, ids, cancellationToken);
        var channelTies = await ReadHomeChannelTiesAsync(connection, home, channelHops, ids, cancellationToken);
        var homeNames = await ReadCompanyNamesAsync(connection, relations.Values.SelectMany(v => v.Select(r => r.HomeId)), cancellationToken);
        return relations.Keys.Union(channelTies.Keys).Order()
            .Select(id => new HomeTieDetails(
                id,
                (relations.GetValueOrDefault(id) ?? []).Select(r => new HomeRelationTie(r.HomeId, homeNames.GetValueOrDefault(r.HomeId) ?? string.Empty, r.Kind, r.OutsideIsFrom)).ToList(),
                channelTies.GetValueOrDefault(id) ?? []))
            .ToList();
    }

    /// <summary>The relations across the home border, seen from the outside company: every one, or those of the outside companies <paramref name="ids"/>.</summary>
    private static async Task<Dictionary<long, List<(long HomeId, CompanyRelationKind Kind, bool OutsideIsFrom)>>> ReadHomeRelationsAsync(
        SqliteConnection connection, SqlRegionScope home, IReadOnlyList<long>? ids, CancellationToken cancellationToken)
    {
        var relations = new Dictionary<long, List<(long HomeId, CompanyRelationKind Kind, bool OutsideIsFrom)>>();
        await using var command = Command(connection, ids is null
            ? $"""
                WITH home(id) AS MATERIALIZED (
                    {home.CompanyIds()})
                SELECT r.from_id, r.to_id, r.kind, 1 FROM company_relation r WHERE r.to_id IN home AND r.from_id NOT IN home
                UNION ALL
                SELECT r.to_id, r.from_id, r.kind, 0 FROM company_relation r WHERE r.from_id IN home AND r.to_id NOT IN home
                """
            : $"""
                SELECT r.from_id, r.to_id, r.kind, 1 FROM company_relation r JOIN company o ON o.id = r.from_id JOIN company h ON h.id = r.to_id
                WHERE r.from_id IN (SELECT value FROM json_each($ids)) AND {home.Contains("h")} AND NOT {home.Contains("o")}
                UNION ALL
                SELECT r.to_id, r.from_id, r.kind, 0 FROM company_relation r JOIN company o ON o.id = r.to_id JOIN company h ON h.id = r.from_id
                WHERE r.to_id IN (SELECT value FROM json_each($ids)) AND {home.Contains("h")} AND NOT {home.Contains("o")}
                """);
        home.Bind(command);
        if (ids is not null)
        {
            command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids));
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            CompanyRelationKinds.TryParse(reader.GetString(2), out var kind);
            Add(relations, reader.GetInt64(0), (reader.GetInt64(1), kind, reader.GetInt64(3) == 1));
        }

        return relations;
    }

    /// <summary>The links of outside companies (every one, or <paramref name="ids"/>) from the channels of <paramref name="channelHops"/>.</summary>
    private static async Task<Dictionary<long, List<HomeChannelTie>>> ReadHomeChannelTiesAsync(
        SqliteConnection connection, SqlRegionScope home, IReadOnlyDictionary<long, int> channelHops, IReadOnlyList<long>? ids, CancellationToken cancellationToken)
    {
        var channelTies = new Dictionary<long, List<HomeChannelTie>>();
        if (channelHops.Count == 0)
        {
            return channelTies;
        }

        var channelInfo = new Dictionary<long, (string Name, ChannelKind Kind)>();
        await using (var command = Command(connection, "SELECT id, name, kind FROM channel WHERE id IN (SELECT value FROM json_each($ids))"))
        {
            command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(channelHops.Keys));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ChannelKinds.TryParse(reader.GetString(2), out var kind);
                channelInfo[reader.GetInt64(0)] = (reader.GetString(1), kind);
            }
        }

        await using var links = Command(connection, $"""
            SELECT m.company_id, m.channel_id, m.role FROM discovery_channel_member m
            WHERE m.channel_id IN (SELECT value FROM json_each($ids)) AND NOT {home.Contains("m")}
            {(ids is null ? string.Empty : "AND m.company_id IN (SELECT value FROM json_each($companies))")}
            """);
        home.Bind(links);
        links.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(channelHops.Keys));
        if (ids is not null)
        {
            links.Parameters.AddWithValue("$companies", JsonSerializer.Serialize(ids));
        }

        await using var linkReader = await links.ExecuteReaderAsync(cancellationToken);
        while (await linkReader.ReadAsync(cancellationToken))
        {
            var channelId = linkReader.GetInt64(1);
            ChannelRoles.TryParse(linkReader.GetString(2), out var role);
            var (name, kind) = channelInfo[channelId];
            Add(channelTies, linkReader.GetInt64(0), new HomeChannelTie(channelId, name, kind, role, channelHops[channelId]));
        }

        return channelTies;
    }

    private static async Task<Dictionary<long, string>> ReadCompanyNamesAsync(SqliteConnection connection, IEnumerable<long> ids, CancellationToken cancellationToken)
    {
        var names = new Dictionary<long, string>();
        await using var command = Command(connection, "SELECT id, name FROM company WHERE id IN (SELECT value FROM json_each($ids))");
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids.Distinct()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names[reader.GetInt64(0)] = reader.GetString(1);
        }

        return names;
    }

    public async Task<IReadOnlyList<Company>> GetCompaniesAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadCompaniesAsync(connection, ids, cancellationToken);
    }

    public async Task<IReadOnlyList<IntroductionPath>> FindIntroductionPathsAsync(IReadOnlyCollection<long> targetIds, IReadOnlyCollection<string> homeRegionCodes, int maxHops, int perTarget, CancellationToken cancellationToken)
    {
        if (targetIds.Count == 0 || maxHops < 1 || perTarget < 1 || homeRegionCodes.Count == 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var graph = new PathGraph(connection, new SqlRegionScope(RegionScope.Of(homeRegionCodes), "home"));
        return await IntroductionPathSearch.FindAsync(graph, targetIds, maxHops, perTarget, cancellationToken);
    }

    /// <summary>
    /// The reads of one path search, prepared once and run for every hop: neighbours of a frontier
    /// (relations, channel links; a channel's strongest home and other members from the index, ADR 0025)
    /// and the nodes reached.
    /// </summary>
    private sealed class PathGraph : IPathGraph, IAsyncDisposable
    {
        private readonly SqliteCommand neighbours;
        private readonly SqliteCommand members;
        private readonly SqliteCommand nodes;

        public PathGraph(SqliteConnection connection, SqlRegionScope home)
        {
            // (source is channel, source id, other is channel, other id, label, reversed); see PathStep for the direction rule.
            neighbours = Command(connection, """
                WITH fc(id) AS (SELECT value FROM json_each($companies)), fh(id) AS (SELECT value FROM json_each($channels))
                SELECT 0, r.from_id, 0, r.to_id, r.kind, 0 FROM company_relation r WHERE r.from_id IN fc
                UNION ALL
                SELECT 0, r.to_id, 0, r.from_id, r.kind, 1 FROM company_relation r WHERE r.to_id IN fc
                UNION ALL
                SELECT 0, l.company_id, 1, l.channel_id, l.role, 1 FROM channel_company l WHERE l.company_id IN fc
                UNION ALL
                SELECT 1, l.channel_id, 1, l.member_id, l.role, 0 FROM channel_channel l WHERE l.channel_id IN fh
                UNION ALL
                SELECT 1, l.member_id, 1, l.channel_id, l.role, 1 FROM channel_channel l WHERE l.member_id IN fh
                """);
            neighbours.Parameters.Add("$companies", SqliteType.Text);
            neighbours.Parameters.Add("$channels", SqliteType.Text);

            members = Command(connection, $"""
                SELECT * FROM (SELECT 1, m.channel_id, 0, m.company_id, m.role, 0 FROM discovery_channel_member m
                               WHERE m.channel_id = $channel AND {home.Contains("m")}
                               ORDER BY m.strength DESC, m.company_id LIMIT $members)
                UNION ALL
                SELECT * FROM (SELECT 1, m.channel_id, 0, m.company_id, m.role, 0 FROM discovery_channel_member m
                               WHERE m.channel_id = $channel AND NOT {home.Contains("m")}
                               ORDER BY m.strength DESC, m.company_id LIMIT $members)
                """);
            home.Bind(members);
            members.Parameters.AddWithValue("$members", IntroductionPathSearch.ChannelMembersFollowed);
            members.Parameters.Add("$channel", SqliteType.Integer);

            nodes = Command(connection, $"""
                SELECT 0, c.id, c.name, c.region_code, NULL, {home.Contains("c")}
                FROM company c WHERE c.id IN (SELECT value FROM json_each($companies))
                UNION ALL
                SELECT 1, h.id, h.name, h.region_code, h.kind,
                       EXISTS (SELECT 1 FROM channel_tie t WHERE t.channel_id = h.id AND {home.Contains("t")})
                FROM channel h WHERE h.id IN (SELECT value FROM json_each($channels))
                """);
            home.Bind(nodes);
            nodes.Parameters.Add("$companies", SqliteType.Text);
            nodes.Parameters.Add("$channels", SqliteType.Text);
        }

        public async Task<Dictionary<PathKey, List<PathEdge>>> NeighboursAsync(IReadOnlyCollection<PathKey> frontier, CancellationToken cancellationToken)
        {
            var edges = new Dictionary<PathKey, List<PathEdge>>();
            var channels = frontier.Where(n => n.IsChannel).Select(n => n.Id).ToList();
            neighbours.Parameters["$companies"].Value = JsonSerializer.Serialize(frontier.Where(n => !n.IsChannel).Select(n => n.Id));
            neighbours.Parameters["$channels"].Value = JsonSerializer.Serialize(channels);
            await ReadEdgesAsync(neighbours, edges, cancellationToken);
            foreach (var id in channels)
            {
                members.Parameters["$channel"].Value = id;
                await ReadEdgesAsync(members, edges, cancellationToken);
            }

            return edges;
        }

        public async Task LoadNodesAsync(IEnumerable<PathKey> keys, Dictionary<PathKey, PathNode> loaded, CancellationToken cancellationToken)
        {
            var missing = keys.Where(k => !loaded.ContainsKey(k)).Distinct().ToList();
            if (missing.Count == 0)
            {
                return;
            }

            nodes.Parameters["$companies"].Value = JsonSerializer.Serialize(missing.Where(k => !k.IsChannel).Select(k => k.Id));
            nodes.Parameters["$channels"].Value = JsonSerializer.Serialize(missing.Where(k => k.IsChannel).Select(k => k.Id));
            await using var reader = await nodes.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var isChannel = reader.GetInt64(0) == 1;
                ChannelKind? kind = null;
                if (isChannel && ChannelKinds.TryParse(reader.GetString(4), out var parsed))
                {
                    kind = parsed;
                }

                var key = new PathKey(isChannel, reader.GetInt64(1));
                loaded[key] = new PathNode(isChannel ? PathNodeKind.Channel : PathNodeKind.Company, key.Id, reader.GetString(2), NullableString(reader, 3), kind, reader.GetInt64(5) == 1);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await neighbours.DisposeAsync();
            await members.DisposeAsync();
            await nodes.DisposeAsync();
        }

        private static async Task ReadEdgesAsync(SqliteCommand command, Dictionary<PathKey, List<PathEdge>> edges, CancellationToken cancellationToken)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                IntroductionPathSearch.AddEdge(
                    edges,
                    new PathKey(reader.GetInt64(0) == 1, reader.GetInt64(1)),
                    new PathKey(reader.GetInt64(2) == 1, reader.GetInt64(3)),
                    reader.GetString(4),
                    reader.GetInt64(5) == 1);
            }
        }
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }
}
