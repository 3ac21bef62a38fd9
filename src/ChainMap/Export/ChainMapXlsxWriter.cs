using ChainMap.Domain;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace ChainMap.Export;

/// <summary>
/// The chain map as an .xlsx workbook: sheet 环节 (one row per segment with tier, hierarchy, local
/// count, rating and action), sheet 目标企业 (the top targets of each segment) and sheet 供应关系
/// (the flow edges). Text cells go through <see cref="SpreadsheetSafe"/>.
/// </summary>
internal static class ChainMapXlsxWriter
{
    public const string SegmentSheet = "环节";
    public const string TargetSheet = "目标企业";
    public const string FlowSheet = "供应关系";

    public static Task WriteAsync(ChainMapExport map, Stream output, CancellationToken cancellationToken)
    {
        var names = map.Segments.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal);
        var segments = map.Segments.Select(s => new SegmentSheetRow
        {
            Code = SpreadsheetSafe.Text(s.Code),
            Name = SpreadsheetSafe.Text(s.Name),
            Tier = s.Tier.ToChinese(),
            Parent = SpreadsheetSafe.Text(s.ParentCode is null ? "" : names.GetValueOrDefault(s.ParentCode, s.ParentCode)),
            Depth = map.DepthOf(s),
            LocalCompanies = s.LocalCompanies,
            Rating = s.Rating?.ToChinese() ?? "未评级",
            Action = s.Action?.ToChinese() ?? "",
            Targets = s.TopTargets.Count,
        }).ToList();
        var targets = map.Segments.SelectMany(s => s.TopTargets.Select((t, i) => new TargetSheetRow
        {
            SegmentCode = SpreadsheetSafe.Text(s.Code),
            Segment = SpreadsheetSafe.Text(s.Name),
            Rating = s.Rating?.ToChinese() ?? "未评级",
            Action = s.Action?.ToChinese() ?? "",
            Rank = i + 1,
            Company = SpreadsheetSafe.Text(t.Name),
            Region = SpreadsheetSafe.Text(t.Region),
            Score = t.Score,
        })).ToList();
        var flows = map.Flows.Select(f => new FlowSheetRow
        {
            From = SpreadsheetSafe.Text(names.GetValueOrDefault(f.From, f.From)),
            To = SpreadsheetSafe.Text(names.GetValueOrDefault(f.To, f.To)),
            Description = SpreadsheetSafe.Text(f.Description),
        }).ToList();

        var sheets = new Dictionary<string, object>
        {
            [SegmentSheet] = segments,
            [TargetSheet] = targets,
            [FlowSheet] = flows,
        };
        return SyncWriterBridge.WriteAsync(
            output,
            (stream, token) => MiniExcel.SaveAsAsync(stream, sheets, excelType: ExcelType.XLSX, configuration: XlsxSettings.Configuration(), cancellationToken: token),
            cancellationToken);
    }

    internal sealed class SegmentSheetRow
    {
        [ExcelColumn(Name = "环节编码", Index = 0, Width = 22)]
        public string Code { get; set; } = "";

        [ExcelColumn(Name = "环节", Index = 1, Width = 24)]
        public string Name { get; set; } = "";

        [ExcelColumn(Name = "层级", Index = 2, Width = 8)]
        public string Tier { get; set; } = "";

        [ExcelColumn(Name = "上级环节", Index = 3, Width = 20)]
        public string Parent { get; set; } = "";

        [ExcelColumn(Name = "子环节层次", Index = 4, Width = 10)]
        public int Depth { get; set; }

        [ExcelColumn(Name = "本地企业数", Index = 5, Width = 10)]
        public int LocalCompanies { get; set; }

        [ExcelColumn(Name = "评级", Index = 6, Width = 8)]
        public string Rating { get; set; } = "";

        [ExcelColumn(Name = "行动", Index = 7, Width = 8)]
        public string Action { get; set; } = "";

        [ExcelColumn(Name = "目标企业数", Index = 8, Width = 10)]
        public int Targets { get; set; }
    }

    internal sealed class TargetSheetRow
    {
        [ExcelColumn(Name = "环节编码", Index = 0, Width = 22)]
        public string SegmentCode { get; set; } = "";

        [ExcelColumn(Name = "环节", Index = 1, Width = 24)]
        public string Segment { get; set; } = "";

        [ExcelColumn(Name = "评级", Index = 2, Width = 8)]
        public string Rating { get; set; } = "";

        [ExcelColumn(Name = "行动", Index = 3, Width = 8)]
        public string Action { get; set; } = "";

        [ExcelColumn(Name = "排名", Index = 4, Width = 6)]
        public int Rank { get; set; }

        [ExcelColumn(Name = "企业", Index = 5, Width = 36)]
        public string Company { get; set; } = "";

        [ExcelColumn(Name = "地区", Index = 6, Width = 20)]
        public string Region { get; set; } = "";

        [ExcelColumn(Name = "得分", Index = 7, Width = 8)]
        public double Score { get; set; }
    }

    internal sealed class FlowSheetRow
    {
        [ExcelColumn(Name = "供给环节", Index = 0, Width = 24)]
        public string From { get; set; } = "";

        [ExcelColumn(Name = "需求环节", Index = 1, Width = 24)]
        public string To { get; set; } = "";

        [ExcelColumn(Name = "说明", Index = 2, Width = 60)]
        public string Description { get; set; } = "";
    }
}

internal static class XlsxSettings
{
    /// <summary>Header row frozen, no auto width (it would make MiniExcel look at every row first).</summary>
    public static OpenXmlConfiguration Configuration() => new() { FreezeRowCount = 1, EnableAutoWidth = false, AutoFilter = true };
}
