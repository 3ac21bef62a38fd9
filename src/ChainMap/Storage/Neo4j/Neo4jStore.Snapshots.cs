using System.Globalization;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// Kept discovery answers and the write mark (ADR 0295): a <c>(:DiscoverySnapshot {key, format, writeMark, asOf, writtenSeq,
/// bytes, body})</c> node per answer (the body as base64 text: Neo4j has no byte property over the Query API's JSON) and one
/// <c>(:DiscoveryWriteMark {only: 1, mark})</c> node.
/// </summary>
internal sealed partial class Neo4jStore
{
    public async Task<long> GetWriteMarkAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(Cypher("OPTIONAL MATCH (m:DiscoveryWriteMark {only: 1}) RETURN coalesce(m.mark, 0)"), cancellationToken);
        return result.Rows[0][0].AsInt64();
    }

    public async Task<long> RaiseWriteMarkAsync(long by, CancellationToken cancellationToken)
    {
        var result = await RunAsync(
            Cypher("MERGE (m:DiscoveryWriteMark {only: 1}) ON CREATE SET m.mark = 0 SET m.mark = m.mark + $by RETURN m.mark", ("by", by)),
            cancellationToken);
        return result.Rows[0][0].AsInt64();
    }

    public async Task<DiscoverySnapshot?> GetSnapshotAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var result = await RunAsync(
            Cypher("MATCH (s:DiscoverySnapshot {key: $key}) RETURN s.format, s.writeMark, s.asOf, s.body", ("key", key)),
            cancellationToken);
        if (result.Rows.Count == 0)
        {
            return null;
        }

        var row = result.Rows[0];
        return new DiscoverySnapshot(
            key,
            (int)row[0].AsInt64(),
            row[1].AsInt64(),
            DateTimeOffset.Parse(row[2].AsRequiredString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            Convert.FromBase64String(row[3].AsRequiredString()));
    }

    public async Task SaveSnapshotAsync(DiscoverySnapshot snapshot, int keep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await RunAsync(
            [
                Cypher(
                    """
                    OPTIONAL MATCH (other:DiscoverySnapshot)
                    WITH coalesce(max(other.writtenSeq), 0) + 1 AS seq
                    MERGE (s:DiscoverySnapshot {key: $key})
                    SET s.format = $format, s.writeMark = $mark, s.asOf = $asOf, s.writtenSeq = seq, s.body = $body, s.bytes = $bytes
                    """,
                    ("key", snapshot.Key), ("format", (long)snapshot.Format), ("mark", snapshot.WriteMark),
                    ("asOf", snapshot.AsOf.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)), ("body", Convert.ToBase64String(snapshot.Body)), ("bytes", (long)snapshot.Body.Length)),
                Cypher(
                    "MATCH (s:DiscoverySnapshot) WITH s ORDER BY s.writtenSeq DESC SKIP $keep DETACH DELETE s",
                    ("keep", (long)Math.Max(0, keep))),
            ],
            cancellationToken);
    }

    public async Task ClearSnapshotsAsync(CancellationToken cancellationToken) =>
        await RunAsync(Cypher("MATCH (s:DiscoverySnapshot) DETACH DELETE s"), cancellationToken);

    public async Task<(int Count, long Bytes)> MeasureSnapshotsAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(
            Cypher("MATCH (s:DiscoverySnapshot) RETURN count(s), coalesce(sum(s.bytes), 0)"),
            cancellationToken);
        return ((int)result.Rows[0][0].AsInt64(), result.Rows[0][1].AsInt64());
    }
}
