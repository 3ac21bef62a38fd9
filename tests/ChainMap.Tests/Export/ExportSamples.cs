using ChainMap.Domain;
using ChainMap.Export;

namespace ChainMap.Tests.Export;

/// <summary>A small rated chain map with names that need escaping in every format.</summary>
internal static class ExportSamples
{
    public const string TrickyName = "\"引号\"与'单引号'\\反斜杠<&>";
    public const string FormulaName = "=HYPERLINK(\"http://x\",\"点我\")";

    public static ChainMapExport RatedMap() => new(
        new Chain("EXQ", "测试专汽", ChainCategory.Leading, "用于导出测试"),
        [
            new ExportSegment("EXQ-MAT", "原材料", Tier.Upstream, null, 12, ExportRating.Advantage, ExportAction.Strengthen,
                [new ExportTarget("宝钢示例有限公司", "上海市", 88.5), new ExportTarget("鞍钢示例有限公司", "辽宁省鞍山市", 80)]),
            new ExportSegment("EXQ-CH", "专用车底盘", Tier.Upstream, null, 3, ExportRating.Weak, ExportAction.Strengthen, [new ExportTarget("底盘示例公司", "湖北省十堰市", 75)]),
            new ExportSegment("EXQ-CH-AXLE", "车桥与悬架", Tier.Upstream, "EXQ-CH", 0, ExportRating.Blank, ExportAction.Fill, [new ExportTarget("车桥示例公司", "山东省济南市", 70)]),
            new ExportSegment("EXQ-BODY", "上装制造", Tier.Midstream, null, 6, ExportRating.Potential, ExportAction.Extend, []),
            new ExportSegment("EXQ-Q", TrickyName, Tier.Midstream, "EXQ-BODY", 1, null, null, []),
            new ExportSegment("EXQ-F", FormulaName, Tier.Downstream, null, 2, null, null, []),
            new ExportSegment("EXQ-SVC", "售后维修服务", Tier.Downstream, null, 13, ExportRating.Advantage, null, []),
        ],
        [
            new ExportFlow("EXQ-MAT", "EXQ-CH", "钢材用于车架"),
            new ExportFlow("EXQ-CH", "EXQ-BODY", "底盘改装"),
            new ExportFlow("EXQ-MAT", "EXQ-Q", "说明带\"引号\""),
            new ExportFlow("EXQ-BODY", "EXQ-SVC", ""),
            new ExportFlow("EXQ-F", "EXQ-SVC", "同层"),
        ],
        "随州市");

    /// <summary>The definition behind <see cref="RatedMap"/> (for the csv format).</summary>
    public static ChainDefinition Definition()
    {
        var map = RatedMap();
        return new ChainDefinition(
            map.Chain,
            map.Segments.Select(s => new Segment(s.Code, map.Chain.Code, s.Name, s.Tier, s.ParentCode, ["别名" + s.Code], ["产品A", "产品B"], ["关键词"], ["3670"])).ToList(),
            map.Flows.Select(f => new FlowEdge(map.Chain.Code, f.From, f.To, f.Description)).ToList());
    }

    public static async Task<byte[]> WriteAsync(ExportFormat format, ChainMapExport? map = null, ChainDefinition? definition = null)
    {
        var output = new Support.AsyncOnlyStream();
        await ChainMapWriter.WriteAsync(format, map ?? RatedMap(), definition ?? Definition(), output, CancellationToken.None);
        return output.Bytes;
    }
}
