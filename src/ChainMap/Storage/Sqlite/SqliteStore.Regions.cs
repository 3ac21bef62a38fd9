using System.Text.Json;
using ChainMap.Domain;
using Microsoft.Data.Sqlite;

namespace ChainMap.Storage.Sqlite;

internal sealed partial class SqliteStore
{
    public async Task SaveRegionsAsync(IReadOnlyList<Region> regions, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = Command(connection, """
            INSERT INTO region(code, name, level, parent_code) VALUES ($code, $name, $level, $parent)
            ON CONFLICT(code) DO UPDATE SET name = excluded.name, level = excluded.level, parent_code = excluded.parent_code
            """, transaction);
        var code = command.Parameters.Add("$code", SqliteType.Text);
        var name = command.Parameters.Add("$name", SqliteType.Text);
        var level = command.Parameters.Add("$level", SqliteType.Text);
        var parent = command.Parameters.Add("$parent", SqliteType.Text);
        foreach (var region in regions)
        {
            code.Value = region.Code;
            name.Value = region.Name;
            level.Value = region.Level.ToWire();
            parent.Value = Db(region.ParentCode);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Region>> ListRegionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT code, name, level, parent_code FROM region ORDER BY code");
        var regions = new List<Region>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            RegionLevels.TryParse(reader.GetString(2), out var level);
            regions.Add(new Region(reader.GetString(0), reader.GetString(1), level, NullableString(reader, 3)));
        }

        return regions;
    }

    public async Task SaveRegionGroupsAsync(IReadOnlyList<RegionGroup> groups, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var clear = Command(connection, "DELETE FROM region_group", transaction))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var insert = Command(connection, "INSERT INTO region_group(name, alias, members) VALUES ($name, $alias, $members)", transaction);
        foreach (var group in groups)
        {
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$name", group.Name);
            insert.Parameters.AddWithValue("$alias", Db(group.Alias));
            insert.Parameters.AddWithValue("$members", Json(group.MemberCodes.ToList()));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RegionGroup>> ListRegionGroupsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT name, alias, members FROM region_group ORDER BY rowid");
        var groups = new List<RegionGroup>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            groups.Add(new RegionGroup(reader.GetString(0), NullableString(reader, 1), JsonSerializer.Deserialize<List<string>>(reader.GetString(2)) ?? []));
        }

        return groups;
    }

    public async Task SaveHomeAsync(HomeRegion home, CancellationToken cancellationToken)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var command = Command(connection, """
            INSERT INTO home(id, code, name, units, teams) VALUES (1, $code, $name, $units, $teams)
            ON CONFLICT(id) DO UPDATE SET code = excluded.code, name = excluded.name, units = excluded.units, teams = excluded.teams
            """);
        command.Parameters.AddWithValue("$code", home.Code);
        command.Parameters.AddWithValue("$name", home.Name);
        command.Parameters.AddWithValue("$units", JsonSerializer.Serialize(home.Units));
        command.Parameters.AddWithValue("$teams", JsonSerializer.Serialize(home.Teams));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<HomeRegion?> GetHomeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT code, name, units, teams FROM home WHERE id = 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new HomeRegion(
            reader.GetString(0),
            reader.GetString(1),
            JsonSerializer.Deserialize<List<ReceivingUnit>>(reader.GetString(2)) ?? [],
            JsonSerializer.Deserialize<List<ResidentTeam>>(reader.GetString(3)) ?? []);
    }
}
