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
            var segment = reader.GetString(0);
            if (!result.TryGetValue(segment, out var counts))
            {
                result[segment] = counts = new SegmentCounts();
            }

            var row = new CountRow(reader.GetString(1), reader.GetInt32(2), NullableString(reader, 3), NullableString(reader, 4),
                new Figures(reader.GetInt64(5), reader.GetDouble(6), reader.GetDouble(7)));
            counts.Rows[row.Code] = row;
        }
    }

    /// <summary>Companies (with capital and strength) of one segment, summed over regions.</summary>
    private readonly record struct Figures(long Companies, double Capital, double Strength)
    {
        public static Figures operator +(Figures a, Figures b) => new(a.Companies + b.Companies, a.Capital + b.Capital, a.Strength + b.Strength);

        public static Figures operator -(Figures a, Figures b) => new(a.Companies - b.Companies, a.Capital - b.Capital, a.Strength - b.Strength);
    }

    /// <summary>A row of discovery_count: <see cref="Code"/> '' stands for all companies of the segment.</summary>
    private sealed record CountRow(string Code, int Level, string? ProvinceCode, string? CityCode, Figures Figures)
    {
        /// <summary>True when <paramref name="code"/> is this division or one that contains it.</summary>
        public bool IsWithin(string code) => Code.Length > 0 && (Code == code || ProvinceCode == code || CityCode == code);

        /// <summary>True when <paramref name="inner"/> lies inside this division (or is it); everything lies inside the all-companies row.</summary>
        public bool Contains(CountRow inner) => Code.Length == 0 || inner.IsWithin(Code);
    }

    /// <summary>The rows read for one segment.</summary>
    private sealed class SegmentCounts
    {
        public Dictionary<string, CountRow> Rows { get; } = new(StringComparer.Ordinal);

        public Figures All => Rows.TryGetValue(string.Empty, out var all) ? all.Figures : default;

        /// <summary>Counts inside <paramref name="scope"/> (null: anywhere) and outside <paramref name="excluded"/>.</summary>
        public ScopedCounts In(IReadOnlyCollection<string>? scope, IReadOnlyCollection<string> excluded) =>
            new(Rows.GetValueOrDefault(string.Empty), scope is null ? null : Outermost(scope), Outermost(excluded));

        /// <summary>The rows of <paramref name="codes"/> that no other of them contains (divisions nest, so these do not overlap).</summary>
        private List<CountRow> Outermost(IReadOnlyCollection<string> codes)
        {
            var rows = codes.Distinct(StringComparer.Ordinal).Where(c => c.Length > 0).Select(c => Rows.GetValueOrDefault(c)).OfType<CountRow>().ToList();
            return rows.Where(r => !rows.Any(o => o != r && r.IsWithin(o.Code))).ToList();
        }
    }

    /// <summary>
    /// Figures of a division within a scope and outside exclusions. A scope or exclusion code without a
    /// row has no companies of the segment, and neither has anything inside it, so it can be left out.
    /// </summary>
    private sealed class ScopedCounts(CountRow? all, List<CountRow>? scope, List<CountRow> excluded)
    {
        /// <summary>Companies of <paramref name="node"/> (null: all of the segment) in the scope and in no excluded division.</summary>
        public Figures Count(CountRow? node)
        {
            node ??= all;
            if (node is null)
            {
                return default;
            }

            var total = default(Figures);
            if (scope is null || scope.Exists(r => node.IsWithin(r.Code)))
            {
                return Outside(node);
            }

            foreach (var piece in scope)
            {
                if (piece != node && node.Contains(piece))
                {
                    total += Outside(piece);
                }
            }

            return total;
        }

        private Figures Outside(CountRow piece)
        {
            if (excluded.Exists(h => piece.IsWithin(h.Code)))
            {
                return default;
            }

            var total = piece.Figures;
            foreach (var h in excluded)
            {
                if (h != piece && piece.Contains(h))
                {
                    total -= h.Figures;
                }
            }

            return total;
        }
    }
}
