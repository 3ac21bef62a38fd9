using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ChainMap.Api.Imports;
using ChainMap.Import;
using ChainMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Api;

/// <summary>An import job yields the cores to requests (ADR 0290) and still finishes while requests keep coming.</summary>
public sealed class ImportUnderRequestsTests
{
    [Test]
    public async Task A_company_import_finishes_while_requests_keep_coming_and_every_request_is_answered()
    {
        using var factory = new ChainMapApiFactory();
        using var client = factory.CreateClient();
        const int rows = 6_000;
        var csv = new StringBuilder("企业名称,行政区划代码,注册资本,经营范围\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"负载导入{i}汽车零部件有限公司,320505,{100 + (i % 900)}万元,汽车零部件制造\n");
        }

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "load.csv");
        using var upload = await client.PostAsync("/api/imports/companies", form);
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await upload.Content.ReadAsStringAsync());
        var queued = (await upload.Content.ReadFromJsonAsync<ImportJobResponse>())!;

        // Requests keep coming, two at a time, until the job has ended.
        using var done = new CancellationTokenSource();
        var answers = new List<HttpStatusCode>();
        var load = Enumerable.Range(0, 2).Select(n => Task.Run(async () =>
        {
            string[] paths = ["/api/targets?chain=ZQ&pageSize=50", "/api/companies?chain=ZQ&pageSize=20", "/api/chains/ZQ/map"];
            for (var i = n; !done.IsCancellationRequested; i++)
            {
                using var response = await client.GetAsync(paths[i % paths.Length], CancellationToken.None);
                lock (answers)
                {
                    answers.Add(response.StatusCode);
                }
            }
        })).ToList();
        var job = await ImportJobWait.UntilAsync(client, queued.Id, timeout: TimeSpan.FromMinutes(5));
        await done.CancelAsync();
        await Task.WhenAll(load);

        Assert.That(job.State, Is.EqualTo("succeeded"), job.Message);
        Assert.That(job.Inserted, Is.EqualTo(rows));
        Assert.That(answers, Is.Not.Empty.And.All.EqualTo(HttpStatusCode.OK));
        if (OperatingSystem.IsLinux())
        {
            Assert.That(factory.Services.GetRequiredService<ImportThreads>().Lowered, Is.EqualTo(ImportThreads.Count), "the job ran on threads of lowered priority");
        }

        var found = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/companies?q=" + Uri.EscapeDataString("负载导入5999汽车零部件有限公司"));
        Assert.That(found.GetProperty("total").GetInt64(), Is.EqualTo(1));
    }
}
