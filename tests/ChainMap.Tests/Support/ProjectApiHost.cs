using ChainMap.Chains;
using ChainMap.Regions;
using ChainMap.Seeding;
using ChainMap.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Support;

/// <summary>
/// The HTTP host over a fresh SQLite file holding only what projects need: the home region of
/// data/home.json, the small test chain T1 and two companies (one with a USCC).
/// </summary>
internal sealed class ProjectApiHost : IDisposable
{
    public const string TargetUscc = "91350100M000100Y43";

    private ProjectApiHost(ChainMapApiFactory factory, long targetId, long otherId)
    {
        Factory = factory;
        TargetId = targetId;
        OtherId = otherId;
    }

    public ChainMapApiFactory Factory { get; }

    /// <summary>苏州甲液压有限公司, USCC <see cref="TargetUscc"/>, in segment T1-PART.</summary>
    public long TargetId { get; }

    /// <summary>上海乙电子有限公司, no USCC.</summary>
    public long OtherId { get; }

    public static async Task<ProjectApiHost> StartAsync()
    {
        var factory = new ChainMapApiFactory(seed: false);
        var services = factory.Services;
        var store = services.GetRequiredService<IChainMapStore>();
        await store.SaveHomeAsync(await DefaultData.ReadHomeAsync(Path.Combine(TestData.DataPath, "home.json"), CancellationToken.None), CancellationToken.None);
        await store.SaveChainAsync(TestData.SmallChain(), CancellationToken.None);
        var stamp = new ImportStamp("test", "test.csv", DateTimeOffset.UnixEpoch);
        var target = new CompanyRecord($"u:{TargetUscc}", TargetUscc, "苏州甲液压有限公司", "苏州甲液压", "320506", "320000", "320500", "320506",
            800m, null, null, null, null, [], null, null, 10, [new ChainMap.Domain.SegmentMembership("T1-PART", "maker", 1, "test", "test")]);
        var other = new CompanyRecord("n:上海乙电子|310115", null, "上海乙电子有限公司", "上海乙电子", "310115", "310000", "310100", "310115",
            null, null, null, null, null, [], null, null, 5, []);
        var outcomes = await store.UpsertCompaniesAsync([target, other], stamp, CancellationToken.None);
        services.GetRequiredService<RegionDirectory>().Invalidate();
        services.GetRequiredService<ChainDirectory>().Invalidate();
        return new ProjectApiHost(factory, outcomes[0].CompanyId, outcomes[1].CompanyId);
    }

    public HttpClient Client() => Factory.CreateClient();

    public void Dispose() => Factory.Dispose();
}
