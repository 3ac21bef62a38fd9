using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text;
using ChainMap.Access;
using ChainMap.Api.Companies;
using ChainMap.Api.Imports;
using ChainMap.Import;
using ChainMap.Storage;
using ChainMap.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Reliability;

/// <summary>
/// Issue 14: one hostile workbook must not jam the import queue; jobs can be cancelled (by their
/// submitter or an admin) and have a time limit, and then roll back and say so; uploads with
/// thousands of parts and cells with megabytes of text are refused clearly.
/// </summary>
[NonParallelizable]
public sealed class ImportJobLimitsTests
{
    private const string Header = "企业名称,统一社会信用代码,行政区划代码,主营产品";

    [Test]
    public async Task A_2_kb_workbook_declaring_the_whole_sheet_with_a_row_at_1048576_fails_at_the_cap_and_the_next_import_runs()
    {
        using var factory = new ChainMapApiFactory(seed: true);
        using var client = factory.CreateClient();
        var hostile = Workbook("A1:XFD1048576",
            Row(1, ("A", "企业名称"), ("B", "行政区划代码")) + Row(2, ("A", "随州封顶测试甲有限公司"), ("B", "421303")) + Row(1_048_576, ("XFD", "x")));
        Assert.That(hostile, Has.Length.LessThan(2_500), "the hostile workbook is about 2 KB");

        var first = await PostAsync(client, "/api/imports/companies", Upload("hostile.xlsx", hostile));
        var second = await PostAsync(client, "/api/imports/companies", Upload("after.csv", Csv("随州封顶测试乙有限公司,,421303,专用汽车")));
        var hostileJob = await WaitAsync(client, first.Id);
        var nextJob = await WaitAsync(client, second.Id);

        Assert.That(hostileJob.State, Is.EqualTo("failed"));
        Assert.That(hostileJob.Written, Is.False);
        Assert.That(hostileJob.Message, Does.Contain("row 1048576").And.Contain("1,000,000 rows"));
        Assert.That(nextJob.State, Is.EqualTo("succeeded"), "the import queued after it completes");
        Assert.That(nextJob.Inserted, Is.EqualTo(1));
        Assert.That(await CountCompaniesAsync(client, "随州封顶测试甲"), Is.Zero, "nothing of the hostile workbook is stored");
    }

    [Test]
    public async Task A_cell_at_column_XFD_refuses_the_workbook_naming_the_column_cap()
    {
        using var factory = new ChainMapApiFactory(seed: true);
        using var client = factory.CreateClient();
        var wide = Workbook("A1:B2", Row(1, ("A", "企业名称"), ("B", "行政区划代码")) + Row(2, ("A", "随州宽表测试有限公司"), ("B", "421303"), ("XFD", "x")));

        var job = await WaitAsync(client, (await PostAsync(client, "/api/imports/companies", Upload("wide.xlsx", wide))).Id);

        Assert.That(job.State, Is.EqualTo("failed"));
        Assert.That(job.Message, Does.Contain("XFD2").And.Contain("1,000 columns"));
    }

    [Test]
    public async Task A_workbook_whose_declared_dimension_is_the_whole_sheet_but_whose_cells_are_few_imports_normally()
    {
        using var factory = new ChainMapApiFactory(seed: true);
        using var client = factory.CreateClient();
        var lying = Workbook("A1:XFD1048576",
            Row(1, ("A", "企业名称"), ("B", "行政区划代码")) + Row(2, ("A", "随州尺寸测试有限公司"), ("B", "421303")));

        var job = await WaitAsync(client, (await PostAsync(client, "/api/imports/companies", Upload("lying.xlsx", lying))).Id);

        Assert.That(job.State, Is.EqualTo("succeeded"), job.Message);
        Assert.That(job.Inserted, Is.EqualTo(1));
    }

    [Test]
    public async Task A_running_job_cancelled_by_its_submitter_ends_cancelled_with_nothing_stored()
    {
        var gate = new Gate();
        using var baseFactory = new ChainMapApiFactory(seed: true);
        using var factory = Gated(baseFactory, gate);
        using var analyst = await CreateClientAsync(factory, baseFactory, Role.Analyst);

        gate.Arm();
        var queued = await PostAsync(analyst, "/api/imports/companies", Upload("slow.csv", Csv("随州取消测试有限公司,,421303,专用汽车")));
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60));
        using var cancel = await analyst.PostAsync($"/api/imports/{queued.Id}/cancel", null);
        var job = await WaitAsync(analyst, queued.Id);

        Assert.That(cancel.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await cancel.Content.ReadAsStringAsync());
        Assert.That(job.State, Is.EqualTo("cancelled"));
        Assert.That(job.Written, Is.False);
        Assert.That(job.Message, Does.StartWith("cancelled by test analyst").And.Contain("nothing was committed"));
        Assert.That(await CountCompaniesAsync(analyst, "随州取消测试"), Is.Zero, "the rolled-back rows are not stored");
        using var again = await analyst.PostAsync($"/api/imports/{queued.Id}/cancel", null);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a finished job cannot be cancelled");
    }

    [Test]
    public async Task A_queued_job_behind_a_cancelled_one_runs_and_a_cancelled_queued_job_never_starts()
    {
        var gate = new Gate();
        using var baseFactory = new ChainMapApiFactory(seed: true);
        using var factory = Gated(baseFactory, gate);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ChainMapApiFactory.AdminKey);

        gate.Arm();
        var running = await PostAsync(client, "/api/imports/companies", Upload("first.csv", Csv("随州排队测试一号有限公司,,421303,专用汽车")));
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var waiting = await PostAsync(client, "/api/imports/companies", Upload("second.csv", Csv("随州排队测试二号有限公司,,421303,专用汽车")));
        var third = await PostAsync(client, "/api/imports/companies", Upload("third.csv", Csv("随州排队测试三号有限公司,,421303,专用汽车")));
        using (await client.PostAsync($"/api/imports/{waiting.Id}/cancel", null))
        {
        }

        using (await client.PostAsync($"/api/imports/{running.Id}/cancel", null))
        {
        }

        var first = await WaitAsync(client, running.Id);
        gate.Open();
        var second = await WaitAsync(client, waiting.Id);
        var last = await WaitAsync(client, third.Id);

        Assert.That(first.State, Is.EqualTo("cancelled"));
        Assert.That(second.State, Is.EqualTo("cancelled"));
        Assert.That(second.Message, Does.Contain("it had not started"));
        Assert.That(last.State, Is.EqualTo("succeeded"), "the queue goes on after cancelled jobs");
        Assert.That(await CountCompaniesAsync(client, "随州排队测试三号"), Is.EqualTo(1));
        Assert.That(await CountCompaniesAsync(client, "随州排队测试二号"), Is.Zero);
    }

    [Test]
    public async Task A_job_over_the_time_limit_ends_timed_out_with_nothing_stored()
    {
        var gate = new Gate();
        using var baseFactory = new ChainMapApiFactory(seed: true, new Dictionary<string, string?> { ["Import:JobTimeout"] = "00:00:01" });
        using var factory = Gated(baseFactory, gate);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ChainMapApiFactory.AdminKey);

        gate.Arm();
        var stuck = await PostAsync(client, "/api/imports/companies", Upload("stuck.csv", Csv("随州超时测试有限公司,,421303,专用汽车")));
        var job = await WaitAsync(client, stuck.Id);

        Assert.That(job.State, Is.EqualTo("timed-out"));
        Assert.That(job.Written, Is.False);
        Assert.That(job.Message, Does.Contain("Import:JobTimeout").And.Contain("nothing was committed"));
        Assert.That(await CountCompaniesAsync(client, "随州超时测试"), Is.Zero);
        var report = await client.GetFromJsonAsync<List<ImportProblemResponse>>($"/api/imports/{stuck.Id}/errors?format=json");
        Assert.That(report!.Single().Reason, Does.StartWith("timed out"));
    }

    [TestCase(Role.Analyst)]
    [TestCase(Role.Viewer)]
    public async Task Only_the_submitter_or_an_admin_may_cancel_a_job(object roleCase)
    {
        var role = (Role)roleCase;
        var gate = new Gate();
        using var baseFactory = new ChainMapApiFactory(seed: true);
        using var factory = Gated(baseFactory, gate);
        using var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ChainMapApiFactory.AdminKey);
        using var submitter = await CreateClientAsync(factory, baseFactory, Role.Analyst);
        using var other = await CreateClientAsync(factory, baseFactory, role);

        gate.Arm();
        var queued = await PostAsync(submitter, "/api/imports/companies", Upload("mine.csv", Csv("随州权限测试有限公司,,421303,专用汽车")));
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60));
        using var refused = await other.PostAsync($"/api/imports/{queued.Id}/cancel", null);
        using var byAdmin = await admin.PostAsync($"/api/imports/{queued.Id}/cancel", null);
        var job = await WaitAsync(admin, queued.Id);

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(byAdmin.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(job.State, Is.EqualTo("cancelled"));
        Assert.That(job.Message, Does.StartWith("cancelled by ").And.Contain("(admin)"));
    }

    [Test]
    public async Task An_upload_with_5000_form_fields_is_400_naming_the_part_limit_and_creates_no_job()
    {
        using var factory = new ChainMapApiFactory(seed: false);
        using var client = factory.CreateClient();
        using var form = Upload("many.csv", Csv("随州字段测试有限公司,,421303,专用汽车"));
        for (var i = 0; i < 5_000; i++)
        {
            form.Add(new StringContent("x"), $"f{i}");
        }

        using var response = await client.PostAsync("/api/imports/companies", form);
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(body, Does.Contain("more than 20 parts").And.Contain("Import:MaxUploadParts"));
        Assert.That(await client.GetFromJsonAsync<List<ImportJobResponse>>("/api/imports"), Is.Empty);
    }

    [Test]
    public async Task An_unknown_form_field_is_refused_not_ignored()
    {
        using var factory = new ChainMapApiFactory(seed: false);
        using var client = factory.CreateClient();
        using var form = Upload("typo.csv", Csv("随州字段测试有限公司,,421303,专用汽车"));
        form.Add(new StringContent("true"), "dryrunn");

        using var response = await client.PostAsync("/api/imports/companies", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("errors").GetProperty("dryrunn")[0].GetString(), Does.Contain("unknown form field 'dryrunn'"));
    }

    [Test]
    public async Task A_2_mb_product_cell_is_reported_with_its_line_and_column_and_its_row_not_stored()
    {
        using var factory = new ChainMapApiFactory(seed: true);
        using var client = factory.CreateClient();
        var csv = Csv($"随州长字段测试有限公司,,421303,{new string('车', 2 << 20)}", "随州短字段测试有限公司,,421303,专用汽车");

        var job = await WaitAsync(client, (await PostAsync(client, "/api/imports/companies", Upload("long.csv", csv))).Id);
        var problems = await client.GetFromJsonAsync<List<ImportProblemResponse>>($"/api/imports/{job.Id}/errors?format=json");

        Assert.That(job.State, Is.EqualTo("succeeded"));
        Assert.That(job.Inserted, Is.EqualTo(1));
        Assert.That(job.Rejected, Is.EqualTo(1));
        var problem = problems!.Single();
        Assert.That(problem.Line, Is.EqualTo(2));
        Assert.That(problem.Column, Is.EqualTo("主营产品"));
        Assert.That(problem.Severity, Is.EqualTo("error"));
        Assert.That(problem.Reason, Does.Contain("2,097,152 characters").And.Contain("4,000"));
        Assert.That(problem.Value!, Has.Length.LessThan(100), "the report does not repeat the 2 MB value");
        Assert.That(await CountCompaniesAsync(client, "随州长字段测试"), Is.Zero);
    }

    private static WebApplicationFactory<Program> Gated(ChainMapApiFactory baseFactory, Gate gate) => baseFactory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
    {
        var original = services.Last(d => d.ServiceType == typeof(IChainMapStore));
        services.Remove(original);
        services.AddSingleton(sp =>
        {
            var proxy = DispatchProxy.Create<IChainMapStore, GatedStore>();
            ((GatedStore)(object)proxy).Inner = (IChainMapStore)original.ImplementationFactory!(sp);
            ((GatedStore)(object)proxy).Gate = gate;
            return proxy;
        });
    }));

    private static async Task<HttpClient> CreateClientAsync(WebApplicationFactory<Program> factory, ChainMapApiFactory baseFactory, Role role)
    {
        var access = factory.Services.GetRequiredService<AccessService>();
        var (_, key) = await access.CreateUserAsync($"test {role.ToWire()}", role, null, CancellationToken.None);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Token);
        _ = baseFactory;
        return client;
    }

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes($"{Header}\n{string.Join("\n", rows)}\n");

    private static MultipartFormDataContent Upload(string fileName, byte[] bytes)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    private static async Task<ImportJobResponse> PostAsync(HttpClient client, string path, MultipartFormDataContent form)
    {
        using (form)
        {
            using var response = await client.PostAsync(path, form);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<ImportJobResponse>())!;
        }
    }

    private static async Task<ImportJobResponse> WaitAsync(HttpClient client, string id)
    {
        return await ImportJobWait.UntilAsync(client, id);
    }

    private static async Task<int> CountCompaniesAsync(HttpClient client, string name)
    {
        var page = await client.GetFromJsonAsync<CompanyPageResponse>($"/api/companies?q={Uri.EscapeDataString(name)}");
        return (int)page!.Total;
    }

    /// <summary>
    /// A minimal .xlsx (inline strings) whose first sheet declares <paramref name="dimension"/> and holds
    /// <paramref name="rows"/>, written with a zip writer as a hostile client would.
    /// </summary>
    internal static byte[] Workbook(string dimension, string rows)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }

            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            Add("xl/worksheets/sheet1.xml", $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>""");
        }

        return memory.ToArray();
    }

    internal static string Row(int row, params (string Column, string Text)[] cells) =>
        $"""<row r="{row}">{string.Concat(cells.Select(c => $"""<c r="{c.Column}{row}" t="inlineStr"><is><t>{c.Text}</t></is></c>"""))}</row>""";

    /// <summary>Opened by the test; until then every company import blocks as it opens its store session (honouring its cancellation).</summary>
    public sealed class Gate
    {
        private readonly TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>False until the test arms it, so that seeding the store at start-up is not held.</summary>
        public bool Armed { get; private set; }

        public void Arm() => Armed = true;

        public void Open() => opened.TrySetResult();

        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await opened.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The real store, whose company import sessions wait at the <see cref="Gate"/> before they open.</summary>
    public class GatedStore : DispatchProxy
    {
        internal IChainMapStore Inner { get; set; } = null!;

        public Gate Gate { get; set; } = null!;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (targetMethod.Name == nameof(IChainMapStore.BeginCompanyImportAsync))
            {
                return BeginAsync((ImportStamp)args![0]!, (CancellationToken)args[1]!);
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

        private async Task<ICompanyImportSession> BeginAsync(ImportStamp stamp, CancellationToken cancellationToken)
        {
            if (Gate.Armed)
            {
                // Held before the session takes SQLite's write lock: the requests the test makes meanwhile
                // (the cancel, and its audit entry) write too, and would wait out the busy timeout.
                await Gate.WaitAsync(cancellationToken);
            }

            return await Inner.BeginCompanyImportAsync(stamp, cancellationToken);
        }
    }
}
