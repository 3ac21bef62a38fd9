using ChainMap.Import;
using ChainMap.Storage;

namespace ChainMap.Api.Imports;

/// <summary>
/// An import job: its state (queued, running, succeeded, failed, cancelled, timed-out), row counts (for a dry run or
/// an import that was not written: what would have happened), progress (0-1 while running) and
/// where to fetch its problem report.
/// </summary>
internal sealed record ImportJobResponse(
    string Id,
    string Kind,
    string File,
    string State,
    bool DryRun,
    bool AllOrNothing,
    bool Written,
    long RowsRead,
    long Inserted,
    long Updated,
    long Unchanged,
    long Rejected,
    long Unassigned,
    long Problems,
    long Unconfirmed,
    double? Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Message,
    string Errors,
    long AnalystValuesKept = 0,
    bool OverwriteAnalyst = false);

/// <summary>
/// A company file's header (its column names, in order), an optional column mapping (JSON text, as on upload), and
/// optionally the row under the header, which the import reads as a second header row when the header's cells are
/// merged over two rows (所在地区 over 省 | 市 | 区县). Or, instead of header and nextRow, the file's first rows (at most 25),
/// among which the service finds the header as the import does (a title, export notes, a second header row).
/// </summary>
internal sealed record CompanyColumnsRequest(IReadOnlyList<string>? Header, string? Mapping, IReadOnlyList<string>? NextRow = null,
    IReadOnlyList<IReadOnlyList<string>>? Rows = null);

/// <summary>
/// How each column would be read (field, or null when ignored; whenEmpty for a column that fills another's empty rows), whether
/// a name column was found, whether the next row is a second header row (then the columns' headers are the merged ones), and,
/// when rows were given, the index of the header among them.
/// </summary>
internal sealed record CompanyColumnsResponse(IReadOnlyList<ColumnUse> Columns, bool HasName, bool SecondHeaderRow = false, int HeaderRow = 0);

/// <summary>One row of a problem report.</summary>
internal sealed record ImportProblemResponse(string File, int Line, string? Column, string? Value, string Reason, string Severity);

internal static class ImportMappings
{
    public static ImportJobResponse ToResponse(this ImportJob job, double? progress) => new(
        job.Id, job.Kind, job.FileName, job.State.ToWire(), job.DryRun, job.AllOrNothing, job.Written,
        job.Counts.Read, job.Counts.Inserted, job.Counts.Updated, job.Counts.Unchanged, job.Counts.Rejected, job.Counts.Unassigned,
        job.Counts.Problems, job.Counts.Unconfirmed, progress, job.CreatedAt, job.StartedAt, job.FinishedAt, job.Message, $"/api/imports/{job.Id}/errors",
        job.Counts.AnalystValuesKept, job.OverwriteAnalyst);

    public static ImportProblemResponse ToResponse(this ImportProblem problem) =>
        new(problem.File, problem.Line, problem.Column, problem.Value, problem.Reason, problem.Severity.ToWire());
}
