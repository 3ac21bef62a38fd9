using System.Text.Json;
using ChainMap.Domain;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// <c>(:Region {code, name, level, parentCode})-[:PART_OF]-&gt;(:Region)</c>;
/// <c>(:RegionGroup {name, alias, ordinal, members})-[:INCLUDES]-&gt;(:Region)</c>;
/// <c>(:Home {id: 1, code, name, units, teams})</c> with units and teams as JSON, as in SQLite.
/// </summary>
internal sealed partial class Neo4jStore
{
    public async Task SaveRegionsAsync(IReadOnlyList<Region> regions, CancellationToken cancellationToken)
    {
        var rows = regions.Select(r => new Dictionary<string, object?>
        {
            ["code"] = r.Code,
            ["name"] = r.Name,
            ["level"] = r.Level.ToWire(),
            ["parent"] = r.ParentCode,
        }).ToList();
        await RunAsync(
        [
            Cypher("""
                UNWIND $rows AS row
                MERGE (r:Region {code: row.code})
                SET r.name = row.name, r.level = row.level, r.parentCode = row.parent
                """, ("rows", rows)),
            Cypher("""
                UNWIND $rows AS row
                MATCH (r:Region {code: row.code})-[old:PART_OF]->(p:Region)
                WHERE row.parent IS NULL OR p.code <> row.parent
                DELETE old
                """, ("rows", rows)),
            Cypher("""
                UNWIND $rows AS row
                WITH row WHERE row.parent IS NOT NULL
                MATCH (r:Region {code: row.code})
                MATCH (p:Region {code: row.parent})
                MERGE (r)-[:PART_OF]->(p)
                """, ("rows", rows)),

            // Companies stored before their region get their LOCATED_IN now (one pass, rare: regions are saved before companies).
            """
            MATCH (c:Company) WHERE NOT (c)-[:LOCATED_IN]->(:Region)
            MATCH (r:Region {code: c.regionCode})
            CREATE (c)-[:LOCATED_IN]->(r)
            """,
        ], cancellationToken);
    }

    public async Task<IReadOnlyList<Region>> ListRegionsAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync("MATCH (r:Region) RETURN r.code, r.name, r.level, r.parentCode ORDER BY r.code", cancellationToken);
        return result.Rows.Select(row =>
        {
            RegionLevels.TryParse(row[2].AsString(), out var level);
            return new Region(row[0].AsRequiredString(), row[1].AsRequiredString(), level, row[3].AsString());
        }).ToList();
    }

    public async Task SaveRegionGroupsAsync(IReadOnlyList<RegionGroup> groups, CancellationToken cancellationToken)
    {
        var rows = groups.Select((g, i) => new Dictionary<string, object?>
        {
            ["name"] = g.Name,
            ["alias"] = g.Alias,
            ["ordinal"] = i,
            ["members"] = g.MemberCodes.ToList(),
        }).ToList();
        await RunAsync(
        [
            "MATCH (g:RegionGroup) DETACH DELETE g",
            Cypher("""
                UNWIND $rows AS row
                CREATE (g:RegionGroup {name: row.name, ordinal: row.ordinal, members: row.members})
                SET g.alias = row.alias
                WITH g, row
                UNWIND row.members AS code
                MATCH (r:Region {code: code})
                MERGE (g)-[:INCLUDES]->(r)
                """, ("rows", rows)),
        ], cancellationToken);
    }

    public async Task<IReadOnlyList<RegionGroup>> ListRegionGroupsAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync("MATCH (g:RegionGroup) RETURN g.name, g.alias, g.members ORDER BY g.ordinal", cancellationToken);
        return result.Rows.Select(row => new RegionGroup(row[0].AsRequiredString(), row[1].AsString(), row[2].AsStringList())).ToList();
    }

    public async Task SaveHomeAsync(HomeRegion home, CancellationToken cancellationToken)
    {
        await RunAsync(
            Cypher(
                "MERGE (h:Home {id: 1}) SET h.code = $code, h.name = $name, h.units = $units, h.teams = $teams",
                ("code", home.Code),
                ("name", home.Name),
                ("units", JsonSerializer.Serialize(home.Units)),
                ("teams", JsonSerializer.Serialize(home.Teams))),
            cancellationToken);
    }

    public async Task<HomeRegion?> GetHomeAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync("MATCH (h:Home {id: 1}) RETURN h.code, h.name, h.units, h.teams", cancellationToken);
        if (result.Rows.Count == 0)
        {
            return null;
        }

        var row = result.Rows[0];
        return new HomeRegion(
            row[0].AsRequiredString(),
            row[1].AsRequiredString(),
            JsonSerializer.Deserialize<List<ReceivingUnit>>(row[2].AsString() ?? "[]") ?? [],
            JsonSerializer.Deserialize<List<ResidentTeam>>(row[3].AsString() ?? "[]") ?? []);
    }
}
