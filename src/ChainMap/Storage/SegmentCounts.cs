namespace ChainMap.Storage;

/// <summary>Companies (with capital and strength) of one segment, summed over regions.</summary>
internal readonly record struct SegmentFigures(long Companies, double Capital, double Strength)
{
    public static SegmentFigures operator +(SegmentFigures a, SegmentFigures b) => new(a.Companies + b.Companies, a.Capital + b.Capital, a.Strength + b.Strength);

    public static SegmentFigures operator -(SegmentFigures a, SegmentFigures b) => new(a.Companies - b.Companies, a.Capital - b.Capital, a.Strength - b.Strength);
}

/// <summary>A row of the kept segment counts (SQLite: discovery_count; Neo4j: <c>(:SegmentCount)</c>): <see cref="Code"/> '' stands for all companies of the segment.</summary>
internal sealed record SegmentCountRow(string Code, int Level, string? ProvinceCode, string? CityCode, SegmentFigures Figures)
{
    /// <summary>True when <paramref name="code"/> is this division or one that contains it.</summary>
    public bool IsWithin(string code) => Code.Length > 0 && (Code == code || ProvinceCode == code || CityCode == code);

    /// <summary>True when <paramref name="inner"/> lies inside this division (or is it); everything lies inside the all-companies row.</summary>
    public bool Contains(SegmentCountRow inner) => Code.Length == 0 || inner.IsWithin(Code);
}

/// <summary>The rows read for one segment.</summary>
internal sealed class SegmentCounts
{
    public Dictionary<string, SegmentCountRow> Rows { get; } = new(StringComparer.Ordinal);

    public SegmentFigures All => Rows.TryGetValue(string.Empty, out var all) ? all.Figures : default;

    /// <summary>Counts inside <paramref name="scope"/> (null: anywhere) and outside <paramref name="excluded"/>.</summary>
    public ScopedSegmentCounts In(IReadOnlyCollection<string>? scope, IReadOnlyCollection<string> excluded) =>
        new(Rows.GetValueOrDefault(string.Empty), scope is null ? null : Outermost(scope), Outermost(excluded));

    /// <summary>
    /// Segment statistics from the rows of each segment (the all-companies row and the home codes' rows): home is what lies in
    /// <paramref name="homeRegionCodes"/>, elsewhere the rest; in the order of <paramref name="segments"/>, segments without companies left out.
    /// </summary>
    public static List<SegmentStats> Stats(IEnumerable<string> segments, IReadOnlyDictionary<string, SegmentCounts> counts, IReadOnlyCollection<string> homeRegionCodes)
    {
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

    /// <summary>
    /// Companies per segment, province and city (null: in the province but in none of its cities) within <paramref name="regionCodes"/>
    /// (null: anywhere) and outside <paramref name="excludedRegionCodes"/>, from the rows of the provinces and cities and of those codes.
    /// </summary>
    public static List<SegmentPlaceCount> Places(IReadOnlyDictionary<string, SegmentCounts> counts, IReadOnlyCollection<string>? regionCodes, IReadOnlyCollection<string> excludedRegionCodes)
    {
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

    /// <summary>Adds a row read from the store to the counts of its segment.</summary>
    public static void Add(Dictionary<string, SegmentCounts> counts, string segment, SegmentCountRow row)
    {
        if (!counts.TryGetValue(segment, out var segmentCounts))
        {
            counts[segment] = segmentCounts = new SegmentCounts();
        }

        segmentCounts.Rows[row.Code] = row;
    }

    private static PresenceFigures Presence(SegmentFigures figures) => new((int)figures.Companies, (decimal)figures.Capital, figures.Strength);

    /// <summary>The rows of <paramref name="codes"/> that no other of them contains (divisions nest, so these do not overlap).</summary>
    private List<SegmentCountRow> Outermost(IReadOnlyCollection<string> codes)
    {
        var rows = codes.Distinct(StringComparer.Ordinal).Where(c => c.Length > 0).Select(c => Rows.GetValueOrDefault(c)).OfType<SegmentCountRow>().ToList();
        return rows.Where(r => !rows.Any(o => o != r && r.IsWithin(o.Code))).ToList();
    }
}

/// <summary>
/// Figures of a division within a scope and outside exclusions. A scope or exclusion code without a
/// row has no companies of the segment, and neither has anything inside it, so it can be left out.
/// </summary>
internal sealed class ScopedSegmentCounts(SegmentCountRow? all, List<SegmentCountRow>? scope, List<SegmentCountRow> excluded)
{
    /// <summary>Companies of <paramref name="node"/> (null: all of the segment) in the scope and in no excluded division.</summary>
    public SegmentFigures Count(SegmentCountRow? node)
    {
        node ??= all;
        if (node is null)
        {
            return default;
        }

        var total = default(SegmentFigures);
        if (scope is null || scope.Exists(r => node.IsWithin(r.Code)))
        {
            return Outside(node);
        }

        foreach (var piece in scope)
        {
            if (piece != node && node.Contains(piece))
            {
                total += Outside(piece);
            }
        }

        return total;
    }

    private SegmentFigures Outside(SegmentCountRow piece)
    {
        if (excluded.Exists(h => piece.IsWithin(h.Code)))
        {
            return default;
        }

        var total = piece.Figures;
        foreach (var h in excluded)
        {
            if (h != piece && piece.Contains(h))
            {
                total -= h.Figures;
            }
        }

        return total;
    }
}
