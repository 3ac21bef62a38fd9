using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// The kept totals of target lists (ADR 0490): one <c>(:TargetTotal {key, stamp, total})</c> per list query (its segments, scope,
/// exclusion, tags and minimum capital), <c>total</c> the distinct companies the candidate index counted for it, good while
/// <c>stamp</c> equals the sum of its segments' <c>tieStamp</c>s. Every write that rebuilds a company's candidates already raises
/// the stamps of the segments of its old and new candidates in its own transaction (ADR 0465, <see cref="Neo4jTieSummaries"/>),
/// and stamps only rise, so the sum is the kept one only when no candidate of those segments changed: the writes move nothing
/// more. A read that finds a total missing or behind counts it again (the statement before this ADR) and keeps it.
/// </summary>
internal static class Neo4jTargetTotals
{
    /// <summary>
    /// Drops every kept total: run where segments may go (a chain definition) or the candidates are built again without the writes'
    /// stamps (their migration); a segment made again would start its stamp afresh, and a sum could come back to a kept one.
    /// </summary>
    internal const string DropAll = "MATCH (t:TargetTotal) DELETE t";

    /// <summary>
    /// The key of a list's total: a hash of what the count depends on, in a fixed order (a chain of thousands of segments would
    /// make a longer key than an index holds).
    /// </summary>
    public static string Key(TargetCandidateQuery query, IReadOnlyCollection<string> segments)
    {
        ArgumentNullException.ThrowIfNull(query);
        static string Sorted(IEnumerable<string> codes) => string.Join(',', codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var text = string.Join(
            '\u001f',
            Sorted(segments),
            query.RegionCodes is null ? "*" : Sorted(query.RegionCodes),
            Sorted(query.ExcludedRegionCodes),
            Sorted(query.Tags),
            query.MinCapital?.ToString(CultureInfo.InvariantCulture) ?? "-");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The sum of the stamps of <paramref name="segments"/> (a segment never stamped counts 0), and the kept total's stamp and total (null when none).</summary>
    public static CypherStatement Read(string key, IReadOnlyCollection<string> segments) => new("""
        UNWIND $totalSegments AS totalSegment
        OPTIONAL MATCH (s:Segment {code: totalSegment})
        WITH sum(coalesce(s.tieStamp, 0)) AS stamp
        OPTIONAL MATCH (t:TargetTotal {key: $totalKey})
        RETURN stamp, t.stamp, t.total
        """, new Dictionary<string, object?>
    {
        ["totalSegments"] = segments.Distinct(StringComparer.Ordinal).ToList(),
        ["totalKey"] = key,
    });

    /// <summary>Keeps a total counted at <paramref name="stamp"/>; one kept at a later stamp (counted after a later write) stays.</summary>
    public static CypherStatement Save(string key, long stamp, long total) => new("""
        MERGE (t:TargetTotal {key: $totalKey})
        WITH t
        WHERE t.stamp IS NULL OR t.stamp <= $stamp
        SET t.stamp = $stamp, t.total = $total
        """, new Dictionary<string, object?>
    {
        ["totalKey"] = key,
        ["stamp"] = stamp,
        ["total"] = total,
    });
}
