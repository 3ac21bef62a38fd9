namespace ChainMap.Export;

/// <summary>A file format of an export: its name in URLs and on the command line, media type and file extension.</summary>
internal sealed record ExportFormat(string Name, string ContentType, string Extension, string Description);

/// <summary>The formats of the chain-map export (<c>GET /api/chains/{code}/export?format=</c>).</summary>
internal static class ChainMapFormats
{
    public static readonly ExportFormat Json = new("json", "application/json; charset=utf-8", "json", "nodes and edges (hierarchy and flow as separate edge kinds)");
    public static readonly ExportFormat GraphMl = new("graphml", "application/graphml+xml; charset=utf-8", "graphml", "GraphML for yEd and Gephi");
    public static readonly ExportFormat Cypher = new("cypher", "text/plain; charset=utf-8", "cypher", "Cypher script that recreates the chain in Neo4j 3.1+");
    public static readonly ExportFormat Mermaid = new("mermaid", "text/vnd.mermaid; charset=utf-8", "mmd", "Mermaid flowchart");
    public static readonly ExportFormat Svg = new("svg", "image/svg+xml; charset=utf-8", "svg", "picture (vector)");
    public static readonly ExportFormat Png = new("png", "image/png", "png", "picture (bitmap)");
    public static readonly ExportFormat Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "Excel workbook: 环节, 目标企业, 供应关系");
    public static readonly ExportFormat Csv = new("csv", "application/zip", "zip", "chain definition (chains.csv, segments.csv, flows.csv) for re-import: values verbatim, not formula-safe, so not for opening in a spreadsheet (use xlsx)");

    public static IReadOnlyList<ExportFormat> All { get; } = [Json, GraphMl, Cypher, Mermaid, Svg, Png, Xlsx, Csv];

    public static ExportFormat? Find(string? name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, (name ?? string.Empty).Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>The formats of the target-list export (<c>GET /api/targets/export?format=</c>).</summary>
internal static class TargetListFormats
{
    public static readonly ExportFormat Csv = new("csv", "text/csv; charset=utf-8", "csv", "CSV, UTF-8 with BOM (opens in Excel and WPS)");
    public static readonly ExportFormat Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "Excel workbook, sheet 目标企业");

    public static IReadOnlyList<ExportFormat> All { get; } = [Csv, Xlsx];

    public static ExportFormat? Find(string? name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, (name ?? string.Empty).Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>Download names: a Chinese one for people, an ASCII one for clients that cannot decode RFC 5987.</summary>
internal sealed record ExportFileName(string Name, string AsciiFallback)
{
    public static ExportFileName ForChainMap(ChainMapExport map, ExportFormat format) => new(
        $"{Clean(map.Chain.Name)}产业链图谱.{format.Extension}",
        $"chain-{Ascii(map.Chain.Code)}.{format.Extension}");

    public static ExportFileName ForTargets(string chainName, string chainCode, string? regionName, ExportFormat format) => new(
        $"{Clean(chainName)}{(regionName is null ? "" : "-" + Clean(regionName))}招商目标企业.{format.Extension}",
        $"targets-{Ascii(chainCode)}.{format.Extension}");

    /// <summary>Letters, digits, '-', '_' and '.' kept; anything else becomes '_'.</summary>
    public static string Ascii(string text)
    {
        var chars = text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray();
        var result = new string(chars).Trim('.');
        return result.Length == 0 ? "export" : result;
    }

    private static string Clean(string text) =>
        new(text.Where(c => !char.IsControl(c) && c is not ('/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|')).ToArray());
}
