using System.Text;
using ChainMap.Cli;
using ChainMap.Curation;
using ChainMap.Domain;
using ChainMap.Storage.Sqlite;
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

    [Test]
    public async Task Import_companies_keeps_and_counts_an_analysts_value_unless_told_to_overwrite_it()
    {
        var folder = Directory.CreateTempSubdirectory("chainmap-cli-").FullName;
        try
        {
            var file = Path.Combine(folder, "list.csv");
            var store = Path.Combine(folder, "store");
            await File.WriteAllTextAsync(file, "企业名称,行政区划代码,注册资本\n随州命令行分析有限公司,421303,800\n", new UTF8Encoding(false));
            Assert.That((await RunAsync("import", "companies", file, "--store", store)).Exit, Is.Zero);
            var sqlite = new SqliteStore(Path.Combine(store, "chainmap.db"), TimeProvider.System);
            var id = (await sqlite.SearchCompaniesAsync(new ChainMap.Storage.CompanyQuery(ChainMap.Text.ChineseText.NormalizeCompanyName("随州命令行分析有限公司"), null, null, null, 1, 10), CancellationToken.None)).Items.Single().Id;
            var stored = (await sqlite.GetCompanyForEditAsync(id, CancellationToken.None))!;
            var edit = CompanyEditing.Apply(stored, new CompanyEdit { RegisteredCapital = new Given<decimal?>(1500m) }, AnalystProvenance.Stamp(DateTimeOffset.UtcNow, "u-1", "张三"));
            await sqlite.SaveCompanyEditAsync(edit.Company, stored.Version, false, DateTimeOffset.UtcNow, CancellationToken.None);
            SqliteConnection.ClearAllPools();
            await File.WriteAllTextAsync(file, "企业名称,行政区划代码,注册资本\n随州命令行分析有限公司,421303,900\n", new UTF8Encoding(false));

            var kept = await RunAsync("import", "companies", file, "--store", store);
            var overwritten = await RunAsync("import", "companies", file, "--store", store, "--overwrite-analyst");

            Assert.That(kept.Output, Does.Contain("read 1, inserted 0, updated 0, unchanged 1").And.Contain("analysts' values kept: 1 (pass --overwrite-analyst to replace them)"));
            Assert.That(overwritten.Output, Does.Contain("read 1, inserted 0, updated 1, unchanged 0").And.Not.Contain("analysts' values kept"));
            Assert.That((await new SqliteStore(Path.Combine(store, "chainmap.db"), TimeProvider.System).GetCompanyAsync(id, CancellationToken.None))!.RegisteredCapital, Is.EqualTo(900m));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

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
}
