using System.Globalization;
using System.Text;
using CsvHelper;

namespace ChainMap.Import;

/// <summary>
/// Writes a problem report as CSV for Excel: UTF-8 with BOM (so Chinese shows correctly),
/// columns file, line, column, value, reason, severity. Text that Excel would take for a formula
/// (starting with = + - @ or a tab) is prefixed with an apostrophe, so opening a report never runs
/// what a hostile input file carried.
/// </summary>
internal static class ImportReportCsv
{
    public static readonly string[] Header = ["file", "line", "column", "value", "reason", "severity"];

    public static async Task WriteAsync(IAsyncEnumerable<ImportProblem> problems, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(problems);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var column in Header)
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync();
        await foreach (var problem in problems.WithCancellation(cancellationToken))
        {
            csv.WriteField(Neutralise(problem.File));
            csv.WriteField(problem.Line);
            csv.WriteField(Neutralise(problem.Column));
            csv.WriteField(Neutralise(problem.Value));
            csv.WriteField(Neutralise(problem.Reason));
            csv.WriteField(problem.Severity.ToWire());
            await csv.NextRecordAsync();
        }
    }

    public static Task WriteAsync(IEnumerable<ImportProblem> problems, Stream output, CancellationToken cancellationToken) =>
        WriteAsync(problems.ToAsyncEnumerable(), output, cancellationToken);

    /// <summary>Text made safe to open in a spreadsheet: a leading formula character gets an apostrophe.</summary>
    public static string Neutralise(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
