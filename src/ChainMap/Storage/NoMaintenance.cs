namespace ChainMap.Storage;

/// <summary>For stores without file-level maintenance (Neo4j): says so instead of pretending.</summary>
internal sealed class NoMaintenance : IStoreMaintenance
{
    public static readonly NoMaintenance Instance = new();

    public Task<BackupResult> BackupAsync(string destination, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This store is a database server: back it up with its own tools (for Neo4j: neo4j-admin dump). See docs/operations.md.");

    public Task<IReadOnlyList<string>> CheckIntegrityAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("This store is a database server: check it with its own tools. See docs/operations.md.");
}
