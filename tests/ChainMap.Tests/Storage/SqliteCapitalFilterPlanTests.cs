using ChainMap.Storage;
using ChainMap.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChainMap.Tests.Storage;

/// <summary>
/// A target list with a minimum capital reads its candidates and counts its total from indexes alone (ADR 0340): the
/// first request of such a list at 1 M companies must not read a table row per membership. The plans SQLite chooses
/// for the store's own statements are read with <c>EXPLAIN QUERY PLAN</c>; the answers themselves are checked by the
/// store contract (<c>StoreContract.Candidates</c>, which includes capital lists in each kind of scope).
/// </summary>
public sealed class SqliteCapitalFilterPlanTests
{
    private static readonly string[] Segments = ["T1-RAW", "T1-PART", "T1-VEH"];
    private static readonly string[] Home = ["230000"];

    private string directory = null!;
    private SqliteStore store = null!;

    [SetUp]
    public async Task CreateStoreAsync()
    {
        directory = Directory.CreateTempSubdirectory("chainmap-capital-plan-").FullName;
        store = new SqliteStore(Path.Combine(directory, "test.db"), TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
    }

    [TearDown]
    public void DeleteStore()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>A list of the three segments outside the home province; <paramref name="scope"/> is comma-separated region codes, empty for everywhere.</summary>
    private static TargetCandidateQuery Query(string scope, decimal? minCapital) =>
        new(Segments, scope.Length == 0 ? null : scope.Split(','), Home, [], minCapital, 50);

    private async Task<string> PlanAsync(Func<SqliteConnection, TargetCandidateQuery, SqliteCommand> statement, TargetCandidateQuery query)
    {
        await using var connection = await store.OpenAsync(CancellationToken.None);
        await using var command = statement(connection, query);
        if (command.Parameters.Contains("$segment"))
        {
            command.Parameters["$segment"].Value = Segments[0];
        }

        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return string.Join("\n", steps);
    }

    [Test]
    public async Task A_capital_list_scoped_to_provinces_counts_its_total_by_seeking_segment_province_and_capital()
    {
        var plan = await PlanAsync(SqliteStore.CapitalMembershipsCommand, Query("310000,320000,330000,340000", 5_000m));

        Assert.That(plan, Does.Contain("COVERING INDEX discovery_member_capital_by_province (segment_code=? AND province_code=? AND capital>?)"));
    }

    [TestCase("")]
    [TestCase("320500,330106")]
    [TestCase("320000,330106")]
    public async Task A_capital_list_scoped_otherwise_counts_its_total_from_the_capital_index_alone(string scope)
    {
        var plan = await PlanAsync(SqliteStore.CapitalMembershipsCommand, Query(scope, 5_000m));

        Assert.That(plan, Does.Contain("COVERING INDEX discovery_member_capital (segment_code=? AND capital>?)"));
    }

    [TestCase("")]
    [TestCase("310000,320000")]
    [TestCase("320500")]
    public async Task A_capital_list_reads_its_candidates_strongest_first_from_the_rank_index_alone(string scope)
    {
        var plan = await PlanAsync(SqliteStore.TopCandidatesCommand, Query(scope, 5_000m));

        Assert.That(plan, Does.Contain("COVERING INDEX discovery_member_rank (segment_code=?)"));
        Assert.That(plan, Does.Not.Contain("TEMP B-TREE"), "no sort: the index gives the order");
    }
}
