namespace ChainMap.Storage;

/// <summary>
/// The store port: everything ChainMap keeps, shaped by its use cases, with one adapter per
/// database (SQLite embedded default, Neo4j for scale). No SQL or Cypher crosses it. The
/// interface is split by feature into partial files (<c>IChainMapStore.Chains.cs</c>, ...).
/// </summary>
public partial interface IChainMapStore
{
    /// <summary>A short name of the adapter, e.g. "sqlite" or "neo4j".</summary>
    string Provider { get; }

    /// <summary>Creates or migrates the schema. Idempotent; safe to call at every start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Checks that the store answers; returns a description of the problem, or null when healthy.</summary>
    Task<string?> CheckHealthAsync(CancellationToken cancellationToken);
}

/// <summary>Raised by an adapter when its database cannot be reached or refuses service.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
