using System.Globalization;
using ChainMap.Domain;

namespace ChainMap.Storage;

/// <summary>
/// The introduction path search of <see cref="IDiscoveryStore.FindIntroductionPathsAsync"/>, the same on
/// every store: a breadth-first walk, one hop per round, from each target over company relations
/// (either direction) and channel links until a home node; each store only reads neighbours and nodes
/// (<see cref="IPathGraph"/>). A path ends at its first home node; at most
/// <see cref="PartialPathsPerTarget"/> unfinished paths per target survive a round, so a hub cannot
/// flood the search; the result is fewest steps first, then the strongest, then by node keys.
/// </summary>
internal static class IntroductionPathSearch
{
    /// <summary>At most this many members of one channel are followed per side (home / not home) when looking for paths.</summary>
    public const int ChannelMembersFollowed = 10;

    /// <summary>At most this many unfinished paths are kept per target and step, so a hub cannot flood the search.</summary>
    public const int PartialPathsPerTarget = 60;

    public static async Task<IReadOnlyList<IntroductionPath>> FindAsync(
        IPathGraph graph, IReadOnlyCollection<long> targetIds, int maxHops, int perTarget, CancellationToken cancellationToken)
    {
        var nodes = new Dictionary<PathKey, PathNode>();
        await graph.LoadNodesAsync(targetIds.Select(id => new PathKey(false, id)), nodes, cancellationToken);

        var found = new Dictionary<long, List<Walk>>();
        var walks = targetIds.Distinct()
            .Where(id => nodes.TryGetValue(new PathKey(false, id), out var node) && !node.IsHome)
            .Select(id => new Walk(id, [new PathKey(false, id)], [], 1.0))
            .ToList();
        for (var hop = 1; hop <= maxHops && walks.Count > 0; hop++)
        {
            var frontier = walks.Select(w => w.Nodes[^1]).Distinct().ToList();
            var edges = await graph.NeighboursAsync(frontier, cancellationToken);
            await graph.LoadNodesAsync(edges.Values.SelectMany(e => e).Select(e => e.To), nodes, cancellationToken);

            var next = new List<Walk>();
            foreach (var walk in walks)
            {
                foreach (var edge in edges.GetValueOrDefault(walk.Nodes[^1]) ?? [])
                {
                    if (walk.Nodes.Contains(edge.To) || !nodes.TryGetValue(edge.To, out var node))
                    {
                        continue;
                    }

                    var extended = walk.Extend(edge);
                    if (node.IsHome)
                    {
                        Add(found, walk.TargetId, extended);
                    }
                    else if (hop < maxHops)
                    {
                        next.Add(extended);
                    }
                }
            }

            walks = next.GroupBy(w => w.TargetId)
                .SelectMany(g => g.OrderByDescending(w => w.Weight).ThenBy(w => w.Key, StringComparer.Ordinal).Take(PartialPathsPerTarget))
                .ToList();
        }

        var result = new List<IntroductionPath>();
        foreach (var target in targetIds.Distinct())
        {
            foreach (var walk in (found.GetValueOrDefault(target) ?? [])
                .OrderBy(w => w.Edges.Count).ThenByDescending(w => w.Weight).ThenBy(w => w.Key, StringComparer.Ordinal).Take(perTarget))
            {
                var steps = new List<PathStep>(walk.Edges.Count);
                for (var i = 0; i < walk.Edges.Count; i++)
                {
                    var edge = walk.Edges[i];
                    steps.Add(new PathStep(nodes[walk.Nodes[i]], nodes[walk.Nodes[i + 1]], edge.Relation, edge.Role, edge.Reversed));
                }

                result.Add(new IntroductionPath(target, steps));
            }
        }

        return result;
    }

    /// <summary>Adds an edge read as (from, to, label, reversed): a relation kind between companies, else a channel role.</summary>
    public static void AddEdge(Dictionary<PathKey, List<PathEdge>> edges, PathKey from, PathKey to, string label, bool reversed)
    {
        PathEdge edge;
        if (!from.IsChannel && !to.IsChannel)
        {
            CompanyRelationKinds.TryParse(label, out var kind);
            edge = new PathEdge(to, kind, null, reversed, IntroductionWeights.Of(kind));
        }
        else
        {
            ChannelRoles.TryParse(label, out var role);
            edge = new PathEdge(to, null, role, reversed, IntroductionWeights.Of(role));
        }

        Add(edges, from, edge);
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

    private sealed record Walk(long TargetId, IReadOnlyList<PathKey> Nodes, IReadOnlyList<PathEdge> Edges, double Weight)
    {
        public string Key => string.Join('/', Nodes);

        public Walk Extend(PathEdge edge) => new(TargetId, [.. Nodes, edge.To], [.. Edges, edge], Weight * edge.Weight);
    }
}

/// <summary>What a store reads for <see cref="IntroductionPathSearch"/>.</summary>
internal interface IPathGraph
{
    /// <summary>
    /// The edges leaving each frontier node: a company's relations (both directions) and the channels it is
    /// linked to (reversed); a channel's linked channels (both directions) and its strongest
    /// <see cref="IntroductionPathSearch.ChannelMembersFollowed"/> home and as many other member companies.
    /// </summary>
    Task<Dictionary<PathKey, List<PathEdge>>> NeighboursAsync(IReadOnlyCollection<PathKey> frontier, CancellationToken cancellationToken);

    /// <summary>Adds the nodes of <paramref name="keys"/> not yet in <paramref name="loaded"/> (unknown ones stay out).</summary>
    Task LoadNodesAsync(IEnumerable<PathKey> keys, Dictionary<PathKey, PathNode> loaded, CancellationToken cancellationToken);
}

/// <summary>A company or channel of the path search.</summary>
internal readonly record struct PathKey(bool IsChannel, long Id)
{
    public override string ToString() => (IsChannel ? "h" : "c") + Id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One way out of a node (see <see cref="PathStep"/> for the direction rule).</summary>
internal sealed record PathEdge(PathKey To, CompanyRelationKind? Relation, ChannelRole? Role, bool Reversed, double Weight);
