using System.Globalization;
using System.Threading.Channels;
using ChainMap.Chains;
using ChainMap.Regions;
using ChainMap.Storage;
using ChainMap.Text;

namespace ChainMap.Import;

/// <summary>
/// Imports a company table (CSV in UTF-8/GB18030/UTF-16 with any of three delimiters, .xlsx or .xls): the
/// file is inspected first (a file that is not a table is rejected whole), the header mapped to
/// fields, then one task reads and resolves rows while another upserts them in batches through
/// one store session, so parsing and writing overlap on two cores and memory stays flat.
/// Re-importing the same file changes nothing.
/// </summary>
internal sealed class CompanyImporter(ICompanyImportStore store, RegionDirectory regions, ChainDirectory chains, TimeProvider time)
{
    public const int BatchSize = 5_000;

    /// <summary>Rows between commits of an ordinary import (bounds the write-ahead log and lets readers see progress).</summary>
    public const int CommitEvery = 100_000;

    /// <summary>
    /// A vendor's export notes above its table in lines of two cells or more (数据来源：企查查, 导出时间：…; 筛选条件：…, 共 2 条),
    /// which the title rule of <see cref="TableReader.OpenWithHeaderAsync"/> (one cell) takes for the header: when that
    /// header names no company column, the header is the first of the next rows that does, and the lines above it are a
    /// warning. None found: the header as read, which the import then refuses for want of a name column.
    /// </summary>
    private static async Task<(IReadOnlyList<string> Header, int Line)> HeaderBelowNotesAsync(
        TableReader reader, IReadOnlyList<string> header, int headerLine, string fileName, CancellationToken cancellationToken)
    {
        if (CompanyColumns.NamesCompany(header))
        {
            return (header, headerLine);
        }

        for (var row = 0; row < 10 && await reader.ReadAsync(cancellationToken); row++)
        {
            var cells = Enumerable.Range(0, reader.FieldCount).Select(i => reader[i].Trim()).ToList();
            if (CompanyColumns.NamesCompany(cells))
            {
                var notes = string.Join(",", header).Trim(',');
                reader.Warnings.Add(new ImportProblem(fileName, headerLine, null, notes.Length > 200 ? notes[..200] + "…" : notes,
                    $"line {headerLine} names no company column (export notes above the table): the header was found on line {reader.Line}, and the lines above it were skipped",
                    ProblemSeverity.Warning));
                reader.RenameColumns(cells);
                return (cells, reader.Line);
            }
        }

        return (header, headerLine);
    }

    /// <summary>
    /// A workbook whose first sheet names no company column (a summary sheet, 汇总, in front of one sheet per city or
    /// district): the header is the first row naming one among the first rows of the next sheet that has one, and the
    /// sheets before it are a warning (ADR 0670). None found, or a text file: the header as read, which the import then
    /// refuses for want of a name column.
    /// </summary>
    private static async Task<(IReadOnlyList<string> Header, int Line)> HeaderOnLaterSheetAsync(
        TableReader reader, IReadOnlyList<string> header, int headerLine, string fileName, CancellationToken cancellationToken)
    {
        if (CompanyColumns.NamesCompany(header) || reader.Sheet is not { } first)
        {
            return (header, headerLine);
        }

        var skipped = new List<string> { first };
        while (reader.NextSheet())
        {
            for (var row = 0; row < 12 && await reader.ReadAsync(cancellationToken); row++)
            {
                var cells = Enumerable.Range(0, reader.FieldCount).Select(i => reader[i].Trim()).ToList();
                if (CompanyColumns.NamesCompany(cells))
                {
                    reader.Warnings.Add(new ImportProblem(fileName, 1, null, string.Join(", ", skipped), string.Create(CultureInfo.InvariantCulture,
                        $"sheet {string.Join(", ", skipped)} names no company column (a summary or notes) and was not read: the companies were read from sheet {reader.Sheet} on, whose header is its row {reader.Line - reader.SheetLineOffset}; each of its rows is reported as line {reader.SheetLineOffset} + its row in the sheet"),
                        ProblemSeverity.Warning));
                    reader.RenameColumns(cells);
                    reader.SheetRead(instead: true);
                    return (cells, reader.Line);
                }
            }

            skipped.Add(reader.Sheet!);
        }

        return (header, headerLine);
    }

    /// <summary>
    /// Reads the row under the header: a second header row (cells merged over two rows, <see cref="CompanyColumns.IsSecondHeaderRow"/>)
    /// joins the header, with a warning on its line; any other row is handed back to be read as data.
    /// </summary>
    private static async Task<IReadOnlyList<string>> SecondHeaderRowAsync(TableReader reader, IReadOnlyList<string> header, string fileName, CancellationToken cancellationToken)
    {
        if (!await reader.ReadAsync(cancellationToken))
        {
            return header;
        }

        var row = Enumerable.Range(0, reader.FieldCount).Select(i => reader[i]).ToList();
        if (!CompanyColumns.IsSecondHeaderRow(header, row))
        {
            reader.Unread();
            return header;
        }

        var merged = CompanyColumns.MergeHeaderRows(header, row);
        var named = string.Join(", ", row.Select(cell => cell.Trim()).Where(cell => cell.Length > 0));
        reader.Warnings.Add(new ImportProblem(fileName, reader.Line, null, named,
            $"line {reader.Line} is a second header row (the header's cells are merged over two rows): {named} name the columns under it, and the row was read as part of the header, not as a company",
            ProblemSeverity.Warning));
        reader.RenameColumns(merged);
        return merged;
    }

    /// <summary>Imports a CSV stream with default options (the stream is copied to a temporary file unless it is one).</summary>
    public async Task<ImportSummary> ImportCsvAsync(Stream csv, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        if (csv is FileStream { CanSeek: true } file)
        {
            return await ImportFileAsync(file.Name, fileName, ImportOptions.Default, null, null, cancellationToken);
        }

        var temp = Path.GetTempFileName();
        try
        {
            await using (var copy = File.Create(temp))
            {
                await csv.CopyToAsync(copy, cancellationToken);
            }

            return await ImportFileAsync(temp, fileName, ImportOptions.Default, null, null, cancellationToken);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// Imports the file at <paramref name="path"/>, reported under <paramref name="fileName"/>;
    /// values are stamped with <paramref name="importId"/> (a new id when null).
    /// </summary>
    public Task<ImportSummary> ImportFileAsync(
        string path, string fileName, ImportOptions options, Action<ImportProgress>? progress, string? importId, CancellationToken cancellationToken) =>
        ImportFileAsync(path, fileName, options, progress, importId, null, cancellationToken);

    /// <summary>
    /// As <see cref="ImportFileAsync(string, string, ImportOptions, Action{ImportProgress}?, string?, CancellationToken)"/>,
    /// and calls <paramref name="committed"/> after every commit with what is now durable (so a
    /// job record can say exactly which rows a crash would keep). When the store stops answering
    /// mid-import, the summary's <see cref="ImportSummary.FileProblem"/> says so and its counts are
    /// those of the last commit: exactly the rows that were written.
    /// </summary>
    public async Task<ImportSummary> ImportFileAsync(
        string path, string fileName, ImportOptions options, Action<ImportProgress>? progress, string? importId,
        Func<ImportCheckpoint, CancellationToken, Task>? committed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (reader, header, refused) = await TableReader.OpenWithHeaderAsync(path, fileName, cancellationToken);
        if (reader is null)
        {
            return refused!;
        }

        using (reader)
        {
            var headerLine = reader.Line;
            if (options.Mapping is null)
            {
                (header, headerLine) = await HeaderBelowNotesAsync(reader, header, headerLine, fileName, cancellationToken);
                (header, headerLine) = await HeaderOnLaterSheetAsync(reader, header, headerLine, fileName, cancellationToken);
            }

            // A workbook's later sheets with the same header are read on after this one (ADR 0670).
            reader.FollowSheets(header);
            if (options.Mapping is null)
            {
                header = await SecondHeaderRowAsync(reader, header, fileName, cancellationToken);
            }

            var map = CompanyColumnMap.Build(header, options.Mapping, out var mappingError);
            if (map is null)
            {
                return ImportSummary.RejectedFile(new ImportProblem(fileName, headerLine, null, null, mappingError!), reader.Description);
            }

            if (!map.Has(CompanyColumns.Name))
            {
                return ImportSummary.RejectedFile(new ImportProblem(fileName, headerLine, null, string.Join(",", header),
                    $"no company name column: name one column {string.Join(" / ", CompanyColumns.Known[CompanyColumns.Name].Take(6))}, or pass a column mapping"
                    + (reader.SheetNames.Count > 1 && options.Mapping is null ? $" (no sheet of the workbook names one: {string.Join(", ", reader.SheetNames.Take(20))})" : string.Empty)), reader.Description)
                    with { Columns = map.Columns };
            }

            var catalog = await regions.GetCatalogAsync(cancellationToken);
            var matcher = new SegmentMatcher(await chains.ListDefinitionsAsync(cancellationToken));
            var resolver = new CompanyRowResolver(catalog, matcher);
            var stamp = new ImportStamp(importId ?? NewImportId(time), fileName, time.GetUtcNow(), options.OverwriteAnalyst);
            var run = new Run(reader, map, resolver, fileName, options, progress, committed);
            try
            {
                await using var session = await store.BeginCompanyImportAsync(stamp, cancellationToken);
                await run.ExecuteAsync(session, cancellationToken);
            }
            catch (StoreUnavailableException ex)
            {
                return run.Interrupted(reader.Description, ex.Message);
            }

            var summary = run.Summary(reader.Description);
            if (summary.Read == 0 && summary.Problems.Count == 0)
            {
                return ImportSummary.RejectedFile(new ImportProblem(fileName, headerLine, null, null,
                    "the file has a header row but no data rows"), reader.Description) with { Columns = map.Columns };
            }

            return summary;
        }
    }

    /// <summary>What a checkpoint kept, in words (job records and crash reports).</summary>
    public static string Kept(ImportCheckpoint? checkpoint) => Run.KeptText(checkpoint);

    /// <summary>A new import id: time-ordered and unique.</summary>
    public static string NewImportId(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return $"imp-{time.GetUtcNow():yyyyMMddHHmmss}-{Guid.NewGuid():N}"[..30];
    }

    private sealed record Batch(List<CompanyRecord> Records, List<int> Lines, List<bool> Unassigned)
    {
        /// <summary>The last file line this batch covers (rejected rows after its last record included).</summary>
        public int ThroughLine { get; set; }

        /// <summary>Rows read, rejected and problems found by the reader up to <see cref="ThroughLine"/>.</summary>
        public long ReadThrough { get; set; }

        public long RejectedThrough { get; set; }

        public long ProblemsThrough { get; set; }

        /// <summary>The share of the file's bytes read through this batch (0 when the reader cannot tell).</summary>
        public double Progress { get; set; }
    }

    /// <summary>The state of one import while it runs.</summary>
    private sealed class Run(
        TableReader reader, CompanyColumnMap map, CompanyRowResolver resolver, string fileName, ImportOptions options, Action<ImportProgress>? progress,
        Func<ImportCheckpoint, CancellationToken, Task>? committed)
    {
        private readonly ProblemLog problems = new();
        private long resolveRejected;
        private long resolveProblems;
        private long conflicts;
        private ImportCheckpoint? checkpoint;
        private long read;
        private long inserted;
        private long updated;
        private long unchanged;
        private long rejected;
        private long unassigned;
        private long unconfirmed;
        private long analystValuesKept;
        private bool written;

        public async Task ExecuteAsync(ICompanyImportSession session, CancellationToken cancellationToken)
        {
            // Two batches queued are enough to keep the writer busy while the reader resolves the next one; more only hold memory.
            var channel = Channel.CreateBounded<Batch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // On the scheduler the import runs on: a job's import threads (ADR 0290), or the thread pool.
            var producer = Task.Factory.StartNew(() => ProduceAsync(channel.Writer, stop.Token), stop.Token, TaskCreationOptions.DenyChildAttach, TaskScheduler.Current).Unwrap();
            var sinceCommit = 0L;
            var commitsOnRequest = !options.DryRun && !options.AllOrNothing;
            if (!commitsOnRequest)
            {
                session.CommitsOnlyAtEnd();
            }

            try
            {
                await foreach (var batch in channel.Reader.ReadAllAsync(stop.Token))
                {
                    if (batch.Progress > 0)
                    {
                        session.ExpectRows((long)Math.Ceiling(batch.ReadThrough / batch.Progress));
                    }

                    var outcomes = await session.UpsertAsync(batch.Records, stop.Token);
                    Count(batch, outcomes);
                    sinceCommit += batch.Records.Count;
                    // A writer waiting for the import's transaction (an analyst's edit) is let in at this batch boundary (ADR 0440).
                    if (commitsOnRequest && (session.WritersWaiting || (!session.HoldsCommits && sinceCommit >= Math.Min(CommitEvery, session.CommitEvery))))
                    {
                        await session.CommitAsync(stop.Token);
                        written = true;
                        sinceCommit = 0;
                        await CommittedAsync(new ImportCheckpoint(
                            new ImportCounts(batch.ReadThrough, inserted, updated, unchanged, batch.RejectedThrough + conflicts, unassigned, batch.ProblemsThrough + conflicts, unconfirmed) { AnalystValuesKept = analystValuesKept },
                            batch.ThroughLine), stop.Token);
                    }

                    progress?.Invoke(new ImportProgress(Counts(), reader.Progress));
                }
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
            finally
            {
                try
                {
                    await producer;
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // The consumer failed first; its exception is the one that matters.
                }
            }

            if (reader.Failure is { } failure)
            {
                problems.Add(failure);
            }

            problems.AddRange(reader.Warnings);
            if (!options.DryRun && (!options.AllOrNothing || rejected == 0))
            {
                await session.CommitAsync(cancellationToken);
                written = true;
                await CommittedAsync(new ImportCheckpoint(Counts(), reader.Line), cancellationToken);
            }

            progress?.Invoke(new ImportProgress(Counts(), 1));
        }

        public ImportSummary Summary(string format) => new(read, inserted, updated, unchanged, rejected, unassigned, problems.Report(fileName))
        {
            Unconfirmed = unconfirmed,
            AnalystValuesKept = analystValuesKept,
            // A commit of no row wrote nothing.
            Written = written && inserted + updated + unchanged > 0,
            Format = format,
            Columns = map.Columns,
            ProblemCount = problems.Count,
            Note = options.DryRun
                ? "dry run: nothing was written; the counts say what an import would do"
                : options.AllOrNothing && rejected > 0
                    ? $"all-or-nothing: {rejected} row(s) rejected, so nothing was written"
                    : read > 0 && inserted + updated + unchanged == 0
                        ? $"no row was imported: all {rejected} data row(s) were rejected; the problem report says which line, column and why"
                        : null,
        };

        /// <summary>
        /// The summary of an import the store stopped answering in: counts are those of the last
        /// commit (exactly what was written), and the file problem says where it stopped.
        /// </summary>
        public ImportSummary Interrupted(string format, string reason)
        {
            var kept = checkpoint;
            var counts = kept?.Counts ?? ImportCounts.Zero;
            var problem = new ImportProblem(fileName, kept is null ? 0 : kept.ThroughLine, null, null,
                $"the store stopped answering ({reason}); {KeptText(kept)} — run the same import again once the store is back: committed rows come out unchanged");
            return new ImportSummary(counts.Read, counts.Inserted, counts.Updated, counts.Unchanged, counts.Rejected, counts.Unassigned, [problem])
            {
                Unconfirmed = counts.Unconfirmed,
                AnalystValuesKept = counts.AnalystValuesKept,
                Written = kept is not null,
                FileProblem = problem,
                Format = format,
                Columns = map.Columns,
                ProblemCount = 1,
                Note = $"interrupted: {KeptText(kept)}",
            };
        }

        /// <summary>What a checkpoint kept, in words.</summary>
        public static string KeptText(ImportCheckpoint? kept) => kept is null
            ? "nothing was committed"
            : $"the rows through line {kept.ThroughLine} were committed ({kept.Counts.Read} read: {kept.Counts.Inserted} new, {kept.Counts.Updated} updated, {kept.Counts.Unchanged} unchanged, {kept.Counts.Rejected} rejected), nothing after them";

        private async Task CommittedAsync(ImportCheckpoint point, CancellationToken cancellationToken)
        {
            checkpoint = point;
            if (committed is not null)
            {
                await committed(point, cancellationToken);
            }
        }

        private ImportCounts Counts() => new(read, inserted, updated, unchanged, rejected, unassigned, problems.Count, unconfirmed) { AnalystValuesKept = analystValuesKept };

        private async Task ProduceAsync(ChannelWriter<Batch> writer, CancellationToken cancellationToken)
        {
            try
            {
                var fields = CompanyColumns.Fields.Count;
                var columns = Enumerable.Range(0, fields).Select(map.ColumnOf).ToArray();
                var fallbacks = Enumerable.Range(0, fields).Select(map.FallbacksOf).ToArray();
                var values = new string?[fields];
                var industry = CompanyColumns.Ordinal(CompanyColumns.Industry);
                var industryChoice = fallbacks[industry] is null ? null : new IndustryCellChoice(IndustryTable.Default);
                var batch = NewBatch();
                var nameColumn = columns[CompanyColumns.Ordinal(CompanyColumns.Name)];
                while (await reader.ReadAsync(cancellationToken))
                {
                    // A cancelled or timed-out job stops here even when no batch is being written (all rows rejected).
                    cancellationToken.ThrowIfCancellationRequested();
                    if (RowOfNoCompany(reader, nameColumn) is { } why)
                    {
                        resolveProblems++;
                        lock (problems)
                        {
                            problems.Add(new ImportProblem(fileName, reader.Line, null, why.Text, why.Reason, ProblemSeverity.Warning));
                        }

                        continue;
                    }

                    Interlocked.Increment(ref read);
                    for (var f = 0; f < fields; f++)
                    {
                        values[f] = columns[f] >= 0 ? reader[columns[f]] : null;
                        if (fallbacks[f] is { } others && CompanyRowResolver.IsBlank(values[f]))
                        {
                            // Another column of the same field fills it (行业小类 empty: 行业中类).
                            foreach (var other in others)
                            {
                                if (!CompanyRowResolver.IsBlank(reader[other]))
                                {
                                    values[f] = reader[other];
                                    break;
                                }
                            }
                        }
                    }

                    if (industryChoice is not null)
                    {
                        // 所属行业 汽车制造业 beside 国标行业小类 改装汽车制造: the finer GB/T level is read.
                        values[industry] = industryChoice.Choose(values[industry], reader, fallbacks[industry]!);
                    }

                    var resolved = resolver.Resolve(fileName, reader.Line, values, map.HeaderOfField, fileName);
                    if (resolved.Problems.Count > 0)
                    {
                        resolveProblems += resolved.Problems.Count;
                        lock (problems)
                        {
                            problems.AddRange(resolved.Problems);
                        }
                    }

                    if (resolved.Record is null)
                    {
                        resolveRejected++;
                        Interlocked.Increment(ref rejected);
                        continue;
                    }

                    batch.Records.Add(resolved.Record);
                    batch.Lines.Add(reader.Line);
                    batch.Unassigned.Add(resolved.Unassigned);
                    if (batch.Records.Count >= BatchSize)
                    {
                        await writer.WriteAsync(Seal(batch), cancellationToken);
                        batch = NewBatch();
                    }
                }

                if (batch.Records.Count > 0)
                {
                    await writer.WriteAsync(Seal(batch), cancellationToken);
                }

                writer.Complete();
            }
            catch (Exception ex)
            {
                writer.Complete(ex);
                throw;
            }
        }

        /// <summary>
        /// A row that is no company and says so: a note below the table, alone in its row (数据来源：Wind, 注：…, 制表：…), or a total
        /// row (合计, 总计, 小计 in the name column, the sums beside it). Exports and a bureau's own spreadsheets end with them; they are
        /// skipped with a warning, neither read nor rejected. Null for any other row.
        /// </summary>
        private static (string Text, string Reason)? RowOfNoCompany(TableReader reader, int nameColumn)
        {
            string? first = null;
            var filled = 0;
            for (var i = 0; i < reader.FieldCount && filled < 2; i++)
            {
                var cell = reader[i].Trim();
                if (cell.Length > 0)
                {
                    filled++;
                    first ??= cell;
                }
            }

            if (first is null)
            {
                return null;
            }

            if (filled == 1 && IsNote(first))
            {
                return (first.Length > 100 ? first[..100] + "…" : first, $"line {reader.Line} is a note below the table, not a company: skipped");
            }

            // 合计 where the name stands, or in the first filled cell of a row whose name is empty (Wind writes it under 证券代码)
            var name = nameColumn < 0 ? string.Empty : reader[nameColumn].Trim();
            var total = IsTotal(name) ? name : name.Length == 0 && IsTotal(first) ? first : null;
            return total is null ? null : (total, $"line {reader.Line} is a total row ({total}), not a company: skipped");
        }

        /// <summary>合计, 总计, 小计, 共计 (spaces, a colon, either script): cheap for every other cell, which holds no 计 or is longer.</summary>
        private static bool IsTotal(string cell) =>
            cell.Length is >= 2 and <= 8 && (cell.Contains('计', StringComparison.Ordinal) || cell.Contains('計', StringComparison.Ordinal))
            && ChineseText.Fold(cell).Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd(':') is "合计" or "总计" or "小计" or "总合计" or "共计";

        // Folded once (NFKC makes ：and : one, the script and case fold as the cell's do).
        private static readonly string[] NoteMarks =
            [.. new[] { "数据来源", "资料来源", "来源：", "注：", "备注：", "说明：", "制表", "导出时间", "免责声明", "声明：", "source:", "note:", "notes:" }.Select(ChineseText.Fold).Distinct()];

        private static bool IsNote(string cell)
        {
            var folded = ChineseText.Fold(cell);
            return Array.Exists(NoteMarks, mark => folded.StartsWith(mark, StringComparison.Ordinal));
        }

        private Batch Seal(Batch batch)
        {
            batch.ThroughLine = reader.Line;
            batch.ReadThrough = Interlocked.Read(ref read);
            batch.RejectedThrough = resolveRejected;
            batch.ProblemsThrough = resolveProblems;
            batch.Progress = reader.Progress;
            return batch;
        }

        private static Batch NewBatch() => new(new List<CompanyRecord>(BatchSize), new List<int>(BatchSize), new List<bool>(BatchSize));

        private void Count(Batch batch, IReadOnlyList<UpsertOutcome> outcomes)
        {
            for (var i = 0; i < outcomes.Count; i++)
            {
                var outcome = outcomes[i];
                analystValuesKept += outcome.AnalystValuesKept;
                switch (outcome.Kind)
                {
                    case UpsertKind.Inserted:
                        inserted++;
                        break;
                    case UpsertKind.Updated:
                        updated++;
                        break;
                    case UpsertKind.Unchanged:
                        unchanged++;
                        break;
                    default:
                        Interlocked.Increment(ref rejected);
                        conflicts++;
                        var record = batch.Records[i];
                        var onName = outcome.Detail?.StartsWith('\'') == true;
                        lock (problems)
                        {
                            problems.Add(new ImportProblem(fileName, batch.Lines[i],
                                map.HeaderOfField[CompanyColumns.Ordinal(onName ? CompanyColumns.Name : CompanyColumns.Uscc)],
                                onName ? record.Name : record.Uscc, outcome.Detail ?? "conflict with a stored company"));
                        }

                        continue;
                }

                if (batch.Unassigned[i])
                {
                    unassigned++;
                }

                var memberships = batch.Records[i].Memberships;
                for (var m = 0; m < memberships.Count; m++)
                {
                    if (!memberships[m].IsConfirmed)
                    {
                        unconfirmed++;
                    }
                }
            }
        }
    }
}
