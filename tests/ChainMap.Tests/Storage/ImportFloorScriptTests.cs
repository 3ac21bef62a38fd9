using System.Text.RegularExpressions;
using ChainMap.Storage.Sqlite;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Storage;

/// <summary>
/// scripts/bench/import-floor.sh (ADR 0505) measures what the first import's stored result costs in SQL alone, running the
/// import's own end SQL. It holds a copy of what it cannot read from a store: the discovery tables' rebuild statements and
/// the condition that picks the objects a bulk load defers. When the code's change, the floor measured would be another
/// import's: these tests fail until the script is brought in step.
/// </summary>
public sealed partial class ImportFloorScriptTests
{
    private static string Script() =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(TestData.DataPath)!, "scripts", "bench", "import-floor.sh"));

    private static string Normalized(string sql) => Spaces().Replace(sql, " ").Trim();

    [Test]
    public void The_floor_rebuilds_the_discovery_tables_with_the_statements_the_import_runs()
    {
        var script = Script();
        var body = Regex.Match(script, @"read -r -d '' rebuild <<'SQL' \|\| true\n(?<sql>.*?)\nSQL\n", RegexOptions.Singleline);
        Assert.That(body.Success, Is.True, "the script's rebuild statements were not found");

        var scripted = body.Groups["sql"].Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Normalized).ToList();
        // The import runs RebuildStatements command by command; a command may hold more than one statement (each runs).
        var code = SqliteDiscoverySchema.RebuildStatements
            .SelectMany(command => command.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(Normalized).ToList();

        Assert.That(scripted, Is.EqualTo(code));
    }

    [Test]
    public void The_import_s_end_runs_the_rebuild_one_statement_at_a_time()
    {
        // Each command of RebuildStatements is one statement (the import times and trims around them): no two joined.
        Assert.That(SqliteDiscoverySchema.RebuildStatements.Where(command => command.TrimEnd(';').Contains(';', StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void The_floor_defers_the_objects_the_import_defers_on_an_empty_store()
    {
        var assignment = Regex.Match(Script(), "bulk_where=\"(?<sql>[^\"]*)\"", RegexOptions.Singleline);
        Assert.That(assignment.Success, Is.True, "the script's bulk_where was not found");

        Assert.That(Normalized(assignment.Groups["sql"].Value), Is.EqualTo(Normalized(SqliteCompanyImportSession.BulkLoadObjects)));
    }

    private static string MixedScript() =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(TestData.DataPath)!, "scripts", "bench", "import-floor-mixed.sh"));

    /// <summary>A private condition of the session (the large path's), as the code holds it.</summary>
    private static string SessionCondition(string name) =>
        (string)typeof(SqliteCompanyImportSession).GetField(name, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .GetRawConstantValue()!;

    [TestCase("discovery_triggers", "DiscoveryTriggers")]
    [TestCase("large_import_indexes", "LargeImportIndexes")]
    public void The_mixed_floor_defers_the_objects_the_import_s_large_path_defers(string variable, string constant)
    {
        // ADR 0535: import-floor-mixed.sh drops what a large import into a store with companies drops (ADR 0255, 0410).
        var assignment = Regex.Match(MixedScript(), variable + "=\"(?<sql>[^\"]*)\"", RegexOptions.Singleline);
        Assert.That(assignment.Success, Is.True, $"the script's {variable} was not found");

        Assert.That(Normalized(assignment.Groups["sql"].Value), Is.EqualTo(Normalized(SessionCondition(constant))));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
