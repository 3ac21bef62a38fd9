using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ChainMap.Storage.Sqlite;

/// <summary>
/// Reads of the discovery_count table (ADR 0023): per segment, figures for all its companies and for
/// each province, city and county they are in. Divisions nest, so the companies of a segment in a
/// scope and outside the excluded regions follow from a few rows: the scope's and exclusion's own
/// rows and, for each row, its province and city.
/// </summary>
internal sealed partial class SqliteStore
{
    private const string CountColumns = "c.segment_code, c.region_code, c.level, c.province_code, c.city_code, c.companies, c.capital, c.strength";

    /// <summary>The all-companies row and the rows of <paramref name="codes"/>, per segment.</summary>
    private static async Task<Dictionary<string, SegmentCounts>> ReadCountsAsync(
        SqliteConnection connection, IEnumerable<string> segments, IEnumerable<string> codes, bool placeLevels, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, SegmentCounts>(StringComparer.Ordinal);
        var segmentJson = JsonSerializer.Serialize(segments.Distinct(StringComparer.Ordinal));
        await using (var command = Command(connection, $"""
            SELECT {CountColumns} FROM discovery_count c
            WHERE c.segment_code IN (SELECT value FROM json_each($segments)) AND c.region_code IN (SELECT value FROM json_each($codes))
            """))
        {
            command.Parameters.AddWithValue("$segments", segmentJson);
            command.Parameters.AddWithValue("$codes", JsonSerializer.Serialize(codes.Append(string.Empty).Distinct(StringComparer.Ordinal)));
            await ReadCountRowsAsync(command, result, cancellationToken);
        }

        if (placeLevels)
        {
            await using var command = Command(connection, $"""
                SELECT {CountColumns} FROM discovery_count c INDEXED BY discovery_count_by_level
                WHERE c.segment_code IN (SELECT value FROM json_each($segments)) AND c.level IN (1, 2)
                """);
            command.Parameters.AddWithValue("$segments", segmentJson);
            await ReadCountRowsAsync(command, result, cancellationToken);
        }

        return result;
    }

    private static async Task ReadCountRowsAsync(SqliteCommand command, Dictionary<string, SegmentCounts> result, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            SegmentCounts.Add(result, reader.GetString(0), new SegmentCountRow(reader.GetString(1), reader.GetInt32(2), NullableString(reader, 3), NullableString(reader, 4),
                new SegmentFigures(reader.GetInt64(5), reader.GetDouble(6), reader.GetDouble(7))));
        }
    }
}
