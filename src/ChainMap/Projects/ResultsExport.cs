using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace ChainMap.Projects;

/// <summary>
/// Writes a results report as one row per group (then a 合计 row) with Chinese headers, to CSV
/// (UTF-8 with BOM so that Excel reads the Chinese) or xlsx. Text cells are neutralised against
/// spreadsheet formula injection.
/// </summary>
internal static class ResultsExport
{
    public static IReadOnlyList<string> Headers { get; } = BuildHeaders();

    public static IReadOnlyList<object?[]> Rows(ResultsReport report)
    {
        var period = $"{report.From:yyyy-MM-dd}至{report.To:yyyy-MM-dd}";
        return report.Groups.Append(report.Total).Select(g => Row(period, g)).ToList();
    }

    public static async Task WriteCsvAsync(ResultsReport report, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var header in Headers)
        {
            csv.WriteField(header);
        }

        await csv.NextRecordAsync();
        foreach (var row in Rows(report))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var cell in row)
            {
                csv.WriteField(cell switch
                {
                    null => string.Empty,
                    string text => text,
                    IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                    _ => cell.ToString(),
                });
            }

            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
    }

    public static async Task WriteXlsxAsync(ResultsReport report, Stream output, CancellationToken cancellationToken)
    {
        var rows = Rows(report).Select(row =>
        {
            var record = new Dictionary<string, object?>(Headers.Count, StringComparer.Ordinal);
            for (var i = 0; i < Headers.Count; i++)
            {
                record[Headers[i]] = row[i];
            }

            return record;
        }).ToList();
        await MiniExcel.SaveAsAsync(output, rows, printHeader: true, sheetName: "实绩", excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Prefixes text that a spreadsheet would read as a formula (starting with = + - @, tab or CR) with
    /// an apostrophe, so that a team or chain named "=HYPERLINK(...)" is shown, not run (OWASP CSV injection).
    /// </summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static List<string> BuildHeaders()
    {
        var headers = new List<string> { "期间", "分组代码", "分组" };
        foreach (var stage in ProjectTerms.AllStages)
        {
            headers.Add($"{stage.ToChinese()}项目数");
            headers.Add($"{stage.ToChinese()}计划投资(万元)");
        }

        for (var i = 0; i + 1 < ProjectTerms.OrderedStages.Count; i++)
        {
            var pair = $"{ProjectTerms.OrderedStages[i].ToChinese()}→{ProjectTerms.OrderedStages[i + 1].ToChinese()}";
            headers.Add($"{pair}转化数");
            headers.Add($"{pair}转化率");
        }

        foreach (var stage in ProjectTerms.OrderedStages)
        {
            headers.Add($"{stage.ToChinese()}停留中位天数");
        }

        headers.Add("活动数");
        return headers;
    }

    private static object?[] Row(string period, GroupResults group)
    {
        var cells = new List<object?> { period, Neutralise(group.Key), Neutralise(group.Name) };
        foreach (var stage in group.Stages)
        {
            cells.Add(stage.Projects);
            cells.Add(stage.PlannedInvestment);
        }

        foreach (var conversion in group.Conversions)
        {
            cells.Add(conversion.Converted);
            cells.Add(conversion.Rate);
        }

        foreach (var stage in group.Stages.Where(s => s.Stage.IsOrdered()))
        {
            cells.Add(stage.MedianDays);
        }

        cells.Add(group.Activities);
        return [.. cells];
    }
}
