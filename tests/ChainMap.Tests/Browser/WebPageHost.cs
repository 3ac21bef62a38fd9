using System.Net;
using ChainMap.Access;
using ChainMap.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChainMap.Tests.Browser;

/// <summary>
/// The real service on 127.0.0.1 and a free port (Kestrel, over a temporary SQLite store seeded with
/// data/) and one headless Chromium from Debian (never Playwright's own browser download), shared by
/// the journeys of one fixture. Each journey opens its own <see cref="Journey"/>: a fresh browser
/// context (so a fresh sessionStorage) at 1366×768.
/// </summary>
internal sealed class WebPageHost : IAsyncDisposable
{
    /// <summary>Debian's Chromium; scripts/test-infra/install-deps.sh installs it with the CJK font.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly ChainMapApiFactory factory;
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private WebPageHost(ChainMapApiFactory factory, string baseUrl, IPlaywright playwright, IBrowser browser)
    {
        this.factory = factory;
        BaseUrl = baseUrl;
        this.playwright = playwright;
        this.browser = browser;
    }

    public string BaseUrl { get; }

    /// <summary>test-results/screenshots under the repository root (gitignored); emptied when a host starts.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(Path.GetDirectoryName(TestData.DataPath)!, "test-results", "screenshots");

    /// <summary>Starts the service (with <paramref name="settings"/> added, e.g. another data folder) and the browser.</summary>
    public static async Task<WebPageHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/test-infra/install-deps.sh (as root) to install chromium and fonts-wqy-microhei.");
        }

        var page = Path.Combine(Path.GetDirectoryName(TestData.DataPath)!, "src", "ChainMap.Api", "wwwroot", "lib", "echarts.min.js");
        if (!File.Exists(page))
        {
            throw new InvalidOperationException($"{page} is missing: run scripts/web-assets.sh to copy the page's libraries.");
        }

        if (Directory.Exists(ScreenshotDirectory))
        {
            Directory.Delete(ScreenshotDirectory, recursive: true);
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        var factory = new ChainMapApiFactory(settings: settings);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        return new WebPageHost(factory, address.TrimEnd('/'), playwright, browser);
    }

    /// <summary>A user of <paramref name="role"/> and its API key.</summary>
    public async Task<string> CreateKeyAsync(Role role, string? team = null)
    {
        var access = factory.Services.GetRequiredService<AccessService>();
        var (_, key) = await access.CreateUserAsync($"测试{role.ToWire()}", role, team, CancellationToken.None);
        return key.Token;
    }

    /// <summary>The service's services, for a test that writes to the store directly (then <see cref="ForgetDiscoveryAsync"/>).</summary>
    public IServiceProvider Services => factory.Services;

    /// <summary>Drops what the service keeps of the store's answers after a test wrote to the store directly (ADR 0295).</summary>
    public Task ForgetDiscoveryAsync() => factory.ForgetDiscoveryAsync();

    /// <summary>An API client signed in as the bootstrap admin, to check what the page saved.</summary>
    public HttpClient ApiClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ChainMapApiFactory.AdminKey);
        return client;
    }

    public async Task<Journey> OpenAsync()
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return new Journey(context, page);
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await factory.DisposeAsync();
    }
}

/// <summary>
/// One user journey in its own browser context. Every console error and uncaught page error is
/// collected; <see cref="AssertNoErrors"/> fails the journey on any that it did not expect.
/// </summary>
internal sealed class Journey(IBrowserContext context, IPage page) : IAsyncDisposable
{
    private readonly List<string> errors = Collect(page);

    public IPage Page { get; } = page;

    private static List<string> Collect(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (errors)
                {
                    errors.Add($"console: {message.Text} ({message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add($"page error: {error}");
            }
        };
        return errors;
    }

    /// <summary>Opens a route of the page (a hash such as <c>#/map?chain=专汽</c>).</summary>
    public Task GoAsync(string hash) => Page.GotoAsync("/" + hash);

    /// <summary>Pastes a key into the sign-in form and waits until the page shows the signed-in user.</summary>
    public async Task SignInAsync(string key)
    {
        await Page.Locator("#api-key").FillAsync(key);
        await Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Page.Locator("#sign-out").WaitForAsync();
    }

    /// <summary>Saves what the page shows as test-results/screenshots/<paramref name="name"/>.png.</summary>
    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebPageHost.ScreenshotDirectory, $"{name}.png") });

    /// <summary>Fails on any console or page error, except failed loads with the given HTTP statuses.</summary>
    public void AssertNoErrors(params int[] expectedStatuses)
    {
        string[] unexpected;
        lock (errors)
        {
            unexpected = errors.Where(e => !expectedStatuses.Any(s => e.Contains($"status of {s} ", StringComparison.Ordinal))).ToArray();
        }

        Assert.That(unexpected, Is.Empty, "the page reported errors");
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
