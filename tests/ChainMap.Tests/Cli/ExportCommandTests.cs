using System.Xml.Linq;
using ChainMap.Cli;
using Microsoft.Data.Sqlite;
using MiniExcelLibs;

namespace ChainMap.Tests.Cli;

/// <summary><c>chainmap export ...</c> run in-process against one seeded store in a temporary folder.</summary>
public sealed class ExportCommandTests
{
    private string folder = null!;

    [OneTimeSetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("chainmap-cli-export-").FullName;

    [OneTimeTearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private Task<int> RunAsync(params string[] args) => CliProgram.BuildRoot().Parse([.. args, "--store", Path.Combine(folder, "store")]).InvokeAsync();

    [Test]
    public async Task Export_chain_writes_a_graphml_file_with_every_segment()
    {
        var file = Path.Combine(folder, "zq.graphml");

        var exit = await RunAsync("export", "chain", "專汽", "--format", "graphml", "--out", file);

        Assert.That(exit, Is.Zero);
        XNamespace g = "http://graphml.graphdrawing.org/xmlns";
        var graph = XDocument.Load(file).Root!.Element(g + "graph")!;
        Assert.That((string?)graph.Attribute("id"), Is.EqualTo("ZQ"));
        Assert.That(graph.Elements(g + "node").Count(), Is.GreaterThanOrEqualTo(15));
    }

    [Test]
    public async Task Export_targets_writes_an_xlsx_of_the_region()
    {
        var file = Path.Combine(folder, "targets.xlsx");

        var exit = await RunAsync("export", "targets", "--chain", "ZQ", "--region", "珠三角", "--format", "xlsx", "--out", file);

        Assert.That(exit, Is.Zero);
        var rows = MiniExcel.Query(file, useHeaderRow: true, sheetName: "目标企业").Cast<IDictionary<string, object?>>().ToList();
        Assert.That(rows, Is.Not.Empty);
        Assert.That(rows.Select(r => r["省份"]), Is.All.EqualTo("广东省"));
    }

    [TestCase("chain", "ZQ", "--format", "pdf")]
    [TestCase("targets", "--chain", "ZQ", "--format", "svg")]
    public async Task Unknown_format_exits_with_2_and_writes_nothing(params string[] args)
    {
        var file = Path.Combine(folder, "nothing.out");

        var exit = await RunAsync(["export", .. args, "--out", file]);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(File.Exists(file), Is.False);
    }

    [Test]
    public async Task Unknown_chain_exits_with_3()
    {
        Assert.That(await RunAsync("export", "chain", "NOSUCH", "--format", "svg", "--out", Path.Combine(folder, "x.svg")), Is.EqualTo(3));
    }
}
