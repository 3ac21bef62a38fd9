using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ChainMap.Api.Chains;
using ChainMap.Api.Companies;
using ChainMap.Api.Imports;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Api;

/// <summary>
/// 待确认 end to end over the default data: a weak classifier guess is imported as unconfirmed and
/// counted apart; editing a chain's keywords re-classifies the stored companies (a guess moves, a
/// membership from the file's segment column stays); re-classification on demand is a job.
/// </summary>
public sealed class ReclassifyApiTests : ServiceFixture
{
    private const string Word = "瓅琭珫器";

    /// <summary>Waits until no job is queued or running (a chain change queues a re-classification).</summary>
    private async Task<IReadOnlyList<ImportJobResponse>> SettleAsync()
    {
        return await ImportJobWait.UntilIdleAsync(Client);
    }

    private async Task SetKeywordAsync(string segmentCode, bool present)
    {
        var chain = (await Client.GetFromJsonAsync<ChainResponse>("/api/chains/ZQ"))!;
        var s = chain.Segments.Single(x => x.Code == segmentCode);
        var keywords = s.Keywords.Where(k => k != Word).Concat(present ? [Word] : []).ToList();
        var response = await Client.PutAsJsonAsync($"/api/chains/ZQ/segments/{segmentCode}",
            new SegmentRequest(s.Code, s.Name, s.Tier, s.Parent, s.Aliases, s.Products, keywords, s.IndustryCodes));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private async Task<CompanyResponse> FindAsync(string name) =>
        (await Client.GetFromJsonAsync<CompanyPageResponse>($"/api/companies?q={Uri.EscapeDataString(name)}"))!.Items.Single();

    [Test]
    public async Task A_weak_guess_is_unconfirmed_and_a_keyword_edit_moves_it_while_the_file_segment_stays()
    {
        await SetKeywordAsync("ZQ-CHASSIS-AXLE", present: true);
        await SettleAsync();

        var csv = "企业名称,行政区划代码,主营产品,环节\n" +
                  $"随州甲乙丙有限公司,421303,{Word},\n" +
                  $"随州丁戊己有限公司,421303,{Word},ZQ-MAT\n";
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "weak.csv");
        var upload = await Client.PostAsync("/api/imports/companies", form);
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await upload.Content.ReadAsStringAsync());
        var jobId = (await upload.Content.ReadFromJsonAsync<ImportJobResponse>())!.Id;
        await SettleAsync();
        var import = (await Client.GetFromJsonAsync<ImportJobResponse>($"/api/imports/{jobId}"))!;

        Assert.That(import.State, Is.EqualTo("succeeded"), import.Message);
        Assert.That(import.Unconfirmed, Is.EqualTo(1), "one product word is below the confirmation threshold");
        var guessed = await FindAsync("随州甲乙丙有限公司");
        var guess = guessed.Segments.Single();
        Assert.That((guess.Segment, guess.Status), Is.EqualTo(("ZQ-CHASSIS-AXLE", "unconfirmed")));
        Assert.That(guess.Confidence, Is.LessThan(0.6));
        Assert.That(guess.Evidence, Does.Contain(Word));
        var map = (await Client.GetFromJsonAsync<ChainMapResponse>("/api/chains/ZQ/map"))!;
        var axle = map.Tiers.SelectMany(t => t.Segments).Single(s => s.Code == "ZQ-CHASSIS-AXLE");
        Assert.That(axle.Unconfirmed, Is.EqualTo(1), "counted apart on the chain map");
        var investment = await Client.GetStringAsync("/api/chains/ZQ/investment-map?top=0&paths=0");
        Assert.That(investment, Does.Contain("\"unconfirmed\":1"));

        await SetKeywordAsync("ZQ-CHASSIS-AXLE", present: false);
        await SetKeywordAsync("ZQ-CHASSIS-BRAKE", present: true);
        var jobs = await SettleAsync();

        Assert.That(jobs.Where(j => j.Kind == "reclassify").Select(j => j.State), Has.All.EqualTo("succeeded"));
        var moved = await FindAsync("随州甲乙丙有限公司");
        Assert.That(moved.Segments.Select(m => m.Segment), Is.EqualTo(new[] { "ZQ-CHASSIS-BRAKE" }), "the guess follows the keyword");
        var kept = await FindAsync("随州丁戊己有限公司");
        Assert.That(kept.Segments.Select(m => (m.Segment, m.Status)), Is.EqualTo(new[] { ("ZQ-MAT", "confirmed") }), "the file's segment survives");
        var after = (await Client.GetFromJsonAsync<ChainMapResponse>("/api/chains/ZQ/map"))!.Tiers.SelectMany(t => t.Segments).ToDictionary(s => s.Code);
        Assert.That((after["ZQ-CHASSIS-AXLE"].Unconfirmed, after["ZQ-CHASSIS-BRAKE"].Unconfirmed), Is.EqualTo((0, 1)));
    }

    [Test]
    public async Task Reclassification_on_demand_is_a_job_with_counts_and_an_unknown_job_is_404()
    {
        await SettleAsync();
        var response = await Client.PostAsync("/api/companies/reclassify", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var queued = (await response.Content.ReadFromJsonAsync<ImportJobResponse>())!;
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"/api/companies/reclassify/{queued.Id}"));
        await SettleAsync();

        var done = (await Client.GetFromJsonAsync<ImportJobResponse>($"/api/companies/reclassify/{queued.Id}"))!;
        Assert.That((done.Kind, done.State), Is.EqualTo(("reclassify", "succeeded")), done.Message);
        Assert.That(done.RowsRead, Is.GreaterThan(1000), "every stored company is read (the demo data has thousands)");
        Assert.That(done.Updated, Is.Zero, "nothing changed since the last run");

        var missing = await Client.GetAsync("/api/companies/reclassify/no-such-job");
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using var viewer = await Factory.CreateClientAsAsync(ChainMap.Access.Role.Viewer);
        Assert.That((await viewer.PostAsync("/api/companies/reclassify", null)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
