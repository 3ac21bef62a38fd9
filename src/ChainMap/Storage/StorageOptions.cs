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

    /// <summary>
    /// SQLite page cache of an import session's connection, in MiB (ADR 0400). Every other connection keeps 64 MiB. A
    /// large import into a large store reads and writes index pages at random: when its indexes do not fit, every miss
    /// is a read from the file and every dirty page pushed out is written twice. A larger cache cuts that CPU at the cost
    /// of up to about twice its excess in memory, which the process keeps after the import (the session empties the
    /// cache, the C library keeps the freed memory).
    /// </summary>
    [Range(16, 4096)]
    public int ImportCacheMiB { get; set; } = Sqlite.SqliteStore.CacheMiB;

    /// <summary>
    /// SQLite: a large import into a store with companies (its writes projected to a tenth of the stored companies or
    /// more, ADR 0380) drops the company indexes whose keys put each written company at a random place (province and
    /// strength, strength, name key) and builds them once at its end, in the transaction of its one commit, so readers
    /// keep the store as it was, indexes included, until then (ADR 0410; a quiet 1M mixed import: 24 % less CPU). A writer
    /// of the service that waits meanwhile (an analyst's edit) makes it commit at its next batch boundary, with those
    /// indexes built, and go on with commits every 100,000 rows (ADR 0440). On by default; false keeps the indexes and the
    /// commits every 100,000 rows.
    /// </summary>
    public bool LargeImportDefersIndexes { get; set; } = true;
}
