namespace ChainMap.Import;

/// <summary>How bad a problem is: an error rejects the row (or the file); a warning notes something about a row that was imported.</summary>
internal enum ProblemSeverity
{
    Error,
    Warning,
}

/// <summary>
/// One problem of an import: where (file, line, column as named in the file's header), what
/// value, and why. Line 0 means the file as a whole.
/// </summary>
internal sealed record ImportProblem(string File, int Line, string? Column, string? Value, string Reason, ProblemSeverity Severity = ProblemSeverity.Error);

internal static class ProblemSeverities
{
    public static string ToWire(this ProblemSeverity severity) => severity == ProblemSeverity.Error ? "error" : "warning";

    public static ProblemSeverity Parse(string? text) => text == "warning" ? ProblemSeverity.Warning : ProblemSeverity.Error;
}

/// <summary>Raised when a file cannot be read as a table at all; nothing of it is written.</summary>
internal sealed class ImportRejectedException(string message, Exception? inner = null) : Exception(message, inner);
