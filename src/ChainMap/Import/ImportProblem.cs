namespace ChainMap.Import;

/// <summary>One row-level problem of an import: where (file, line, column), what value, and why.</summary>
public sealed record ImportProblem(string File, int Line, string? Column, string? Value, string Reason);

/// <summary>Raised when a file cannot be read as a table at all; nothing of it is written.</summary>
public sealed class ImportRejectedException(string message, Exception? inner = null) : Exception(message, inner);
