using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text;
using ChainMap.Api.Imports;
using ChainMap.Storage;
using ChainMap.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Reliability;

/// <summary>
/// The store going away while an import job finishes (it cannot record the outcome) must not take
/// the import runner — or the service — down: polling shows the outcome, and the next upload runs.
/// </summary>
public sealed class ImportOutageTests
{
    [Test]
    public async Task A_store_outage_while_a_job_finishes_leaves_the_service_and_the_runner_working()
    {
        using var baseFactory = new ChainMapApiFactory(seed: true);
        using var factory = baseFactory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            var original = services.Last(d => d.ServiceType == typeof(IChainMapStore));
            services.Remove(original);
            services.AddSingleton(sp =>
            {
                var proxy = DispatchProxy.Create<IChainMapStore, OutageStore>();
                ((OutageStore)(object)proxy).Inner = (IChainMapStore)original.ImplementationFactory!(sp);
                return proxy;
            });
        }));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ChainMapApiFactory.AdminKey);

        OutageStore.FailFinishedJobSaves = true;
        ImportJobResponse first;
        try
        {
            first = await ImportAsync(client, "随州停电测试一号有限公司");
        }
        finally
        {
            OutageStore.FailFinishedJobSaves = false;
        }

        var second = await ImportAsync(client, "随州停电测试二号有限公司");

        Assert.That(first.State, Is.EqualTo("succeeded"), "polling shows the outcome the store could not record");
        Assert.That(first.Inserted, Is.EqualTo(1));
        Assert.That(second.State, Is.EqualTo("succeeded"), "the runner goes on with the next job");
        Assert.That((await client.GetAsync("/health")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the service stays up");
    }

    private static async Task<ImportJobResponse> ImportAsync(HttpClient client, string name)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"企业名称,行政区划代码\n{name},421303\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "outage.csv");
        using var response = await client.PostAsync("/api/imports/companies", form);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<ImportJobResponse>())!.Id;
        return await ImportJobWait.UntilAsync(client, id);
    }

    /// <summary>The real store, except that saving a finished import job fails as if the store went away (while switched on).</summary>
    public class OutageStore : DispatchProxy
    {
        public static volatile bool FailFinishedJobSaves;

        internal IChainMapStore Inner { get; set; } = null!;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (FailFinishedJobSaves && targetMethod.Name == nameof(IChainMapStore.SaveImportJobAsync) && args?[0] is ImportJob { FinishedAt: not null })
            {
                return Task.FromException(new StoreUnavailableException("test: the store went away"));
            }

            try
            {
                return targetMethod.Invoke(Inner, args);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                ExceptionDispatchInfo.Throw(ex.InnerException);
                throw;
            }
        }
    }
}
