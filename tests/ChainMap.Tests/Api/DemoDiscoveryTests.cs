using System.Net.Http.Json;
using ChainMap.Api.Channels;
using ChainMap.Api.Targets;
using ChainMap.Api.Teams;
using ChainMap.Tests.Support;

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

    [Test]
    public async Task The_special_vehicle_map_shows_suizhou_strong_in_sanitation_and_refrigerated_trucks()
    {
        using var client = SharedApi.Client();

        var map = await client.GetFromJsonAsync<InvestmentMapResponse>($"/api/chains/{Uri.EscapeDataString("專汽")}/investment-map");

        var ratings = map!.Segments.ToDictionary(s => s.Name, s => s.Rating, StringComparer.Ordinal);
        Assert.That(ratings["环卫专用车"], Is.EqualTo("strong"));
        Assert.That(ratings["冷藏保温车"], Is.EqualTo("strong"));
    }

    [TestCase("ZQ")]
    [TestCase("YJ")]
    [TestCase("NC")]
    public async Task The_leading_chain_maps_follow_the_home_profile(string chain)
    {
        using var client = SharedApi.Client();

        var map = await client.GetFromJsonAsync<InvestmentMapResponse>($"/api/chains/{chain}/investment-map");

        AssertFollowsProfile(map!);
    }

    /// <summary>
    /// Every segment of the map that data/demo/home-profile.csv marks strong is rated 优势, every absent one
    /// 空白, and the segments that are not strengths still offer targets to attract.
    /// </summary>
    internal static void AssertFollowsProfile(InvestmentMapResponse map)
    {
        var profile = DemoProfile();
        var segments = map.Segments.Where(s => profile.ContainsKey(s.Code)).ToList();
        Assert.That(segments, Is.Not.Empty, $"the profile names segments of {map.Code}");
        Assert.Multiple(() =>
        {
            foreach (var segment in segments)
            {
                var expected = profile[segment.Code] switch
                {
                    "strong" => "strong",
                    "absent" => "missing",
                    _ => null,
                };
                if (expected is not null)
                {
                    Assert.That(segment.Rating, Is.EqualTo(expected), $"{segment.Code} {segment.Name}: profile says {profile[segment.Code]}, {segment.Local.Companies} home companies, quotient {segment.Quotient}");
                }
                else
                {
                    Assert.That(segment.Local.Companies, Is.GreaterThan(0), $"{segment.Code} {segment.Name}: profile says present");
                }
            }
        });
        Assert.That(map.Segments.Where(s => s.Rating != "strong").SelectMany(s => s.TopTargets), Is.Not.Empty, "targets for the segments that are not strengths");
        Assert.That(map.Segments.Where(s => profile.GetValueOrDefault(s.Code) == "absent").Where(s => s.TopTargets.Count == 0).Select(s => s.Code), Is.Empty, "every gap the profile names offers targets");
    }

    /// <summary>segment code → presence, read from the profile file the demo was generated with.</summary>
    private static Dictionary<string, string> DemoProfile() =>
        File.ReadAllLines(Path.Combine(TestData.DataPath, "demo", "home-profile.csv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(fields => fields[0].Trim(), fields => fields[1].Trim(), StringComparer.Ordinal);
}
