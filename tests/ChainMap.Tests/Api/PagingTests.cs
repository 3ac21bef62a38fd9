using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChainMap.Api.Imports;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Api;

/// <summary>Every paged route checks page and pageSize the same way and answers a validation problem keyed by the parameter.</summary>
public sealed class PagingTests : ServiceFixture
{
    private string errorsRoute = null!;

    // Each paged route (GET) with its largest page size.
    private static readonly (string Route, int MaxPageSize)[] Routes =
    [
        ("/api/targets?chain=ZQ", 100),
        ("/api/teams/csj/targets?chain=ZQ", 100),
        ("/api/companies?q=有限公司", 200),
        ("/api/channels?", 200),
        ("/api/projects?", 500),
        ("/api/activities?", 500),
        ("{errors}?format=json", 1000),
    ];

    [OneTimeSetUp]
    public async Task Start()
    {
        // Its own service: the import below (two refused rows, nothing stored) makes the job whose problem report is paged.
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("企业名称,行政区划代码\n,421303\n无地区有限公司,999999\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "paging.csv");
        using var response = await Client.PostAsync("/api/imports/companies", form);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var job = await ImportJobWait.UntilAsync(Client, (await response.Content.ReadFromJsonAsync<ImportJobResponse>())!.Id);
        errorsRoute = job.Errors;
    }

    private static IEnumerable<TestCaseData> BadPages()
    {
        foreach (var (route, max) in Routes)
        {
            yield return new TestCaseData(route, "page=0", "page", "page must be 1 or more, got 0.");
            yield return new TestCaseData(route, "page=-1", "page", "page must be 1 or more, got -1.");
            yield return new TestCaseData(route, "page=abc", "page", "page must be a whole number, got 'abc'.");
            yield return new TestCaseData(route, $"pageSize={max + 1}", "pageSize", $"pageSize must be between 1 and {max}, got {max + 1}.");
            yield return new TestCaseData(route, "pageSize=0", "pageSize", $"pageSize must be between 1 and {max}, got 0.");
        }
    }

    [TestCaseSource(nameof(BadPages))]
    public async Task Bad_paging_is_a_validation_problem_keyed_by_the_parameter(string route, string query, string parameter, string message)
    {
        var url = $"{route.Replace("{errors}", errorsRoute, StringComparison.Ordinal)}&{query}";
        using var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { parameter }), body);
        Assert.That(errors.GetProperty(parameter)[0].GetString(), Is.EqualTo(message));
    }

    [Test]
    public async Task The_largest_page_size_and_the_first_page_are_answered_on_every_route()
    {
        foreach (var (route, max) in Routes)
        {
            using var response = await Client.GetAsync($"{route.Replace("{errors}", errorsRoute, StringComparison.Ordinal)}&page=1&pageSize={max}");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), route);
        }
    }
}
