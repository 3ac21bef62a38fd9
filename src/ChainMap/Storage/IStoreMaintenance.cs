namespace ChainMap.Storage;

/// <summary>The outcome of an online backup: where the copy is and what it holds.</summary>
internal sealed record BackupResult(string Path, long Bytes, long Companies, DateTimeOffset At);

/// <summary>
/// Backup and integrity checks of a store that lives in a local file (the embedded SQLite store).
/// A server database such as Neo4j has its own tools (neo4j-admin dump) and does not implement this.
/// </summary>
internal interface IStoreMaintenance
{
    /// <summary>Writes a consistent copy of the live store to <paramref name="destination"/> while it keeps serving.</summary>
    Task<BackupResult> BackupAsync(string destination, CancellationToken cancellationToken);

    /// <summary>Runs the database's own integrity check; returns the problems found (empty when sound).</summary>
    Task<IReadOnlyList<string>> CheckIntegrityAsync(CancellationToken cancellationToken);
}
