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
