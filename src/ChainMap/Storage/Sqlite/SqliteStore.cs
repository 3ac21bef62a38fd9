using ChainMap.Domain;
using Microsoft.Data.Sqlite;

namespace ChainMap.Storage.Sqlite;

/// <summary>The embedded default store: one SQLite file in WAL mode.</summary>
internal sealed partial class SqliteStore : IChainMapStore
{
    private readonly string connectionString;
    private readonly TimeProvider time;

    /// <summary>The page cache of every connection, in MiB (an import session's may be larger: <see cref="ImportCacheMiB"/>).</summary>
    internal const int CacheMiB = 64;

    public SqliteStore(string databasePath, TimeProvider time, int importCacheMiB = CacheMiB, bool largeImportDefersIndexes = true)
    {
        DatabasePath = databasePath;
        Gate = SqliteWriterGate.For(databasePath);
        this.time = time;
        ImportCacheMiB = importCacheMiB;
        LargeImportDefersIndexes = largeImportDefersIndexes;
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            OwnerOnly.CreateDirectory(directory);
        }

        OwnerOnly.EnsureFile(databasePath);

        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Provider => "sqlite";

    public string DatabasePath { get; }

    /// <summary>The page cache of an import session's connection, in MiB (<see cref="StorageOptions.ImportCacheMiB"/>, ADR 0400).</summary>
    internal int ImportCacheMiB { get; }

    /// <summary>Whether a large import into a store with companies builds its random-keyed company indexes once, at its one commit (<see cref="StorageOptions.LargeImportDefersIndexes"/>, ADR 0410).</summary>
    internal bool LargeImportDefersIndexes { get; }

    /// <summary>Where this process's writers to the file and a long import meet (ADR 0440): every connection's busy handler reports to it.</summary>
    internal SqliteWriterGate Gate { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        await SqliteSchema.MigrateAsync(connection, time, cancellationToken);
        await SqliteCompanyImportSession.RestoreDeferredIndexesAsync(connection, cancellationToken);
    }

    public async Task<string?> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM schema_version";
            await command.ExecuteScalarAsync(cancellationToken);
            return null;
        }
        catch (SqliteException ex)
        {
            return $"the SQLite database does not answer: {ex.Message}";
        }
    }

    /// <param name="cancellationToken">Cancels the open.</param>
    /// <param name="background">
    /// A background write nobody waits for (a kept discovery answer, the write mark): when it finds the store locked it does
    /// not ask an import to commit early (ADR 0440), it waits the busy timeout and its caller logs a failure.
    /// </param>
    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken, bool background = false)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-" + CacheMiB * 1024 + ";";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        Gate.Install(connection, background ? BusyWaiter.Background : BusyWaiter.Writer);
        return connection;
    }

    /// <summary>
    /// Opens the connection of a method that writes (a transaction or a single statement): the one place this process's
    /// writes meet an import that holds the write lock (ADR 0460). While an import session holds it the write awaits the
    /// gate's door without a thread, within ADR 0440's limits, and stops waiting when <paramref name="cancellationToken"/>
    /// is cancelled (the client went away); then it opens as <see cref="OpenAsync"/> does. A write not opened here still
    /// waits in SQLite's busy handler, holding its thread; so do writes of other processes.
    /// </summary>
    internal async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken, bool background = false)
    {
        await Gate.EnterAsync(background ? BusyWaiter.Background : BusyWaiter.Writer, cancellationToken);
        SqliteConnection connection;
        try
        {
            connection = await OpenAsync(cancellationToken, background);
        }
        catch
        {
            Gate.Leave();
            throw;
        }

        var left = 0;
        connection.Disposed += (_, _) =>
        {
            if (Interlocked.Exchange(ref left, 1) == 0)
            {
                Gate.Leave();
            }
        };

        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    /// <summary>A command with named parameters bound (the filters of a list query).</summary>
    private static SqliteCommand Command(SqliteConnection connection, string sql, IEnumerable<(string Name, object Value)> parameters)
    {
        var command = Command(connection, sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    /// <summary>Runs a <c>SELECT count(*)</c> with named parameters.</summary>
    private static async Task<long> CountAsync(SqliteConnection connection, string sql, IEnumerable<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        await using var count = Command(connection, sql, parameters);
        return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static object Db(object? value) => value ?? DBNull.Value;

    private static string? NullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string JoinList(IReadOnlyList<string> values) => string.Join('|', values);

    private static IReadOnlyList<string> SplitList(string? value) =>
        string.IsNullOrEmpty(value) ? [] : value.Split('|', StringSplitOptions.RemoveEmptyEntries);

    private static string Json(IReadOnlyCollection<string> values) => System.Text.Json.JsonSerializer.Serialize(values);
}
