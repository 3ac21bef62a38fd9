using ChainMap.Domain;
using ChainMap.Regions;
using ChainMap.Seeding;

namespace ChainMap.Tests.Support;

/// <summary>Paths to the repository's data folder, and small hand-made chains for tests.</summary>
internal static class TestData
{
    public static string DataPath { get; } = DefaultData.Locate(null) ?? throw new InvalidOperationException("data/ folder not found above the test directory");

    private static RegionCatalog? regions;

    /// <summary>The real GB/T 2260 catalog and region groups from data/.</summary>
    public static RegionCatalog Regions => regions ??= new RegionCatalog(
        DefaultData.ReadRegionsAsync(Path.Combine(DataPath, "regions.csv"), CancellationToken.None).GetAwaiter().GetResult(),
        DefaultData.ReadGroupsAsync(Path.Combine(DataPath, "region-groups.csv"), CancellationToken.None).GetAwaiter().GetResult());

    public static Segment Segment(string chain, string code, string name, Tier tier, string? parent = null, params string[] keywords) =>
        new(code, chain, name, tier, parent, [], [], keywords, []);

    /// <summary>A small chain: 原料 → 部件 → 整车 → 服务, with a sub-segment of 部件.</summary>
    public static ChainDefinition SmallChain(string code = "T1", string name = "测试链") => new(
        new Chain(code, name, ChainCategory.Leading, "hand-made chain for tests"),
        [
            Segment(code, $"{code}-RAW", "原料", Tier.Upstream, null, "钢材", "铝材"),
            Segment(code, $"{code}-PART", "部件", Tier.Midstream, null, "液压件"),
            Segment(code, $"{code}-PART-PUMP", "液压泵", Tier.Midstream, $"{code}-PART", "液压泵"),
            Segment(code, $"{code}-VEH", "整车", Tier.Downstream, null, "专用车"),
            Segment(code, $"{code}-SVC", "服务", Tier.Downstream, null, "维修"),
        ],
        [
            new FlowEdge(code, $"{code}-RAW", $"{code}-PART", ""),
            new FlowEdge(code, $"{code}-PART", $"{code}-VEH", ""),
            new FlowEdge(code, $"{code}-VEH", $"{code}-SVC", ""),
        ]);
}
