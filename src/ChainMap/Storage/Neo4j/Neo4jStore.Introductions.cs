using System.Text.Json;
using ChainMap.Discovery;
using ChainMap.Domain;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// Home ties and introduction paths over <c>(:Company)-[:SUPPLIES|INVESTS_IN|CONTROLS]-&gt;(:Company)</c> and
/// <c>(:Channel)-[:LINKS {role}]-&gt;(:Company | :Channel)</c>; a channel leads home by itself when one of its
/// ties (the <c>ties</c> JSON of <c>(:Channel)</c>) lies in the home region. Channels are few, so their ties
/// and the links between them are read whole and walked in C#, exactly as the SQLite store does; the
/// path search is the same code on both stores (<see cref="IntroductionPathSearch"/>).
/// </summary>
internal sealed partial class Neo4jStore
{
    private static readonly Dictionary<string, CompanyRelationKind> RelationKinds =
        RelationTypes.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public async Task<HomeChannelGraph> LoadHomeChannelGraphAsync(IReadOnlyCollection<string> homeRegionCodes, CancellationToken cancellationToken)
    {
        var home = RegionScope.Of(homeRegionCodes);
        if (home.IsEmpty)
        {
            return new HomeChannelGraph([], [], []);
        }

        return ReadChannelGraph(await RunAsync(ChannelGraphStatements(home), cancellationToken), home);
    }

    /// <summary>The three statements of <see cref="LoadHomeChannelGraphAsync"/>, read by <see cref="ReadChannelGraph"/>.</summary>
    private static List<CypherStatement> ChannelGraphStatements(RegionScope home)
    {
        var homeCompanies = new RegionFilter(home, "home");
        return
        [
            "MATCH (h:Channel) RETURN h.id, h.ties",
            Cypher(homeCompanies.Match() + "MATCH (h:Channel)-[:LINKS]->(c) RETURN DISTINCT h.id", [.. homeCompanies.Parameters]),
            "MATCH (a:Channel)-[:LINKS]->(b:Channel) RETURN a.id, b.id",
        ];
    }

    private static HomeChannelGraph ReadChannelGraph(IReadOnlyList<Neo4jResult> results, RegionScope home) => new(
        results[0].Rows.Where(r => TiedHome(r[1].AsString(), home)).Select(r => r[0].AsInt64()).ToList(),
        results[1].Rows.Select(r => r[0].AsInt64()).ToList(),
        results[2].Rows.Select(r => (r[0].AsInt64(), r[1].AsInt64())).ToList());

    /// <summary>
    /// The channel graph and the tie facts of some segments in one request (ADR 0445): the facts' statement cannot know the channels
    /// that lead home before the graph is read, so it returns each company's links to every channel, and those of channels that do
    /// not lead home are dropped here, with the companies left with no tie: the answer of the graph, then the facts.
    /// </summary>
    public async Task<HomeTieFactsRead> ReadHomeTieFactsAsync(IReadOnlyCollection<string> homeRegionCodes, IReadOnlyCollection<string>? segmentCodes, CancellationToken cancellationToken)
    {
        var home = RegionScope.Of(homeRegionCodes);
        if (home.IsEmpty || segmentCodes is null)
        {
            return await HomeTieFactsRead.OneAfterTheOtherAsync(this, homeRegionCodes, segmentCodes, cancellationToken);
        }

        var (graph, rows) = await ReadKeptTieFactsAsync(home, segmentCodes, ChannelGraphStatements(home), cancellationToken);
        var read = ReadChannelGraph(graph, home);
        var hops = ChannelHops.Compute(read.TiedHome, read.WithHomeMember, read.Links);
        return new HomeTieFactsRead(hops, ReadTieFacts(rows, hops));
    }

    /// <summary>
    /// The tie-facts rows of some segments from their kept summaries (ADR 0465), read in one request after <paramref name="leading"/>
    /// (whose results come back first): a summary that is missing or behind its segment's stamp is built again from the candidates
    /// and kept, in two more requests.
    /// </summary>
    private async Task<(IReadOnlyList<Neo4jResult> Leading, List<JsonElement[]> Rows)> ReadKeptTieFactsAsync(
        RegionScope home, IReadOnlyCollection<string> segmentCodes, IReadOnlyList<CypherStatement> leading, CancellationToken cancellationToken)
    {
        var homeKey = Neo4jTieSummaries.HomeKey(home);
        var results = await RunAsync([.. leading, Neo4jTieSummaries.Read(homeKey, segmentCodes.Distinct(StringComparer.Ordinal).ToList(), withFacts: true)], cancellationToken);
        var rows = new List<JsonElement[]>();
        var stale = new List<string>();
        foreach (var row in results[^1].Rows)
        {
            if (row[2].AsNullableInt64() == row[1].AsInt64() && row[3].AsString() is { } facts)
            {
                rows.AddRange(Neo4jTieSummaries.Rows(facts));
            }
            else
            {
                stale.Add(row[0].AsRequiredString());
            }
        }

        if (stale.Count > 0)
        {
            rows.AddRange(await BuildTieSummariesAsync(home, homeKey, stale, cancellationToken));
        }

        return (results.Take(results.Count - 1).ToList(), rows);
    }

    /// <summary>
    /// Builds the summaries of <paramref name="segments"/> and keeps them: the stamps are read before the facts in one transaction,
    /// so a write that commits in between leaves the kept summary behind its segment's stamp (built again by the next read), never
    /// ahead of what it holds. A company of several segments is kept in each, with that segment alone.
    /// </summary>
    private async Task<List<JsonElement[]>> BuildTieSummariesAsync(RegionScope home, string homeKey, IReadOnlyList<string> segments, CancellationToken cancellationToken)
    {
        var results = await RunAsync([Neo4jTieSummaries.Read(homeKey, segments, withFacts: false), TieFactsStatement(home, segments)], cancellationToken);
        var stamps = results[0].Rows.ToDictionary(r => r[0].AsRequiredString(), r => r[1].AsInt64(), StringComparer.Ordinal);
        var bySegment = new Dictionary<string, List<JsonElement[]>>(StringComparer.Ordinal);
        foreach (var row in results[1].Rows)
        {
            foreach (var code in row[7].AsStringList())
            {
                var own = (JsonElement[])row.Clone();
                own[7] = JsonSerializer.SerializeToElement(new[] { code });
                Add(bySegment, code, own);
            }
        }

        await RunAsync(Neo4jTieSummaries.Save(homeKey, stamps, bySegment), cancellationToken);
        return bySegment.Values.SelectMany(v => v).ToList();
    }

    public async Task<IReadOnlyList<HomeTiedCompany>> ListHomeTiedCompaniesAsync(IReadOnlyCollection<string> homeRegionCodes, IReadOnlyDictionary<long, int> channelHops, IReadOnlyCollection<string>? segmentCodes, CancellationToken cancellationToken)
    {
        var home = RegionScope.Of(homeRegionCodes);
        if (home.IsEmpty)
        {
            return [];
        }

        if (segmentCodes is not null)
        {
            return await ListTiedInSegmentsAsync(home, channelHops, segmentCodes, cancellationToken);
        }

        var homeCompanies = new RegionFilter(home, "home");
        (string, object?)[] parameters = [.. homeCompanies.Parameters];
        var first = await RunAsync(
        [
            // Relations across the home border, seen from the outside company.
            Cypher(homeCompanies.Match() + $$"""
                MATCH (c)-[r:SUPPLIES|INVESTS_IN|CONTROLS]-(o:Company)
                WHERE NOT {{homeCompanies.Predicate("o")}}
                RETURN o.id, c.id, c.name, type(r), startNode(r) = o
                """, parameters),
            Cypher("UNWIND $ids AS id MATCH (h:Channel {id: id}) RETURN h.id, h.name, h.kind", ("ids", channelHops.Keys.ToList())),
        ], cancellationToken);

        var relations = new Dictionary<long, List<HomeRelationTie>>();
        foreach (var row in first[0].Rows)
        {
            Add(relations, row[0].AsInt64(), new HomeRelationTie(row[1].AsInt64(), row[2].AsString() ?? string.Empty, RelationKinds[row[3].AsRequiredString()], row[4].AsBoolean()));
        }

        var channels = first[1].Rows.ToDictionary(r => r[0].AsInt64(), r => (Name: r[1].AsRequiredString(), Kind: ParseKind(r[2].AsString())));
        var channelTies = new Dictionary<long, List<HomeChannelTie>>();
        if (channels.Count > 0)
        {
            var links = await RunAsync(Cypher($$"""
                UNWIND $ids AS id
                MATCH (h:Channel {id: id})-[l:LINKS]->(o:Company)
                WHERE NOT {{homeCompanies.Predicate("o")}}
                RETURN o.id, h.id, l.role
                """, [("ids", channels.Keys.ToList()), .. homeCompanies.Parameters]), cancellationToken);
            foreach (var row in links.Rows)
            {
                var channelId = row[1].AsInt64();
                ChannelRoles.TryParse(row[2].AsString(), out var role);
                var (name, kind) = channels[channelId];
                Add(channelTies, row[0].AsInt64(), new HomeChannelTie(channelId, name, kind ?? default, role, channelHops[channelId]));
            }
        }

        var ids = relations.Keys.Union(channelTies.Keys).Order().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        // The tied companies' details from the candidate index (ADR 0270): a candidate holds what a tie needs and there is
        // one per confirmed membership, so neither the company nor its memberships are read; only a company without any
        // (no confirmed membership) is read from its node, with no segments.
        var details = new Dictionary<long, HomeTiedCompany>();
        var candidates = await RunAsync(Cypher("""
            UNWIND $ids AS id
            MATCH (x:Candidate) USING INDEX x:Candidate(company) WHERE x.company = id
            WITH id, collect(x) AS xs
            RETURN id, xs[0].provinceCode, xs[0].cityCode, xs[0].countyCode, xs[0].strength, xs[0].registeredCapital, xs[0].tags, [y IN xs | y.segment]
            """, ("ids", ids)), cancellationToken);
        AddTied(candidates.Rows);
        if (ids.Where(id => !details.ContainsKey(id)).ToList() is { Count: > 0 } without)
        {
            var companies = await RunAsync(Cypher("""
                UNWIND $ids AS id
                MATCH (c:Company {id: id})
                RETURN c.id, c.provinceCode, c.cityCode, c.countyCode, c.strength, c.registeredCapital, c.tags, []
                """, ("ids", without)), cancellationToken);
            AddTied(companies.Rows);
        }

        return details.Values.OrderBy(t => t.CompanyId).ToList();

        void AddTied(IEnumerable<JsonElement[]> rows)
        {
            foreach (var r in rows)
            {
                details[r[0].AsInt64()] = HomeTiedCompany.Named(
                    new HomeTieFacts(
                        r[0].AsInt64(), r[1].AsString() ?? string.Empty, r[2].AsString(), r[3].AsString(), r[4].AsNullableDouble() ?? 0,
                        (decimal?)r[5].AsNullableDouble(), r[6].AsStringList(),
                        r[7].AsStringList().Order(StringComparer.Ordinal).ToList(), [], []),
                    relations.GetValueOrDefault(r[0].AsInt64()) ?? [],
                    channelTies.GetValueOrDefault(r[0].AsInt64()) ?? []);
            }
        }
    }

    /// <summary>The tied companies of some segments (ADR 0300): what ranking needs of them, then their ties as reasons name them.</summary>
    private async Task<IReadOnlyList<HomeTiedCompany>> ListTiedInSegmentsAsync(
        RegionScope home, IReadOnlyDictionary<long, int> channelHops, IReadOnlyCollection<string> segmentCodes, CancellationToken cancellationToken)
    {
        var facts = await ListTieFactsInSegmentsAsync(home, channelHops, segmentCodes, cancellationToken);
        var details = (await ReadTieDetailsAsync(facts.Select(f => f.CompanyId).ToList(), home, channelHops, cancellationToken)).ToDictionary(d => d.CompanyId);
        return facts.Select(f => HomeTiedCompany.Of(f, details.GetValueOrDefault(f.CompanyId))).ToList();
    }

    public async Task<IReadOnlyList<HomeTieFacts>> ListHomeTieFactsAsync(IReadOnlyCollection<string> homeRegionCodes, IReadOnlyDictionary<long, int> channelHops, IReadOnlyCollection<string>? segmentCodes, CancellationToken cancellationToken)
    {
        var home = RegionScope.Of(homeRegionCodes);
        if (home.IsEmpty)
        {
            return [];
        }

        return segmentCodes is null
            ? (await ListHomeTiedCompaniesAsync(homeRegionCodes, channelHops, null, cancellationToken)).Select(t => t.Facts).ToList()
            : await ListTieFactsInSegmentsAsync(home, channelHops, segmentCodes, cancellationToken);
    }

    public Task<IReadOnlyList<HomeTieDetails>> ListHomeTieDetailsAsync(IReadOnlyCollection<long> companyIds, IReadOnlyCollection<string> homeRegionCodes, IReadOnlyDictionary<long, int> channelHops, CancellationToken cancellationToken)
    {
        var home = RegionScope.Of(homeRegionCodes);
        return home.IsEmpty || companyIds.Count == 0
            ? Task.FromResult<IReadOnlyList<HomeTieDetails>>([])
            : ReadTieDetailsAsync(companyIds, home, channelHops, cancellationToken);
    }

    /// <summary>
    /// What ranking needs of the tied companies of some segments (ADR 0300, 0385): their candidates marked <c>tieSegment</c>
    /// (companies with a relation or a channel link) sought by segment, then each company's relations to a home company (by id,
    /// kind and direction) and the channels of <paramref name="channelHops"/> linked to it (by id); region, strength, capital, tags
    /// and segments come from the candidates themselves. No name or role: the answer is a third of the one with them.
    /// </summary>
    private async Task<IReadOnlyList<HomeTieFacts>> ListTieFactsInSegmentsAsync(
        RegionScope home, IReadOnlyDictionary<long, int> channelHops, IReadOnlyCollection<string> segmentCodes, CancellationToken cancellationToken)
    {
        return ReadTieFacts((await ReadKeptTieFactsAsync(home, segmentCodes, [], cancellationToken)).Rows, channelHops);
    }

    /// <summary>
    /// What a kept summary holds (ADR 0300, 0385, 0465): the tie-marked candidates of some segments sought by segment, each company's
    /// relations to a home company (by id, kind and direction) and its links from every channel (by id; <see cref="ReadTieFacts"/>
    /// keeps those of the channels that lead home, so that the channel graph, read live, never moves a summary).
    /// </summary>
    private static CypherStatement TieFactsStatement(RegionScope home, IReadOnlyCollection<string> segmentCodes)
    {
        var homeCompanies = new RegionFilter(home, "home");
        return Cypher($$"""
            UNWIND $segments AS code
            MATCH (x:Candidate) USING INDEX x:Candidate(tieSegment) WHERE x.tieSegment = code
            WITH x.company AS id, collect(x) AS xs
            WITH id, xs, xs[0] AS first
            WHERE NOT {{homeCompanies.Predicate("first")}}
            MATCH (o:Company {id: id})
            OPTIONAL MATCH (o)-[r:SUPPLIES|INVESTS_IN|CONTROLS]-(c:Company)
            WHERE {{homeCompanies.Predicate("c")}}
            WITH id, xs, first, o, collect(CASE WHEN r IS NULL THEN null ELSE [c.id, type(r), startNode(r) = o] END) AS relations
            OPTIONAL MATCH (o)<-[:LINKS]-(h:Channel)
            WITH id, xs, first, relations, collect(DISTINCT h.id) AS links
            WHERE size(relations) > 0 OR size(links) > 0
            RETURN id, first.provinceCode, first.cityCode, first.countyCode, first.strength, first.registeredCapital, first.tags,
                [y IN xs | y.segment], relations, links
            """, [("segments", segmentCodes.Distinct(StringComparer.Ordinal).ToList()), .. homeCompanies.Parameters]);
    }

    /// <summary>
    /// The rows of <see cref="TieFactsStatement"/> (a company kept in several segments' summaries once per segment: one company with
    /// their segments): links to channels not in <paramref name="channelHops"/> dropped, and a company left with no tie.
    /// </summary>
    private static List<HomeTieFacts> ReadTieFacts(IEnumerable<JsonElement[]> rows, IReadOnlyDictionary<long, int> channelHops) => rows
        .GroupBy(r => r[0].AsInt64())
        .Select(g => (r: g.First(), segments: g.SelectMany(x => x[7].AsStringList()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
        .Select(p => new HomeTieFacts(
            p.r[0].AsInt64(), p.r[1].AsString() ?? string.Empty, p.r[2].AsString(), p.r[3].AsString(), p.r[4].AsNullableDouble() ?? 0,
            (decimal?)p.r[5].AsNullableDouble(), p.r[6].AsStringList(),
            p.segments,
            p.r[8].EnumerateArray().Select(t => new HomeRelationKind(t[0].AsInt64(), RelationKinds[t[1].AsRequiredString()], t[2].AsBoolean())).ToList(),
            p.r[9].EnumerateArray().Select(t => t.AsInt64()).Where(channelHops.ContainsKey).Select(id => new HomeChannelHops(id, channelHops[id])).ToList()))
        .Where(t => t.Relations.Count > 0 || t.Channels.Count > 0)
        .OrderBy(t => t.CompanyId)
        .ToList();

    /// <summary>The relations of some companies outside the home to home companies, with their names, and their links from the channels of <paramref name="channelHops"/>.</summary>
    private async Task<IReadOnlyList<HomeTieDetails>> ReadTieDetailsAsync(
        IReadOnlyCollection<long> companyIds, RegionScope home, IReadOnlyDictionary<long, int> channelHops, CancellationToken cancellationToken)
    {
        if (companyIds.Count == 0)
        {
            return [];
        }

        var homeCompanies = new RegionFilter(home, "home");
        var results = await RunAsync(
        [
            Cypher($$"""
                UNWIND $ids AS id
                MATCH (o:Company {id: id})
                WHERE NOT {{homeCompanies.Predicate("o")}}
                OPTIONAL MATCH (o)-[r:SUPPLIES|INVESTS_IN|CONTROLS]-(c:Company)
                WHERE {{homeCompanies.Predicate("c")}}
                WITH id, o, collect(CASE WHEN r IS NULL THEN null ELSE [c.id, c.name, type(r), startNode(r) = o] END) AS relations
                OPTIONAL MATCH (o)<-[l:LINKS]-(h:Channel)
                WHERE h.id IN $channels
                WITH id, relations, collect(CASE WHEN l IS NULL THEN null ELSE [h.id, l.role] END) AS links
                WHERE size(relations) > 0 OR size(links) > 0
                RETURN id, relations, links
                """, [("ids", companyIds.Distinct().ToList()), ("channels", channelHops.Keys.ToList()), .. homeCompanies.Parameters]),
            Cypher("UNWIND $ids AS id MATCH (h:Channel {id: id}) RETURN h.id, h.name, h.kind", ("ids", channelHops.Keys.ToList())),
        ], cancellationToken);
        var channels = results[1].Rows.ToDictionary(r => r[0].AsInt64(), r => (Name: r[1].AsRequiredString(), Kind: ParseKind(r[2].AsString())));
        return results[0].Rows
            .Select(r => new HomeTieDetails(
                r[0].AsInt64(),
                r[1].EnumerateArray()
                    .Select(t => new HomeRelationTie(t[0].AsInt64(), t[1].AsString() ?? string.Empty, RelationKinds[t[2].AsRequiredString()], t[3].AsBoolean()))
                    .ToList(),
                r[2].EnumerateArray()
                    .Select(t =>
                    {
                        var channelId = t[0].AsInt64();
                        ChannelRoles.TryParse(t[1].AsString(), out var role);
                        var (name, kind) = channels[channelId];
                        return new HomeChannelTie(channelId, name, kind ?? default, role, channelHops[channelId]);
                    })
                    .ToList()))
            .ToList();
    }

    public Task<IReadOnlyList<IntroductionPath>> FindIntroductionPathsAsync(IReadOnlyCollection<long> targetIds, IReadOnlyCollection<string> homeRegionCodes, int maxHops, int perTarget, CancellationToken cancellationToken) =>
        targetIds.Count == 0 || maxHops < 1 || perTarget < 1 || homeRegionCodes.Count == 0
            ? Task.FromResult<IReadOnlyList<IntroductionPath>>([])
            : IntroductionPathSearch.FindAsync(new PathGraph(this, RegionScope.Of(homeRegionCodes)), targetIds, maxHops, perTarget, cancellationToken);

    /// <summary>True when one of the ties (the <c>ties</c> JSON of a channel) lies in the home region.</summary>
    private static bool TiedHome(string? tiesJson, RegionScope home) =>
        tiesJson is not null && home.ContainsAny(JsonSerializer.Deserialize<List<RegionPlace>>(tiesJson) ?? []);

    private static ChannelKind? ParseKind(string? text) => ChannelKinds.TryParse(text, out var kind) ? kind : null;

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }

    /// <summary>
    /// The reads of one path search: the targets' nodes, then one request per hop for the neighbours with the facts of the
    /// nodes reached (ADR 0355: a hop was two requests, the edges then their nodes).
    /// </summary>
    private sealed class PathGraph(Neo4jStore store, RegionScope home) : IPathGraph
    {
        private readonly RegionFilter homeFilter = new(home, "home");

        /// <summary>The nodes read with the edges leading to them, handed to <see cref="LoadNodesAsync"/>.</summary>
        private readonly Dictionary<PathKey, PathNode> reached = [];

        /// <summary>
        /// The first hop's edges, read with the targets' nodes (ADR 0490: the search's first two reads need nothing of each other,
        /// so they go in one request); null once used, or when the first read was not of companies alone.
        /// </summary>
        private Dictionary<PathKey, List<PathEdge>>? firstHop;

        private bool loadedBefore;

        public async Task<Dictionary<PathKey, List<PathEdge>>> NeighboursAsync(IReadOnlyCollection<PathKey> frontier, CancellationToken cancellationToken)
        {
            if (firstHop is { } read)
            {
                firstHop = null;
                if (frontier.All(read.ContainsKey))
                {
                    return frontier.ToDictionary(k => k, k => read[k]);
                }
            }

            return ReadNeighbours(await store.RunAsync(NeighbourStatements(frontier), cancellationToken));
        }

        /// <summary>The four statements of a hop from <paramref name="frontier"/>, read by <see cref="ReadNeighbours"/>.</summary>
        private List<CypherStatement> NeighbourStatements(IReadOnlyCollection<PathKey> frontier)
        {
            var companies = frontier.Where(n => !n.IsChannel).Select(n => n.Id).ToList();
            var channels = frontier.Where(n => n.IsChannel).Select(n => n.Id).ToList();
            return
            [
                Cypher($$"""
                    UNWIND $companies AS id
                    MATCH (a:Company {id: id})-[r:SUPPLIES|INVESTS_IN|CONTROLS]-(b:Company)
                    RETURN id, b.id, type(r), startNode(r) = b, b.name, b.regionCode, {{homeFilter.Predicate("b")}}
                    """, [("companies", companies), .. homeFilter.Parameters]),
                Cypher("""
                    UNWIND $companies AS id
                    MATCH (a:Company {id: id})<-[l:LINKS]-(h:Channel)
                    RETURN id, h.id, l.role, h.name, h.regionCode, h.kind, h.ties
                    """, ("companies", companies)),
                Cypher("""
                    UNWIND $channels AS id
                    MATCH (a:Channel {id: id})-[l:LINKS]-(b:Channel)
                    RETURN id, b.id, l.role, startNode(l) = b, b.name, b.regionCode, b.kind, b.ties
                    """, ("channels", channels)),
                // Per channel the strongest members at home and elsewhere, as SQLite's member index orders them.
                Cypher($$"""
                    UNWIND $channels AS id
                    MATCH (h:Channel {id: id})-[l:LINKS]->(c:Company)
                    WITH id, c, l, {{homeFilter.Predicate()}} AS home
                    ORDER BY coalesce(c.strength, 0.0) DESC, c.id
                    WITH id, home, collect([c.id, l.role, c.name, c.regionCode])[0..$members] AS top
                    UNWIND top AS member
                    RETURN id, member[0], member[1], member[2], member[3], home
                    """, [("channels", channels), ("members", IntroductionPathSearch.ChannelMembersFollowed), .. homeFilter.Parameters]),
            ];
        }

        private Dictionary<PathKey, List<PathEdge>> ReadNeighbours(IReadOnlyList<Neo4jResult> results)
        {
            var edges = new Dictionary<PathKey, List<PathEdge>>();
            foreach (var row in results[0].Rows)
            {
                var to = Company(row[1], row[4], row[5], row[6]);
                IntroductionPathSearch.AddEdge(edges, new PathKey(false, row[0].AsInt64()), to, RelationKinds[row[2].AsRequiredString()].ToWire(), row[3].AsBoolean());
            }

            foreach (var row in results[1].Rows)
            {
                var to = Channel(row[1], row[3], row[4], row[5], row[6]);
                IntroductionPathSearch.AddEdge(edges, new PathKey(false, row[0].AsInt64()), to, row[2].AsRequiredString(), reversed: true);
            }

            foreach (var row in results[2].Rows)
            {
                var to = Channel(row[1], row[4], row[5], row[6], row[7]);
                IntroductionPathSearch.AddEdge(edges, new PathKey(true, row[0].AsInt64()), to, row[2].AsRequiredString(), row[3].AsBoolean());
            }

            foreach (var row in results[3].Rows)
            {
                var to = Company(row[1], row[3], row[4], row[5]);
                IntroductionPathSearch.AddEdge(edges, new PathKey(true, row[0].AsInt64()), to, row[2].AsRequiredString(), reversed: false);
            }

            return edges;
        }

        public async Task LoadNodesAsync(IEnumerable<PathKey> keys, Dictionary<PathKey, PathNode> loaded, CancellationToken cancellationToken)
        {
            var missing = new List<PathKey>();
            foreach (var key in keys.Where(k => !loaded.ContainsKey(k)).Distinct())
            {
                if (reached.TryGetValue(key, out var node))
                {
                    loaded[key] = node;
                }
                else
                {
                    missing.Add(key);
                }
            }

            if (missing.Count == 0)
            {
                return;
            }

            // The first read is of the targets, the first hop's frontier (those found and not at home): its edges come along.
            var withFirstHop = !loadedBefore && missing.All(k => !k.IsChannel);
            loadedBefore = true;
            var results = await store.RunAsync(
            [
                Cypher($$"""
                    UNWIND $companies AS id
                    MATCH (c:Company {id: id})
                    RETURN c.id, c.name, c.regionCode, {{homeFilter.Predicate()}}
                    """, [("companies", missing.Where(k => !k.IsChannel).Select(k => k.Id).ToList()), .. homeFilter.Parameters]),
                Cypher("""
                    UNWIND $channels AS id
                    MATCH (h:Channel {id: id})
                    RETURN h.id, h.name, h.regionCode, h.kind, h.ties
                    """, ("channels", missing.Where(k => k.IsChannel).Select(k => k.Id).ToList())),
                .. withFirstHop ? NeighbourStatements(missing) : [],
            ], cancellationToken);
            if (withFirstHop)
            {
                var edges = ReadNeighbours(results.Skip(2).ToList());
                firstHop = missing.ToDictionary(k => k, k => edges.GetValueOrDefault(k) ?? []);
            }
            foreach (var row in results[0].Rows)
            {
                var key = Company(row[0], row[1], row[2], row[3]);
                loaded[key] = reached[key];
            }

            foreach (var row in results[1].Rows)
            {
                var key = Channel(row[0], row[1], row[2], row[3], row[4]);
                loaded[key] = reached[key];
            }
        }

        /// <summary>A company node read as (id, name, region, at home), kept as reached.</summary>
        private PathKey Company(JsonElement id, JsonElement name, JsonElement region, JsonElement isHome)
        {
            var key = new PathKey(false, id.AsInt64());
            reached[key] = new PathNode(PathNodeKind.Company, key.Id, name.AsRequiredString(), region.AsString(), null, isHome.AsBoolean());
            return key;
        }

        /// <summary>A channel node read as (id, name, region, kind, ties), kept as reached.</summary>
        private PathKey Channel(JsonElement id, JsonElement name, JsonElement region, JsonElement kind, JsonElement ties)
        {
            var key = new PathKey(true, id.AsInt64());
            reached[key] = new PathNode(PathNodeKind.Channel, key.Id, name.AsRequiredString(), region.AsString(), ParseKind(kind.AsString()), TiedHome(ties.AsString(), home));
            return key;
        }
    }
}
