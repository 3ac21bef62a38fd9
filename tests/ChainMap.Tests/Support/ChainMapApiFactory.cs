using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChainMap.Access;
using ChainMap.Discovery;
using ChainMap.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChainMap.Tests.Support;

/// <summary>
/// The real HTTP host over a real SQLite file in a fresh temporary folder, loaded with the
/// default data (or not, with <paramref name="seed"/> false). Clients from <see cref="WebApplicationFactory{T}.CreateClient()"/>
/// are signed in as the bootstrap admin; <see cref="CreateClientAsAsync"/> signs in with another role;
/// <see cref="CreateAnonymousClient"/> sends no credential; <paramref name="time"/> replaces the clock. Every log line is kept in <see cref="Logs"/>.
/// The discovery warm-up (ADR 0210) is off unless <paramref name="settings"/> turn it on.
/// Dispose deletes the folder.
/// </summary>
public sealed class ChainMapApiFactory(bool seed = true, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null) : WebApplicationFactory<Program>
{
    /// <summary>The admin key the factory configures through Auth:BootstrapAdminKey.</summary>
    public const string AdminKey = "cmk_testadmin_0123456789abcdefghijklmnopqrstuv";

    public string StoreDirectory { get; } = Directory.CreateTempSubdirectory("chainmap-test-").FullName;

    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>A client that sends no credential.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>Creates a user of <paramref name="role"/> (in <paramref name="team"/>) and a client signed in with its key.</summary>
    internal async Task<HttpClient> CreateClientAsAsync(Role role, string? team = null)
    {
        var access = Services.GetRequiredService<AccessService>();
        var (_, key) = await access.CreateUserAsync($"test {role.ToWire()}", role, team, CancellationToken.None);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Token);
        return client;
    }

    /// <summary>
    /// Waits (three minutes at most) until the service answers with the default data's eight chains: on Neo4j the default data
    /// loads after the host answers.
    /// </summary>
    internal async Task WaitForChainsAsync()
    {
        using var client = CreateClient();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (true)
        {
            using var chains = await client.GetAsync("/api/chains", limit.Token);
            if (chains.IsSuccessStatusCode && (await chains.Content.ReadFromJsonAsync<List<System.Text.Json.JsonElement>>(limit.Token))!.Count == 8)
            {
                return;
            }

            await Task.Delay(200, limit.Token);
        }
    }

    /// <summary>
    /// Drops the discovery caches and the answers kept in the store (ADR 0295), after those queued are written: what a
    /// test wrote to the store directly (past the service, so not noted) is then read on the next list or map.
    /// </summary>
    internal async Task ForgetDiscoveryAsync()
    {
        await Services.GetRequiredService<DiscoverySnapshots>().SavesAsync();
        await Services.GetRequiredService<IDiscoverySnapshotStore>().ClearSnapshotsAsync(CancellationToken.None);
        Services.GetRequiredService<DiscoveryCache>().Clear();
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("Storage:DataDirectory", StoreDirectory);
        builder.UseSetting("Storage:SeedDefaultData", seed ? "true" : "false");
        builder.UseSetting("Storage:DefaultDataPath", TestData.DataPath);
        builder.UseSetting("Auth:BootstrapAdminKey", AdminKey);
        builder.UseSetting("Auth:PermitsPerSecond", "100000");
        builder.UseSetting("Auth:Burst", "1000000");

        // Tests write to the store directly and then read: a warm-up racing those writes would answer from what it read
        // first. DiscoveryWarmupTests switches it on.
        builder.UseSetting("Discovery:WarmAtStart", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (time is not null)
        {
            // Tests that check a recorded time give the service a clock they control.
            builder.ConfigureServices(services => services.AddSingleton(time));
        }

        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Debug);
            logging.AddProvider(new CollectingLoggerProvider(Logs));
        });
    }

    protected override void Dispose(bool disposing)
    {
        // The host's shutdown once never ended (session 27, KeptMapTests on Neo4j with a fake clock: the Neo4j resilience
        // pipelines, disposed with a call in flight, waited on that clock; they now run on the system clock, session 28).
        // A test's assertions have run by then: a host that does not stop within a minute is reported and left behind
        // rather than holding the whole run.
        var stopped = Task.Run(() => base.Dispose(disposing));
        if (!stopped.Wait(TimeSpan.FromMinutes(1)))
        {
            TestContext.Progress.WriteLine($"ChainMapApiFactory: the test host did not stop within a minute ({TestContext.CurrentContext.Test.FullName}); left behind");
        }

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

    private sealed class CollectingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CollectingLogger(categoryName, sink);

        public void Dispose()
        {
        }
    }

    private sealed class CollectingLogger(string category, ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (sink.Count < 100_000)
            {
                sink.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
