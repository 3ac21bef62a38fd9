using ChainMap.Chains;
using ChainMap.Regions;
using ChainMap.Seeding;
using ChainMap.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMap.Tests.Support;

/// <summary>
/// The HTTP host over a fresh SQLite file holding only what projects need: the home region of
/// data/home.json, the small test chain T1, two named companies (one with a USCC) and a pool of plain
/// companies: a company has one open project at a time, so every test project takes its own company
/// (<see cref="NextCompanyId"/>).
/// </summary>
internal sealed class ProjectApiHost : IDisposable
{
    public const string TargetUscc = "91350100M000100Y43";

    private const int PoolSize = 400;

    private readonly IReadOnlyList<long> pool;
    private int used;

    private ProjectApiHost(ChainMapApiFactory factory, long targetId, long otherId, IReadOnlyList<long> pool)
    {
        Factory = factory;
        TargetId = targetId;
        OtherId = otherId;
        this.pool = pool;
    }

    public ChainMapApiFactory Factory { get; }

    /// <summary>苏州甲液压有限公司, USCC <see cref="TargetUscc"/>, in segment T1-PART.</summary>
    public long TargetId { get; }

    /// <summary>上海乙电子有限公司, no USCC.</summary>
    public long OtherId { get; }

    public static async Task<ProjectApiHost> StartAsync(TimeProvider? time = null)
    {
        var factory = new ChainMapApiFactory(seed: false, time: time);
        var services = factory.Services;
        var store = services.GetRequiredService<IChainMapStore>();
        await store.SaveHomeAsync(await DefaultData.ReadHomeAsync(Path.Combine(TestData.DataPath, "home.json"), CancellationToken.None), CancellationToken.None);
        await store.SaveChainAsync(TestData.SmallChain(), CancellationToken.None);
        var stamp = new ImportStamp("test", "test.csv", DateTimeOffset.UnixEpoch);
        var target = new CompanyRecord($"u:{TargetUscc}", TargetUscc, "苏州甲液压有限公司", "苏州甲液压", "320506", "320000", "320500", "320506",
            800m, null, null, null, null, [], null, null, 10, [new ChainMap.Domain.SegmentMembership("T1-PART", "maker", 1, "test", "test")]);
        var other = new CompanyRecord("n:上海乙电子|310115", null, "上海乙电子有限公司", "上海乙电子", "310115", "310000", "310100", "310115",
            null, null, null, null, null, [], null, null, 5, []);
        var plain = Enumerable.Range(1, PoolSize).Select(i => new CompanyRecord(
            $"n:苏州池{i}液压|320506", null, $"苏州池{i}液压有限公司", $"苏州池{i}液压", "320506", "320000", "320500", "320506",
            100m, null, null, null, null, [], null, null, 1, [new ChainMap.Domain.SegmentMembership("T1-PART", "maker", 1, "test", "test")]));
        var outcomes = await store.UpsertCompaniesAsync([target, other, .. plain], stamp, CancellationToken.None);
        services.GetRequiredService<RegionDirectory>().Invalidate();
        services.GetRequiredService<ChainDirectory>().Invalidate();
        return new ProjectApiHost(factory, outcomes[0].CompanyId, outcomes[1].CompanyId, outcomes.Skip(2).Select(o => o.CompanyId).ToList());
    }

    /// <summary>A company no earlier call handed out, in segment T1-PART, for a test's own project.</summary>
    public long NextCompanyId()
    {
        var next = Interlocked.Increment(ref used) - 1;
        return next < pool.Count ? pool[next] : throw new InvalidOperationException($"The host's {pool.Count} companies are used up; raise PoolSize.");
    }

    public HttpClient Client() => Factory.CreateClient();

    public void Dispose() => Factory.Dispose();
}
