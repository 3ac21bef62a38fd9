using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChainMap.Access;
using ChainMap.Api.Chains;
using ChainMap.Api.Companies;
using ChainMap.Api.Imports;
using ChainMap.Api.Targets;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Api;

/// <summary>
/// The review queue (GET /api/memberships) and the analysts' membership changes: bulk confirm / reject /
/// move (all or nothing), add and remove on one company; a rejected membership never comes back on a
/// re-import or a re-classification; bad input changes nothing.
/// </summary>
public sealed class MembershipQueueApiTests : ServiceFixture
{
    private const string Word = "瑧璩瓈器";
    private const string Segment = "ZQ-CHASSIS-AXLE";
    private const string Brake = "ZQ-CHASSIS-BRAKE";
    private const string Confirm = "昆山审核甲有限公司";
    private const string Reject = "昆山审核乙有限公司";
    private const string Move = "昆山审核丙有限公司";
    private const string Untouched = "昆山审核丁有限公司";
    private const string Returner = "昆山审核戊有限公司";
    private const string Added = "昆山审核己有限公司";

    private static readonly string[] All = [Confirm, Reject, Move, Untouched, Returner, Added];

    private string jobId = null!;

    [OneTimeSetUp]
    public async Task StartServiceAsync()
    {
        var chain = (await Client.GetFromJsonAsync<ChainResponse>("/api/chains/ZQ"))!;
        var s = chain.Segments.Single(x => x.Code == Segment);
        var put = await Client.PutAsJsonAsync($"/api/chains/ZQ/segments/{Segment}",
            new SegmentRequest(s.Code, s.Name, s.Tier, s.Parent, s.Aliases, s.Products, [.. s.Keywords, Word], s.IndustryCodes));
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());
        await SettleAsync();
        jobId = await ImportAsync("queue.csv", "企业名称,行政区划代码,主营产品,注册资本,环节\n" + string.Concat(All.Select(n => $"{n},320583,{Word},9000000,\n")));
    }

    private async Task<string> ImportAsync(string file, string csv)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", file);
        var upload = await Client.PostAsync("/api/imports/companies", form);
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await upload.Content.ReadAsStringAsync());
        var job = (await upload.Content.ReadFromJsonAsync<ImportJobResponse>())!;
        await SettleAsync();
        return job.Id;
    }

    private async Task SettleAsync()
    {
        await ImportJobWait.UntilIdleAsync(Client);
    }

    private async Task<CompanyResponse> FindAsync(string name) =>
        (await Client.GetFromJsonAsync<CompanyPageResponse>($"/api/companies?q={Uri.EscapeDataString(name)}"))!.Items.Single();

    private async Task<ReviewMembershipPageResponse> QueueAsync(string query)
    {
        var response = await Client.GetAsync($"/api/memberships?{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ReviewMembershipPageResponse>())!;
    }

    /// <summary>Every membership of the test's companies, as (name, segment, status, source), sorted.</summary>
    private async Task<List<string>> StateAsync()
    {
        var state = new List<string>();
        foreach (var name in All)
        {
            var c = await FindAsync(name);
            state.AddRange(c.Segments.Select(m => $"{name} {m.Segment} {m.Status} {m.Source} {m.Role}"));
        }

        state.Sort(StringComparer.Ordinal);
        return state;
    }

    private Task<HttpResponseMessage> ReviewAsync(params object[] items) => Client.PostAsJsonAsync("/api/memberships/review", new { items });

    [Test]
    public async Task The_queue_lists_an_imports_guesses_with_evidence_and_filters_by_status_chain_segment_region_and_import()
    {
        var all = await QueueAsync($"import={jobId}&status=unconfirmed&pageSize=200");
        var untouched = await FindAsync(Untouched);

        Assert.That(all.Items.Select(i => i.CompanyName), Does.Contain(Untouched));
        var item = all.Items.Single(i => i.CompanyId == untouched.Id);
        Assert.That((item.Chain, item.Segment, item.SegmentName, item.Status), Is.EqualTo(("ZQ", Segment, "车桥与悬架", "unconfirmed")));
        Assert.That(item.Evidence, Does.Contain(Word));
        Assert.That(item.RegionCode, Is.EqualTo("320583"));
        Assert.That(item.RegionName, Does.Contain("昆山"));
        Assert.That(item.Confidence, Is.LessThan(0.6));
        Assert.That(all.Items.Select(i => i.CompanyName), Is.SubsetOf(All), "only the companies the job wrote");

        var bySegmentTraditional = await QueueAsync($"import={jobId}&segment={Uri.EscapeDataString("車橋與懸架")}&region={Uri.EscapeDataString("江蘇省")}&chain={Uri.EscapeDataString("專汽")}");
        var low = await QueueAsync($"import={jobId}&status=low");
        var confirmed = await QueueAsync($"import={jobId}&status=confirmed");
        var elsewhere = await QueueAsync($"import={jobId}&region=420000");
        var whole = await QueueAsync($"import={jobId}&pageSize=200");
        var paged = await QueueAsync($"import={jobId}&page=2&pageSize=1");

        Assert.That(bySegmentTraditional.Items.Select(i => i.CompanyId), Does.Contain(untouched.Id), "segment, region and chain in either script");
        Assert.That(low.Items.Select(i => i.CompanyId), Does.Contain(untouched.Id));
        Assert.That(low.Items.Select(i => i.Confidence), Has.All.LessThan(low.LowConfidence));
        Assert.That(confirmed.Items.Select(i => i.CompanyId), Does.Not.Contain(untouched.Id));
        Assert.That(elsewhere.Items, Is.Empty);
        Assert.That(whole.Total, Is.GreaterThanOrEqualTo(2));
        Assert.That((paged.Page, paged.PageSize, paged.Total), Is.EqualTo((2, 1, whole.Total)));
        Assert.That(paged.Items.Select(i => (i.CompanyId, i.Segment)), Is.EqualTo(whole.Items.Skip(1).Take(1).Select(i => (i.CompanyId, i.Segment))));
    }

    [Test]
    public async Task Several_segments_are_separated_as_the_target_list_separates_them_on_the_queue_and_the_company_search()
    {
        var untouched = await FindAsync(Untouched);
        var separated = new[] { ",", "，", "、" }.Select(s => Uri.EscapeDataString($"ZQ-MAT{s}{Segment}")).ToList();

        foreach (var segments in separated)
        {
            var queue = await QueueAsync($"import={jobId}&segment={segments}");
            var search = (await Client.GetFromJsonAsync<CompanyPageResponse>($"/api/companies?q={Uri.EscapeDataString(Untouched)}&segment={segments}"))!;
            Assert.That(queue.Items.Select(i => i.CompanyId), Does.Contain(untouched.Id), Uri.UnescapeDataString(segments));
            Assert.That(search.Items.Select(c => c.Id), Does.Contain(untouched.Id), Uri.UnescapeDataString(segments));
        }
    }

    [TestCase("status=rejected", HttpStatusCode.BadRequest, "status")]
    [TestCase("pageSize=0", HttpStatusCode.BadRequest, "pageSize")]
    [TestCase("pageSize=201", HttpStatusCode.BadRequest, "pageSize")]
    [TestCase("page=0", HttpStatusCode.BadRequest, "page")]
    [TestCase("chain=NOPE", HttpStatusCode.NotFound, "NOPE")]
    [TestCase("segment=NO-SUCH", HttpStatusCode.NotFound, "NO-SUCH")]
    [TestCase("region=nowhere", HttpStatusCode.NotFound, "nowhere")]
    [TestCase("import=no-such-job", HttpStatusCode.NotFound, "no-such-job")]
    public async Task Bad_queue_filters_are_refused_naming_them(string query, HttpStatusCode status, string named)
    {
        var response = await Client.GetAsync($"/api/memberships?{query}");

        Assert.That(response.StatusCode, Is.EqualTo(status));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(named));
    }

    [Test]
    public async Task A_bulk_review_confirms_rejects_and_moves_and_the_targets_show_it_at_once()
    {
        var (confirm, reject, move) = (await FindAsync(Confirm), await FindAsync(Reject), await FindAsync(Move));
        var targetsBefore = await TargetIdsAsync(Segment);

        var response = await ReviewAsync(
            new { companyId = confirm.Id, segment = Segment, action = "confirm", role = "车桥制造" },
            new { companyId = reject.Id, segment = Segment, action = "reject" },
            new { companyId = move.Id, segment = "车桥与悬架", action = "move", toSegment = "制動與轉向系統" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await FindAsync(Confirm)).Segments.Select(m => (m.Segment, m.Status, m.Source, m.Role)),
            Is.EqualTo(new[] { (Segment, "confirmed", "analyst", "车桥制造") }));
        Assert.That((await FindAsync(Reject)).Segments, Is.Empty);
        Assert.That((await FindAsync(Move)).Segments.Select(m => (m.Segment, m.Status, m.Source)), Is.EqualTo(new[] { (Brake, "confirmed", "analyst") }));
        Assert.That(targetsBefore, Does.Not.Contain(confirm.Id));
        Assert.That(await TargetIdsAsync(Segment), Does.Contain(confirm.Id), "confirmed: a target at once");
        Assert.That(await TargetIdsAsync(Brake), Does.Contain(move.Id), "moved: a target of its new segment at once");
        var queue = await QueueAsync($"import={jobId}&pageSize=200");
        Assert.That(queue.Items.Where(i => i.CompanyId == reject.Id), Is.Empty, "a rejected membership is not listed");
        Assert.That(await Client.GetStringAsync("/api/audit"), Does.Contain("/api/memberships/review"));
    }

    private async Task<List<long>> TargetIdsAsync(string segment) =>
        (await Client.GetFromJsonAsync<TargetPageResponse>($"/api/targets?chain=ZQ&segment={segment}&region=&pageSize=100"))!.Items.Select(t => t.CompanyId).ToList();

    [Test]
    public async Task One_bad_item_refuses_the_whole_review_naming_its_index_and_changes_nothing()
    {
        var untouched = await FindAsync(Untouched);
        var good = new { companyId = untouched.Id, segment = Segment, action = "confirm" };
        var before = await StateAsync();
        var cases = new (object Bad, string Field, string Says)[]
        {
            (new { companyId = 99999999L, segment = Segment, action = "confirm" }, "items[1].companyId", "99999999"),
            (new { companyId = untouched.Id, segment = "NO-SUCH", action = "reject" }, "items[1].segment", "NO-SUCH"),
            (new { companyId = untouched.Id, segment = "ZQ-MAT", action = "reject" }, "items[1].segment", "no membership of segment ZQ-MAT"),
            (new { companyId = untouched.Id, segment = Segment, action = "destroy" }, "items[1].action", "destroy"),
            (new { companyId = untouched.Id, segment = Segment, action = "move" }, "items[1].toSegment", "toSegment"),
            (new { companyId = untouched.Id, segment = Segment, action = "move", toSegment = "NOWHERE" }, "items[1].toSegment", "NOWHERE"),
            (new { companyId = untouched.Id, segment = Segment, action = "reject" }, "items[1].segment", "Item 0 already"),
            (new { companyId = untouched.Id, segment = Segment, action = "confirm", role = new string('x', 101) }, "items[1].role", "100"),
        };

        foreach (var (bad, field, says) in cases)
        {
            var response = await ReviewAsync(good, bad);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), field);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.That(problem.RootElement.GetProperty("index").GetInt32(), Is.EqualTo(1));
            Assert.That(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.RootElement.ToString());
            Assert.That(problem.RootElement.GetProperty("detail").GetString(), Does.Contain(says).And.Contain("Nothing was changed"));
        }

        var empty = await Client.PostAsJsonAsync("/api/memberships/review", new { items = Array.Empty<object>() });
        var none = await Client.PostAsync("/api/memberships/review", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await StateAsync(), Is.EqualTo(before), "nothing changed, not even the good first item");
    }

    [Test]
    public async Task A_rejected_membership_does_not_come_back_on_a_re_import_or_a_re_classification()
    {
        var returner = await FindAsync(Returner);
        var response = await ReviewAsync(new { companyId = returner.Id, segment = Segment, action = "reject" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());

        await ImportAsync("again.csv", $"企业名称,行政区划代码,主营产品,注册资本,环节\n{Returner},320583,{Word},9000000,\n");
        Assert.That((await FindAsync(Returner)).Segments, Is.Empty, "the classifier's guess on re-import");
        await ImportAsync("named.csv", $"企业名称,行政区划代码,主营产品,注册资本,环节\n{Returner},320583,{Word},9000000,{Segment}\n");
        Assert.That((await FindAsync(Returner)).Segments, Is.Empty, "a file naming the segment");

        var reclassify = await Client.PostAsync("/api/companies/reclassify", null);
        Assert.That(reclassify.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        await SettleAsync();
        Assert.That((await FindAsync(Returner)).Segments, Is.Empty, "re-classification");
    }

    [Test]
    public async Task An_analyst_adds_and_removes_one_companys_membership_and_a_removed_one_stays_away()
    {
        var added = await FindAsync(Added);

        var add = await Client.PostAsJsonAsync($"/api/companies/{added.Id}/memberships", new { segment = "制動與轉向系統", role = "制动器" });

        Assert.That(add.StatusCode, Is.EqualTo(HttpStatusCode.OK), await add.Content.ReadAsStringAsync());
        var detail = (await add.Content.ReadFromJsonAsync<CompanyDetailResponse>())!;
        Assert.That(detail.Company.Segments.Select(m => (m.Segment, m.Status, m.Source)),
            Is.EquivalentTo(new[] { (Brake, "confirmed", "analyst"), (Segment, "unconfirmed", "classifier:queue.csv") }));
        Assert.That(detail.Company.Segments.Single(m => m.Segment == Brake).Role, Is.EqualTo("制动器"));
        Assert.That(await TargetIdsAsync(Brake), Does.Contain(added.Id));

        var remove = await Client.DeleteAsync($"/api/companies/{added.Id}/memberships/{Segment}");

        Assert.That(remove.StatusCode, Is.EqualTo(HttpStatusCode.OK), await remove.Content.ReadAsStringAsync());
        Assert.That((await FindAsync(Added)).Segments.Select(m => m.Segment), Is.EqualTo(new[] { Brake }));
        await ImportAsync("added.csv", $"企业名称,行政区划代码,主营产品,注册资本,环节\n{Added},320583,{Word},9000000,\n");
        Assert.That((await FindAsync(Added)).Segments.Select(m => m.Segment), Is.EqualTo(new[] { Brake }), "removed stays removed");
        var audit = await Client.GetStringAsync("/api/audit");
        Assert.That(audit, Does.Contain($"/api/companies/{added.Id}/memberships"));

        var readd = await Client.PostAsJsonAsync($"/api/companies/{added.Id}/memberships", new { segment = Segment, role = "车桥" });
        Assert.That(readd.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await FindAsync(Added)).Segments.Select(m => (m.Segment, m.Source)), Is.EquivalentTo(new[] { (Brake, "analyst"), (Segment, "analyst") }),
            "an analyst's add lifts the rejection");
    }

    [Test]
    public async Task Bad_adds_and_removes_are_refused_and_change_nothing()
    {
        var untouched = await FindAsync(Untouched);
        var before = await StateAsync();

        var noCompany = await Client.PostAsJsonAsync("/api/companies/99999999/memberships", new { segment = Segment });
        var noSegment = await Client.PostAsJsonAsync($"/api/companies/{untouched.Id}/memberships", new { segment = "NO-SUCH" });
        var missing = await Client.PostAsJsonAsync($"/api/companies/{untouched.Id}/memberships", new { role = "x" });
        var longRole = await Client.PostAsJsonAsync($"/api/companies/{untouched.Id}/memberships", new { segment = Brake, role = new string('x', 101) });
        var removeNone = await Client.DeleteAsync($"/api/companies/{untouched.Id}/memberships/ZQ-MAT");
        var removeUnknown = await Client.DeleteAsync($"/api/companies/{untouched.Id}/memberships/NO-SUCH");
        var removeNoCompany = await Client.DeleteAsync($"/api/companies/99999999/memberships/{Segment}");

        Assert.That(noCompany.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(noSegment.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await noSegment.Content.ReadAsStringAsync(), Does.Contain("NO-SUCH"));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await missing.Content.ReadAsStringAsync(), Does.Contain("segment"));
        Assert.That(longRole.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await longRole.Content.ReadAsStringAsync(), Does.Contain("role"));
        Assert.That(removeNone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await removeNone.Content.ReadAsStringAsync(), Does.Contain("ZQ-MAT"));
        Assert.That(removeUnknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(removeNoCompany.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await StateAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Only_analysts_and_admins_change_memberships()
    {
        var untouched = await FindAsync(Untouched);
        using var viewer = await Factory.CreateClientAsAsync(Role.Viewer);
        using var analyst = await Factory.CreateClientAsAsync(Role.Analyst);
        var before = await StateAsync();

        var review = await viewer.PostAsJsonAsync("/api/memberships/review", new { items = new[] { new { companyId = untouched.Id, segment = Segment, action = "confirm" } } });
        var add = await viewer.PostAsJsonAsync($"/api/companies/{untouched.Id}/memberships", new { segment = Brake });
        var remove = await viewer.DeleteAsync($"/api/companies/{untouched.Id}/memberships/{Segment}");
        var read = await viewer.GetAsync("/api/memberships?status=unconfirmed");
        var analystRead = await analyst.GetAsync("/api/memberships?status=unconfirmed");

        Assert.That((review.StatusCode, add.StatusCode, remove.StatusCode), Is.EqualTo((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)));
        Assert.That((read.StatusCode, analystRead.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
        Assert.That(await StateAsync(), Is.EqualTo(before));
    }
}
