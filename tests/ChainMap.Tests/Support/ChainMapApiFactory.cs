using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChainMap.Tests.Support;

/// <summary>
/// The real HTTP host over a real SQLite file in a fresh temporary folder, loaded with the
/// default data (or not, with <paramref name="seed"/> false). Dispose deletes the folder.
/// </summary>
public sealed class ChainMapApiFactory(bool seed = true, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public string StoreDirectory { get; } = Directory.CreateTempSubdirectory("chainmap-test-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("Storage:DataDirectory", StoreDirectory);
        builder.UseSetting("Storage:SeedDefaultData", seed ? "true" : "false");
        builder.UseSetting("Storage:DefaultDataPath", TestData.DataPath);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(StoreDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a late background task; the OS temp cleaner removes it.
            }
        }
    }
}
