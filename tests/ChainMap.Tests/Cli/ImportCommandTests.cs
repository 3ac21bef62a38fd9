using System.Text;
using ChainMap.Cli;
using ChainMap.Domain;
using Microsoft.Data.Sqlite;

namespace ChainMap.Tests.Cli;

public sealed class ImportCommandTests
{
    [Test]
    public async Task Import_companies_writes_the_problem_report_and_exits_2_when_rows_were_rejected()
    {
        var folder = Directory.CreateTempSubdirectory("chainmap-cli-").FullName;
        try
        {
            var uscc = Uscc.FromBody("91421303MA4K0L2C1").Value;
            var file = Path.Combine(folder, "list.csv");
            await File.WriteAllTextAsync(file, $"企业名称,统一社会信用代码,行政区划代码\n随州命令行测试有限公司,{uscc},421303\n坏行公司,,999999\n", new UTF8Encoding(false));
            var report = Path.Combine(folder, "report.csv");
            var output = new StringWriter();
            var original = Console.Out;
            Console.SetOut(output);
            int exit;
            try
            {
                exit = await CliProgram.BuildRoot().Parse(["import", "companies", file, "--store", Path.Combine(folder, "store"), "--report", report]).InvokeAsync();
            }
            finally
            {
                Console.SetOut(original);
            }

            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output.ToString().Split(Environment.NewLine), Has.Some.EqualTo("read 2, inserted 1, updated 0, unchanged 0, rejected 1, unassigned 1, problems 1"), output.ToString());
            Assert.That((await File.ReadAllLinesAsync(report)).Skip(1), Is.EqualTo(new[] { "list.csv,3,行政区划代码,999999,not a GB/T 2260 division code,error" }));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
