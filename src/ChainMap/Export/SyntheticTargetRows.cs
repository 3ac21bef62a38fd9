using System.Globalization;
using System.Runtime.CompilerServices;
using ChainMap.Domain;

namespace ChainMap.Export;

/// <summary>Deterministic target rows made on the fly, for the streaming test and the export benchmark: nothing is kept.</summary>
internal static class SyntheticTargetRows
{
    private static readonly string[] Provinces = ["江苏省", "浙江省", "广东省", "上海市", "湖北省", "四川省"];
    private static readonly string[] Cities = ["苏州市", "杭州市", "深圳市", "浦东新区", "武汉市", "成都市"];

    /// <summary>
    /// <paramref name="count"/> rows, one at a time; <paramref name="onRow"/> sees each index just
    /// before its row is handed out (the streaming test records how much was written by then).
    /// </summary>
    public static async IAsyncEnumerable<TargetExportRow> GenerateAsync(int count, Action<int>? onRow = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            onRow?.Invoke(i);
            var n = i.ToString(CultureInfo.InvariantCulture);
            var p = i % Provinces.Length;
            yield return new TargetExportRow(
                i + 1,
                $"{Cities[p]}示例专用车零部件{n}有限公司",
                $"91320500MA{i:D8}",
                Provinces[p],
                Cities[p],
                "示例区",
                "ZQ-CHASSIS-AXLE",
                "车桥与悬架",
                Tier.Upstream,
                100 - (i % 10000 / 100.0),
                [new ScorePart("企业实力", 60 - (i % 60)), new ScorePart("缺口匹配", 20)],
                ["属于车桥与悬架环节（产品：驱动桥、挂车车桥）", "随州市该环节薄弱（补链）", "资质：专精特新、高新技术企业"],
                [$"随州市本地客户{n}（供应）→ 该企业", "湖北商会 → 该企业"],
                ["专精特新", "高新技术企业"],
                1000 + (i % 5000));
            if (i % 1000 == 999)
            {
                await Task.Yield();
            }
        }
    }
}
