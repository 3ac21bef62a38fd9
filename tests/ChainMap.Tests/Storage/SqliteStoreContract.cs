using ChainMap.Storage;
using ChainMap.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChainMap.Tests.Storage;

[TestFixture]
public sealed class SqliteStoreContract : StoreContract
{
    private string? directory;

    private protected override Task<IChainMapStore> CreateEmptyStoreAsync()
    {
        directory = Directory.CreateTempSubdirectory("chainmap-store-").FullName;
        return Task.FromResult<IChainMapStore>(new SqliteStore(Path.Combine(directory, "test.db"), TimeProvider.System));
    }

    /// <summary>A float goes to the REAL column that versions before ADR 0100 wrote; anything else to the text column.</summary>
    protected override async Task WriteStoredInvestmentAsync(long projectId, object raw)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory!, "test.db"), Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var update = connection.CreateCommand();
        update.CommandText = raw is double
            ? "UPDATE project SET planned_investment = $v, planned_investment_wan = NULL WHERE id = $id"
            : "UPDATE project SET planned_investment_wan = $v, planned_investment = NULL WHERE id = $id";
        update.Parameters.AddWithValue("$v", raw);
        update.Parameters.AddWithValue("$id", projectId);
        Assert.That(await update.ExecuteNonQueryAsync(), Is.EqualTo(1));
    }

    private protected override async Task ForgetChangeLogAsync(string importId)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory!, "test.db"), Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM import_change WHERE job_id = $job";
        delete.Parameters.AddWithValue("$job", importId);
        Assert.That(await delete.ExecuteNonQueryAsync(), Is.GreaterThan(0));
    }

    /// <summary>The old text in place of each company's provenance, then migration 235 again: it must write exactly what the store wrote.</summary>
    private protected override async Task WriteProvenanceBeforeCompactionAsync(IReadOnlyDictionary<long, string> oldForm)
    {
        var written = new Dictionary<long, string>();
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory!, "test.db"), Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            foreach (var (id, json) in oldForm)
            {
                written[id] = await ProvenanceTextAsync(connection, id);
                await using var update = connection.CreateCommand();
                update.CommandText = "UPDATE company SET provenance = $p WHERE id = $id";
                update.Parameters.AddWithValue("$p", json);
                update.Parameters.AddWithValue("$id", id);
                Assert.That(await update.ExecuteNonQueryAsync(), Is.EqualTo(1));
            }

            await using var forget = connection.CreateCommand();
            forget.CommandText = "DELETE FROM schema_version WHERE version = 235";
            Assert.That(await forget.ExecuteNonQueryAsync(), Is.EqualTo(1));
        }

        await Store.InitializeAsync(CancellationToken.None);
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory!, "test.db"), Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            foreach (var id in oldForm.Keys)
            {
                Assert.That(await ProvenanceTextAsync(connection, id), Is.EqualTo(written[id]), $"company {id} converted to the text the store writes");
            }
        }
    }

    private static async Task<string> ProvenanceTextAsync(SqliteConnection connection, long id)
    {
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT provenance FROM company WHERE id = $id";
        read.Parameters.AddWithValue("$id", id);
        return (string)(await read.ExecuteScalarAsync())!;
    }

    private protected override Task DisposeStoreAsync(IChainMapStore store)
    {
        SqliteConnection.ClearAllPools();
        if (directory is not null)
        {
            Directory.Delete(directory, recursive: true);
        }

        return Task.CompletedTask;
    }
}
