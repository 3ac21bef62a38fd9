using ChainMap.Chains;
using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Tests.Api;
using ChainMap.Tests.Support;
using ChainMap.Text;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Discovery;

/// <summary>
/// The store of the kept-ranking and kept-map tests: the discovery graph of <see cref="TargetApiTests"/> and
/// <c>count</c> service companies (T1-SVC) in Heilongjiang with strengths 10.5, 11.5 …, no ties; the discovery caches
/// told of them.
/// </summary>
internal sealed record ServiceCompanies(IChainMapStore Store, DiscoveryGraph Graph, DiscoveryCache Cache, DiscoveryService Discovery, ChainDefinition Chain, IReadOnlyList<long> Ids)
{
    public static async Task<ServiceCompanies> SeedAsync(ChainMapApiFactory factory, int count, string file)
    {
        var store = factory.Services.GetRequiredService<IChainMapStore>();
        var graph = await TargetApiTests.BuildAsync(factory);
        var records = Enumerable.Range(0, count).Select(i => Record($"黑龙江服务{i:D2}", 10.5 + i, file)).ToList();
        var outcomes = await store.UpsertCompaniesAsync(records, new ImportStamp("imp-" + file, file, DateTimeOffset.UnixEpoch), CancellationToken.None);
        var cache = factory.Services.GetRequiredService<DiscoveryCache>();
        await cache.ChangedAsync(CancellationToken.None);
        var chain = (await factory.Services.GetRequiredService<ChainDirectory>().GetDefinitionAsync("T1", CancellationToken.None))!;
        return new(store, graph, cache, factory.Services.GetRequiredService<DiscoveryService>(), chain, outcomes.Select(o => o.CompanyId).ToList());
    }

    /// <summary>A service company in 哈尔滨市道里区 (230102), a confirmed T1-SVC member from <paramref name="file"/>.</summary>
    public static CompanyRecord Record(string name, double strength, string file)
    {
        var place = TestData.Regions.Place("230102");
        return new(
            $"n:{name}", null, name, ChineseText.NormalizeCompanyName(name), "230102", place.Province, place.City, place.County,
            null, null, null, null, null, [], null, null, strength, [new SegmentMembership("T1-SVC", "maker", 1.0, "kept", file)]);
    }
}
