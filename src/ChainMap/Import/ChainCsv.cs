using System.Globalization;
using System.Text;
using ChainMap.Domain;
using CsvHelper;
using CsvHelper.Configuration;

namespace ChainMap.Import;

/// <summary>
/// Chain definitions as three CSV files (the format documented in docs/import.md and written by the
/// chain export): chains.csv (code,name,category,description), segments.csv
/// (chain,code,name,tier,parent,aliases,products,keywords,industry_codes[,exclude_keywords]; lists are
/// '|'-separated; exclude_keywords is optional and read into the keywords with the '!' marker) and
/// flows.csv (chain,from,to,description).
/// </summary>
internal static class ChainCsv
{
    public static readonly string[] ChainColumns = ["code", "name", "category", "description"];
    public static readonly string[] SegmentColumns = ["chain", "code", "name", "tier", "parent", "aliases", "products", "keywords", "industry_codes", "exclude_keywords"];
    public static readonly string[] FlowColumns = ["chain", "from", "to", "description"];

    /// <summary>
    /// The result of reading: definitions grouped per chain, and every row problem. <see cref="CapReason"/> is
    /// the reason of the first cap of <see cref="ChainLimits"/> that a chain broke, when one did.
    /// </summary>
    public sealed record ReadResult(IReadOnlyList<ChainDefinition> Chains, IReadOnlyList<ImportProblem> Problems)
    {
        public string? CapReason { get; init; }
    }

    /// <summary>Reads the three files of a chain-definition folder (flows.csv optional).</summary>
    public static async Task<ReadResult> ReadFolderAsync(string folder, CancellationToken cancellationToken)
    {
        await using var chains = File.OpenRead(Path.Combine(folder, "chains.csv"));
        await using var segments = File.OpenRead(Path.Combine(folder, "segments.csv"));
        var flowsPath = Path.Combine(folder, "flows.csv");
        await using var flows = File.Exists(flowsPath) ? File.OpenRead(flowsPath) : Stream.Null;
        return await ReadAsync(chains, segments, flows, cancellationToken);
    }

    /// <summary>Reads chains, segments and flows; a chain with any problem is still returned so the caller can report it, but callers must not save it.</summary>
    public static async Task<ReadResult> ReadAsync(Stream chainsCsv, Stream segmentsCsv, Stream flowsCsv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flowsCsv);
        using var chains = new StreamReader(chainsCsv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var segments = new StreamReader(segmentsCsv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var flows = flowsCsv == Stream.Null ? null : new StreamReader(flowsCsv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return await ReadAsync(chains, segments, flows, cancellationToken);
    }

    /// <summary>Reads the three files from text readers under the default caps.</summary>
    public static Task<ReadResult> ReadAsync(TextReader chainsCsv, TextReader segmentsCsv, TextReader? flowsCsv, CancellationToken cancellationToken) =>
        ReadAsync(chainsCsv, segmentsCsv, flowsCsv, ChainLimits.Default, cancellationToken);

    /// <summary>
    /// Reads the three files from text readers (any encoding; comma, semicolon or tab separated;
    /// flows optional). Every problem names the file and line: validation problems point at the
    /// row that defines the segment or flow edge concerned. Rows past a chain's segment or flow cap
    /// are counted but not kept, so that a huge file costs no more memory than the cap allows.
    /// </summary>
    public static async Task<ReadResult> ReadAsync(TextReader chainsCsv, TextReader segmentsCsv, TextReader? flowsCsv, ChainLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var problems = new List<ImportProblem>();
        var chains = new List<Chain>();
        var chainLines = new Dictionary<string, int>(StringComparer.Ordinal);
        await ReadRowsAsync(chainsCsv, "chains.csv", ChainColumns, problems, (line, row) =>
        {
            var code = row["code"];
            if (code.Length == 0)
            {
                problems.Add(new("chains.csv", line, "code", code, "chain code is empty"));
                return;
            }

            if (!ChainCategories.TryParse(row["category"], out var category))
            {
                problems.Add(new("chains.csv", line, "category", row["category"], "category must be leading, high-value-add or other"));
            }

            if (chainLines.ContainsKey(code))
            {
                problems.Add(new("chains.csv", line, "code", code, $"chain {code} appears more than once"));
                return;
            }

            chains.Add(new Chain(code, row["name"], category, row["description"]));
            chainLines[code] = line;
        }, cancellationToken);

        var segments = chains.ToDictionary(c => c.Code, _ => new List<Segment>(), StringComparer.Ordinal);
        var segmentCounts = new Dictionary<string, (int Count, int FirstLineOver)>(StringComparer.Ordinal);
        var segmentLines = new Dictionary<(string, string), int>();
        await ReadRowsAsync(segmentsCsv, "segments.csv", SegmentColumns, problems, (line, row) =>
        {
            var chain = row["chain"];
            if (!segments.TryGetValue(chain, out var list))
            {
                problems.Add(new("segments.csv", line, "chain", chain, $"chain {chain} is not defined in chains.csv"));
                return;
            }

            if (!Tiers.TryParse(row["tier"], out var tier))
            {
                problems.Add(new("segments.csv", line, "tier", row["tier"], "tier must be upstream, midstream or downstream (上游/中游/下游)"));
                return;
            }

            if (list.Count >= limits.MaxSegmentsPerChain)
            {
                Count(segmentCounts, chain, line);
                return;
            }

            list.Add(new Segment(
                row["code"], chain, row["name"], tier, row["parent"].Length == 0 ? null : row["parent"],
                SplitList(row["aliases"]), SplitList(row["products"]), Keywords(row["keywords"], row["exclude_keywords"]), SplitList(row["industry_codes"])));
            segmentLines.TryAdd((chain, row["code"]), line);
        }, cancellationToken);

        var flows = chains.ToDictionary(c => c.Code, _ => new List<FlowEdge>(), StringComparer.Ordinal);
        var flowCounts = new Dictionary<string, (int Count, int FirstLineOver)>(StringComparer.Ordinal);
        var flowLines = new Dictionary<(string, string, string), int>();
        if (flowsCsv is not null)
        {
            await ReadRowsAsync(flowsCsv, "flows.csv", FlowColumns, problems, (line, row) =>
            {
                var chain = row["chain"];
                if (!flows.TryGetValue(chain, out var list))
                {
                    problems.Add(new("flows.csv", line, "chain", chain, $"chain {chain} is not defined in chains.csv"));
                    return;
                }

                if (list.Count >= limits.MaxFlowsPerChain)
                {
                    Count(flowCounts, chain, line);
                    return;
                }

                list.Add(new FlowEdge(chain, row["from"], row["to"], row["description"]));
                flowLines.TryAdd((chain, row["from"], row["to"]), line);
            }, cancellationToken);
        }

        string? capReason = null;
        var definitions = chains.Select(c => new ChainDefinition(c, segments[c.Code], flows[c.Code])).ToList();
        foreach (var definition in definitions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var code = definition.Chain.Code;
            var over = false;
            if (segmentCounts.TryGetValue(code, out var segmentsOver))
            {
                var reason = $"chain {code}: {limits.MaxSegmentsPerChain + segmentsOver.Count} segments; at most {limits.MaxSegmentsPerChain} allowed (setting {ChainLimits.Setting(nameof(ChainLimits.MaxSegmentsPerChain))})";
                problems.Add(new("segments.csv", segmentsOver.FirstLineOver, "chain", code, reason));
                capReason ??= reason;
                over = true;
            }

            if (flowCounts.TryGetValue(code, out var flowsOver))
            {
                var reason = $"chain {code}: {limits.MaxFlowsPerChain + flowsOver.Count} flow edges; at most {limits.MaxFlowsPerChain} allowed (setting {ChainLimits.Setting(nameof(ChainLimits.MaxFlowsPerChain))})";
                problems.Add(new("flows.csv", flowsOver.FirstLineOver, "chain", code, reason));
                capReason ??= reason;
                over = true;
            }

            if (over)
            {
                // Too big to look at further: refused on the cap alone.
                continue;
            }

            var flowsAt = definition.Flows.ToLookup(f => f.From, StringComparer.Ordinal);
            foreach (var problem in ChainValidation.Validate(definition, limits))
            {
                var codes = problem.Segments;
                var value = string.Join(",", codes);
                var reason = $"chain {code}: {problem.Message}";
                if (problem.Cap is not null)
                {
                    capReason ??= reason;
                }

                if (problem.Field.StartsWith("flows", StringComparison.Ordinal))
                {
                    var line = codes.Count >= 2 && flowLines.TryGetValue((code, codes[0], codes[1]), out var edge) ? edge
                        : codes.SelectMany(c => flowsAt[c]).Where(f => codes.Contains(f.To))
                            .Select(f => flowLines[(code, f.From, f.To)]).DefaultIfEmpty(0).Min();
                    problems.Add(new("flows.csv", line, "from", value, reason));
                }
                else if (problem.Field.StartsWith("segments", StringComparison.Ordinal))
                {
                    var line = codes.Select(c => segmentLines.GetValueOrDefault((code, c))).Where(l => l > 0).DefaultIfEmpty(0).Min();
                    problems.Add(new("segments.csv", line, problem.Field["segments.".Length..], value, reason));
                }
                else
                {
                    problems.Add(new("chains.csv", chainLines.GetValueOrDefault(code), problem.Field, value, reason));
                }
            }
        }

        return new ReadResult(definitions, problems) { CapReason = capReason };
    }

    private static void Count(Dictionary<string, (int Count, int FirstLineOver)> counts, string chain, int line) =>
        counts[chain] = counts.TryGetValue(chain, out var c) ? (c.Count + 1, c.FirstLineOver) : (1, line);

    /// <summary>Writes definitions in the same three-file format the reader takes.</summary>
    public static async Task WriteAsync(IReadOnlyList<ChainDefinition> definitions, TextWriter chains, TextWriter segments, TextWriter flows, CancellationToken cancellationToken)
    {
        await using var chainWriter = new CsvWriter(chains, CultureInfo.InvariantCulture, leaveOpen: true);
        await using var segmentWriter = new CsvWriter(segments, CultureInfo.InvariantCulture, leaveOpen: true);
        await using var flowWriter = new CsvWriter(flows, CultureInfo.InvariantCulture, leaveOpen: true);
        await WriteHeaderAsync(chainWriter, ChainColumns);
        await WriteHeaderAsync(segmentWriter, SegmentColumns);
        await WriteHeaderAsync(flowWriter, FlowColumns);
        foreach (var definition in definitions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var c = definition.Chain;
            await WriteRowAsync(chainWriter, c.Code, c.Name, c.Category.ToWire(), c.Description);
            foreach (var s in definition.Segments)
            {
                await WriteRowAsync(segmentWriter, s.ChainCode, s.Code, s.Name, s.Tier.ToWire(), s.ParentCode ?? string.Empty,
                    string.Join('|', s.Aliases), string.Join('|', s.Products), string.Join('|', s.IncludeKeywords), string.Join('|', s.IndustryCodes),
                    string.Join('|', s.ExcludeKeywords));
            }

            foreach (var f in definition.Flows)
            {
                await WriteRowAsync(flowWriter, f.ChainCode, f.From, f.To, f.Description);
            }
        }
    }

    private static async Task WriteHeaderAsync(CsvWriter writer, string[] columns)
    {
        foreach (var column in columns)
        {
            writer.WriteField(column);
        }

        await writer.NextRecordAsync();
    }

    private static async Task WriteRowAsync(CsvWriter writer, params string[] values)
    {
        foreach (var value in values)
        {
            writer.WriteField(value);
        }

        await writer.NextRecordAsync();
    }

    /// <summary>The keywords with the excluding words appended as !word (a !word already in keywords is kept as written).</summary>
    private static IReadOnlyList<string> Keywords(string keywords, string excludeKeywords)
    {
        var include = SplitList(keywords);
        var exclude = SplitList(excludeKeywords);
        return exclude.Count == 0 ? include : [.. include, .. exclude.Select(w => w[0] is Segment.ExcludeMarker or '！' ? w : Segment.ExcludeMarker + w)];
    }

    private static IReadOnlyList<string> SplitList(string value) =>
        value.Split(['|', '｜'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task ReadRowsAsync(
        TextReader reader, string file, string[] columns, List<ImportProblem> problems, Action<int, Dictionary<string, string>> onRow, CancellationToken cancellationToken)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
        };
        using var csv = new CsvReader(reader, configuration);
        if (!await csv.ReadAsync() || !csv.ReadHeader())
        {
            problems.Add(new(file, 1, null, null, "file is empty: expected a header row"));
            return;
        }

        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var required = columns.Where(c => c is not "description" and not "aliases" and not "products" and not "keywords" and not "industry_codes" and not "exclude_keywords" and not "parent").ToList();
        var missing = required.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new(file, 1, string.Join(",", missing), null, $"missing column(s) {string.Join(", ", missing)}; expected {string.Join(",", columns)}"));
            return;
        }

        var indexes = columns.Select(c => header.IndexOf(c)).ToArray();
        var previousRawRow = csv.Parser.RawRow;
        while (await csv.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = previousRawRow + 1;
            previousRawRow = csv.Parser.RawRow;
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Length; i++)
            {
                row[columns[i]] = indexes[i] >= 0 ? csv.GetField(indexes[i])?.Trim() ?? string.Empty : string.Empty;
            }

            onRow(line, row);
        }
    }
}
