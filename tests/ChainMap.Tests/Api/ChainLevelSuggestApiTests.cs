using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ChainMap.Api.Companies;
using ChainMap.Api.Imports;
using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Api;

/// <summary>
/// A store written before ADR 0405 holds chain-level memberships (环节待定) whose evidence suggests no segment. The suggestion job
/// (<c>POST /api/memberships/chain-level/suggest</c>, ADR 0425) gives them the suggestions the classifier makes now and changes
/// nothing else: not their confidence, status, source or role, not the company's other memberships, not a file's or an analyst's.
/// A re-classification gives them suggestions too, since their evidence differs from the classifier's.
/// </summary>
public sealed partial class ChainLevelSuggestApiTests : ServiceFixture
{
    private const string Parts = "随州链级建议甲股份有限公司"; // 汽车配件: chain-level in 专汽
    private const string Components = "随州链级建议乙股份有限公司"; // 元器件: chain-level in 电子信息
    private const string Filed = "随州链级建议丙股份有限公司"; // a file's segment
    private const string Named = "随州链级建议丁传动股份有限公司"; // 传动 names ZQ-POWER-PTO
    private const string Settled = "随州链级建议戊股份有限公司"; // chain-level, then an analyst's (old evidence, source analyst)

    [OneTimeSetUp]
    public async Task StartServiceAsync()
    {
        await ImportJobWait.ImportCompaniesAsync(Client,
            $"企业名称,行政区划代码,行业,环节\n{Parts},421303,汽车配件,\n{Components},421303,元器件,\n{Filed},421303,汽车配件,ZQ-MAT\n{Named},421303,汽车配件,\n{Settled},421303,汽车配件,\n",
            "chain-level-old.csv");
    }

    [GeneratedRegex("可定环节: [^;]*; ")]
    private static partial Regex SuggestionsPart();

    private IChainMapStore Store => Factory.Services.GetRequiredService<IChainMapStore>();

    private async Task<Company> CompanyAsync(string name)
    {
        var id = (await Client.GetFromJsonAsync<CompanyPageResponse>($"/api/companies?q={Uri.EscapeDataString(name)}"))!.Items.Single().Id;
        return (await Store.GetCompanyAsync(id, CancellationToken.None))!;
    }

    /// <summary>Writes the company's chain-level classifier memberships back as a build before ADR 0405 stored them: no 可定环节.</summary>
    private async Task<Company> MakeOldAsync(string name)
    {
        var company = await CompanyAsync(name);
        var old = company.Memberships.Select(m => m with { Evidence = SuggestionsPart().Replace(m.Evidence!, string.Empty) }).ToList();
        Assert.That(old.Where(ChainLevelMemberships.LacksSuggestions), Is.Not.Empty, $"{name} has a chain-level membership");
        await Store.ReplaceClassifiedMembershipsAsync([new ClassifiedMemberships(company.Id, old)], CancellationToken.None);
        await Factory.ForgetDiscoveryAsync();
        return (await Store.GetCompanyAsync(company.Id, CancellationToken.None))!;
    }

    private async Task<ImportJobResponse> RunAsync(string url, string location)
    {
        await ImportJobWait.UntilIdleAsync(Client);
        var response = await Client.PostAsync(url, null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var queued = (await response.Content.ReadFromJsonAsync<ImportJobResponse>())!;
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo(location + queued.Id));
        await ImportJobWait.UntilIdleAsync(Client);
        return (await Client.GetFromJsonAsync<ImportJobResponse>($"/api/imports/{queued.Id}"))!;
    }

    [Test]
    public async Task The_suggestion_job_gives_old_chain_level_memberships_their_suggestions_and_changes_nothing_else()
    {
        var parts = await CompanyAsync(Parts);
        var components = await CompanyAsync(Components);
        var settledNow = await CompanyAsync(Settled);
        Assert.That(parts.Memberships.Single().SuggestedSegments(), Is.Not.Empty, "the import suggests segments (ADR 0405)");
        var oldParts = await MakeOldAsync(Parts);
        var oldComponents = await MakeOldAsync(Components);

        // An analyst took 戊's chain-level membership as it was before ADR 0405: theirs now, and not the job's to change.
        var settledOld = settledNow.Memberships.Single() with { Evidence = SuggestionsPart().Replace(settledNow.Memberships.Single().Evidence!, string.Empty), Source = MembershipSources.Analyst };
        var written = await Store.ApplyMembershipWritesAsync([new MembershipWrite(settledNow.Id, "ZQ", settledOld)], new Dictionary<long, long>(), DateTimeOffset.UtcNow, "analyst-1", CancellationToken.None);
        Assert.That(written.Written, Is.True);
        await Factory.ForgetDiscoveryAsync();
        var untouched = new Dictionary<string, IReadOnlyList<SegmentMembership>>
        {
            [Filed] = (await CompanyAsync(Filed)).Memberships,
            [Named] = (await CompanyAsync(Named)).Memberships,
            [Settled] = (await CompanyAsync(Settled)).Memberships,
        };
        Assert.That(untouched[Named].Select(m => m.SegmentCode), Is.EqualTo(new[] { "ZQ-POWER-PTO" }));
        Assert.That(untouched[Filed].Select(m => (m.SegmentCode, m.IsClassified)), Is.EqualTo(new[] { ("ZQ-MAT", false) }));
        var queue = (await Client.GetFromJsonAsync<ReviewMembershipPageResponse>("/api/memberships?chainLevel=true&pageSize=200"))!;
        Assert.That(queue.Items.Where(i => i.CompanyName.Contains("链级建议", StringComparison.Ordinal)).Select(i => (i.CompanyName, i.SuggestedSegments.Count)),
            Is.EquivalentTo(new[] { (Parts, 0), (Components, 0), (Settled, 0) }), "the old rows suggest nothing");

        var job = await RunAsync("/api/memberships/chain-level/suggest", "/api/imports/");

        Assert.That((job.Kind, job.State), Is.EqualTo(("suggest", "succeeded")), job.Message);
        Assert.That(job.Updated, Is.EqualTo(2), "甲 and 乙; 戊's membership is the analyst's");
        foreach (var (name, before, now) in new[] { (Parts, oldParts, parts), (Components, oldComponents, components) })
        {
            var filled = (await CompanyAsync(name)).Memberships.Single();
            var was = before.Memberships.Single();
            Assert.That(filled with { Evidence = null }, Is.EqualTo(was with { Evidence = null }), $"{name}: chain, confidence, status, source and role as they were");
            Assert.That(filled.Evidence, Is.EqualTo(now.Memberships.Single().Evidence), $"{name}: the evidence the classifier writes now");
            Assert.That(filled.SuggestedSegments(), Is.Not.Empty);
        }

        foreach (var (name, memberships) in untouched)
        {
            Assert.That((await CompanyAsync(name)).Memberships, Is.EqualTo(memberships), $"{name} is left alone");
        }

        var listed = (await Client.GetFromJsonAsync<ReviewMembershipPageResponse>("/api/memberships?chainLevel=true&chain=ZQ&pageSize=200"))!;
        Assert.That(listed.Items.Single(i => i.CompanyName == Parts).SuggestedSegments, Is.EqualTo(parts.Memberships.Single().SuggestedSegments()));
        var again = await RunAsync("/api/memberships/chain-level/suggest", "/api/imports/");
        Assert.That((again.State, again.Updated), Is.EqualTo(("succeeded", 0)), "a second run finds nothing to do");
    }

    [Test]
    public async Task Reclassification_gives_an_unchanged_chain_level_membership_its_suggestions()
    {
        var now = (await CompanyAsync(Parts)).Memberships.Single();
        var old = (await MakeOldAsync(Parts)).Memberships.Single();
        Assert.That(old.SuggestedSegments(), Is.Empty);

        var job = await RunAsync("/api/companies/reclassify", "/api/companies/reclassify/");

        Assert.That(job.State, Is.EqualTo("succeeded"), job.Message);
        var after = (await CompanyAsync(Parts)).Memberships.Single();
        Assert.That((after.SegmentCode, after.Evidence), Is.EqualTo(("ZQ", now.Evidence)), "re-classification rewrites the evidence of a membership it keeps");
        Assert.That(after.SuggestedSegments(), Is.Not.Empty);
    }

    [Test]
    public async Task Only_a_curator_may_run_the_suggestion_job()
    {
        using var viewer = await Factory.CreateClientAsAsync(ChainMap.Access.Role.Viewer);

        var response = await viewer.PostAsync("/api/memberships/chain-level/suggest", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
