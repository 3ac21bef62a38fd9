using System.ComponentModel.DataAnnotations;

namespace ChainMap.Storage;

/// <summary>Which store ChainMap runs on, and where the embedded one keeps its file.</summary>
internal sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (default, embedded) or <c>Neo4j</c>.</summary>
    [Required]
    [RegularExpression("^(?i:sqlite|neo4j)$", ErrorMessage = "Storage:Provider must be Sqlite or Neo4j.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Folder of the SQLite database file (created when missing).</summary>
    [Required]
    public string DataDirectory { get; set; } = "var";

    /// <summary>File name of the SQLite database inside <see cref="DataDirectory"/>.</summary>
    [Required]
    public string FileName { get; set; } = "chainmap.db";

    /// <summary>Load the default data from <c>data/</c> when the store is empty at start-up.</summary>
    public bool SeedDefaultData { get; set; } = true;

    /// <summary>
    /// With <see cref="SeedDefaultData"/>: also load the synthetic demo companies and their network (<c>data/demo/</c>) into the
    /// empty store. False starts with regions, region groups, home and chains only (e.g. before loading the city's own lists).
    /// </summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>Folder of the default data; found by walking up from the working directory when empty.</summary>
    public string? DefaultDataPath { get; set; }
}
