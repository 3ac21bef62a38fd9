using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ChainMap.Api.Companies;
using ChainMap.Api.Imports;
using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Tests.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Api;

/// <summary>The import job API end to end: upload, job state, error report, company provenance.</summary>
public sealed class ImportApiTests : ServiceFixture
{
    private static MultipartFormDataContent Upload(string fileName, byte[] content, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    private async Task<ImportJobResponse> ImportAsync(string path, MultipartFormDataContent form)
    {
        var response = await Client.PostAsync(path, form);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var queued = (await response.Content.ReadFromJsonAsync<ImportJobResponse>())!;
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"/api/imports/{queued.Id}"));
        return await ImportJobWait.UntilAsync(Client, queued.Id);
    }

    [Test]
    public async Task The_json_problem_report_pages_in_file_order_and_refuses_a_bad_page_size()
    {
        var csv = new StringBuilder("企业名称,行政区划代码,注册资本\n");
        for (var i = 0; i < 5; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"分页测试{i}有限公司,421303,不详{i}\n");
        }

        var job = await ImportAsync("/api/imports/companies", Upload("paging.csv", Encoding.UTF8.GetBytes(csv.ToString())));
        var all = await Client.GetFromJsonAsync<List<ImportProblemResponse>>($"{job.Errors}?format=json");
        var second = await Client.GetFromJsonAsync<List<ImportProblemResponse>>($"{job.Errors}?format=json&page=2&pageSize=2");
        var last = await Client.GetFromJsonAsync<List<ImportProblemResponse>>($"{job.Errors}?format=json&page=3&pageSize=2");
        using var refused = await Client.GetAsync($"{job.Errors}?format=json&pageSize=0");

        Assert.That(job.Problems, Is.EqualTo(5));
        Assert.That(all!.Select(p => p.Line), Is.EqualTo(new[] { 2, 3, 4, 5, 6 }));
        Assert.That(second!.Select(p => p.Line), Is.EqualTo(new[] { 4, 5 }));
        Assert.That(last!.Select(p => p.Value), Is.EqualTo(new[] { "不详4" }));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task A_company_upload_becomes_a_job_whose_counts_errors_and_provenance_can_be_read()
    {
        var uscc = Uscc.FromBody("91421303MA4K0L2A1").Value;
        var csv = $"企业名称,统一社会信用代码,行政区划代码,注册资本\n随州市接口测试专用汽车有限公司,{uscc},421303,300\n坏公司,,999999,\n";

        var job = await ImportAsync("/api/imports/companies", Upload("api-test.csv", Encoding.UTF8.GetBytes(csv)));

        Assert.That((job.State, job.Kind, job.File, job.Written), Is.EqualTo(("succeeded", "companies", "api-test.csv", true)));
        Assert.That((job.RowsRead, job.Inserted, job.Updated, job.Unchanged, job.Rejected, job.Problems), Is.EqualTo((2L, 1L, 0L, 0L, 1L, 1L)));
        Assert.That(job.StartedAt, Is.Not.Null);
        Assert.That(job.FinishedAt, Is.GreaterThanOrEqualTo(job.StartedAt));
        Assert.That(job.Progress, Is.EqualTo(1));

        var errors = await Client.GetAsync(job.Errors);
        Assert.That(errors.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        var lines = (await errors.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Is.EqualTo(new[]
        {
            "file,line,column,value,reason,severity",
            "api-test.csv,3,行政区划代码,999999,not a GB/T 2260 division code,error",
        }));

        var json = await Client.GetFromJsonAsync<List<ImportProblemResponse>>($"{job.Errors}?format=json");
        using var accept = new HttpRequestMessage(HttpMethod.Get, job.Errors);
        accept.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var byAccept = await (await Client.SendAsync(accept)).Content.ReadFromJsonAsync<List<ImportProblemResponse>>();
        Assert.That(json!.Single(), Is.EqualTo(new ImportProblemResponse("api-test.csv", 3, "行政区划代码", "999999", "not a GB/T 2260 division code", "error")));
        Assert.That(byAccept, Is.EqualTo(json));

        var company = await Client.GetFromJsonAsync<CompanyDetailResponse>($"/api/companies/{uscc}");
        var capital = company!.Provenance.Single(p => p.Field == "registered_capital");
        Assert.That((capital.ImportId, capital.File), Is.EqualTo((job.Id, "api-test.csv")));
        Assert.That(capital.At, Is.EqualTo(job.StartedAt!.Value).Within(TimeSpan.FromSeconds(5)));

        var recent = await Client.GetFromJsonAsync<List<ImportJobResponse>>("/api/imports");
        Assert.That(recent!.Select(j => j.Id), Does.Contain(job.Id));
    }

    [Test]
    public async Task Upload_options_dry_run_and_mapping_are_applied()
    {
        var uscc = Uscc.FromBody("91421303MA4K0L2A2").Value;
        var csv = Encoding.UTF8.GetBytes($"列A,列B\n随州市干跑测试有限公司,{uscc}\n");

        var job = await ImportAsync("/api/imports/companies", Upload("dry.csv", csv, ("dryRun", "true"), ("mapping", """{"列A":"name","列B":"uscc"}""")));

        Assert.That((job.State, job.DryRun, job.Written, job.Inserted), Is.EqualTo(("succeeded", true, false, 1L)));
        Assert.That((await Client.GetAsync($"/api/companies/{uscc}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_binary_upload_fails_as_a_job_with_the_reason()
    {
        var job = await ImportAsync("/api/imports/companies", Upload("image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]));

        Assert.That((job.State, job.Written, job.RowsRead), Is.EqualTo(("failed", false, 0L)));
        Assert.That(job.Message, Is.EqualTo("file rejected, nothing written: the file contains NUL bytes: it is binary (or UTF-16 text), not a CSV table; save it as CSV UTF-8 or .xlsx"));
    }

    [Test]
    public async Task Invalid_options_and_missing_files_are_validation_problems()
    {
        var badFlag = await Client.PostAsync("/api/imports/companies", Upload("a.csv", "name\nx\n"u8.ToArray(), ("allOrNothing", "maybe")));
        var badMapping = await Client.PostAsync("/api/imports/companies", Upload("a.csv", "name\nx\n"u8.ToArray(), ("mapping", "[1,2]")));
        var noFile = await Client.PostAsync("/api/imports/companies", new MultipartFormDataContent { { new StringContent("true"), "dryRun" } });
        var notMultipart = await Client.PostAsync("/api/imports/companies", new StringContent("name\nx\n"));

        Assert.That(badFlag.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await badFlag.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["allOrNothing"], Is.EqualTo(new[] { "'maybe' is not true or false" }));
        Assert.That((await badMapping.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["mapping"][0], Does.StartWith("mapping is not a JSON object of strings"));
        Assert.That(noFile.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(notMultipart.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That((await Client.GetAsync("/api/imports/imp-unknown")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Relations_upload_links_stored_companies()
    {
        var supplier = Uscc.FromBody("91320506MA4K0L2A3").Value;
        await ImportAsync("/api/imports/companies", Upload("pair.csv", Encoding.UTF8.GetBytes($"企业名称,统一社会信用代码,行政区划代码\n苏州接口供应有限公司,{supplier},320506\n随州接口客户有限公司,,421303\n")));

        var job = await ImportAsync("/api/imports/relations", Upload("relations.csv", Encoding.UTF8.GetBytes($"供应商,客户,客户地区,关系\n{supplier},随州接口客户有限公司,随州市,供应\n")));
        var company = await Client.GetFromJsonAsync<CompanyDetailResponse>($"/api/companies/{supplier}");

        Assert.That((job.State, job.Inserted, job.Rejected), Is.EqualTo(("succeeded", 1L, 0L)));
        Assert.That(company!.Relations.Single().Kind, Is.EqualTo("supplies"));
    }

    [Test]
    public async Task A_cyclic_chain_zip_fails_with_the_cycle_in_the_report_and_nothing_written()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var writer = new StreamWriter(archive.CreateEntry($"def/{name}").Open(), new UTF8Encoding(false));
                writer.Write(text);
            }

            Add("chains.csv", "code,name,category,description\nAPI,接口测试链,other,\n");
            Add("segments.csv", "chain,code,name,tier\nAPI,API-A,甲,上游\nAPI,API-B,乙,中游\n");
            Add("flows.csv", "chain,from,to,description\nAPI,API-A,API-B,\nAPI,API-B,API-A,\n");
        }

        var job = await ImportAsync("/api/imports/chains", Upload("chain.zip", zip.ToArray()));
        var problems = await Client.GetFromJsonAsync<List<ImportProblemResponse>>($"{job.Errors}?format=json");

        Assert.That((job.State, job.Written), Is.EqualTo(("failed", false)));
        Assert.That(problems!.Single(), Is.EqualTo(new ImportProblemResponse("flows.csv", 2, "from", "API-A,API-B", "chain API: flow edges form a cycle: API-A → API-B → API-A", "error")));
        Assert.That((await Client.GetAsync("/api/chains/API")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Chain_files_uploaded_as_three_parts_are_imported()
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent("code,name,category,description\nAPI3,三文件测试链,other,\n"u8.ToArray()), "chains", "chains.csv" },
            { new ByteArrayContent("chain,code,name,tier\nAPI3,API3-A,甲,上游\nAPI3,API3-B,乙,下游\n"u8.ToArray()), "segments", "segments.csv" },
            { new ByteArrayContent("chain,from,to,description\nAPI3,API3-A,API3-B,\n"u8.ToArray()), "flows", "flows.csv" },
        };

        var job = await ImportAsync("/api/imports/chains", form);

        Assert.That((job.State, job.Inserted, job.Written), Is.EqualTo(("succeeded", 1L, true)));
        Assert.That((await Client.GetAsync("/api/chains/API3")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task An_upload_over_the_configured_limit_is_413_and_creates_no_job()
    {
        using var small = new ChainMapApiFactory(seed: false, new Dictionary<string, string?> { ["Import:MaxUploadBytes"] = "1000" });
        using var http = small.CreateClient();

        var response = await http.PostAsync("/api/imports/companies", Upload("big.csv", Encoding.UTF8.GetBytes("name\n" + new string('x', 5000) + "\n")));
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(problem!.Title, Is.EqualTo("Upload too large"));
        Assert.That(problem.Detail, Does.StartWith("the upload is larger than the limit of 1000 bytes (Import:MaxUploadBytes)"));
        Assert.That(await http.GetFromJsonAsync<List<ImportJobResponse>>("/api/imports"), Is.Empty);
    }

    [Test]
    public async Task A_job_running_when_the_service_stopped_is_shown_as_interrupted_after_restart()
    {
        var directory = Directory.CreateTempSubdirectory("chainmap-restart-").FullName;
        var settings = new Dictionary<string, string?> { ["Storage:DataDirectory"] = directory };
        try
        {
            using (var before = new ChainMapApiFactory(seed: false, settings))
            {
                var store = before.Services.GetRequiredService<IChainMapStore>();
                await store.SaveImportJobAsync(new ImportJob("imp-restart", "companies", "big.csv", ImportJobState.Running, false, false,
                    new ImportCounts(500, 500, 0, 0, 0, 0, 0), false, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, null, null), CancellationToken.None);
            }

            using var after = new ChainMapApiFactory(seed: false, settings);
            using var http = after.CreateClient();
            var job = await http.GetFromJsonAsync<ImportJobResponse>("/api/imports/imp-restart");

            Assert.That((job!.State, job.Written), Is.EqualTo(("failed", false)));
            Assert.That(job.Message, Does.StartWith("interrupted: the service stopped before this import finished"));
            Assert.That(job.FinishedAt, Is.Not.Null);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task The_columns_of_a_header_are_read_before_upload_as_the_import_would_read_them()
    {
        var response = await Client.PostAsJsonAsync("/api/imports/companies/columns", new
        {
            header = new[] { "企业名称", "登记状态", "法定代表人", "国标行业门类", "国标行业小类", "国标行业中类", "所属省份" },
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var read = (await response.Content.ReadFromJsonAsync<CompanyColumnsResponse>())!;
        Assert.That(read.HasName, Is.True);
        Assert.That(read.Columns.Select(c => (c.Header, c.Field, c.WhenEmpty)), Is.EqualTo(new (string, string?, string?)[]
        {
            ("企业名称", "name", null), ("登记状态", "status", null), ("法定代表人", null, null), ("国标行业门类", "industry", "国标行业小类"),
            ("国标行业小类", "industry", null), ("国标行业中类", "industry", "国标行业小类"), ("所属省份", "province", null),
        }));

        var mapped = await Client.PostAsJsonAsync("/api/imports/companies/columns", new { header = new[] { "列A", "列B" }, mapping = "{\"列A\":\"name\",\"列B\":\"所在地\"}" });
        var mappedRead = (await mapped.Content.ReadFromJsonAsync<CompanyColumnsResponse>())!;
        Assert.That(mappedRead.Columns.Select(c => c.Field), Is.EqualTo(new[] { "name", "region" }));
    }

    [Test]
    public async Task A_header_merged_over_two_rows_is_read_with_its_second_row_and_an_ordinary_first_row_is_not()
    {
        string[] header = ["序号", "企业名称", "所在地区", "", "", "主营产品"];
        var merged = await Client.PostAsJsonAsync("/api/imports/companies/columns", new { header, nextRow = new[] { "", "", "省", "市", "区县", "" } });
        var data = await Client.PostAsJsonAsync("/api/imports/companies/columns", new { header, nextRow = new[] { "1", "徐州重型机械有限公司", "江苏省", "徐州市", "铜山区", "随车起重机" } });
        var mapped = await Client.PostAsJsonAsync("/api/imports/companies/columns", new { header, mapping = "{\"企业名称\":\"name\"}", nextRow = new[] { "", "", "省", "市", "区县", "" } });
        var tooLong = await Client.PostAsJsonAsync("/api/imports/companies/columns", new { header, nextRow = new[] { new string('省', 201) } });

        Assert.That(merged.StatusCode, Is.EqualTo(HttpStatusCode.OK), await merged.Content.ReadAsStringAsync());
        var read = (await merged.Content.ReadFromJsonAsync<CompanyColumnsResponse>())!;
        Assert.That(read.SecondHeaderRow, Is.True);
        Assert.That(read.Columns.Select(c => (c.Header, c.Field)), Is.EqualTo(new (string, string?)[]
        {
            ("序号", null), ("企业名称", "name"), ("省", "province"), ("市", "city"), ("区县", "county"), ("主营产品", "products"),
        }));
        var dataRead = (await data.Content.ReadFromJsonAsync<CompanyColumnsResponse>())!;
        Assert.That(dataRead.SecondHeaderRow, Is.False, "a company's row is data");
        Assert.That(dataRead.Columns.Select(c => c.Field), Is.EqualTo(new[] { null, "name", "region", null, null, "products" }));
        Assert.That((await mapped.Content.ReadFromJsonAsync<CompanyColumnsResponse>())!.SecondHeaderRow, Is.False, "a mapping names the columns: the header is as given");
        Assert.That(tooLong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await tooLong.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["nextRow"][0], Does.StartWith("the row under the header"));
    }

    [Test]
    public async Task The_first_rows_of_a_file_are_read_as_the_import_reads_them_title_notes_and_a_second_header_row()
    {
        string[][] rows =
        [
            ["企查查数据导出"],
            [""],
            ["数据来源：企查查", "导出时间：2026-12-01"],
            ["序号", "企业名称", "所在地区", "", "", "经营范围"],
            ["", "", "省", "市", "区县", ""],
            ["1", "湖北程力专用汽车股份有限公司", "湖北省", "随州市", "曾都区", new string('专', 3000)],
        ];
        var response = await Client.PostAsJsonAsync("/api/imports/companies/columns", new { rows });
        var mapped = await Client.PostAsJsonAsync("/api/imports/companies/columns", new { rows, mapping = "{\"数据来源：企查查\":\"name\"}" });
        var tooMany = await Client.PostAsJsonAsync("/api/imports/companies/columns", new { rows = Enumerable.Repeat(new[] { "企业名称" }, 26).ToArray() });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var read = (await response.Content.ReadFromJsonAsync<CompanyColumnsResponse>())!;
        Assert.That((read.HeaderRow, read.SecondHeaderRow, read.HasName), Is.EqualTo((3, true, true)));
        Assert.That(read.Columns.Select(c => c.Field), Is.EqualTo(new[] { null, "name", "province", "city", "county", "scope" }));
        var mappedRead = (await mapped.Content.ReadFromJsonAsync<CompanyColumnsResponse>())!;
        Assert.That((mappedRead.HeaderRow, mappedRead.SecondHeaderRow), Is.EqualTo((2, false)), "with a mapping the header is the first row of two cells, as the import takes it");
        Assert.That(tooMany.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await tooMany.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["rows"][0], Does.StartWith("the file's first rows: at most 25 rows"));
    }

    [Test]
    public async Task A_bad_header_or_mapping_for_the_column_preview_says_what_is_wrong()
    {
        var empty = await Client.PostAsJsonAsync("/api/imports/companies/columns", new { header = Array.Empty<string>() });
        var unknownColumn = await Client.PostAsJsonAsync("/api/imports/companies/columns", new { header = new[] { "企业名称" }, mapping = "{\"公司\":\"name\"}" });
        var noName = await Client.PostAsJsonAsync("/api/imports/companies/columns", new { header = new[] { "省份", "备注" } });

        Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await empty.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["header"][0], Does.StartWith("give the file's column names"));
        Assert.That(unknownColumn.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await unknownColumn.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["mapping"][0], Does.StartWith("the mapping names the column '公司', which is not in the header"));
        Assert.That((await noName.Content.ReadFromJsonAsync<CompanyColumnsResponse>())!.HasName, Is.False, "the page warns before upload that no name column was found");
    }
}
