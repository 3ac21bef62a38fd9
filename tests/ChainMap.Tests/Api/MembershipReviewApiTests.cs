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
/// An analyst confirms a 待确认 classifier guess with PUT /api/companies/{id}/memberships/{segment}:
/// it then counts at once in the target list and leaves the map's unconfirmed count; bad requests
/// change nothing.
/// </summary>
public sealed class MembershipReviewApiTests : ServiceFixture
{
    private const string Word = "瓅琭珫器";
    private const string Segment = "ZQ-CHASSIS-AXLE";
    private const string Confirmed = "昆山甲乙审核有限公司";
    private const string Kept = "昆山丙丁审核有限公司";

    [OneTimeSetUp]
    public async Task StartServiceAsync()
    {
        var chain = (await Client.GetFromJsonAsync<ChainResponse>("/api/chains/ZQ"))!;
        var s = chain.Segments.Single(x => x.Code == Segment);
        var put = await Client.PutAsJsonAsync($"/api/chains/ZQ/segments/{Segment}",
            new SegmentRequest(s.Code, s.Name, s.Tier, s.Parent, s.Aliases, s.Products, [.. s.Keywords, Word], s.IndustryCodes));
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());
        await SettleAsync();

        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(
            "企业名称,行政区划代码,主营产品,注册资本,环节\n" +
            $"{Confirmed},320583,{Word},9000000,\n" +
            $"{Kept},320583,{Word},8000000,\n")), "file", "review.csv");
        var upload = await Client.PostAsync("/api/imports/companies", form);
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await upload.Content.ReadAsStringAsync());
        await SettleAsync();
    }

    private async Task SettleAsync()
    {
        await ImportJobWait.UntilIdleAsync(Client);
    }

    private async Task<CompanyResponse> FindAsync(string name) =>
        (await Client.GetFromJsonAsync<CompanyPageResponse>($"/api/companies?q={Uri.EscapeDataString(name)}"))!.Items.Single();

    private async Task<List<long>> TargetIdsAsync() =>
        (await Client.GetFromJsonAsync<TargetPageResponse>($"/api/targets?chain=ZQ&segment={Segment}&region=&pageSize=100"))!.Items.Select(t => t.CompanyId).ToList();

    private async Task<int> MapUnconfirmedAsync()
    {
        using var map = JsonDocument.Parse(await Client.GetStringAsync("/api/chains/ZQ/investment-map?region=&top=0&paths=0"));
        return map.RootElement.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("code").GetString() == Segment).GetProperty("unconfirmed").GetInt32();
    }

    private static StringContent Body(string status) => new($"{{\"status\":\"{status}\"}}", Encoding.UTF8, "application/json");

    [Test]
    public async Task Confirming_a_guess_puts_it_in_the_targets_and_out_of_the_unconfirmed_count_at_once()
    {
        var company = await FindAsync(Confirmed);
        Assert.That(company.Segments.Select(m => (m.Segment, m.Status)), Is.EqualTo(new[] { (Segment, "unconfirmed") }), "imported as a 待确认 guess");
        var targetsBefore = await TargetIdsAsync();
        var unconfirmedBefore = await MapUnconfirmedAsync();

        var response = await Client.PutAsync($"/api/companies/{company.Id}/memberships/{Segment}", Body("confirmed"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var detail = (await response.Content.ReadFromJsonAsync<CompanyDetailResponse>())!;
        Assert.That(detail.Company.Id, Is.EqualTo(company.Id));
        Assert.That(detail.Company.Segments.Select(m => (m.Segment, m.Status, m.Source)), Is.EqualTo(new[] { (Segment, "confirmed", "analyst") }));
        Assert.That(targetsBefore, Does.Not.Contain(company.Id), "a 待确认 membership is not a target");
        Assert.That(await TargetIdsAsync(), Does.Contain(company.Id), "confirmed: a target at once");
        Assert.That(await MapUnconfirmedAsync(), Is.EqualTo(unconfirmedBefore - 1));
        var audit = await Client.GetStringAsync("/api/audit");
        Assert.That(audit, Does.Contain($"/api/companies/{company.Id}/memberships/{Segment}"), "audited like every change");

        var back = await Client.PutAsync($"/api/companies/{company.Id}/memberships/{Segment}", Body("unconfirmed"));

        Assert.That(back.StatusCode, Is.EqualTo(HttpStatusCode.OK), await back.Content.ReadAsStringAsync());
        Assert.That((await FindAsync(Confirmed)).Segments.Single().Status, Is.EqualTo("unconfirmed"));
        Assert.That(await TargetIdsAsync(), Does.Not.Contain(company.Id), "set back: out of the targets again");
        Assert.That(await MapUnconfirmedAsync(), Is.EqualTo(unconfirmedBefore));
    }

    [Test]
    public async Task Unknown_company_unknown_membership_and_bad_status_are_refused_and_change_nothing()
    {
        var company = await FindAsync(Kept);
        var unconfirmedBefore = await MapUnconfirmedAsync();

        var noCompany = await Client.PutAsync($"/api/companies/99999999/memberships/{Segment}", Body("confirmed"));
        var noMembership = await Client.PutAsync($"/api/companies/{company.Id}/memberships/ZQ-MAT", Body("confirmed"));
        var noSegment = await Client.PutAsync($"/api/companies/{company.Id}/memberships/NO-SUCH-SEGMENT", Body("confirmed"));
        var badStatus = await Client.PutAsync($"/api/companies/{company.Id}/memberships/{Segment}", Body("rejected"));
        var noStatus = await Client.PutAsync($"/api/companies/{company.Id}/memberships/{Segment}", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.That(noCompany.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await noCompany.Content.ReadAsStringAsync(), Does.Contain("Company not found").And.Contain("99999999"));
        Assert.That(noMembership.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await noMembership.Content.ReadAsStringAsync(), Does.Contain("Membership not found").And.Contain("ZQ-MAT").And.Contain(Segment));
        Assert.That(noSegment.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await noSegment.Content.ReadAsStringAsync(), Does.Contain("Segment not found").And.Contain("NO-SUCH-SEGMENT"));
        Assert.That(badStatus.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await badStatus.Content.ReadAsStringAsync(), Does.Contain("rejected").And.Contain("\\u0022confirmed\\u0022").And.Contain("\\u0022unconfirmed\\u0022").And.Contain("\"field\":\"status\""));
        Assert.That(noStatus.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var after = await FindAsync(Kept);
        Assert.That(after.Segments.Select(m => (m.Segment, m.Status)), Is.EqualTo(new[] { (Segment, "unconfirmed") }), "nothing changed");
        Assert.That(await MapUnconfirmedAsync(), Is.EqualTo(unconfirmedBefore));
    }

    [Test]
    public async Task A_viewer_may_not_confirm()
    {
        var company = await FindAsync(Kept);
        using var viewer = await Factory.CreateClientAsAsync(Role.Viewer);

        var response = await viewer.PutAsync($"/api/companies/{company.Id}/memberships/{Segment}", Body("confirmed"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await FindAsync(Kept)).Segments.Single().Status, Is.EqualTo("unconfirmed"));
    }
}
