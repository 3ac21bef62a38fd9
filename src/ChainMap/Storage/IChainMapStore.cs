namespace ChainMap.Storage;

/// <summary>
/// The store port as a whole: everything ChainMap keeps, shaped by its use cases, with one adapter per
/// database (SQLite embedded default, Neo4j for scale). No SQL or Cypher crosses it. Features never take
/// it whole: each takes the role interfaces it uses (<see cref="ICompanyImportStore"/>, <see cref="IDiscoveryStore"/>,
/// ...), which DI resolves to the one store (docs/adr/0160). Only the adapters, the store's registration and
/// tests or benchmarks that open a store name this aggregate.
/// </summary>
internal interface IChainMapStore :
    IStoreLifecycle,
    IRegionStore,
    IChainStore,
    ICompanyStore,
    IMembershipStore,
    IMembershipReviewStore,
    ICompanyImportStore,
    ICompanyEditStore,
    IImportJobStore,
    IChannelStore,
    IDiscoveryStore,
    IProjectStore,
    IAccessStore,
    ICompanyMergeStore,
    IImportUndoStore,
    IDemoDataStore,
    IDiscoverySnapshotStore;

/// <summary>What the host needs of any store: its name, schema set-up and a health probe.</summary>
internal interface IStoreLifecycle
{
    /// <summary>A short name of the adapter, e.g. "sqlite" or "neo4j".</summary>
    string Provider { get; }

    /// <summary>Creates or migrates the schema. Idempotent; safe to call at every start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Checks that the store answers; returns a description of the problem, or null when healthy.</summary>
    Task<string?> CheckHealthAsync(CancellationToken cancellationToken);
}

/// <summary>Raised by an adapter when its database cannot be reached or refuses service.</summary>
internal sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
