using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Seeding;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Seeding;

/// <summary>The demo generator follows the home city's profile (data/demo/home-profile.csv).</summary>
public sealed class SyntheticCompaniesTests
{
    private const string Home = "421300";

    private IReadOnlyList<ChainDefinition> chains = null!;

    [OneTimeSetUp]
    public async Task ReadChains() =>
        chains = (await ChainCsv.ReadFolderAsync(Path.Combine(TestData.DataPath, "chains"), CancellationToken.None)).Chains;

    [TestCase(421300)]
    [TestCase(7)]
    public async Task Absent_segments_get_no_home_company_and_strong_ones_a_high_home_share(int seed)
    {
        var profile = await HomeProfile.ReadFileAsync(Path.Combine(TestData.DataPath, "demo", HomeProfile.FileName), chains, CancellationToken.None);

        var rows = SyntheticCompanies.Generate(30000, seed, chains, TestData.Regions, Home, profile).ToList();

        var bySegment = rows.GroupBy(r => r[3]).ToDictionary(g => g.Key, g => (All: g.Count(), Home: g.Count(r => TestData.Regions.IsWithin(r[2], Home))), StringComparer.Ordinal);
        Assert.That(profile.Segments.Values, Does.Contain(HomePresence.Absent).And.Contain(HomePresence.Strong).And.Contain(HomePresence.Present));
        Assert.Multiple(() =>
        {
            foreach (var (code, presence) in profile.Segments)
            {
                var (all, home) = bySegment.GetValueOrDefault(code);
                switch (presence)
                {
                    case HomePresence.Absent:
                        Assert.That(home, Is.Zero, $"{code} is absent");
                        Assert.That(all, Is.GreaterThan(0), $"{code} still has companies elsewhere to attract");
                        break;
                    case HomePresence.Strong:
                        Assert.That(home, Is.GreaterThanOrEqualTo(3), $"{code} is strong");
                        Assert.That((double)home / all, Is.GreaterThanOrEqualTo(0.3), $"{code} is strong: {home} of {all} at home");
                        break;
                    default:
                        Assert.That(home, Is.GreaterThanOrEqualTo(1), $"{code} is present");
                        Assert.That((double)home / all, Is.LessThan(0.3), $"{code} is present, not strong: {home} of {all} at home");
                        break;
                }
            }
        });
    }

    [Test]
    public async Task The_same_seed_and_profile_give_the_same_rows()
    {
        var profile = await HomeProfile.ReadFileAsync(Path.Combine(TestData.DataPath, "demo", HomeProfile.FileName), chains, CancellationToken.None);

        var first = SyntheticCompanies.Generate(2000, 5, chains, TestData.Regions, Home, profile).Select(r => string.Join(',', r)).ToList();
        var second = SyntheticCompanies.Generate(2000, 5, chains, TestData.Regions, Home, profile).Select(r => string.Join(',', r)).ToList();

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public async Task The_demo_file_was_generated_with_the_profile()
    {
        var profile = await HomeProfile.ReadFileAsync(Path.Combine(TestData.DataPath, "demo", HomeProfile.FileName), chains, CancellationToken.None);
        var homeRows = File.ReadLines(Path.Combine(TestData.DataPath, "demo", "companies.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Where(fields => TestData.Regions.IsWithin(fields[2], Home))
            .Select(fields => fields[3])
            .ToHashSet(StringComparer.Ordinal);

        Assert.That(profile.Segments.Where(s => s.Value == HomePresence.Absent).Select(s => s.Key).Where(homeRows.Contains), Is.Empty, "no home company in an absent segment");
        Assert.That(profile.Segments.Where(s => s.Value != HomePresence.Absent).Select(s => s.Key).Where(s => !homeRows.Contains(s)), Is.Empty, "a home company in every strong or present segment");
    }

    [TestCase("segment,presence,note\nZQ-NOPE,strong,x\n", "line 2: segment 'ZQ-NOPE' is not a segment")]
    [TestCase("segment,presence,note\nZQ-SAN,strong,x\nZQ-SAN,absent,y\n", "line 3: segment ZQ-SAN is already named on line 2")]
    [TestCase("# comment\nsegment,presence,note\nZQ-SAN,many,x\n", "line 3: segment ZQ-SAN has presence 'many'; expected strong, present or absent")]
    [TestCase("segment,presence,note\nZQ-POWER,absent,x\nZQ-POWER-ENGINE,absent,x\nZQ-POWER-PTO,present,x\n", "line 4: segment ZQ-POWER-PTO cannot be present under the absent segment ZQ-POWER")]
    [TestCase("segment,presence,note\nZQ-POWER,absent,x\nZQ-POWER-ENGINE,absent,x\n", "segment ZQ-POWER-PTO is not named but its parent ZQ-POWER is absent")]
    [TestCase("segment,note\nZQ-SAN,x\n", "the header must have the columns segment,presence,note")]
    public void A_bad_profile_is_refused_naming_the_line_and_the_problem(string text, string message)
    {
        var error = Assert.ThrowsAsync<InvalidDataException>(() => HomeProfile.ReadAsync(new StringReader(text), "home-profile.csv", chains, CancellationToken.None));

        Assert.That(error!.Message, Does.StartWith("home-profile.csv").And.Contain(message));
    }
}
