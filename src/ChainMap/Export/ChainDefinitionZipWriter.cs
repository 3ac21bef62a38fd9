using System.IO.Compression;
using System.Text;
using ChainMap.Domain;
using ChainMap.Import;

namespace ChainMap.Export;

/// <summary>
/// The chain definition in the import's own format: a .zip holding chains.csv, segments.csv and
/// flows.csv as <see cref="ChainCsv"/> writes and reads them (UTF-8 with BOM). Values are written
/// verbatim, without formula neutralisation, so that importing the files gives the same chain
/// (docs/adr/0051-chain-definition-zip-is-verbatim.md).
/// </summary>
internal static class ChainDefinitionZipWriter
{
    /// <remarks>ZipArchive still writes synchronously when an entry closes, so it runs behind <see cref="SyncWriterBridge"/>.</remarks>
    public static Task WriteAsync(ChainDefinition definition, Stream output, CancellationToken cancellationToken) =>
        SyncWriterBridge.WriteAsync(output, (stream, token) => WriteZipAsync(definition, stream, token), cancellationToken);

    private static async Task WriteZipAsync(ChainDefinition definition, Stream output, CancellationToken cancellationToken)
    {
        await using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8);
        IReadOnlyList<ChainDefinition> definitions = [definition];
        await WriteEntryAsync(zip, "chains.csv", w => ChainCsv.WriteAsync(definitions, w, TextWriter.Null, TextWriter.Null, cancellationToken), cancellationToken);
        await WriteEntryAsync(zip, "segments.csv", w => ChainCsv.WriteAsync(definitions, TextWriter.Null, w, TextWriter.Null, cancellationToken), cancellationToken);
        await WriteEntryAsync(zip, "flows.csv", w => ChainCsv.WriteAsync(definitions, TextWriter.Null, TextWriter.Null, w, cancellationToken), cancellationToken);
    }

    private static async Task WriteEntryAsync(ZipArchive zip, string name, Func<TextWriter, Task> write, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = entry.Open();
        await stream.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 16 * 1024, leaveOpen: true);
        await write(writer);
        await writer.FlushAsync(cancellationToken);
    }
}
