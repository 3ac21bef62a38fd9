using System.IO.Compression;
using ChainMap.Chains;
using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Text;
using Microsoft.Extensions.Options;

namespace ChainMap.Import;

/// <summary>
/// Imports chain definitions in the three-file format of <see cref="ChainCsv"/> (from a folder;
/// <see cref="ExtractZipAsync"/> turns an uploaded .zip into one). Every chain is validated
/// first, against the others in the files and the ones already stored; with any problem nothing
/// is written. Counts are chains, not rows: inserted (new), updated (replaced), unchanged. A chain
/// that breaks a cap of <see cref="ChainLimits"/> fails the import with that cap as the reason.
/// </summary>
internal sealed class ChainImporter(IChainStore store, ChainDirectory directory, IOptions<ChainLimits> limits)
{
    public static readonly string[] FileNames = ["chains.csv", "segments.csv", "flows.csv"];

    public async Task<ImportSummary> ImportFolderAsync(string folder, string fileName, ImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var readers = new List<StreamReader?>();
        try
        {
            foreach (var name in FileNames)
            {
                var path = Path.Combine(folder, name);
                if (!File.Exists(path))
                {
                    if (name == "flows.csv")
                    {
                        readers.Add(null);
                        continue;
                    }

                    return ImportSummary.RejectedFile(new ImportProblem(name, 0, null, null, $"{name} is missing; a chain definition is chains.csv, segments.csv and (optionally) flows.csv"));
                }

                var inspection = await ImportFileInspector.InspectAsync(path, name, cancellationToken);
                if (inspection.File is not { Format: TableFormat.Csv, Encoding: { } encoding })
                {
                    return ImportSummary.RejectedFile(inspection.Problem ?? new ImportProblem(name, 0, null, null, $"{name} must be a CSV file, not a workbook"));
                }

                readers.Add(new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true));
            }

            var read = await ChainCsv.ReadAsync(readers[0]!, readers[1]!, readers[2], limits.Value, cancellationToken);
            var problems = new ProblemLog();
            problems.AddRange(read.Problems);
            var imported = read.Chains.Select(c => c.Chain.Code).ToHashSet(StringComparer.Ordinal);
            var others = (await directory.ListDefinitionsAsync(cancellationToken)).Where(d => !imported.Contains(d.Chain.Code)).ToList();
            var owners = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var other in others)
            {
                foreach (var segment in other.Segments)
                {
                    owners.TryAdd(segment.Code, other.Chain.Code);
                }
            }

            var names = others.ToDictionary(o => ChineseText.Fold(o.Chain.Name), o => o.Chain.Code, StringComparer.Ordinal);
            var chainCodes = others.Select(o => o.Chain.Code).Concat(read.Chains.Select(d => d.Chain.Code)).ToHashSet(StringComparer.Ordinal);
            foreach (var definition in read.Chains)
            {
                if (owners.TryGetValue(definition.Chain.Code, out var segmentOwner) && segmentOwner != definition.Chain.Code)
                {
                    problems.Add(new ImportProblem("chains.csv", 0, "code", definition.Chain.Code, $"chain {definition.Chain.Code}: the code is a segment's code of chain {segmentOwner}"));
                }

                if (names.TryGetValue(ChineseText.Fold(definition.Chain.Name), out var sameName))
                {
                    problems.Add(new ImportProblem("chains.csv", 0, "name", definition.Chain.Name, $"chain {definition.Chain.Code}: the name {definition.Chain.Name} is already used by chain {sameName}"));
                }
                else
                {
                    names[ChineseText.Fold(definition.Chain.Name)] = definition.Chain.Code;
                }

                foreach (var segment in definition.Segments)
                {
                    // A chain-level membership is stored under the chain's code (ADR 0370): no segment may carry a chain's code.
                    if (ChainLevelMemberships.SegmentCodeProblem(segment.Code, chainCodes) is { } clash)
                    {
                        problems.Add(new ImportProblem("segments.csv", 0, "code", segment.Code, $"chain {definition.Chain.Code}: {clash}"));
                    }
                    else if (owners.TryGetValue(segment.Code, out var owner) && owner != definition.Chain.Code)
                    {
                        problems.Add(new ImportProblem("segments.csv", 0, "code", segment.Code, $"chain {definition.Chain.Code}: segment code {segment.Code} already belongs to chain {owner}"));
                    }
                    else
                    {
                        owners[segment.Code] = definition.Chain.Code;
                    }
                }
            }

            var rejectedCodes = problems.Listed.Select(p => p.Reason.StartsWith("chain ", StringComparison.Ordinal) && p.Reason.IndexOf(':', StringComparison.Ordinal) is > 6 and var colon
                ? p.Reason[6..colon] : null).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var rejectedChains = read.Chains.Count(d => rejectedCodes.Contains(d.Chain.Code));
            long inserted = 0, updated = 0, unchanged = 0;
            var toSave = new List<ChainDefinition>();
            foreach (var definition in read.Chains)
            {
                var stored = await store.GetChainAsync(definition.Chain.Code, cancellationToken);
                if (stored is null)
                {
                    inserted++;
                    toSave.Add(definition);
                }
                else if (SameDefinition(stored, definition))
                {
                    unchanged++;
                }
                else
                {
                    updated++;
                    toSave.Add(definition);
                }
            }

            var write = problems.Count == 0 && !options.DryRun;
            if (write)
            {
                foreach (var definition in toSave)
                {
                    await store.SaveChainAsync(definition, cancellationToken);
                }

                directory.Invalidate();
            }

            var rejected = problems.Count == 0 ? 0 : Math.Max(rejectedChains, 1);
            return new ImportSummary(read.Chains.Count, inserted, updated, unchanged, rejected, 0, problems.Listed)
            {
                Written = write,
                Format = "chains.csv, segments.csv, flows.csv",
                ProblemCount = problems.Count,
                Note = read.CapReason is { } cap ? $"refused, nothing was written: {cap}"
                    : problems.Count > 0 ? "the chain definitions have problems, so nothing was written"
                    : options.DryRun ? "dry run: nothing was written; the counts say what an import would do" : null,
            };
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader?.Dispose();
            }
        }
    }

    /// <summary>
    /// Extracts chains.csv, segments.csv and flows.csv (at any folder depth, names case-insensitive)
    /// from a zip into <paramref name="folder"/>, refusing entries that would expand beyond
    /// <paramref name="maxBytes"/> in all. Returns the problem, or null.
    /// </summary>
    public static async Task<ImportProblem?> ExtractZipAsync(string zipPath, string fileName, string folder, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            await using var zip = await ZipFile.OpenReadAsync(zipPath, cancellationToken);
            long total = 0;
            var found = 0;
            foreach (var entry in zip.Entries)
            {
                var name = Path.GetFileName(entry.FullName).ToLowerInvariant();
                if (!FileNames.Contains(name))
                {
                    continue;
                }

                total += entry.Length;
                if (total > maxBytes)
                {
                    return new ImportProblem(fileName, 0, null, entry.FullName, $"the zip expands to more than {maxBytes} bytes");
                }

                await using var source = await entry.OpenAsync(cancellationToken);
                await using var target = File.Create(Path.Combine(folder, name));
                await source.CopyToAsync(target, cancellationToken);
                found++;
            }

            return found == 0
                ? new ImportProblem(fileName, 0, null, null, "the zip holds none of chains.csv, segments.csv, flows.csv")
                : null;
        }
        catch (InvalidDataException ex)
        {
            return new ImportProblem(fileName, 0, null, null, $"not a readable zip file: {ex.Message}");
        }
    }

    private static bool SameDefinition(ChainDefinition a, ChainDefinition b) =>
        a.Chain == b.Chain
        && a.Segments.Count == b.Segments.Count
        && a.Segments.Zip(b.Segments).All(p => SameSegment(p.First, p.Second))
        && a.Flows.Select(f => (f.From, f.To, f.Description)).ToHashSet().SetEquals(b.Flows.Select(f => (f.From, f.To, f.Description)));

    private static bool SameSegment(Segment a, Segment b) =>
        a.Code == b.Code && a.ChainCode == b.ChainCode && a.Name == b.Name && a.Tier == b.Tier && a.ParentCode == b.ParentCode
        && a.Aliases.SequenceEqual(b.Aliases) && a.Products.SequenceEqual(b.Products) && a.Keywords.SequenceEqual(b.Keywords)
        && a.IndustryCodes.SequenceEqual(b.IndustryCodes);
}
