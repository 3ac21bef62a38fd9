using ChainMap.Storage;

namespace ChainMap.Import;

/// <summary>What an import should do besides importing: only report (dry run), write nothing unless every row is valid (all-or-nothing), map columns explicitly.</summary>
internal sealed record ImportOptions(bool DryRun = false, bool AllOrNothing = false, IReadOnlyDictionary<string, string>? Mapping = null)
{
    public static readonly ImportOptions Default = new();

    /// <summary>Replace values an analyst set by hand (by default an import keeps them and counts them, ADR 0185).</summary>
    public bool OverwriteAnalyst { get; init; }
}

/// <summary>
/// What a running import has made durable: the counts of the committed rows and the last file
/// line they cover (every row up to it is in the store or was rejected; none after it is).
/// </summary>
internal sealed record ImportCheckpoint(ImportCounts Counts, int ThroughLine);

/// <summary>Progress of a running import: counts so far and the fraction of the file read.</summary>
internal sealed record ImportProgress(ImportCounts Counts, double Fraction);

/// <summary>
/// The outcome of one import. Counts are what happened, or for a dry run or an import that was
/// not written (all-or-nothing with rejected rows) what would have happened; <see cref="Written"/>
/// says which. <see cref="FileProblem"/> is set when the file was rejected as a whole.
/// <see cref="Problems"/> lists at most <see cref="ImportLimits.MaxListedProblems"/>; <see cref="ProblemCount"/> counts all.
/// </summary>
internal sealed record ImportSummary(long Read, long Inserted, long Updated, long Unchanged, long Rejected, long Unassigned, IReadOnlyList<ImportProblem> Problems)
{
    public bool Written { get; init; }

    public ImportProblem? FileProblem { get; init; }

    /// <summary>Encoding and delimiter, or xlsx.</summary>
    public string? Format { get; init; }

    public IReadOnlyList<ColumnUse> Columns { get; init; } = [];

    public long ProblemCount { get; init; }

    /// <summary>Memberships the rows brought as 待确认 (unconfirmed: the classifier was not sure), counted apart from the rows.</summary>
    public long Unconfirmed { get; init; }

    /// <summary>Values the rows would have changed but kept, because an analyst set them (ADR 0185).</summary>
    public long AnalystValuesKept { get; init; }

    /// <summary>One sentence on what was (not) written and why.</summary>
    public string? Note { get; init; }

    public ImportCounts Counts => new(Read, Inserted, Updated, Unchanged, Rejected, Unassigned, ProblemCount, Unconfirmed) { AnalystValuesKept = AnalystValuesKept };

    public static ImportSummary RejectedFile(ImportProblem problem, string? format = null) =>
        new(0, 0, 0, 0, 0, 0, [problem])
        {
            FileProblem = problem,
            Format = format,
            ProblemCount = 1,
            Note = $"file rejected, nothing written: {problem.Reason}",
        };
}

/// <summary>Bounds that keep an import's memory flat whatever the file holds.</summary>
internal static class ImportLimits
{
    /// <summary>Problems listed in a report; further ones are counted, not listed.</summary>
    public const int MaxListedProblems = 100_000;

    /// <summary>Highest sheet row read from an .xlsx workbook; a workbook with a row beyond it is refused.</summary>
    public const int MaxSheetRows = 1_000_000;

    /// <summary>Highest sheet column read from an .xlsx workbook (column ALL); a cell beyond it refuses the workbook.</summary>
    public const int MaxSheetColumns = 1_000;

    /// <summary>Most cells (last row × last column, blanks included: what the reader walks) read from an .xlsx workbook.</summary>
    public const long MaxSheetCells = 30_000_000;

    /// <summary>
    /// Longest value, in characters, of one field of a company row; a row with a longer value is
    /// rejected with an error naming the line and column (values are never cut silently).
    /// </summary>
    public const int MaxFieldLength = 4_000;
}

/// <summary>Collects problems up to <see cref="ImportLimits.MaxListedProblems"/> and counts all of them.</summary>
internal sealed class ProblemLog
{
    private readonly List<ImportProblem> listed = [];

    public long Count { get; private set; }

    public IReadOnlyList<ImportProblem> Listed => listed;

    public void Add(ImportProblem problem)
    {
        Count++;
        if (listed.Count < ImportLimits.MaxListedProblems)
        {
            listed.Add(problem);
        }
    }

    public void AddRange(IEnumerable<ImportProblem> problems)
    {
        foreach (var problem in problems)
        {
            Add(problem);
        }
    }

    /// <summary>The listed problems, ending with a note when some were only counted.</summary>
    public IReadOnlyList<ImportProblem> Report(string file)
    {
        var ordered = listed.OrderBy(p => p.Line).ToList();
        if (Count > listed.Count)
        {
            ordered.Add(new ImportProblem(file, 0, null, null, $"{Count - listed.Count} more problems were counted but not listed", ProblemSeverity.Warning));
        }

        return ordered;
    }
}
