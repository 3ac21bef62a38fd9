namespace ChainMap.Discovery;

/// <summary>
/// How far each channel is from the home region, the distance that gives a target its channel points
/// (<see cref="TargetScoring.ChannelPoints"/>, <c>HomeChannelTie.HopsToHome</c>): 0 for a channel tied to the
/// home region, 1 for one with a home-region member company, otherwise one more than the nearest linked
/// channel (links between channels count in either direction), up to <see cref="Max"/>. Channels further
/// away do not lead home and are left out. The stores only load the three inputs.
/// </summary>
internal static class ChannelHops
{
    /// <summary>Channels at most this many steps from home lead home.</summary>
    public const int Max = 2;

    /// <param name="tiedHome">Channels tied to a division inside the home region.</param>
    /// <param name="withHomeMember">Channels with a member company inside the home region.</param>
    /// <param name="links">Links between channels (channel, member channel).</param>
    public static Dictionary<long, int> Compute(IEnumerable<long> tiedHome, IEnumerable<long> withHomeMember, IEnumerable<(long Channel, long Member)> links)
    {
        ArgumentNullException.ThrowIfNull(tiedHome);
        ArgumentNullException.ThrowIfNull(withHomeMember);
        ArgumentNullException.ThrowIfNull(links);
        var distance = new Dictionary<long, int>();
        foreach (var id in tiedHome)
        {
            distance[id] = 0;
        }

        foreach (var id in withHomeMember)
        {
            distance.TryAdd(id, 1);
        }

        if (distance.Count == 0)
        {
            return distance;
        }

        var neighbours = new Dictionary<long, List<long>>();
        foreach (var (channel, member) in links)
        {
            Add(neighbours, channel, member);
            Add(neighbours, member, channel);
        }

        for (var hops = 0; hops < Max; hops++)
        {
            foreach (var id in distance.Where(p => p.Value == hops).Select(p => p.Key).ToList())
            {
                foreach (var next in neighbours.GetValueOrDefault(id) ?? [])
                {
                    if (!distance.TryGetValue(next, out var known) || known > hops + 1)
                    {
                        distance[next] = hops + 1;
                    }
                }
            }
        }

        return distance;
    }

    private static void Add(Dictionary<long, List<long>> map, long key, long value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }
}
