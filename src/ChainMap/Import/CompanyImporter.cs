using System.Globalization;
using System.Text;
using ChainMap.Chains;
using ChainMap.Regions;
using ChainMap.Storage;
using CsvHelper;
using CsvHelper.Configuration;

namespace ChainMap.Import;

/// <summary>Counts of one import.</summary>
public sealed record ImportSummary(long Read, long Inserted, long Updated, long Unchanged, long Rejected, long Unassigned, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// Imports a company table: reads rows, resolves each against regions and segments, and upserts
/// valid rows in batches (one transaction each). Re-importing the same file changes nothing.
/// </summary>
public sealed class CompanyImporter(IChainMapStore store, RegionDirectory regions, ChainDirectory chains, TimeProvider time)
{
    public const int BatchSize = 5_000;

    public async Task<ImportSummary> ImportCsvAsync(Stream csv, string fileName, CancellationToken cancellationToken)
    {
        var catalog = await regions.GetCatalogAsync(cancellationToken);
        var matcher = new SegmentMatcher(await chains.ListDefinitionsAsync(cancellationToken));
        var resolver = new CompanyRowResolver(catalog, matcher);
        var stamp = new ImportStamp($"imp-{time.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}"[..40], fileName, time.GetUtcNow());

        using var reader = new StreamReader(csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null });
        if (!await parser.ReadAsync() || !parser.ReadHeader())
        {
            throw new ImportRejectedException($"{fileName}: the file is empty; expected a header row");
        }

        var fields = parser.HeaderRecord!.Select(CompanyColumns.FieldOf).ToArray();
        if (!fields.Contains(CompanyColumns.Name))
        {
            throw new ImportRejectedException($"{fileName}: no company name column (one of {string.Join(", ", CompanyColumns.Known[CompanyColumns.Name])})");
        }

        var problems = new List<ImportProblem>();
        var batch = new List<CompanyRecord>(BatchSize);
        long read = 0, inserted = 0, updated = 0, unchanged = 0, rejected = 0, unassigned = 0;

        async Task FlushAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }

            foreach (var outcome in await store.UpsertCompaniesAsync(batch, stamp, cancellationToken))
            {
                switch (outcome.Kind)
                {
                    case UpsertKind.Inserted: inserted++; break;
                    case UpsertKind.Updated: updated++; break;
                    case UpsertKind.Unchanged: unchanged++; break;
                    default:
                        rejected++;
                        problems.Add(new(fileName, 0, CompanyColumns.Uscc, null, outcome.Detail ?? "conflict"));
                        break;
                }
            }

            batch.Clear();
        }

        while (await parser.ReadAsync())
        {
            read++;
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < fields.Length; i++)
            {
                if (fields[i] is { } field && !row.ContainsKey(field))
                {
                    row[field] = parser.GetField(i) ?? string.Empty;
                }
            }

            var resolved = resolver.Resolve(fileName, parser.Parser.RawRow, row, fileName);
            problems.AddRange(resolved.Problems);
            if (resolved.Record is null)
            {
                rejected++;
                continue;
            }

            if (resolved.Unassigned)
            {
                unassigned++;
            }

            batch.Add(resolved.Record);
            if (batch.Count >= BatchSize)
            {
                await FlushAsync();
            }
        }

        await FlushAsync();
        return new ImportSummary(read, inserted, updated, unchanged, rejected, unassigned, problems);
    }
}
