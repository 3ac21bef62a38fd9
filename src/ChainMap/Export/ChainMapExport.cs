using ChainMap.Domain;

namespace ChainMap.Export;

/// <summary>
/// Everything a chain-map export shows, independent of the file format: the chain, its segments
/// (tier, hierarchy, local presence and, once discovery has assessed them, a gap rating, an action
/// and the top targets) and its flow edges. Built in one place, <see cref="ChainMapExportBuilder"/>.
/// </summary>
internal sealed record ChainMapExport(
    Chain Chain,
    IReadOnlyList<ExportSegment> Segments,
    IReadOnlyList<ExportFlow> Flows,
    string? HomeRegionName)
{
    private Dictionary<string, (ExportSegment Segment, int Depth)>? index;

    public ExportSegment? FindSegment(string code) => Index().TryGetValue(code, out var entry) ? entry.Segment : null;

    /// <summary>How deep a segment sits in the sub-segment hierarchy (0 for a top-level segment; a parent cycle counts each segment once).</summary>
    public int DepthOf(ExportSegment segment) => Index().TryGetValue(segment.Code, out var entry) ? entry.Depth : 0;

    /// <summary>Every segment by code with its depth, computed once in time linear in the number of segments.</summary>
    private Dictionary<string, (ExportSegment Segment, int Depth)> Index()
    {
        if (index is { } built)
        {
            return built;
        }

        var byCode = new Dictionary<string, ExportSegment>(StringComparer.Ordinal);
        foreach (var segment in Segments)
        {
            byCode.TryAdd(segment.Code, segment);
        }

        var result = new Dictionary<string, (ExportSegment, int)>(StringComparer.Ordinal);
        var path = new List<ExportSegment>();
        var onPath = new HashSet<string>(StringComparer.Ordinal);
        foreach (var segment in byCode.Values)
        {
            path.Clear();
            onPath.Clear();
            var depth = -1;
            for (var current = segment; current is not null;)
            {
                if (result.TryGetValue(current.Code, out var known))
                {
                    depth = known.Item2;
                    break;
                }

                if (!onPath.Add(current.Code))
                {
                    // A parent cycle: the walk stops where it would go round again.
                    break;
                }

                path.Add(current);
                current = current.ParentCode is { } parent ? byCode.GetValueOrDefault(parent) : null;
            }

            for (var i = path.Count - 1; i >= 0; i--)
            {
                result[path[i].Code] = (path[i], ++depth);
            }
        }

        index = result;
        return result;
    }
}

/// <summary>
/// One segment as exported. <see cref="Rating"/>, <see cref="Action"/> are null and
/// <see cref="TopTargets"/> empty until discovery rates the segment.
/// </summary>
internal sealed record ExportSegment(
    string Code,
    string Name,
    Tier Tier,
    string? ParentCode,
    int LocalCompanies,
    ExportRating? Rating,
    ExportAction? Action,
    IReadOnlyList<ExportTarget> TopTargets);

/// <summary>A company worth attracting into a segment, as the chain map lists it.</summary>
internal sealed record ExportTarget(string Name, string? Region, double Score);

/// <summary>Segment <see cref="From"/> supplies segment <see cref="To"/>.</summary>
internal sealed record ExportFlow(string From, string To, string Description);

/// <summary>The gap rating of a segment in the home region (优势/潜力/薄弱/空白).</summary>
internal enum ExportRating
{
    /// <summary>优势: the home region is strong here.</summary>
    Advantage,

    /// <summary>潜力: some presence that could grow.</summary>
    Potential,

    /// <summary>薄弱: weak presence.</summary>
    Weak,

    /// <summary>空白: no local company at all.</summary>
    Blank,
}

/// <summary>What to do about a segment (巩固/强链/补链/延链).</summary>
internal enum ExportAction
{
    /// <summary>巩固: keep a segment where the home region is already strong.</summary>
    Consolidate,

    /// <summary>强链: strengthen a segment that exists but is weak.</summary>
    Strengthen,

    /// <summary>补链: fill a missing segment.</summary>
    Fill,

    /// <summary>延链: extend the chain further.</summary>
    Extend,
}

internal static class ExportLabels
{
    public static string ToChinese(this ExportRating rating) => rating switch
    {
        ExportRating.Advantage => "优势",
        ExportRating.Potential => "潜力",
        ExportRating.Weak => "薄弱",
        _ => "空白",
    };

    public static string ToWire(this ExportRating rating) => rating switch
    {
        ExportRating.Advantage => "advantage",
        ExportRating.Potential => "potential",
        ExportRating.Weak => "weak",
        _ => "blank",
    };

    public static string ToChinese(this ExportAction action) => action switch
    {
        ExportAction.Consolidate => "巩固",
        ExportAction.Strengthen => "强链",
        ExportAction.Fill => "补链",
        _ => "延链",
    };

    public static string ToWire(this ExportAction action) => action switch
    {
        ExportAction.Consolidate => "consolidate",
        ExportAction.Strengthen => "strengthen",
        ExportAction.Fill => "fill",
        _ => "extend",
    };

    /// <summary>The fill colour of a segment box: one per rating, grey when not rated.</summary>
    public static string FillColour(this ExportRating? rating) => rating switch
    {
        ExportRating.Advantage => "#2e7d32",
        ExportRating.Potential => "#1565c0",
        ExportRating.Weak => "#e65100",
        ExportRating.Blank => "#c62828",
        _ => "#757575",
    };

    /// <summary>The legend entries in display order, the unrated grey last.</summary>
    public static IReadOnlyList<(string Label, string Colour)> Legend { get; } =
    [
        .. Enum.GetValues<ExportRating>().Select(r => (r.ToChinese(), ((ExportRating?)r).FillColour())),
        ("未评级", ((ExportRating?)null).FillColour()),
    ];
}
