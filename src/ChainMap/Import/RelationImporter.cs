using ChainMap.Domain;
using ChainMap.Regions;
using ChainMap.Storage;
using ChainMap.Text;

namespace ChainMap.Import;

/// <summary>
/// Imports company relations (supplier → customer, investor → investee, controller → controlled)
/// from a table: each side names a stored company by USCC, or by name with an optional region
/// (either script, any level). A company that is not stored, or a name that fits several, is a
/// row error; nothing is guessed. Relations already stored are counted as unchanged.
/// </summary>
internal sealed class RelationImporter(ICompanyStore store, RegionDirectory regions)
{
    private const int BatchSize = 2_000;

    internal static readonly (string Field, string[] Aliases)[] Columns =
    [
        ("from", ["from", "from name", "supplier", "investor", "来源企业", "供应商", "投资方", "股东", "上游企业", "甲方"]),
        ("from_uscc", ["from uscc", "supplier uscc", "investor uscc", "来源企业信用代码", "供应商信用代码", "投资方信用代码"]),
        ("from_region", ["from region", "supplier region", "investor region", "来源企业地区", "供应商地区", "投资方地区"]),
        ("to", ["to", "to name", "customer", "investee", "目标企业", "客户", "被投资企业", "下游企业", "乙方"]),
        ("to_uscc", ["to uscc", "customer uscc", "investee uscc", "目标企业信用代码", "客户信用代码", "被投资企业信用代码"]),
        ("to_region", ["to region", "customer region", "investee region", "目标企业地区", "客户地区", "被投资企业地区"]),
        ("kind", ["kind", "relation", "type", "关系", "关系类型", "类型"]),
        ("note", ["note", "description", "备注", "说明", "产品"]),
    ];

    public async Task<ImportSummary> ImportFileAsync(string path, string fileName, ImportOptions options, Action<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (reader, header, refused) = await TableReader.OpenWithHeaderAsync(path, fileName, cancellationToken);
        if (reader is null)
        {
            return refused!;
        }

        using (reader)
        {
            var columns = MapColumns(header);
            var uses = header.Select((h, i) => new ColumnUse(i, h, columns.FirstOrDefault(c => c.Value == i).Key)).ToList();
            var missing = new List<string>();
            if (!columns.ContainsKey("from") && !columns.ContainsKey("from_uscc"))
            {
                missing.Add("from (供应商/投资方) or from_uscc");
            }

            if (!columns.ContainsKey("to") && !columns.ContainsKey("to_uscc"))
            {
                missing.Add("to (客户/被投资企业) or to_uscc");
            }

            if (!columns.ContainsKey("kind"))
            {
                missing.Add("kind (关系: supplies/invests-in/controls, 供应/投资/控股)");
            }

            if (missing.Count > 0)
            {
                return ImportSummary.RejectedFile(new ImportProblem(fileName, reader.Line, null, string.Join(",", header), $"missing column(s): {string.Join("; ", missing)}"), reader.Description)
                    with { Columns = uses };
            }

            var catalog = await regions.GetCatalogAsync(cancellationToken);
            var problems = new ProblemLog();
            var valid = new List<(int Line, CompanyRelation Relation)>();
            var pending = new List<(int Line, CompanyReference From, CompanyReference To, CompanyRelationKind Kind, string? Note, string FromText, string ToText)>();
            long read = 0, rejected = 0;
            string Header(string field) => columns.TryGetValue(field, out var i) ? header[i] : field;
            string Get(string field) => columns.TryGetValue(field, out var i) ? CompanyRowResolver.PlainText(reader[i]) : string.Empty;

            async Task ResolvePendingAsync()
            {
                if (pending.Count == 0)
                {
                    return;
                }

                var references = pending.SelectMany(p => new[] { p.From, p.To }).ToList();
                var (usccs, nameKeys) = CompanyReferences.Keys(references);
                var matches = CompanyReferences.Match(references, await store.FindCompanyKeysAsync(usccs, nameKeys, cancellationToken));
                for (var i = 0; i < pending.Count; i++)
                {
                    var p = pending[i];
                    var from = Single(p.Line, "from", p.FromText, matches[2 * i]);
                    var to = Single(p.Line, "to", p.ToText, matches[(2 * i) + 1]);
                    if (from is null || to is null)
                    {
                        rejected++;
                    }
                    else if (from == to)
                    {
                        problems.Add(new ImportProblem(fileName, p.Line, Header("to"), p.ToText, "a company cannot be related to itself"));
                        rejected++;
                    }
                    else
                    {
                        valid.Add((p.Line, new CompanyRelation(from.Value, to.Value, p.Kind, p.Note, fileName)));
                    }
                }

                pending.Clear();
            }

            long? Single(int line, string side, string text, IReadOnlyList<long> ids)
            {
                if (ids.Count == 1)
                {
                    return ids[0];
                }

                var column = Header(columns.ContainsKey(side) ? side : side + "_uscc");
                problems.Add(new ImportProblem(fileName, line, column, text, ids.Count == 0
                    ? "no stored company matches; import the company first (companies are matched by USCC, or by full name and region)"
                    : $"several stored companies match (ids {string.Join(", ", ids)}); give the USCC or the region"));
                return null;
            }

            while (await reader.ReadAsync(cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                read++;
                var line = reader.Line;
                var rowProblems = problems.Count;
                var from = Reference(line, "from", Get, Header, catalog, problems, fileName, out var fromText);
                var to = Reference(line, "to", Get, Header, catalog, problems, fileName, out var toText);
                var kindText = Get("kind");
                if (!CompanyRelationKinds.TryParse(kindText, out var kind))
                {
                    problems.Add(new ImportProblem(fileName, line, Header("kind"), kindText, "kind must be supplies (供应), invests-in (投资) or controls (控股)"));
                }

                if (problems.Count > rowProblems || from is null || to is null)
                {
                    rejected++;
                    continue;
                }

                var note = Get("note");
                pending.Add((line, from, to, kind, note.Length == 0 ? null : note, fromText, toText));
                if (pending.Count >= BatchSize)
                {
                    await ResolvePendingAsync();
                    progress?.Invoke(new ImportProgress(new ImportCounts(read, 0, 0, 0, rejected, 0, problems.Count), reader.Progress));
                }
            }

            await ResolvePendingAsync();
            if (reader.Failure is { } failure)
            {
                problems.Add(failure);
            }

            problems.AddRange(reader.Warnings);
            long inserted = 0, unchanged = 0;
            var write = !options.DryRun && (!options.AllOrNothing || rejected == 0);
            if (write)
            {
                foreach (var chunk in valid.Chunk(5_000))
                {
                    var added = await store.SaveRelationsAsync(chunk.Select(v => v.Relation).ToList(), cancellationToken);
                    inserted += added;
                    unchanged += chunk.Length - added;
                }
            }
            else
            {
                // What an import would do: relations already stored (or repeated in the file) are unchanged.
                var known = new Dictionary<long, HashSet<(long, long, CompanyRelationKind)>>();
                foreach (var (_, relation) in valid)
                {
                    if (!known.TryGetValue(relation.FromCompanyId, out var set))
                    {
                        known[relation.FromCompanyId] = set = (await store.ListRelationsAsync(relation.FromCompanyId, cancellationToken))
                            .Select(r => (r.FromCompanyId, r.ToCompanyId, r.Kind)).ToHashSet();
                    }

                    if (set.Add((relation.FromCompanyId, relation.ToCompanyId, relation.Kind)))
                    {
                        inserted++;
                    }
                    else
                    {
                        unchanged++;
                    }
                }
            }

            progress?.Invoke(new ImportProgress(new ImportCounts(read, inserted, 0, unchanged, rejected, 0, problems.Count), 1));
            return new ImportSummary(read, inserted, 0, unchanged, rejected, 0, problems.Report(fileName))
            {
                Written = write,
                Format = reader.Description,
                Columns = uses,
                ProblemCount = problems.Count,
                Note = options.DryRun ? "dry run: nothing was written; the counts say what an import would do"
                    : !write ? $"all-or-nothing: {rejected} row(s) rejected, so nothing was written" : null,
            };
        }
    }

    private static Dictionary<string, int> MapColumns(IReadOnlyList<string> header)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var folded = CompanyColumns.FoldHeader(header[i]);
            foreach (var (field, aliases) in Columns)
            {
                if (!result.ContainsKey(field) && (CompanyColumns.FoldHeader(field) == folded || aliases.Any(a => CompanyColumns.FoldHeader(a) == folded)))
                {
                    result[field] = i;
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>One side of a relation: a USCC (in its own column or in the name column), or a name with an optional region.</summary>
    private static CompanyReference? Reference(
        int line, string side, Func<string, string> get, Func<string, string> header, RegionCatalog catalog, ProblemLog problems, string fileName, out string text)
    {
        var usccText = get(side + "_uscc");
        var name = get(side);
        text = usccText.Length > 0 ? usccText : name;
        if (usccText.Length > 0 || (name.Length == 18 && Uscc.TryParse(name, out _)))
        {
            var column = usccText.Length > 0 ? header(side + "_uscc") : header(side);
            if (!Uscc.TryParse(text, out var uscc, out var error))
            {
                problems.Add(new ImportProblem(fileName, line, column, text, $"invalid USCC: {error}"));
                return null;
            }

            return new CompanyReference(uscc.Value, null, null);
        }

        if (name.Length == 0)
        {
            problems.Add(new ImportProblem(fileName, line, header(side), name, "the company is empty: give its USCC or full name"));
            return null;
        }

        string? regionCode = null;
        var regionText = get(side + "_region");
        if (regionText.Length > 0)
        {
            var match = catalog.Resolve(regionText);
            if (match.Region is null)
            {
                problems.Add(new ImportProblem(fileName, line, header(side + "_region"), regionText, match.IsAmbiguous
                    ? $"ambiguous: {string.Join("、", match.Candidates.Select(c => $"{c.Name} ({c.Code})"))}; give the region code"
                    : "no region has this code or name"));
                return null;
            }

            regionCode = match.Region.Code;
        }

        return new CompanyReference(null, ChineseText.NormalizeCompanyName(name), regionCode);
    }
}
