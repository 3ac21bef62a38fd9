using ChainMap.Domain;

namespace ChainMap.Export;

/// <summary>A point of the picture, in pixels from the top left.</summary>
internal readonly record struct Point(double X, double Y);

/// <summary>A tier column (上游/中游/下游).</summary>
internal sealed record LayoutColumn(Tier Tier, string Label, double X, double Y, double Width, double Height);

/// <summary>A segment box: <see cref="Depth"/> is its indentation under its parent in the same column.</summary>
internal sealed record LayoutBox(ExportSegment Segment, int Depth, double X, double Y, double Width, double Height, string Detail)
{
    public double MidY => Y + (Height / 2);

    public double Right => X + Width;

    public double Bottom => Y + Height;
}

/// <summary>A flow edge drawn as a cubic curve from <see cref="Start"/> to <see cref="End"/> (the arrow head).</summary>
internal sealed record LayoutArrow(ExportFlow Flow, Point Start, Point Control1, Point Control2, Point End);

/// <summary>The elbow line that joins a sub-segment to its parent box.</summary>
internal sealed record LayoutConnector(string ParentCode, string ChildCode, Point From, Point Corner, Point To);

internal sealed record LegendItem(string Label, string Colour, double X, double Y);

/// <summary>
/// Where everything of a chain map goes, computed once and drawn by the SVG writer, the PNG
/// renderer and (as node positions) the GraphML writer: tiers as columns, segments as boxes with
/// sub-segments indented under their parent, flows as curves between box edges, a legend below.
/// Text widths are estimated (CJK one em, Latin 0.62 em) so that the layout needs no font.
/// </summary>
internal sealed record ChainMapLayout(
    double Width,
    double Height,
    string Title,
    string Subtitle,
    IReadOnlyList<LayoutColumn> Columns,
    IReadOnlyList<LayoutBox> Boxes,
    IReadOnlyList<LayoutArrow> Arrows,
    IReadOnlyList<LayoutConnector> Connectors,
    IReadOnlyList<LegendItem> Legend,
    double LegendY)
{
    public const double TitleSize = 22;
    public const double HeaderSize = 16;
    public const double NameSize = 14;
    public const double DetailSize = 11;
    public const double LegendSize = 12;
    public const string FontFamily = "\"Noto Sans CJK SC\",\"WenQuanYi Micro Hei\",\"Microsoft YaHei\",\"PingFang SC\",sans-serif";
    public const string ColumnFill = "#f5f5f5";
    public const string FlowColour = "#546e7a";
    public const string HierarchyColour = "#9e9e9e";

    private const double Margin = 24;
    private const double ColumnGap = 110;
    private const double ColumnPadding = 12;
    private const double HeaderHeight = 40;
    private const double BoxHeight = 44;
    private const double BoxGap = 10;
    private const double GroupGap = 8;
    private const double Indent = 22;
    private const double MinBoxWidth = 150;
    private const double TopY = 84;

    private Dictionary<string, LayoutBox>? boxIndex;

    public LayoutBox? FindBox(string code)
    {
        boxIndex ??= Boxes.DistinctBy(b => b.Segment.Code).ToDictionary(b => b.Segment.Code, StringComparer.Ordinal);
        return boxIndex.GetValueOrDefault(code);
    }

    public static ChainMapLayout Compute(ChainMapExport map)
    {
        var tiers = Enum.GetValues<Tier>();
        var ordered = tiers.ToDictionary(t => t, t => OrderColumn(map, t));
        var details = map.Segments.ToDictionary(s => s.Code, s => Detail(s, map.HomeRegionName), StringComparer.Ordinal);

        var widest = map.Segments.Count == 0 ? 0 : tiers.SelectMany(t => ordered[t]).Max(e =>
            (e.Depth * Indent) + Math.Max(TextWidth(e.Segment.Name, NameSize), TextWidth(details[e.Segment.Code], DetailSize)) + 24);
        var boxWidth = Math.Max(MinBoxWidth, Math.Ceiling(widest));
        var columnWidth = boxWidth + (2 * ColumnPadding);

        var boxes = new List<LayoutBox>();
        var columnHeights = new List<double>();
        for (var i = 0; i < tiers.Length; i++)
        {
            var x = Margin + (i * (columnWidth + ColumnGap));
            var y = TopY + HeaderHeight + ColumnPadding;
            var first = true;
            foreach (var (segment, depth) in ordered[tiers[i]])
            {
                if (depth == 0 && !first)
                {
                    y += GroupGap;
                }

                first = false;
                var indent = depth * Indent;
                boxes.Add(new LayoutBox(segment, depth, x + ColumnPadding + indent, y, boxWidth - indent, BoxHeight, details[segment.Code]));
                y += BoxHeight + BoxGap;
            }

            columnHeights.Add(y - TopY + ColumnPadding);
        }

        var columnHeight = Math.Max(columnHeights.Max(), HeaderHeight + 60);
        var columns = tiers.Select((t, i) => new LayoutColumn(t, t.ToChinese(), Margin + (i * (columnWidth + ColumnGap)), TopY, columnWidth, columnHeight)).ToList();
        var width = (2 * Margin) + (tiers.Length * columnWidth) + ((tiers.Length - 1) * ColumnGap);

        var byCode = boxes.ToDictionary(b => b.Segment.Code, StringComparer.Ordinal);
        var columnOf = boxes.ToDictionary(b => b.Segment.Code, b => (int)b.Segment.Tier, StringComparer.Ordinal);
        var arrows = new List<LayoutArrow>();
        foreach (var flow in map.Flows)
        {
            if (byCode.TryGetValue(flow.From, out var from) && byCode.TryGetValue(flow.To, out var to))
            {
                arrows.Add(Arrow(flow, from, to, columnOf[flow.From], columnOf[flow.To]));
            }
        }

        var connectors = new List<LayoutConnector>();
        foreach (var box in boxes.Where(b => b.Depth > 0))
        {
            var parent = byCode[box.Segment.ParentCode!];
            var x = parent.X + 10;
            connectors.Add(new LayoutConnector(parent.Segment.Code, box.Segment.Code, new Point(x, parent.Bottom), new Point(x, box.MidY), new Point(box.X, box.MidY)));
        }

        var legendY = TopY + columnHeight + 28;
        var legend = new List<LegendItem>();
        var legendX = Margin;
        foreach (var (label, colour) in ExportLabels.Legend)
        {
            legend.Add(new LegendItem(label, colour, legendX, legendY));
            legendX += 22 + TextWidth(label, LegendSize) + 18;
        }

        var title = $"{map.Chain.Name}产业链图谱";
        var subtitle = map.HomeRegionName is null
            ? $"{map.Chain.Code} · {map.Segments.Count} 个环节 · {map.Flows.Count} 条供应关系"
            : $"{map.Chain.Code} · 本地：{map.HomeRegionName} · {map.Segments.Count} 个环节 · {map.Flows.Count} 条供应关系";
        var height = legendY + 56;
        width = Math.Max(width, legendX + Margin + 260);
        if (arrows.Count > 0)
        {
            width = Math.Max(width, arrows.Max(a => Math.Max(a.Control1.X, a.Control2.X)) + Margin);
        }

        return new ChainMapLayout(Math.Ceiling(width), Math.Ceiling(height), title, subtitle, columns, boxes, arrows, connectors, legend, legendY);
    }

    /// <summary>The second line of a segment box: local presence, rating and action.</summary>
    public static string Detail(ExportSegment segment, string? homeRegionName)
    {
        var parts = new List<string> { homeRegionName is null ? "本地未设定" : $"本地 {segment.LocalCompanies} 家" };
        if (segment.Rating is { } rating)
        {
            parts.Add(rating.ToChinese());
        }

        if (segment.Action is { } action)
        {
            parts.Add(action.ToChinese());
        }

        return string.Join(" · ", parts);
    }

    /// <summary>An estimate of the drawn width of <paramref name="text"/>: CJK and full-width characters one em, others 0.62 em.</summary>
    public static double TextWidth(string text, double size)
    {
        var width = 0.0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += rune.Value >= 0x2E80 ? size : size * 0.62;
        }

        return width;
    }

    /// <summary>A column's segments in tree order: each top-level segment followed by its sub-segments (same tier) indented.</summary>
    private static List<(ExportSegment Segment, int Depth)> OrderColumn(ChainMapExport map, Tier tier)
    {
        var inTier = map.Segments.Where(s => s.Tier == tier).ToList();
        var codes = inTier.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var children = inTier.Where(s => s.ParentCode is not null && codes.Contains(s.ParentCode))
            .GroupBy(s => s.ParentCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var result = new List<(ExportSegment, int)>();
        var placed = new HashSet<string>(StringComparer.Ordinal);

        // Depth-first with an explicit stack (children pushed in reverse so they come out in order): no recursion over user data.
        var stack = new Stack<(ExportSegment Segment, int Depth)>();
        void Place(ExportSegment top)
        {
            stack.Push((top, 0));
            while (stack.Count > 0)
            {
                var (segment, depth) = stack.Pop();
                if (!placed.Add(segment.Code))
                {
                    continue;
                }

                result.Add((segment, depth));
                if (children.GetValueOrDefault(segment.Code) is { } below)
                {
                    for (var i = below.Count - 1; i >= 0; i--)
                    {
                        stack.Push((below[i], depth + 1));
                    }
                }
            }
        }

        foreach (var root in inTier.Where(s => s.ParentCode is null || !codes.Contains(s.ParentCode)))
        {
            Place(root);
        }

        // A parent cycle has no root; such segments still get drawn, at the top level.
        foreach (var rest in inTier.Where(s => !placed.Contains(s.Code)))
        {
            Place(rest);
        }

        return result;
    }

    private static LayoutArrow Arrow(ExportFlow flow, LayoutBox from, LayoutBox to, int fromColumn, int toColumn)
    {
        if (toColumn > fromColumn)
        {
            var start = new Point(from.Right, from.MidY);
            var end = new Point(to.X, to.MidY);
            var bend = Math.Max(40, (end.X - start.X) / 2.5);
            return new LayoutArrow(flow, start, new Point(start.X + bend, start.Y), new Point(end.X - bend, end.Y), end);
        }

        if (toColumn < fromColumn)
        {
            var start = new Point(from.X, from.MidY);
            var end = new Point(to.Right, to.MidY);
            var bend = Math.Max(40, (start.X - end.X) / 2.5);
            return new LayoutArrow(flow, start, new Point(start.X - bend, start.Y), new Point(end.X + bend, end.Y), end);
        }

        // Same tier: loop out to the right of the column and back in.
        var s = new Point(from.Right, from.MidY);
        var e = new Point(to.Right, to.MidY);
        var reach = 30 + Math.Min(60, Math.Abs(e.Y - s.Y) / 6);
        var outX = Math.Max(s.X, e.X) + reach;
        return new LayoutArrow(flow, s, new Point(outX, s.Y), new Point(outX, e.Y), e);
    }
}
