using System.Globalization;
using System.Text;
using System.Xml;

namespace ChainMap.Export;

/// <summary>
/// The chain map as an SVG picture: tiers as columns, segment boxes coloured by gap rating (grey
/// when unrated) with a legend, sub-segments indented under their parent, flow edges as arrows.
/// Text is written through <see cref="XmlWriter"/>, so every name is XML-escaped.
/// </summary>
internal static class ChainMapSvgWriter
{
    private const string Svg = "http://www.w3.org/2000/svg";

    public static async Task WriteAsync(ChainMapExport map, Stream output, CancellationToken cancellationToken)
    {
        var layout = ChainMapLayout.Compute(map);
        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false };
        await using var xml = XmlWriter.Create(output, settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "svg", Svg);
        await Attr(xml, "version", "1.1");
        await Attr(xml, "width", N(layout.Width));
        await Attr(xml, "height", N(layout.Height));
        await Attr(xml, "viewBox", $"0 0 {N(layout.Width)} {N(layout.Height)}");
        await Attr(xml, "font-family", ChainMapLayout.FontFamily);
        await Element(xml, "title", layout.Title);

        await xml.WriteStartElementAsync(null, "defs", Svg);
        await xml.WriteStartElementAsync(null, "marker", Svg);
        await Attr(xml, "id", "arrow");
        await Attr(xml, "viewBox", "0 0 10 10");
        await Attr(xml, "refX", "10");
        await Attr(xml, "refY", "5");
        await Attr(xml, "markerWidth", "7");
        await Attr(xml, "markerHeight", "7");
        await Attr(xml, "orient", "auto-start-reverse");
        await xml.WriteStartElementAsync(null, "path", Svg);
        await Attr(xml, "d", "M0,0 L10,5 L0,10 z");
        await Attr(xml, "fill", ChainMapLayout.FlowColour);
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();

        await Rect(xml, 0, 0, layout.Width, layout.Height, "#ffffff", null);
        await Text(xml, 24, 36, layout.Title, ChainMapLayout.TitleSize, "#212121", "bold", "title");
        await Text(xml, 24, 62, layout.Subtitle, ChainMapLayout.DetailSize + 1, "#616161", null, "subtitle");

        foreach (var column in layout.Columns)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await xml.WriteStartElementAsync(null, "g", Svg);
            await Attr(xml, "class", "tier");
            await Attr(xml, "data-tier", column.Tier.ToString().ToLowerInvariant());
            await Rect(xml, column.X, column.Y, column.Width, column.Height, ChainMapLayout.ColumnFill, "#e0e0e0", radius: 8);
            await Text(xml, column.X + (column.Width / 2), column.Y + 27, column.Label, ChainMapLayout.HeaderSize, "#37474f", "bold", "tier-label", anchor: "middle");
            await xml.WriteEndElementAsync();
        }

        await xml.WriteStartElementAsync(null, "g", Svg);
        await Attr(xml, "class", "hierarchy");
        foreach (var c in layout.Connectors)
        {
            await xml.WriteStartElementAsync(null, "path", Svg);
            await Attr(xml, "class", "sub-segment");
            await Attr(xml, "data-parent", c.ParentCode);
            await Attr(xml, "data-child", c.ChildCode);
            await Attr(xml, "d", $"M{N(c.From.X)},{N(c.From.Y)} V{N(c.Corner.Y)} H{N(c.To.X)}");
            await Attr(xml, "fill", "none");
            await Attr(xml, "stroke", ChainMapLayout.HierarchyColour);
            await Attr(xml, "stroke-width", "1.5");
            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();

        await xml.WriteStartElementAsync(null, "g", Svg);
        await Attr(xml, "class", "flows");
        foreach (var a in layout.Arrows)
        {
            await xml.WriteStartElementAsync(null, "path", Svg);
            await Attr(xml, "class", "flow");
            await Attr(xml, "data-from", a.Flow.From);
            await Attr(xml, "data-to", a.Flow.To);
            await Attr(xml, "d", $"M{N(a.Start.X)},{N(a.Start.Y)} C{N(a.Control1.X)},{N(a.Control1.Y)} {N(a.Control2.X)},{N(a.Control2.Y)} {N(a.End.X)},{N(a.End.Y)}");
            await Attr(xml, "fill", "none");
            await Attr(xml, "stroke", ChainMapLayout.FlowColour);
            await Attr(xml, "stroke-width", "1.2");
            await Attr(xml, "stroke-opacity", "0.75");
            await Attr(xml, "marker-end", "url(#arrow)");
            if (a.Flow.Description.Length > 0)
            {
                await Element(xml, "title", a.Flow.Description);
            }

            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();

        foreach (var box in layout.Boxes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var segment = box.Segment;
            await xml.WriteStartElementAsync(null, "g", Svg);
            await Attr(xml, "class", "segment");
            await Attr(xml, "data-code", segment.Code);
            await Attr(xml, "data-depth", box.Depth.ToString(CultureInfo.InvariantCulture));
            if (segment.Rating is { } rating)
            {
                await Attr(xml, "data-rating", rating.ToWire());
            }

            await Element(xml, "title", Tooltip(segment));
            await Rect(xml, box.X, box.Y, box.Width, box.Height, segment.Rating.FillColour(), "#ffffff", radius: 6);
            await Text(xml, box.X + 10, box.Y + 19, segment.Name, ChainMapLayout.NameSize, "#ffffff", "bold", "segment-name");
            await Text(xml, box.X + 10, box.Y + 36, box.Detail, ChainMapLayout.DetailSize, "#ffffff", null, "segment-detail");
            await xml.WriteEndElementAsync();
        }

        await xml.WriteStartElementAsync(null, "g", Svg);
        await Attr(xml, "class", "legend");
        foreach (var item in layout.Legend)
        {
            await Rect(xml, item.X, item.Y, 16, 16, item.Colour, null, radius: 3);
            await Text(xml, item.X + 22, item.Y + 13, item.Label, ChainMapLayout.LegendSize, "#424242", null, "legend-label");
        }

        var y = layout.LegendY + 34;
        await xml.WriteStartElementAsync(null, "path", Svg);
        await Attr(xml, "d", $"M24,{N(y)} H64");
        await Attr(xml, "stroke", ChainMapLayout.FlowColour);
        await Attr(xml, "stroke-width", "1.5");
        await Attr(xml, "marker-end", "url(#arrow)");
        await xml.WriteEndElementAsync();
        await Text(xml, 72, y + 4, "供应关系（上游 → 下游）", ChainMapLayout.LegendSize, "#424242", null, "legend-label");
        await xml.WriteStartElementAsync(null, "path", Svg);
        await Attr(xml, "d", $"M250,{N(y - 8)} V{N(y)} H280");
        await Attr(xml, "fill", "none");
        await Attr(xml, "stroke", ChainMapLayout.HierarchyColour);
        await Attr(xml, "stroke-width", "1.5");
        await xml.WriteEndElementAsync();
        await Text(xml, 288, y + 4, "缩进 = 子环节", ChainMapLayout.LegendSize, "#424242", null, "legend-label");
        await xml.WriteEndElementAsync();

        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    internal static string Tooltip(ExportSegment segment)
    {
        var text = $"{segment.Name}（{segment.Code}）本地 {segment.LocalCompanies} 家";
        if (segment.TopTargets.Count > 0)
        {
            text += "；目标：" + string.Join("、", segment.TopTargets.Select(t => t.Name));
        }

        return text;
    }

    private static string N(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);

    private static Task Attr(XmlWriter xml, string name, string value) => xml.WriteAttributeStringAsync(null, name, null, value);

    private static async Task Element(XmlWriter xml, string name, string text)
    {
        await xml.WriteStartElementAsync(null, name, Svg);
        await xml.WriteStringAsync(text);
        await xml.WriteEndElementAsync();
    }

    private static async Task Rect(XmlWriter xml, double x, double y, double width, double height, string fill, string? stroke, double radius = 0)
    {
        await xml.WriteStartElementAsync(null, "rect", Svg);
        await Attr(xml, "x", N(x));
        await Attr(xml, "y", N(y));
        await Attr(xml, "width", N(width));
        await Attr(xml, "height", N(height));
        if (radius > 0)
        {
            await Attr(xml, "rx", N(radius));
        }

        await Attr(xml, "fill", fill);
        if (stroke is not null)
        {
            await Attr(xml, "stroke", stroke);
        }

        await xml.WriteEndElementAsync();
    }

    private static async Task Text(XmlWriter xml, double x, double y, string text, double size, string fill, string? weight, string cssClass, string? anchor = null)
    {
        await xml.WriteStartElementAsync(null, "text", Svg);
        await Attr(xml, "class", cssClass);
        await Attr(xml, "x", N(x));
        await Attr(xml, "y", N(y));
        await Attr(xml, "font-size", N(size));
        await Attr(xml, "fill", fill);
        if (weight is not null)
        {
            await Attr(xml, "font-weight", weight);
        }

        if (anchor is not null)
        {
            await Attr(xml, "text-anchor", anchor);
        }

        await xml.WriteStringAsync(text);
        await xml.WriteEndElementAsync();
    }
}
