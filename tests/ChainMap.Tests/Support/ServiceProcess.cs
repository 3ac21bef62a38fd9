using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace ChainMap.Tests.Support;

/// <summary>
/// The real service as a child process: <c>dotnet ChainMap.Api.dll</c> (the build next to the
/// tests) with Kestrel on 127.0.0.1 and a free port, over a SQLite store in
/// <paramref name="dataDirectory"/>, seeded from <paramref name="defaultDataPath"/>. Clients are
/// signed in as the bootstrap admin. <see cref="Kill"/> sends SIGKILL (no shutdown code runs),
/// <see cref="StartAsync"/> starts it again on the same store. Output lines are kept in <see cref="Output"/>.
/// </summary>
internal sealed class ServiceProcess(string dataDirectory, string defaultDataPath, IReadOnlyDictionary<string, string>? settings = null) : IDisposable
{
    private Process? process;

    public ConcurrentQueue<string> Output { get; } = new();

    public Uri? BaseAddress { get; private set; }

    public bool Running => process is { HasExited: false };

    public async Task StartAsync(TimeSpan timeout)
    {
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        var dll = Path.Combine(AppContext.BaseDirectory, "ChainMap.Api.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["Urls"] = BaseAddress.ToString();
        info.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString();
        info.Environment["Storage__Provider"] = "Sqlite";
        info.Environment["Storage__DataDirectory"] = dataDirectory;
        info.Environment["Storage__SeedDefaultData"] = "true";
        info.Environment["Storage__DefaultDataPath"] = defaultDataPath;
        info.Environment["Auth__BootstrapAdminKey"] = ChainMapApiFactory.AdminKey;
        info.Environment["Auth__PermitsPerSecond"] = "100000";
        info.Environment["Auth__Burst"] = "1000000";
        info.Environment["Import__TempDirectory"] = Path.Combine(dataDirectory, "uploads");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = CreateClient();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process.HasExited)
            {
                // Waits for the redirected output to be read to its end, so the message holds the last lines.
                process.WaitForExit();
                throw new InvalidOperationException($"the service exited with {process.ExitCode}:\n{string.Join('\n', Output.TakeLast(40))}");
            }

            try
            {
                using var health = await client.GetAsync("/health");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the service did not answer /health within {timeout}:\n{string.Join('\n', Output.TakeLast(40))}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>A client for the running service, signed in as the bootstrap admin.</summary>
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ChainMapApiFactory.AdminKey);
        return client;
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything.</summary>
    public void Kill()
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        process.Dispose();
        process = null;
    }

    public void Dispose() => Kill();

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        Output.Enqueue(line);
        while (Output.Count > 500)
        {
            Output.TryDequeue(out _);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
