using System.Text;
using ChainMap.Cli;
using Microsoft.Data.Sqlite;

namespace ChainMap.Tests.Cli;

public sealed class ReclassifyCommandTests
{
    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            return (await CliProgram.BuildRoot().Parse(args).InvokeAsync(), output.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    [Test]
    public async Task Reclassify_reads_every_stored_company_and_reports_what_changed()
    {
        var folder = Directory.CreateTempSubdirectory("chainmap-cli-").FullName;
        try
        {
            var store = Path.Combine(folder, "store");
            var file = Path.Combine(folder, "weak.csv");
            await File.WriteAllTextAsync(file, "企业名称,行政区划代码,所属行业\n随州甲乙丙有限公司,421303,汽车配件\n", new UTF8Encoding(false));
            var (importExit, importOutput) = await RunAsync("import", "companies", file, "--store", store);

            var (exit, output) = await RunAsync("reclassify", "--store", store);

            Assert.That(importExit, Is.Zero, importOutput);
            Assert.That(importOutput, Does.Contain("unconfirmed (待确认) memberships: 1"));
            Assert.That(exit, Is.Zero, output);
            Assert.That(output, Does.Match(@"re-classified 600\d companies: 0 changed, 600\d unchanged, \d+ without a segment, 1 memberships 待确认"),
                "the demo data (6,000 companies) and the imported one are read; nothing changed since the import");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
