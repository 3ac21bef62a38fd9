using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChainMap.Api.Companies;
using ChainMap.Api.Regions;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Api;

public sealed class RegionAndCompanyApiTests
{
    private HttpClient client = null!;

    [SetUp]
    public void CreateClient() => client = SharedApi.Client();

    [TearDown]
    public void DisposeClient() => client.Dispose();

    [TestCase("随州")]
    [TestCase("隨州")]
    [TestCase("隨州市")]
    public async Task Region_search_finds_Suizhou_in_either_script(string q)
    {
        var regions = await client.GetFromJsonAsync<List<RegionResponse>>($"/api/regions?q={Uri.EscapeDataString(q)}");

        Assert.That(regions!.Select(r => r.Code), Does.Contain("421300"));
    }

    [Test]
    public async Task Region_detail_has_lineage_and_children()
    {
        var region = await client.GetFromJsonAsync<RegionDetailResponse>("/api/regions/421300");

        Assert.That(region!.Lineage.Select(r => r.Code), Is.EqualTo(new[] { "420000", "421300" }));
        Assert.That(region.Children.Select(c => c.Name), Is.SupersetOf(new[] { "曾都区", "随县", "广水市" }));
    }

    [Test]
    public async Task Unknown_region_is_404()
    {
        var response = await client.GetAsync("/api/regions/999999");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Region_groups_include_the_five_resident_team_regions()
    {
        var groups = await client.GetFromJsonAsync<List<RegionGroupResponse>>("/api/region-groups");

        Assert.That(groups!.Select(g => g.Name), Is.SupersetOf(new[] { "长三角", "珠三角", "京津冀", "武汉都市圈", "成渝" }));
        Assert.That(groups!.Single(g => g.Name == "长三角").Members.Select(m => m.Code), Is.EquivalentTo(new[] { "310000", "320000", "330000", "340000" }));
    }

    [Test]
    public async Task Home_has_four_receiving_units_including_the_development_zone()
    {
        var home = await client.GetFromJsonAsync<HomeResponse>("/api/home");

        Assert.That(home!.Code, Is.EqualTo("421300"));
        Assert.That(home.Units.Select(u => u.Name), Is.EquivalentTo(new[] { "曾都区", "随县", "广水市", "随州高新区" }));
        Assert.That(home.Units.Single(u => u.Name == "随州高新区").Kind, Is.EqualTo("development-zone"));
        Assert.That(home.Teams, Has.Count.EqualTo(5));
    }

    [Test]
    public async Task Company_search_by_region_group_and_chain_returns_only_companies_inside()
    {
        var page = await client.GetFromJsonAsync<CompanyPageResponse>($"/api/companies?chain=ZQ&region={Uri.EscapeDataString("長三角")}&pageSize=50");

        Assert.That(page!.Total, Is.GreaterThan(0));
        Assert.That(page.Items.All(c => c.ProvinceCode is "310000" or "320000" or "330000" or "340000"), Is.True);
        Assert.That(page.Items.All(c => c.Segments.Any(s => s.Segment.StartsWith("ZQ-", StringComparison.Ordinal))), Is.True);
    }

    [Test]
    public async Task Company_found_by_id_and_by_uscc()
    {
        var first = (await client.GetFromJsonAsync<CompanyPageResponse>("/api/companies?pageSize=1"))!.Items[0];

        var byId = await client.GetFromJsonAsync<CompanyDetailResponse>($"/api/companies/{first.Id}");
        var byUscc = await client.GetFromJsonAsync<CompanyDetailResponse>($"/api/companies/{first.Uscc}");

        Assert.That(byId!.Company.Name, Is.EqualTo(first.Name));
        Assert.That(byUscc!.Company.Id, Is.EqualTo(first.Id));
    }

    [Test]
    public async Task A_full_width_uscc_in_the_url_or_a_filter_finds_the_company_like_the_importer_accepts_it()
    {
        var first = (await client.GetFromJsonAsync<CompanyPageResponse>("/api/companies?pageSize=1"))!.Items[0];
        var fullWidth = "\u3000" + new string(first.Uscc!.Select(c => (char)(c + 0xFEE0)).ToArray());

        using var byUrl = await client.GetAsync($"/api/companies/{Uri.EscapeDataString(fullWidth)}");
        using var byFilter = await client.GetAsync($"/api/projects?company={Uri.EscapeDataString(fullWidth)}");

        Assert.That(byUrl.StatusCode, Is.EqualTo(HttpStatusCode.OK), await byUrl.Content.ReadAsStringAsync());
        Assert.That((await byUrl.Content.ReadFromJsonAsync<CompanyDetailResponse>())!.Company.Id, Is.EqualTo(first.Id));
        Assert.That(byFilter.StatusCode, Is.EqualTo(HttpStatusCode.OK), await byFilter.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Invalid_uscc_is_400_naming_the_field_and_why()
    {
        var response = await client.GetAsync("/api/companies/91421303MA49ABCD0Z");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var message = problem.GetProperty("errors").GetProperty("uscc")[0].GetString();
        Assert.That(message, Does.Contain("check character").Or.Contain("not allowed"));
    }

    [Test]
    public async Task Page_size_out_of_range_is_400()
    {
        var response = await client.GetAsync("/api/companies?pageSize=1000");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Health_reports_the_store()
    {
        var health = await client.GetFromJsonAsync<JsonElement>("/health");

        Assert.That(health.GetProperty("status").GetString(), Is.EqualTo("healthy"));
        Assert.That(health.GetProperty("store").GetString(), Is.EqualTo("sqlite"));
    }
}
