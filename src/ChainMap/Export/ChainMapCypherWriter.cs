using System.Globalization;
using System.Text;
using ChainMap.Domain;

namespace ChainMap.Export;

/// <summary>
/// A Cypher script that recreates the chain in Neo4j: (:Chain), (:Segment) nodes merged on their
/// codes, (:Chain)-[:HAS_SEGMENT]->(:Segment), (:Segment)-[:SUB_SEGMENT_OF]->(:Segment) for the
/// hierarchy and (:Segment)-[:SUPPLIES]->(:Segment) for flows. One statement per line, each ending
/// with ';', using only syntax that Neo4j 3.1 and 5 both accept (no parameters, no IF NOT EXISTS,
/// no constraint DDL); running it twice changes nothing. Strings are single-quoted Cypher literals
/// with backslash escapes (<see cref="Literal"/>).
/// </summary>
internal static class ChainMapCypherWriter
{
    public static async Task WriteAsync(ChainMapExport map, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\n" };
        var chain = map.Chain;
        await writer.WriteLineAsync($"// ChainMap: {OneLine(chain.Name)} ({OneLine(chain.Code)}), {map.Segments.Count} segments, {map.Flows.Count} flows.".AsMemory(), cancellationToken);
        await writer.WriteLineAsync("// Run in Neo4j Browser or cypher-shell (Neo4j 3.1 or later). Idempotent: MERGE on codes.".AsMemory(), cancellationToken);
        await writer.WriteLineAsync(
            $"MERGE (c:Chain {{code: {Literal(chain.Code)}}}) SET c.name = {Literal(chain.Name)}, c.category = {Literal(chain.Category.ToWire())}, c.description = {Literal(chain.Description)}{HomeProperty(map)};".AsMemory(),
            cancellationToken);

        foreach (var s in map.Segments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = new StringBuilder();
            line.Append(CultureInfo.InvariantCulture, $"MERGE (s:Segment {{code: {Literal(s.Code)}}}) SET s.chain = {Literal(chain.Code)}, s.name = {Literal(s.Name)}, ");
            line.Append(CultureInfo.InvariantCulture, $"s.tier = {Literal(s.Tier.ToWire())}, s.tierLabel = {Literal(s.Tier.ToChinese())}, s.parent = {LiteralOrNull(s.ParentCode)}, ");
            line.Append(CultureInfo.InvariantCulture, $"s.localCompanies = {s.LocalCompanies.ToString(CultureInfo.InvariantCulture)}, ");
            line.Append(CultureInfo.InvariantCulture, $"s.rating = {LiteralOrNull(s.Rating?.ToChinese())}, s.action = {LiteralOrNull(s.Action?.ToChinese())}, ");
            line.Append(CultureInfo.InvariantCulture, $"s.topTargets = [{string.Join(", ", s.TopTargets.Select(t => Literal(t.Name)))}];");
            await writer.WriteLineAsync(line.ToString().AsMemory(), cancellationToken);
        }

        foreach (var s in map.Segments)
        {
            await writer.WriteLineAsync(
                $"MATCH (c:Chain {{code: {Literal(chain.Code)}}}), (s:Segment {{code: {Literal(s.Code)}}}) MERGE (c)-[:HAS_SEGMENT]->(s);".AsMemory(), cancellationToken);
        }

        foreach (var s in map.Segments.Where(s => s.ParentCode is not null))
        {
            await writer.WriteLineAsync(
                $"MATCH (child:Segment {{code: {Literal(s.Code)}}}), (parent:Segment {{code: {Literal(s.ParentCode!)}}}) MERGE (child)-[:SUB_SEGMENT_OF]->(parent);".AsMemory(), cancellationToken);
        }

        foreach (var f in map.Flows)
        {
            await writer.WriteLineAsync(
                $"MATCH (a:Segment {{code: {Literal(f.From)}}}), (b:Segment {{code: {Literal(f.To)}}}) MERGE (a)-[r:SUPPLIES]->(b) SET r.description = {Literal(f.Description)};".AsMemory(), cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// A single-quoted Cypher string literal: backslash, quotes and control characters escaped
    /// (\\, \', \", \n, \r, \t, \b, \f, other controls as \uXXXX); everything else, Chinese
    /// included, is written as is.
    /// </summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('\'');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\':
                    builder.Append(@"\\");
                    break;
                case '\'':
                    builder.Append(@"\'");
                    break;
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                case '\r':
                    builder.Append(@"\r");
                    break;
                case '\t':
                    builder.Append(@"\t");
                    break;
                case '\b':
                    builder.Append(@"\b");
                    break;
                case '\f':
                    builder.Append(@"\f");
                    break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029')
                    {
                        builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('\'');
        return builder.ToString();
    }

    private static string LiteralOrNull(string? value) => value is null ? "null" : Literal(value);

    private static string HomeProperty(ChainMapExport map) =>
        map.HomeRegionName is null ? string.Empty : $", c.homeRegion = {Literal(map.HomeRegionName)}";

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
