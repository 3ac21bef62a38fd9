using ChainMap.Domain;

namespace ChainMap.Export;

/// <summary>Writes a chain map in any of <see cref="ChainMapFormats.All"/> to a stream, with asynchronous writes only.</summary>
internal static class ChainMapWriter
{
    /// <summary>True when PNG can be rendered here (a CJK font is installed); check it before a response starts.</summary>
    public static bool CanRenderPng => ChainMapPngRenderer.FontFamily is not null;

    /// <summary>Writes <paramref name="map"/> under the default caps.</summary>
    public static Task WriteAsync(ExportFormat format, ChainMapExport map, ChainDefinition definition, Stream output, CancellationToken cancellationToken) =>
        WriteAsync(format, map, definition, output, ChainLimits.Default.MaxPngPixels, cancellationToken);

    /// <summary>
    /// Why the PNG of <paramref name="map"/> may not be drawn under <paramref name="maxPngPixels"/>, or null; check it
    /// before a response starts (the writer throws <see cref="PictureTooLargeException"/> otherwise).
    /// </summary>
    public static string? PngTooLarge(ChainMapExport map, long maxPngPixels) =>
        ChainMapPngRenderer.TooLarge(ChainMapLayout.Compute(map), maxPngPixels);

    /// <summary>Writes <paramref name="map"/>; the <c>csv</c> format writes <paramref name="definition"/> (the import format).</summary>
    public static async Task WriteAsync(ExportFormat format, ChainMapExport map, ChainDefinition definition, Stream output, long maxPngPixels, CancellationToken cancellationToken)
    {
        switch (format.Name)
        {
            case "json":
                await ChainMapJsonWriter.WriteAsync(map, output, cancellationToken);
                break;
            case "graphml":
                await ChainMapGraphMlWriter.WriteAsync(map, output, cancellationToken);
                break;
            case "cypher":
                await ChainMapCypherWriter.WriteAsync(map, output, cancellationToken);
                break;
            case "mermaid":
                await ChainMapMermaidWriter.WriteAsync(map, output, cancellationToken);
                break;
            case "svg":
                await ChainMapSvgWriter.WriteAsync(map, output, cancellationToken);
                break;
            case "png":
                if (!await ChainMapPngRenderer.TryWriteAsync(map, output, maxPngPixels, cancellationToken))
                {
                    throw new InvalidOperationException(PngUnavailable);
                }

                break;
            case "xlsx":
                await ChainMapXlsxWriter.WriteAsync(map, output, cancellationToken);
                break;
            case "csv":
                await ChainDefinitionZipWriter.WriteAsync(definition, output, cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format.Name, "not a chain-map format");
        }
    }

    public const string PngUnavailable = "PNG needs a CJK font on the server (Debian: apt-get install fonts-wqy-microhei); use format=svg meanwhile.";
}
