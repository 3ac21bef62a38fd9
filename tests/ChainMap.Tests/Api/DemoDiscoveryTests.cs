using System.Net.Http.Json;
using ChainMap.Api.Channels;
using ChainMap.Api.Targets;
using ChainMap.Api.Teams;

namespace ChainMap.Tests.Api;

/// <summary>What a new user sees at first start with the default data: gaps, targets and introduction paths.</summary>
public sealed class DemoDiscoveryTests
{
    [Test]
    public async Task A_team_sees_ranked_targets_inside_its_region_with_introduction_paths()
    {
        using var client = SharedApi.Client();
        var teams = await client.GetFromJsonAsync<List<ResidentTeamResponse>>("/api/teams");
        var page = await client.GetFromJsonAsync<TargetPageResponse>("/api/teams/csj/targets?chain=专汽&pageSize=50");

        Assert.That(teams!.Select(t => t.RegionGroup), Is.EquivalentTo(new[] { "长三角", "珠三角", "京津冀", "武汉都市圈", "成渝" }));
        Assert.That(page!.Items, Has.Count.EqualTo(50));
        Assert.That(page.Items.Select(t => t.ProvinceCode), Is.All.AnyOf("310000", "320000", "330000", "340000"));
        Assert.That(page.Items.Count(t => t.Paths.Count > 0), Is.GreaterThanOrEqualTo(5), "the demo network gives introduction paths");
        Assert.That(page.Items.Where(t => t.Paths.Count > 0).SelectMany(t => t.Paths).All(p => p.Hops <= 3 && p.Steps[^1].To.IsHome), Is.True);
        Assert.That(page.Items.All(t => t.Reasons.Count >= 2), Is.True);
    }

    [Test]
    public async Task The_demo_investment_map_shows_strengths_and_gaps()
    {
        using var client = SharedApi.Client();

        var map = await client.GetFromJsonAsync<InvestmentMapResponse>("/api/chains/ZQ/investment-map");
        var channels = await client.GetFromJsonAsync<ChannelPageResponse>("/api/channels?kind=商会&region=上海");

        Assert.That(map!.Segments.Select(s => s.Rating), Has.Some.EqualTo("strong").And.Some.EqualTo("missing"));
        Assert.That(map.Segments.Where(s => s.Rating != "strong").SelectMany(s => s.TopTargets), Is.Not.Empty);
        Assert.That(map.Segments.SelectMany(s => s.TopTargets).Select(t => t.CityCode), Has.None.EqualTo("421300"));
        Assert.That(channels!.Items.Select(c => c.Name), Has.Some.Contains("上海随州商会"));
    }
}
