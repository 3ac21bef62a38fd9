using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChainMap.Access;
using ChainMap.Api;
using ChainMap.Api.Companies;
using ChainMap.Chains;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Regions;
using ChainMap.Storage;
using ChainMap.Storage.Sqlite;
using ChainMap.Tests.Import;
using ChainMap.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Api;

/// <summary>
/// An analyst's edit through the API while a large import holds its transaction (ADR 0440): the import commits at its next
/// batch boundary and lets the edit in, so the page gets its answer instead of "database is locked" after 30 s; a write that
/// waits past the store's limit (another program holds the lock) is answered 503 "Store busy" saying nothing was changed.
/// </summary>
public sealed class ImportWriterGateApiTests
{
    private const int Stored = 200;
    private const int Rows = 12_000;

    private ChainMapApiFactory factory = null!;
    private HttpClient analyst = null!;

    [SetUp]
    public async Task StartServiceAsync()
    {
        factory = new ChainMapApiFactory();
        analyst = await factory.CreateClientAsAsync(Role.Analyst);
    }

    [TearDown]
    public void StopService()
    {
        analyst.Dispose();
        factory.Dispose();
    }

    private static string UsccOf(int i) => Uscc.FromBody("91421303MC" + i.ToString("D7", CultureInfo.InvariantCulture)).Value;

    private string File(string name, int from, int to)
    {
        var text = new StringBuilder("企业名称,统一社会信用代码,行政区划代码,注册资本(万元),员工人数\n");
        for (var i = from; i < to; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"随州门{i}号专用汽车有限公司,{UsccOf(i)},421303,{100 + i},{i % 500}\n");
        }

        var path = Path.Combine(factory.StoreDirectory, name);
        System.IO.File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        return path;
    }

    private CompanyImporter Importer(ICompanyImportStore store) =>
        new(store, factory.Services.GetRequiredService<RegionDirectory>(), factory.Services.GetRequiredService<ChainDirectory>(), TimeProvider.System);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<CompanyResponse> CompanyAsync(long id) =>
        (await analyst.GetFromJsonAsync<CompanyDetailResponse>($"/api/companies/{id}"))!.Company;

    [Test]
    [CancelAfter(300_000)]
    public async Task An_analysts_edit_during_a_held_large_import_is_answered_and_stored_with_every_imported_row()
    {
        var store = factory.Services.GetRequiredService<IChainMapStore>();
        var gate = ((SqliteStore)store).Gate;
        var seeded = await Importer((ICompanyImportStore)store).ImportFileAsync(File("stored.csv", 0, Stored), "stored.csv", ImportOptions.Default, null, null, CancellationToken.None);
        Assert.That(seeded.Inserted, Is.EqualTo(Stored));
        var before = await store.CountCompaniesAsync(CancellationToken.None);
        await factory.ForgetDiscoveryAsync();
        var target = await CompanyAsync((await store.GetCompanyByUsccAsync(UsccOf(0), CancellationToken.None))!.Id);
        Task<HttpResponseMessage>? patch = null;
        var watched = new WatchedImportStore((ICompanyImportStore)store, commitEvery: CompanyImporter.CommitEvery, async batch =>
        {
            if (batch == 2)
            {
                var waits = gate.Waits;
                patch = analyst.PatchAsync($"/api/companies/{target.Id}", Json($"{{\"version\":{target.Version},\"employees\":4242}}"));
                while (gate.Waits == waits && !patch.IsCompleted)
                {
                    await Task.Delay(10);
                }

                Assert.That(patch.IsCompleted, Is.False, "the edit waits for the import's transaction");
            }
        });

        // The file names the stored companies after the first third again, then new ones: far past a tenth of the store.
        var summary = await Importer(watched).ImportFileAsync(File("large.csv", Stored / 3, Rows + Stored / 3), "large.csv", ImportOptions.Default, null, null, CancellationToken.None);

        Assert.That(patch, Is.Not.Null);
        using var response = await patch!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(watched.Held, Is.EqualTo(new[] { false, true, false }), "the import held its commits until the edit waited");
        Assert.That((summary.Inserted, summary.Updated + summary.Unchanged), Is.EqualTo(((long)Rows - (Stored - Stored / 3), (long)(Stored - Stored / 3))));
        await factory.ForgetDiscoveryAsync();
        var edited = await CompanyAsync(target.Id);
        Assert.That((edited.Employees, edited.Version), Is.EqualTo(((int?)4242, target.Version + 1)));
        Assert.That(await store.CountCompaniesAsync(CancellationToken.None), Is.EqualTo(before + summary.Inserted));
    }

    [Test]
    [CancelAfter(300_000)]
    public async Task A_write_that_waits_past_the_limit_is_answered_store_busy_and_changes_nothing()
    {
        var store = factory.Services.GetRequiredService<IChainMapStore>();
        var id = (await store.SearchCompaniesAsync(new CompanyQuery(null, null, null, null, 1, 1), CancellationToken.None)).Items.Single().Id;
        var company = await CompanyAsync(id);

        // Another program (not this service's import) holds the write lock.
        await using (var other = new SqliteConnection($"Data Source={((SqliteStore)store).DatabasePath}"))
        {
            await other.OpenAsync();
            await using var transaction = (SqliteTransaction)await other.BeginTransactionAsync();
            using var refused = await analyst.PatchAsync($"/api/companies/{id}", Json($"{{\"version\":{company.Version},\"employees\":4343}}"));

            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.That((problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString()), Is.EqualTo(("Store busy", ApiSetup.StoreBusyDetail)));
        }

        var after = await CompanyAsync(id);
        Assert.That((after.Employees, after.Version), Is.EqualTo((company.Employees, company.Version)), "nothing was changed");
        using var retried = await analyst.PatchAsync($"/api/companies/{id}", Json($"{{\"version\":{company.Version},\"employees\":4343}}"));
        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the same edit once the lock is free");
    }
}
