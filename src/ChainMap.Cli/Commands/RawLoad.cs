using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace ChainMap.Cli.Commands;

/// <summary>
/// The import benchmark's peer: the same CSV loaded raw into one SQLite table keyed by USCC (WAL,
/// synchronous=NORMAL), with the <c>sqlite3</c> command line's <c>.import</c> when it is on the PATH, else
/// through Microsoft.Data.Sqlite with one prepared INSERT bound by position in one transaction.
/// Nothing is checked, resolved or merged: it is what the disk and SQLite alone cost.
/// </summary>
internal static class RawLoad
{
    private const string Table = """
        CREATE TABLE company(name TEXT, uscc TEXT PRIMARY KEY, region_code TEXT, segment_code TEXT, products TEXT,
            capital REAL, founded TEXT, employees INTEGER, revenue REAL, listed_code TEXT, tags TEXT);
        """;

    public sealed record Result(long Rows, double Seconds, string How);

    public static async Task<Result> RunAsync(string csv, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "raw.db");
        return FindSqlite3() is { } sqlite3
            ? await WithCliAsync(sqlite3, csv, database, cancellationToken)
            : await WithStatementAsync(csv, database, cancellationToken);
    }

    private static string? FindSqlite3() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "sqlite3"))
            .FirstOrDefault(File.Exists);

    private static async Task<Result> WithCliAsync(string sqlite3, string csv, string database, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(sqlite3, [database])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {sqlite3}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardInput.WriteLineAsync($"""
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=NORMAL;
            {Table}
            .import --csv --skip 1 '{csv.Replace("'", "''", StringComparison.Ordinal)}' company
            SELECT count(*) FROM company;
            """);
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        clock.Stop();
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (process.ExitCode != 0 || lines.Length == 0 || !long.TryParse(lines[^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var rows))
        {
            throw new InvalidOperationException($"sqlite3 .import failed (exit {process.ExitCode}): {await error}");
        }

        return new Result(rows, clock.Elapsed.TotalSeconds, "sqlite3 .import, " + sqlite3);
    }

    private static async Task<Result> WithStatementAsync(string csv, string database, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; " + Table;
            await setup.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO company VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
        for (var i = 1; i <= 11; i++)
        {
            insert.Parameters.Add(new SqliteParameter { ParameterName = "$" + i.ToString(CultureInfo.InvariantCulture) });
        }

        insert.Prepare();
        using var reader = new StreamReader(csv, Encoding.UTF8);
        using var parser = new CsvHelper.CsvParser(reader, CultureInfo.InvariantCulture);
        var rows = 0L;
        var header = true;
        while (await parser.ReadAsync())
        {
            if (header)
            {
                header = false;
                continue;
            }

            for (var i = 0; i < 11; i++)
            {
                insert.Parameters[i].Value = i < parser.Count ? parser[i] : DBNull.Value;
            }

            insert.ExecuteNonQuery();
            rows++;
        }

        await transaction.CommitAsync(cancellationToken);
        clock.Stop();
        return new Result(rows, clock.Elapsed.TotalSeconds, "one prepared INSERT in one transaction (sqlite3 not installed)");
    }
}
