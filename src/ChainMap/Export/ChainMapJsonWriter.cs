using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using ChainMap.Domain;

namespace ChainMap.Export;

/// <summary>
/// The chain map as JSON nodes and edges. Edges have a <c>kind</c>: <c>hierarchy</c> (parent → sub-segment)
/// or <c>flow</c> (supplier segment → customer segment); the two relations are never mixed.
/// </summary>
internal static class ChainMapJsonWriter
{
    public const string FormatVersion = "chainmap-export/1";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    internal sealed record Document(string Format, ChainNode Chain, string? HomeRegion, IReadOnlyList<SegmentNode> Nodes, IReadOnlyList<Edge> Edges);

    internal sealed record ChainNode(string Code, string Name, string Category, string Description);

    internal sealed record SegmentNode(
        string Id, string Name, string Tier, string TierLabel, string? Parent, int Depth, int LocalCompanies,
        string? Rating, string? RatingLabel, string? Action, string? ActionLabel, IReadOnlyList<TargetNode> TopTargets);

    internal sealed record TargetNode(string Name, string? Region, double Score);

    internal sealed record Edge(string Source, string Target, string Kind, string? Description);

    public static Task WriteAsync(ChainMapExport map, Stream output, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(output, ToDocument(map), Options, cancellationToken);

    internal static Document ToDocument(ChainMapExport map)
    {
        var nodes = map.Segments.Select(s => new SegmentNode(
            s.Code, s.Name, s.Tier.ToWire(), s.Tier.ToChinese(), s.ParentCode, map.DepthOf(s), s.LocalCompanies,
            s.Rating?.ToWire(), s.Rating?.ToChinese(), s.Action?.ToWire(), s.Action?.ToChinese(),
            s.TopTargets.Select(t => new TargetNode(t.Name, t.Region, t.Score)).ToList())).ToList();
        var edges = map.Segments.Where(s => s.ParentCode is not null).Select(s => new Edge(s.ParentCode!, s.Code, "hierarchy", null))
            .Concat(map.Flows.Select(f => new Edge(f.From, f.To, "flow", f.Description)))
            .ToList();
        var chain = map.Chain;
        return new Document(FormatVersion, new ChainNode(chain.Code, chain.Name, chain.Category.ToWire(), chain.Description), map.HomeRegionName, nodes, edges);
    }
}
