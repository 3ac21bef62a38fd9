using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Text;

namespace ChainMap.Tests.Support;

/// <summary>
/// A small hand-made graph around 随州 (home 421300) on <see cref="TestData.SmallChain"/>
/// (原料 → 部件 → 整车 → 服务, 液压泵 under 部件), built through the store:
/// home has four 整车 makers (优势) and one tiny 部件 maker (薄弱); 原料, 液压泵 and 服务 are 空白.
/// Outside: A/B 原料 in Jiangsu, C/P 部件 in Nanjing, G 液压泵 in Changzhou, F 整车 in Hangzhou,
/// D 服务 in Shanghai, E 原料 in Wuhan; Q, R, S trade only. Ties: B supplies home 部件厂 H5; home 整车
/// H1 supplies D; D is a member of 上海随州商会 (tied home); C is a member of 江苏湖北商会, which the
/// home company H5 also belongs to; ambassador 王某 (tied home) is an executive of G; A → 苏州协会 ← Q → supplies
/// H2 (3 steps); E → 武汉协会 ← R → S → H3 (4 steps: beyond the limit).
/// </summary>
internal sealed class DiscoveryGraph
{
    public const string Chain = "T1";

    public static readonly HomeRegion Home = new(
        "421300", "随州市",
        [new ReceivingUnit("421303", "曾都区", ReceivingUnitKind.County, "421303")],
        [new ResidentTeam("csj", "长三角驻点招商专班", "长三角"), new ResidentTeam("lost", "失联专班", "不存在的区域")]);

    private static readonly (string Key, string Name, string Region, string? Segment, decimal Capital, string[] Tags)[] Companies =
    [
        ("H1", "随州整车一厂", "421303", "T1-VEH", 50_000, ["规上企业"]),
        ("H2", "随州整车二厂", "421303", "T1-VEH", 20_000, []),
        ("H3", "随州整车三厂", "421321", "T1-VEH", 10_000, []),
        ("H4", "随州整车四厂", "421381", "T1-VEH", 5_000, []),
        ("H5", "随州部件厂", "421303", "T1-PART", 100, []),
        ("A", "苏州原料集团", "320505", "T1-RAW", 100_000, ["上市"]),
        ("B", "无锡原料厂", "320213", "T1-RAW", 1_000, []),
        ("C", "南京部件公司", "320102", "T1-PART", 30_000, ["专精特新"]),
        ("P", "南京部件二厂", "320104", "T1-PART", 100, []),
        ("G", "常州液压泵公司", "320402", "T1-PART-PUMP", 500, []),
        ("F", "杭州整车公司", "330106", "T1-VEH", 80_000, []),
        ("D", "上海服务公司", "310101", "T1-SVC", 2_000, []),
        ("E", "武汉原料公司", "420102", "T1-RAW", 200_000, []),
        ("Q", "苏州贸易公司", "320505", null, 1_000, []),
        ("R", "武汉贸易公司", "420102", null, 1_000, []),
        ("S", "孝感贸易公司", "420902", null, 1_000, []),
    ];

    private DiscoveryGraph(Dictionary<string, long> ids, Dictionary<string, string> usccs, Dictionary<string, long> channels)
    {
        Ids = ids;
        Usccs = usccs;
        ChannelIds = channels;
    }

    /// <summary>Company id by key (H1…H5, A…S).</summary>
    public IReadOnlyDictionary<string, long> Ids { get; }

    public IReadOnlyDictionary<string, string> Usccs { get; }

    /// <summary>Channel id by code (SH-SZ, JS-HB, AMB-WANG, SZ-IA, WH-IA).</summary>
    public IReadOnlyDictionary<string, long> ChannelIds { get; }

    public static string NameOf(string key) => Companies.Single(c => c.Key == key).Name;

    public string KeyOf(long id) => Ids.Single(p => p.Value == id).Key;

    public static IReadOnlyList<string> HomeCodes => [Home.Code];

    public static async Task<DiscoveryGraph> BuildAsync(IChainMapStore store)
    {
        var ct = CancellationToken.None;
        await store.SaveRegionsAsync(TestData.Regions.All.ToList(), ct);
        await store.SaveRegionGroupsAsync(TestData.Regions.Groups, ct);
        await store.SaveHomeAsync(Home, ct);
        await store.SaveChainAsync(TestData.SmallChain(), ct);

        var usccs = new Dictionary<string, string>(StringComparer.Ordinal);
        var records = new List<CompanyRecord>();
        var serial = 0;
        foreach (var (key, name, region, segment, capital, tags) in Companies)
        {
            var uscc = Uscc.FromBody($"91{region}TEXT{serial++:D4}0").Value;
            usccs[key] = uscc;
            var place = TestData.Regions.Place(region);
            records.Add(new CompanyRecord(
                "u:" + uscc, uscc, name, ChineseText.NormalizeCompanyName(name), region, place.Province, place.City, place.County,
                capital, null, null, null, null, tags, null, null, CompanyStrength.Score(capital, null, null, null, tags),
                segment is null ? [] : [new SegmentMembership(segment, "maker", 1.0, "test", "graph")]));
        }

        var outcomes = await store.UpsertCompaniesAsync(records, new ImportStamp("imp-graph", "graph.csv", new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero)), ct);
        var ids = Companies.Select((c, i) => (c.Key, outcomes[i].CompanyId)).ToDictionary(p => p.Key, p => p.CompanyId, StringComparer.Ordinal);

        await store.SaveRelationsAsync(
        [
            new CompanyRelation(ids["B"], ids["H5"], CompanyRelationKind.Supplies, "原料", "graph"),
            new CompanyRelation(ids["H1"], ids["D"], CompanyRelationKind.Supplies, "整车", "graph"),
            new CompanyRelation(ids["Q"], ids["H2"], CompanyRelationKind.Supplies, "贸易", "graph"),
            new CompanyRelation(ids["R"], ids["S"], CompanyRelationKind.Supplies, "贸易", "graph"),
            new CompanyRelation(ids["S"], ids["H3"], CompanyRelationKind.Supplies, "贸易", "graph"),
        ], ct);

        RegionPlace Place(string code)
        {
            var p = TestData.Regions.Place(code);
            return new RegionPlace(code, p.Province, p.City, p.County);
        }

        var channels = await store.UpsertChannelsAsync(
        [
            new ChannelRecord("SH-SZ", "上海随州商会", ChannelKind.ChamberOfCommerce, Place("310000"), [Place("421300")], null, null, "graph"),
            new ChannelRecord("JS-HB", "江苏湖北商会", ChannelKind.ChamberOfCommerce, Place("320000"), [Place("420000")], null, null, "graph"),
            new ChannelRecord("AMB-WANG", "王某（招商大使）", ChannelKind.InvestmentAmbassador, Place("320400"), [Place("421300")], null, null, "graph"),
            new ChannelRecord("SZ-IA", "苏州行业协会", ChannelKind.IndustryAssociation, Place("320500"), [], null, null, "graph"),
            new ChannelRecord("WH-IA", "武汉行业协会", ChannelKind.IndustryAssociation, Place("420100"), [], null, null, "graph"),
        ], ct);

        await store.SaveChannelLinksAsync(
        [
            new ChannelLink(channels["SH-SZ"], ids["D"], null, ChannelRole.Member, null, "graph"),
            new ChannelLink(channels["JS-HB"], ids["C"], null, ChannelRole.Member, null, "graph"),
            new ChannelLink(channels["JS-HB"], ids["H5"], null, ChannelRole.Member, null, "graph"),
            new ChannelLink(channels["AMB-WANG"], ids["G"], null, ChannelRole.Executive, null, "graph"),
            new ChannelLink(channels["SZ-IA"], ids["A"], null, ChannelRole.Member, null, "graph"),
            new ChannelLink(channels["SZ-IA"], ids["Q"], null, ChannelRole.Member, null, "graph"),
            new ChannelLink(channels["WH-IA"], ids["E"], null, ChannelRole.Member, null, "graph"),
            new ChannelLink(channels["WH-IA"], ids["R"], null, ChannelRole.Member, null, "graph"),
        ], ct);

        return new DiscoveryGraph(ids, usccs, new Dictionary<string, long>(channels, StringComparer.Ordinal));
    }
}
