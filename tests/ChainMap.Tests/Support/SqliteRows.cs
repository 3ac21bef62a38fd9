using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ChainMap.Tests.Support;

/// <summary>Reads a SQLite file on a connection of its own, outside any store (what another program or a reader sees).</summary>
internal static class SqliteRows
{
    /// <summary>Rows of <paramref name="sql"/> (every column as text, joined by <paramref name="separator"/>) from the file at <paramref name="path"/>.</summary>
    public static async Task<List<string>> ReadAsync(string path, string sql, string separator = " | ")
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(separator, Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}
