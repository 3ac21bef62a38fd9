using ChainMap.Domain;
using ChainMap.Text;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// <c>(:Chain {code, name, nameKey, category, description})</c>;
/// <c>(:Segment {code, chainCode, ordinal, name, tier, aliases, products, keywords, industryCodes})-[:PART_OF]-&gt;(:Chain)</c>;
/// the sub-segment hierarchy as <c>(:Segment)-[:SUBSEGMENT_OF]-&gt;(:Segment)</c> and the flow as
/// <c>(:Segment)-[:SUPPLIES_TO {description, chainCode}]-&gt;(:Segment)</c>, never mixed.
/// </summary>
internal sealed partial class Neo4jStore
{
    public async Task<IReadOnlyList<Chain>> ListChainsAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync("MATCH (c:Chain) RETURN c.code, c.name, c.category, c.description", cancellationToken);
        return result.Rows.Select(ReadChain).OrderBy(c => c.Category).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
    }

    public async Task<ChainDefinition?> GetChainAsync(string code, CancellationToken cancellationToken)
    {
        var results = await RunAsync(
        [
            Cypher("MATCH (c:Chain {code: $code}) RETURN c.code, c.name, c.category, c.description", ("code", code)),
            Cypher("""
                MATCH (:Chain {code: $code})<-[:PART_OF]-(s:Segment)
                OPTIONAL MATCH (s)-[:SUBSEGMENT_OF]->(p:Segment)
                RETURN s.code, s.name, s.tier, p.code, s.aliases, s.products, s.keywords, s.industryCodes
                ORDER BY s.ordinal
                """, ("code", code)),
            Cypher("""
                MATCH (:Chain {code: $code})<-[:PART_OF]-(a:Segment)-[f:SUPPLIES_TO]->(b:Segment)
                RETURN a.code, b.code, f.description
                ORDER BY a.code, b.code
                """, ("code", code)),
        ], cancellationToken);
        if (results[0].Rows.Count == 0)
        {
            return null;
        }

        var segments = results[1].Rows.Select(row =>
        {
            Tiers.TryParse(row[2].AsString(), out var tier);
            return new Segment(
                row[0].AsRequiredString(), code, row[1].AsRequiredString(), tier, row[3].AsString(),
                row[4].AsStringList(), row[5].AsStringList(), row[6].AsStringList(), row[7].AsStringList());
        }).ToList();
        var flows = results[2].Rows.Select(row => new FlowEdge(code, row[0].AsRequiredString(), row[1].AsRequiredString(), row[2].AsString() ?? string.Empty)).ToList();
        return new ChainDefinition(ReadChain(results[0].Rows[0]), segments, flows);
    }

    /// <summary>
    /// Segments are merged by code so that the ones that stay keep their companies; the ones that
    /// disappear go with their memberships; hierarchy and flows are rebuilt. One transaction.
    /// </summary>
    public async Task<bool> SaveChainAsync(ChainDefinition definition, CancellationToken cancellationToken)
    {
        var chain = definition.Chain;
        var segments = definition.Segments.Select((s, i) => new Dictionary<string, object?>
        {
            ["code"] = s.Code,
            ["ordinal"] = i,
            ["name"] = s.Name,
            ["tier"] = s.Tier.ToWire(),
            ["parent"] = s.ParentCode,
            ["aliases"] = s.Aliases,
            ["products"] = s.Products,
            ["keywords"] = s.Keywords,
            ["industryCodes"] = s.IndustryCodes,
        }).ToList();
        var flows = definition.Flows.Select(f => new Dictionary<string, object?>
        {
            ["from"] = f.From,
            ["to"] = f.To,
            ["description"] = f.Description,
        }).ToList();
        var code = ("code", (object?)chain.Code);

        var results = await RunAsync(
        [
            Cypher("OPTIONAL MATCH (c:Chain {code: $code}) RETURN c IS NULL AS isNew", code),
            Cypher(
                "MERGE (c:Chain {code: $code}) SET c.name = $name, c.nameKey = $nameKey, c.category = $category, c.description = $description",
                code, ("name", chain.Name), ("nameKey", ChineseText.Fold(chain.Name)), ("category", chain.Category.ToWire()), ("description", chain.Description)),
            Cypher("MATCH (:Chain {code: $code})<-[:PART_OF]-(:Segment)-[f:SUPPLIES_TO]->(:Segment) DELETE f", code),
            Cypher("MATCH (:Chain {code: $code})<-[:PART_OF]-(:Segment)-[h:SUBSEGMENT_OF]->(:Segment) DELETE h", code),
            Cypher("MATCH (:Chain {code: $code})<-[:PART_OF]-(s:Segment) WHERE NOT s.code IN $keep MATCH (x:Candidate {segment: s.code}) USING INDEX x:Candidate(segment) DELETE x", code, ("keep", definition.Segments.Select(s => s.Code).ToList())),
            Cypher("MATCH (:Chain {code: $code})<-[:PART_OF]-(s:Segment) WHERE NOT s.code IN $keep MATCH (t:SegmentCount {segment: s.code}) USING INDEX t:SegmentCount(segment) DELETE t", code, ("keep", definition.Segments.Select(s => s.Code).ToList())),
            Cypher("MATCH (:Chain {code: $code})<-[:PART_OF]-(s:Segment) WHERE NOT s.code IN $keep MATCH (t:TieSummary {segment: s.code}) DELETE t", code, ("keep", definition.Segments.Select(s => s.Code).ToList())),
            Cypher("MATCH (:Chain {code: $code})<-[:PART_OF]-(s:Segment) WHERE NOT s.code IN $keep WITH count(s) AS dropped MATCH (t:TargetTotal) WHERE dropped > 0 DELETE t", code, ("keep", definition.Segments.Select(s => s.Code).ToList())),
            Cypher("MATCH (:Chain {code: $code})<-[:PART_OF]-(s:Segment) WHERE NOT s.code IN $keep DETACH DELETE s", code, ("keep", definition.Segments.Select(s => s.Code).ToList())),
            Cypher("""
                UNWIND $segments AS row
                MATCH (s:Segment {code: row.code})-[old:PART_OF]->(other:Chain)
                WHERE other.code <> $code
                DELETE old
                WITH DISTINCT s
                OPTIONAL MATCH (s)<-[m:IN_SEGMENT]-(:Company)
                SET m.chainCode = $code
                """, code, ("segments", segments)),
            Cypher("""
                MATCH (c:Chain {code: $code})
                UNWIND $segments AS row
                MERGE (s:Segment {code: row.code})
                SET s.chainCode = $code, s.ordinal = row.ordinal, s.name = row.name, s.tier = row.tier, s.aliases = row.aliases,
                    s.products = row.products, s.keywords = row.keywords, s.industryCodes = row.industryCodes
                MERGE (s)-[:PART_OF]->(c)
                """, code, ("segments", segments)),
            Cypher("""
                UNWIND $segments AS row
                WITH row WHERE row.parent IS NOT NULL
                MATCH (s:Segment {code: row.code})
                MATCH (p:Segment {code: row.parent})
                MERGE (s)-[:SUBSEGMENT_OF]->(p)
                """, ("segments", segments)),
            Cypher("""
                UNWIND $flows AS row
                MATCH (a:Segment {code: row.from})
                MATCH (b:Segment {code: row.to})
                MERGE (a)-[f:SUPPLIES_TO]->(b)
                SET f.description = row.description, f.chainCode = $code
                """, code, ("flows", flows)),
        ], cancellationToken);
        return results[0].Rows[0][0].AsBoolean();
    }

    /// <summary>
    /// From the candidate index (ADR 0250, 0445): one candidate per confirmed membership in a segment, with its company's region,
    /// capital and strength, sought by (segment, city) or (segment, province) keys as the statistics seek the home's (a division
    /// of 76 k companies no longer expands every membership of its companies); the chain-level memberships have none.
    /// </summary>
    public async Task<IReadOnlyList<SegmentPresence>> CountBySegmentAsync(string chainCode, IReadOnlyCollection<string> regionCodes, CancellationToken cancellationToken)
    {
        var scope = RegionScope.Of(regionCodes);
        if (scope.IsEmpty)
        {
            return [];
        }

        var seek = HomeSeek(scope);
        var result = await RunAsync(
            Cypher($$"""
                MATCH (s:Segment {chainCode: $chain})
                {{seek.Match}}
                WHERE {{seek.Where}}
                RETURN x.segment, count(*), sum(coalesce(x.registeredCapital, 0.0)), sum(coalesce(x.strength, 0.0))
                """, [("chain", chainCode), .. seek.Parameters]),
            cancellationToken);
        return result.Rows
            .Select(row => new SegmentPresence(row[0].AsRequiredString(), (int)row[1].AsInt64(), (decimal)row[2].AsDouble(), row[3].AsDouble()))
            .ToList();
    }

    private static Chain ReadChain(System.Text.Json.JsonElement[] row)
    {
        ChainCategories.TryParse(row[2].AsString(), out var category);
        return new Chain(row[0].AsRequiredString(), row[1].AsRequiredString(), category, row[3].AsString() ?? string.Empty);
    }
}
