using System.Text.Encodings.Web;
using System.Text.Json;
using ChainMap.Domain;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// The kept home-tie facts of a list (ADR 0465): one <c>(:TieSummary {key, segment, stamp, facts})</c> node per home and segment,
/// <c>facts</c> the JSON rows of the tie-facts statement (ADR 0445) of that segment's tie-marked candidates, each company's links to
/// every channel (the channel graph is read live beside it, so a channel's ties or its links to other channels never move it).
/// It is good while its <c>stamp</c> equals the segment's <c>tieStamp</c>: every write that can change a segment's tie facts raises
/// the stamps of the segments concerned in its own transaction (<see cref="TouchSection"/>, <see cref="TouchOwnSection"/>,
/// <see cref="TouchAll"/>), and a read that finds a summary missing or behind builds it again (a database written before it has
/// none: each is built by its first read, no migration).
/// </summary>
internal static class Neo4jTieSummaries
{
    /// <summary>
    /// Raises the stamps of the segments of the companies <c>$candidateIds</c> and of their relation partners (a partner's ties
    /// to home hold this company's place, so a company that moves, goes or merges moves its partners' facts): the segments of
    /// their candidates as they are when it runs. A write runs it where the candidates it changes still stand (before its
    /// candidate rebuild) and again after it; a write that removes relations runs it before.
    /// </summary>
    internal const string TouchSection = """
        UNWIND $candidateIds AS touchId
        OPTIONAL MATCH (:Company {id: touchId})-[:SUPPLIES|INVESTS_IN|CONTROLS]-(partner:Company)
        WITH collect(DISTINCT touchId) + collect(DISTINCT partner.id) AS touchedIds
        UNWIND touchedIds AS touchedId

        """ + RaiseStamps;

    /// <summary>
    /// Raises the stamps of the segments of the companies <c>$tiedIds</c> alone: a relation or a channel link added to them moves
    /// their own facts (both ends of a relation are named).
    /// </summary>
    internal const string TouchOwnSection = "UNWIND $tiedIds AS touchedId\n" + RaiseStamps;

    /// <summary>Raises the stamps of the segments of the candidates of each <c>touchedId</c>.</summary>
    private const string RaiseStamps = """
        MATCH (tx:Candidate) USING INDEX tx:Candidate(company) WHERE tx.company = touchedId
        WITH DISTINCT tx.segment AS touchedCode
        MATCH (ts:Segment {code: touchedCode})
        SET ts.tieStamp = coalesce(ts.tieStamp, 0) + 1
        """;

    /// <summary>Raises every segment's stamp: for the writes that change many companies' ties at once (the demo's removal).</summary>
    internal const string TouchAll = "MATCH (ts:Segment) SET ts.tieStamp = coalesce(ts.tieStamp, 0) + 1";

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The part of a summary's key that names the home: its codes by level, so that another home profile has its own summaries.</summary>
    public static string HomeKey(RegionScope home) =>
        string.Join(',', home.Provinces) + "/" + string.Join(',', home.Cities) + "/" + string.Join(',', home.Counties);

    public static string Key(string homeKey, string segmentCode) => homeKey + "|" + segmentCode;

    /// <summary>
    /// Reads the stamps of <paramref name="segments"/> and, <paramref name="withFacts"/>, their summaries: per segment its code, its
    /// stamp, the summary's stamp and facts (null when there is none).
    /// </summary>
    public static CypherStatement Read(string homeKey, IReadOnlyList<string> segments, bool withFacts) => new($$"""
        UNWIND $tieSummaries AS pair
        WITH pair[0] AS code, pair[1] AS key
        OPTIONAL MATCH (s:Segment {code: code})
        OPTIONAL MATCH (t:TieSummary {key: key})
        RETURN code, coalesce(s.tieStamp, 0), t.stamp, {{(withFacts ? "t.facts" : "null")}}
        """, new Dictionary<string, object?>
    {
        ["tieSummaries"] = segments.Select(s => new[] { s, Key(homeKey, s) }).ToList(),
    });

    /// <summary>Keeps the summaries built; one already kept with a later stamp (another reader's, after a later write) stays.</summary>
    public static CypherStatement Save(string homeKey, IReadOnlyDictionary<string, long> stamps, IReadOnlyDictionary<string, List<JsonElement[]>> rows) => new("""
        UNWIND $summaries AS row
        MERGE (t:TieSummary {key: row.key})
        WITH t, row
        WHERE t.stamp IS NULL OR t.stamp <= row.stamp
        SET t.segment = row.segment, t.stamp = row.stamp, t.facts = row.facts
        """, new Dictionary<string, object?>
    {
        ["summaries"] = stamps.Select(p => new Dictionary<string, object?>
        {
            ["key"] = Key(homeKey, p.Key),
            ["segment"] = p.Key,
            ["stamp"] = p.Value,
            ["facts"] = JsonSerializer.Serialize(rows.GetValueOrDefault(p.Key) ?? [], Compact),
        }).ToList(),
    });

    /// <summary>
    /// The rows of a kept summary (as <see cref="Save"/> wrote them), parsed once into one document that the rows share (ADR 0490:
    /// a copy of each value was thousands of small documents per list).
    /// </summary>
    public static IEnumerable<JsonElement[]> Rows(string facts) =>
        JsonSerializer.Deserialize<JsonElement>(facts).EnumerateArray().Select(r => r.EnumerateArray().ToArray()).ToList();
}
