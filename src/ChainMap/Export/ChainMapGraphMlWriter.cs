using System.Globalization;
using System.Text;
using System.Xml;
using ChainMap.Domain;

namespace ChainMap.Export;

/// <summary>
/// The chain map as GraphML (http://graphml.graphdrawing.org/xmlns). Every attribute is declared
/// with a &lt;key&gt;: Gephi reads the <c>label</c> key as the node label and the others as
/// attributes; yEd reads the yFiles <c>nodegraphics</c>/<c>edgegraphics</c> keys, so nodes open
/// with their label, rating colour and the same positions as the SVG. Edges carry a <c>kind</c>:
/// hierarchy (parent → sub-segment, dashed) or flow (supplier → customer, arrow).
/// </summary>
internal static class ChainMapGraphMlWriter
{
    public const string GraphMlNamespace = "http://graphml.graphdrawing.org/xmlns";
    public const string YNamespace = "http://www.yworks.com/xml/graphml";
    private const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    private static readonly (string Id, string For, string Name, string Type)[] Keys =
    [
        ("label", "node", "label", "string"),
        ("name", "node", "name", "string"),
        ("tier", "node", "tier", "string"),
        ("tier_label", "node", "tier_label", "string"),
        ("parent", "node", "parent", "string"),
        ("local_companies", "node", "local_companies", "int"),
        ("rating", "node", "rating", "string"),
        ("action", "node", "action", "string"),
        ("top_targets", "node", "top_targets", "string"),
        ("kind", "edge", "kind", "string"),
        ("description", "edge", "description", "string"),
    ];

    public static async Task WriteAsync(ChainMapExport map, Stream output, CancellationToken cancellationToken)
    {
        var layout = ChainMapLayout.Compute(map);
        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false };
        await using var xml = XmlWriter.Create(output, settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "graphml", GraphMlNamespace);
        await xml.WriteAttributeStringAsync("xmlns", "xsi", null, XsiNamespace);
        await xml.WriteAttributeStringAsync("xmlns", "y", null, YNamespace);
        await xml.WriteAttributeStringAsync("xsi", "schemaLocation", XsiNamespace,
            "http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd");

        foreach (var (id, target, name, type) in Keys)
        {
            await xml.WriteStartElementAsync(null, "key", GraphMlNamespace);
            await xml.WriteAttributeStringAsync(null, "id", null, id);
            await xml.WriteAttributeStringAsync(null, "for", null, target);
            await xml.WriteAttributeStringAsync(null, "attr.name", null, name);
            await xml.WriteAttributeStringAsync(null, "attr.type", null, type);
            await xml.WriteEndElementAsync();
        }

        await YKey(xml, "ng", "node", "nodegraphics");
        await YKey(xml, "eg", "edge", "edgegraphics");

        await xml.WriteStartElementAsync(null, "graph", GraphMlNamespace);
        await xml.WriteAttributeStringAsync(null, "id", null, map.Chain.Code);
        await xml.WriteAttributeStringAsync(null, "edgedefault", null, "directed");

        foreach (var segment in map.Segments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await xml.WriteStartElementAsync(null, "node", GraphMlNamespace);
            await xml.WriteAttributeStringAsync(null, "id", null, segment.Code);
            await Data(xml, "label", segment.Name);
            await Data(xml, "name", segment.Name);
            await Data(xml, "tier", segment.Tier.ToWire());
            await Data(xml, "tier_label", segment.Tier.ToChinese());
            if (segment.ParentCode is not null)
            {
                await Data(xml, "parent", segment.ParentCode);
            }

            await Data(xml, "local_companies", segment.LocalCompanies.ToString(CultureInfo.InvariantCulture));
            if (segment.Rating is { } rating)
            {
                await Data(xml, "rating", rating.ToChinese());
            }

            if (segment.Action is { } action)
            {
                await Data(xml, "action", action.ToChinese());
            }

            if (segment.TopTargets.Count > 0)
            {
                await Data(xml, "top_targets", string.Join("、", segment.TopTargets.Select(t => t.Name)));
            }

            if (layout.FindBox(segment.Code) is { } box)
            {
                await ShapeNode(xml, segment, box);
            }

            await xml.WriteEndElementAsync();
        }

        var index = 0;
        foreach (var segment in map.Segments.Where(s => s.ParentCode is not null))
        {
            await Edge(xml, $"h{index++}", segment.ParentCode!, segment.Code, "hierarchy", null);
        }

        index = 0;
        foreach (var flow in map.Flows)
        {
            await Edge(xml, $"f{index++}", flow.From, flow.To, "flow", flow.Description);
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    private static async Task YKey(XmlWriter xml, string id, string target, string yfilesType)
    {
        await xml.WriteStartElementAsync(null, "key", GraphMlNamespace);
        await xml.WriteAttributeStringAsync(null, "id", null, id);
        await xml.WriteAttributeStringAsync(null, "for", null, target);
        await xml.WriteAttributeStringAsync(null, "yfiles.type", null, yfilesType);
        await xml.WriteEndElementAsync();
    }

    private static async Task Data(XmlWriter xml, string key, string value)
    {
        await xml.WriteStartElementAsync(null, "data", GraphMlNamespace);
        await xml.WriteAttributeStringAsync(null, "key", null, key);
        await xml.WriteStringAsync(value);
        await xml.WriteEndElementAsync();
    }

    private static async Task ShapeNode(XmlWriter xml, ExportSegment segment, LayoutBox box)
    {
        await xml.WriteStartElementAsync(null, "data", GraphMlNamespace);
        await xml.WriteAttributeStringAsync(null, "key", null, "ng");
        await xml.WriteStartElementAsync("y", "ShapeNode", YNamespace);
        await xml.WriteStartElementAsync("y", "Geometry", YNamespace);
        await xml.WriteAttributeStringAsync(null, "x", null, N(box.X));
        await xml.WriteAttributeStringAsync(null, "y", null, N(box.Y));
        await xml.WriteAttributeStringAsync(null, "width", null, N(box.Width));
        await xml.WriteAttributeStringAsync(null, "height", null, N(box.Height));
        await xml.WriteEndElementAsync();
        await xml.WriteStartElementAsync("y", "Fill", YNamespace);
        await xml.WriteAttributeStringAsync(null, "color", null, segment.Rating.FillColour().ToUpperInvariant());
        await xml.WriteAttributeStringAsync(null, "transparent", null, "false");
        await xml.WriteEndElementAsync();
        await xml.WriteStartElementAsync("y", "NodeLabel", YNamespace);
        await xml.WriteAttributeStringAsync(null, "textColor", null, "#FFFFFF");
        await xml.WriteAttributeStringAsync(null, "fontSize", null, "13");
        await xml.WriteStringAsync(segment.Name);
        await xml.WriteEndElementAsync();
        await xml.WriteStartElementAsync("y", "Shape", YNamespace);
        await xml.WriteAttributeStringAsync(null, "type", null, "roundrectangle");
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
    }

    private static async Task Edge(XmlWriter xml, string id, string source, string target, string kind, string? description)
    {
        await xml.WriteStartElementAsync(null, "edge", GraphMlNamespace);
        await xml.WriteAttributeStringAsync(null, "id", null, id);
        await xml.WriteAttributeStringAsync(null, "source", null, source);
        await xml.WriteAttributeStringAsync(null, "target", null, target);
        await Data(xml, "kind", kind);
        if (!string.IsNullOrEmpty(description))
        {
            await Data(xml, "description", description);
        }

        await xml.WriteStartElementAsync(null, "data", GraphMlNamespace);
        await xml.WriteAttributeStringAsync(null, "key", null, "eg");
        await xml.WriteStartElementAsync("y", "PolyLineEdge", YNamespace);
        await xml.WriteStartElementAsync("y", "LineStyle", YNamespace);
        await xml.WriteAttributeStringAsync(null, "color", null, kind == "flow" ? "#546E7A" : "#9E9E9E");
        await xml.WriteAttributeStringAsync(null, "type", null, kind == "flow" ? "line" : "dashed");
        await xml.WriteAttributeStringAsync(null, "width", null, "1.0");
        await xml.WriteEndElementAsync();
        await xml.WriteStartElementAsync("y", "Arrows", YNamespace);
        await xml.WriteAttributeStringAsync(null, "source", null, "none");
        await xml.WriteAttributeStringAsync(null, "target", null, kind == "flow" ? "standard" : "none");
        await xml.WriteEndElementAsync();
        await xml.WriteStartElementAsync("y", "BendStyle", YNamespace);
        await xml.WriteAttributeStringAsync(null, "smoothed", null, "true");
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
    }

    private static string N(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);
}
