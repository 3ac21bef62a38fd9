using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChainMap.Api.Imports;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Reliability;

/// <summary>
/// Malformed files (the corpus folder next to this file, plus huge ones made here) through every
/// multipart upload endpoint: each gets a clear 4xx problem, or an import job that fails saying
/// what and where; the service stays up and the store is unchanged. Hostile option values get a
/// 4xx; hostile cell values are data, stored verbatim.
/// </summary>
public sealed class MalformedUploadTests
{
    private const string Header = "企业名称,统一社会信用代码,行政区划代码,主营产品";

    private static readonly string CorpusFolder = Path.GetFullPath(Path.Combine(TestData.DataPath, "..", "tests", "ChainMap.Tests", "Reliability", "corpus"));

    private ChainMapApiFactory factory = null!;
    private HttpClient client = null!;

    /// <summary>Each upload endpoint, and how a file is sent to it.</summary>
    private static readonly (string Name, string Path, Func<string, byte[], MultipartFormDataContent> Form)[] Endpoints =
    [
        ("companies", "/api/imports/companies", (name, bytes) => Form(("file", name, bytes))),
        ("relations", "/api/imports/relations", (name, bytes) => Form(("file", name, bytes))),
        ("chains", "/api/imports/chains", (name, bytes) => name.EndsWith(".zip", StringComparison.Ordinal) || name.EndsWith(".xlsx", StringComparison.Ordinal)
            ? Form(("file", name, bytes))
            : Form(("chains", name, bytes), ("segments", name, bytes), ("flows", name, bytes))),
        ("channels", "/api/channels/import", (name, bytes) => Form(("channels", name, bytes))),
        ("channel links", "/api/channels/import", (name, bytes) => Form(("links", name, bytes))),
    ];

    [OneTimeSetUp]
    public void Start()
    {
        factory = new ChainMapApiFactory(seed: true);
        client = factory.CreateClient();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client.Dispose();
        factory.Dispose();
    }

    /// <summary>The corpus files, and the huge ones that are cheaper to make than to keep.</summary>
    private static IEnumerable<(string Name, byte[] Bytes)> Corpus()
    {
        foreach (var file in Directory.EnumerateFiles(CorpusFolder).Order(StringComparer.Ordinal))
        {
            yield return (Path.GetFileName(file), File.ReadAllBytes(file));
        }

        var columns = string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"列{i}"));
        yield return ("10k-columns.csv", Encoding.UTF8.GetBytes($"{columns}\n{string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"值{i}"))}\n"));
        yield return ("1mb-field.csv", Encoding.UTF8.GetBytes($"{Header}\n\"{new string('长', 1 << 20)}\",,421303,专用汽车\n"));
        yield return ("1mb-line-no-newline.csv", Encoding.UTF8.GetBytes(new string('x', 1 << 20)));
    }

    private static MultipartFormDataContent Form(params (string Field, string FileName, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (field, fileName, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, field, fileName);
        }

        return form;
    }

    private async Task<string> StoreFingerprintAsync()
    {
        var builder = new StringBuilder();
        foreach (var path in new[] { "/api/chains", "/api/companies?pageSize=200", "/api/companies?q=语料&pageSize=200", "/api/channels?pageSize=200", "/api/region-groups", "/api/home" })
        {
            builder.Append(await client.GetStringAsync(path));
        }

        foreach (var chain in new[] { "ZQ", "YJ", "NC", "SW", "DZ", "HG", "XNY", "FW" })
        {
            builder.Append(await client.GetStringAsync($"/api/chains/{chain}"));
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    /// <summary>Empty when the answer is a clear refusal; otherwise what was wrong with it.</summary>
    private async Task<string?> RefusalProblemAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status is >= 400 and < 500)
        {
            return response.Content.Headers.ContentType?.MediaType == "application/problem+json" && (body.Contains("\"detail\"", StringComparison.Ordinal) || body.Contains("\"errors\"", StringComparison.Ordinal))
                ? null
                : $"{status} without a ProblemDetails saying why: {body[..Math.Min(body.Length, 200)]}";
        }

        if (status == 202)
        {
            var queued = JsonSerializer.Deserialize<ImportJobResponse>(body, JsonSerializerOptions.Web)!;
            var job = await ImportJobWait.UntilAsync(client, queued.Id);
            var problems = await client.GetFromJsonAsync<List<ImportProblemResponse>>($"/api/imports/{job.Id}/errors?format=json");
            if (job.State != "failed" || job.Written || string.IsNullOrWhiteSpace(job.Message))
            {
                return $"job {job.State}, written {job.Written}, {job.Inserted} inserted, message '{job.Message}'";
            }

            return problems is { Count: > 0 } && problems.All(p => p.Reason.Length > 0)
                ? null
                : $"job failed without a problem report: '{job.Message}'";
        }

        return $"{status}: {body[..Math.Min(body.Length, 200)]}";
    }

    [Test]
    public async Task Every_malformed_file_through_every_upload_endpoint_is_refused_clearly_and_changes_nothing()
    {
        var before = await StoreFingerprintAsync();
        var failures = new List<string>();
        foreach (var (name, bytes) in Corpus())
        {
            foreach (var endpoint in Endpoints)
            {
                using var form = endpoint.Form(name, bytes);
                using var response = await client.PostAsync(endpoint.Path, form);
                if (await RefusalProblemAsync(response) is { } problem)
                {
                    failures.Add($"{name} → {endpoint.Name}: {problem}");
                }
            }
        }

        Assert.That(failures, Is.Empty);
        Assert.That((await client.GetAsync("/health")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the service stays up");
        Assert.That(await StoreFingerprintAsync(), Is.EqualTo(before), "the store is unchanged");
    }

    [Test]
    public async Task Hostile_and_huge_option_values_are_refused_clearly_and_change_nothing()
    {
        var before = await StoreFingerprintAsync();
        var csv = Encoding.UTF8.GetBytes($"{Header}\n随州语料选项测试有限公司,,421303,专用汽车\n");
        string[] hostile = [.. BadInputTests.HostileStrings.Where(h => h.Trim().Length > 0 && h is not "-1"), "1e999999", "-99999999999999999999999", "true; DROP TABLE company"];
        var failures = new List<string>();
        foreach (var (name, path, _) in Endpoints.Where(e => e.Path.StartsWith("/api/imports/", StringComparison.Ordinal)))
        {
            foreach (var option in new[] { "dryRun", "allOrNothing", "mapping" })
            {
                foreach (var value in hostile)
                {
                    using var form = path.EndsWith("chains", StringComparison.Ordinal)
                        ? Form(("chains", "chains.csv", csv))
                        : Form(("file", "companies.csv", csv));
                    form.Add(new StringContent(value), option);
                    using var response = await client.PostAsync(path, form);
                    if (await RefusalProblemAsync(response) is { } problem)
                    {
                        failures.Add($"{name} {option}={value[..Math.Min(value.Length, 40)]}: {problem}");
                    }
                }
            }
        }

        Assert.That(failures, Is.Empty);
        Assert.That(await StoreFingerprintAsync(), Is.EqualTo(before), "the store is unchanged");
    }

    [Test]
    public async Task Injection_strings_in_cells_are_stored_verbatim_as_names()
    {
        string[] names =
        [
            "随州'); DROP TABLE company; --有限公司", "随州\" OR 1=1 --有限公司", "随州' OR '1'='1有限公司",
            "随州x') RETURN 1 UNION MATCH (n) DETACH DELETE n //有限公司", "MATCH (n) DETACH DELETE n", "随州$where{\"$gt\": \"\"}有限公司",
            "=cmd|' /C calc'!A0", "<script>alert(1)</script>随州有限公司", "随州\u202Eevil有限公司", "随州😀🀄有限公司",
        ];
        var rows = names.Select((n, i) => (Name: n, Uscc: ChainMap.Domain.Uscc.FromBody($"91421303MA4K{i:D4}X").Value)).ToList();
        var csv = new StringBuilder($"{Header}\n");
        foreach (var (name, uscc) in rows)
        {
            csv.Append('"').Append(name.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\",").Append(uscc).Append(",421303,专用汽车\n");
        }

        var chainsBefore = await client.GetStringAsync("/api/chains");
        var totalBefore = (await client.GetFromJsonAsync<ChainMap.Api.Companies.CompanyPageResponse>("/api/companies?pageSize=1"))!.Total;
        using var form = Form(("file", "injection.csv", Encoding.UTF8.GetBytes(csv.ToString())));
        using var response = await client.PostAsync("/api/imports/companies", form);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var job = await ImportJobWait.UntilAsync(client, (await response.Content.ReadFromJsonAsync<ImportJobResponse>())!.Id);

        Assert.That(job.State, Is.EqualTo("succeeded"), job.Message);
        Assert.That(job.Inserted, Is.EqualTo(names.Length));
        foreach (var (name, uscc) in rows)
        {
            var stored = await client.GetFromJsonAsync<ChainMap.Api.Companies.CompanyDetailResponse>($"/api/companies/{uscc}");
            Assert.That(stored!.Company.Name, Is.EqualTo(name), "the cell is stored as written");
        }

        Assert.That(await client.GetStringAsync("/api/chains"), Is.EqualTo(chainsBefore), "nothing was executed");
        Assert.That((await client.GetFromJsonAsync<ChainMap.Api.Companies.CompanyPageResponse>("/api/companies?pageSize=1"))!.Total, Is.EqualTo(totalBefore + names.Length));
    }
}
