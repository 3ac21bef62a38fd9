using System.Globalization;
using System.Text;
using ChainMap.Domain;

namespace ChainMap.Export;

/// <summary>
/// The chain map as a Mermaid flowchart: one subgraph per tier (上游/中游/下游), one node per
/// segment labelled with its name and local count, classes per gap rating, flows as arrows
/// (<c>--&gt;</c>) and the sub-segment hierarchy as dotted lines (<c>-.-</c>). Labels are
/// quoted and escaped with Mermaid entity codes (#quot; #35; #lt; #gt; ...).
/// </summary>
internal static class ChainMapMermaidWriter
{
    public static async Task WriteAsync(ChainMapExport map, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\n" };
        var ids = NodeIds(map);
        await writer.WriteLineAsync("flowchart LR".AsMemory(), cancellationToken);
        await writer.WriteLineAsync($"  %% {Comment(map.Chain.Name)}产业链图谱 ({Comment(map.Chain.Code)}){(map.HomeRegionName is null ? "" : " · 本地：" + Comment(map.HomeRegionName))}".AsMemory(), cancellationToken);
        foreach (var tier in Enum.GetValues<Tier>())
        {
            await writer.WriteLineAsync($"  subgraph {tier.ToWire()}[\"{tier.ToChinese()}\"]".AsMemory(), cancellationToken);
            await writer.WriteLineAsync("    direction TB".AsMemory(), cancellationToken);
            foreach (var s in map.Segments.Where(s => s.Tier == tier))
            {
                var detail = ChainMapLayout.Detail(s, map.HomeRegionName);
                await writer.WriteLineAsync($"    {ids[s.Code]}[\"{Label(s.Name)}<br/>{Label(detail)}\"]".AsMemory(), cancellationToken);
            }

            await writer.WriteLineAsync("  end".AsMemory(), cancellationToken);
        }

        foreach (var s in map.Segments.Where(s => s.ParentCode is not null && ids.ContainsKey(s.ParentCode)))
        {
            await writer.WriteLineAsync($"  {ids[s.ParentCode!]} -.- {ids[s.Code]}".AsMemory(), cancellationToken);
        }

        foreach (var f in map.Flows.Where(f => ids.ContainsKey(f.From) && ids.ContainsKey(f.To)))
        {
            await writer.WriteLineAsync($"  {ids[f.From]} --> {ids[f.To]}".AsMemory(), cancellationToken);
        }

        foreach (var rating in Enum.GetValues<ExportRating>().Cast<ExportRating?>().Append(null))
        {
            var members = map.Segments.Where(s => s.Rating == rating).Select(s => ids[s.Code]).ToList();
            var name = rating?.ToWire() ?? "unrated";
            await writer.WriteLineAsync($"  classDef {name} fill:{rating.FillColour()},stroke:#ffffff,color:#ffffff".AsMemory(), cancellationToken);
            if (members.Count > 0)
            {
                await writer.WriteLineAsync($"  class {string.Join(",", members)} {name}".AsMemory(), cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Escapes text for a double-quoted Mermaid label: entity codes for the characters Mermaid or HTML would interpret.</summary>
    public static string Label(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "#quot;",
                '#' => "#35;",
                '<' => "#lt;",
                '>' => "#gt;",
                '&' => "#amp;",
                '`' => "#96;",
                '\r' or '\n' or '\t' => " ",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>Mermaid node ids: "s_" and the segment code reduced to letters, digits and '_' (numbered when two collide).</summary>
    private static Dictionary<string, string> NodeIds(ChainMapExport map)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in map.Segments)
        {
            var baseId = "s_" + new string(s.Code.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
            var id = baseId;
            for (var n = 2; !used.Add(id); n++)
            {
                id = baseId + "_" + n.ToString(CultureInfo.InvariantCulture);
            }

            ids[s.Code] = id;
        }

        return ids;
    }

    private static string Comment(string text) => text.ReplaceLineEndings(" ");
}
