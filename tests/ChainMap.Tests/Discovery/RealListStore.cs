using ChainMap.Api.Targets;
using ChainMap.Chains;
using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Regions;
using ChainMap.Seeding;
using ChainMap.Storage;
using ChainMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Discovery;

/// <summary>
/// A service whose store holds one real company list alone (issue #19): the default regions, home and chains but no demo
/// companies, the list imported, and every 待确认 guess confirmed as an analyst's review would before ranking (ADR 0135;
/// the confidence, which the score weighs, is kept). Shared by the ranking tests on real lists.
/// </summary>
internal sealed partial class RealListStore : IDisposable
{
    private RealListStore(ChainMapApiFactory factory)
    {
        Factory = factory;
        Client = factory.CreateClient();
    }

    public ChainMapApiFactory Factory { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => Factory.Services;

    /// <summary>Imports <paramref name="csv"/> alone, on SQLite or on the store <paramref name="settings"/> name, and confirms every guess.</summary>
    public static async Task<RealListStore> ImportAloneAsync(Stream csv, string fileName, int atLeast, Dictionary<string, string?>? settings = null)
    {
        var factory = new ChainMapApiFactory(seed: false, settings: settings);
        var services = factory.Services;
        await services.GetRequiredService<DefaultData>().LoadAsync(TestData.DataPath, includeCompanies: false, CancellationToken.None);
        var summary = await services.GetRequiredService<CompanyImporter>().ImportCsvAsync(csv, fileName, CancellationToken.None);
        Assert.That(summary.Inserted, Is.GreaterThanOrEqualTo(atLeast), "the list imports");

        var store = services.GetRequiredService<IChainMapStore>();
        var curation = services.GetRequiredService<MembershipCuration>();
        for (IReadOnlyList<Company> batch = await store.ListCompaniesAfterAsync(0, 500, CancellationToken.None); batch.Count > 0;
             batch = await store.ListCompaniesAfterAsync(batch[^1].Id, 500, CancellationToken.None))
        {
            foreach (var company in batch)
            {
                foreach (var membership in company.Memberships.Where(m => m.Status == MembershipStatus.Unconfirmed))
                {
                    await curation.SetStatusAsync(company.Id, membership.SegmentCode, MembershipStatus.Confirmed, CancellationToken.None);
                }
            }
        }

        Refresh(services);
        return new RealListStore(factory);
    }

    /// <summary>Imports the file at <paramref name="path"/> alone (<see cref="ImportAloneAsync(Stream, string, int, Dictionary{string, string?}?)"/>).</summary>
    public static async Task<RealListStore> ImportAloneAsync(string path, int atLeast)
    {
        await using var stream = File.OpenRead(path);
        return await ImportAloneAsync(stream, Path.GetFileName(path), atLeast);
    }

    /// <summary>Drops what the service keeps of regions, chains and discovery, after the store was written beside it.</summary>
    public static void Refresh(IServiceProvider services)
    {
        services.GetRequiredService<RegionDirectory>().Invalidate();
        services.GetRequiredService<ChainDirectory>().Invalidate();
        services.GetRequiredService<DiscoveryCache>().Clear();
    }

    /// <summary>
    /// What a user reads about a target's fit and strength: its segment, the fit sentence and the strength sentence,
    /// with the stock code itself left out (its board is the evidence: 上市（600066，上交所主板） reads as 上市（上交所主板））.
    /// Two targets with the same evidence must score the same.
    /// </summary>
    public static string Evidence(TargetResponse t) =>
        string.Join(" | ", new[] { t.Segment.Code }.Concat(t.Reasons
            .Where(r => r.StartsWith("环节匹配度", StringComparison.Ordinal) || r.StartsWith("企业实力", StringComparison.Ordinal))
            .Select(r => StockCode().Replace(r, "上市（"))));

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }

    [System.Text.RegularExpressions.GeneratedRegex("上市（[^，）]*，")]
    private static partial System.Text.RegularExpressions.Regex StockCode();
}
