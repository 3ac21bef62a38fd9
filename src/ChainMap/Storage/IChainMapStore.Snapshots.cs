namespace ChainMap.Storage;

/// <summary>
/// An answer discovery kept in the store so that a restarted service can serve it at once (ADR 0295): its key, the
/// format it was written in, the store's write mark and the time its data were read (<see cref="AsOf"/>), and the body
/// (opaque to the store).
/// </summary>
internal sealed record DiscoverySnapshot(string Key, int Format, long WriteMark, DateTimeOffset AsOf, byte[] Body);

/// <summary>
/// Kept discovery answers and the store's write mark (ADR 0295). The write mark is a counter that every noted write
/// raises (<see cref="RaiseWriteMarkAsync"/>); an answer written with the mark of its time is current while the mark
/// has not moved. The store decides nothing: it keeps, returns and trims what discovery gives it.
/// </summary>
internal interface IDiscoverySnapshotStore
{
    /// <summary>The write mark (0 when no write was ever noted).</summary>
    Task<long> GetWriteMarkAsync(CancellationToken cancellationToken);

    /// <summary>Raises the write mark by <paramref name="by"/> and returns the new value.</summary>
    Task<long> RaiseWriteMarkAsync(long by, CancellationToken cancellationToken);

    /// <summary>The kept answer of <paramref name="key"/>, or null.</summary>
    Task<DiscoverySnapshot?> GetSnapshotAsync(string key, CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="snapshot"/> (replacing the one of its key), then keeps only the <paramref name="keep"/> most recently written.</summary>
    Task SaveSnapshotAsync(DiscoverySnapshot snapshot, int keep, CancellationToken cancellationToken);

    /// <summary>Forgets every kept answer (the write mark stays).</summary>
    Task ClearSnapshotsAsync(CancellationToken cancellationToken);

    /// <summary>How many answers are kept and their bodies' size in bytes together.</summary>
    Task<(int Count, long Bytes)> MeasureSnapshotsAsync(CancellationToken cancellationToken);
}
