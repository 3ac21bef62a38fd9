using System.IO.Compression;
using ChainMap.Domain;
using ChainMap.Import;

namespace ChainMap.Tests.Import;

public sealed class RelationAndChainImportTests
{
    private static readonly string Supplier = ImportTestStore.NewUscc("320506", "MA4K0L2X5");
    private ImportTestStore store = null!;

    [SetUp]
    public async Task CreateStore() => store = await ImportTestStore.CreateAsync();

    [TearDown]
    public async Task DisposeStore() => await store.DisposeAsync();

    private async Task SeedCompaniesAsync() =>
        await store.ImportAsync(store.Write("companies.csv", $"""
            企业名称,统一社会信用代码,行政区划代码
            苏州乙液压有限公司,{Supplier},320506
            随州市甲专用汽车有限公司,,421303
            武汉丙投资有限公司,,420106
            长春丁科技有限公司,,220104
            北京丁科技有限公司,,110105
            """));

    private Task<ImportSummary> ImportRelationsAsync(string path, ImportOptions? options = null) =>
        store.Relations.ImportFileAsync(path, Path.GetFileName(path), options ?? ImportOptions.Default, null, CancellationToken.None);

    [Test]
    public async Task Relations_name_companies_by_uscc_or_name_and_region_and_reimport_changes_nothing()
    {
        await SeedCompaniesAsync();
        var path = store.Write("relations.csv", $"""
            供应商,供应商地区,客户,客户地区,关系,备注
            {Supplier},,随州市甲专用汽车有限公司,随州市,供应,液压油缸
            武汉丙投资有限公司,湖北省,隨州市甲專用汽車有限公司,,投资,
            """);

        var first = await ImportRelationsAsync(path);
        var again = await ImportRelationsAsync(path);
        var customer = (await store.Store.FindCompanyKeysAsync([], ["随州市甲专用汽车有限公司"], CancellationToken.None)).Single().Id;
        var relations = await store.Store.ListRelationsAsync(customer, CancellationToken.None);

        Assert.That((first.Read, first.Inserted, first.Rejected), Is.EqualTo((2L, 2L, 0L)), string.Join("; ", first.Problems));
        Assert.That((again.Inserted, again.Unchanged), Is.EqualTo((0L, 2L)));
        Assert.That(relations.Select(r => r.Kind), Is.EquivalentTo(new[] { CompanyRelationKind.Supplies, CompanyRelationKind.InvestsIn }));
        Assert.That(relations.Single(r => r.Kind == CompanyRelationKind.Supplies).Note, Is.EqualTo("液压油缸"));
    }

    [Test]
    public async Task Unknown_ambiguous_and_malformed_references_are_row_errors()
    {
        await SeedCompaniesAsync();
        var path = store.Write("relations.csv", $"""
            from,from_region,to,to_region,kind
            苏州乙液压有限公司,,不存在的公司,,supplies
            苏州乙液压有限公司,,丁科技有限公司,,supplies
            {Supplier[..17]}0,,随州市甲专用汽车有限公司,,supplies
            苏州乙液压有限公司,,随州市甲专用汽车有限公司,,partner
            苏州乙液压有限公司,火星,随州市甲专用汽车有限公司,,supplies
            苏州乙液压有限公司,,苏州乙液压有限公司,,supplies
            """);

        var summary = await ImportRelationsAsync(path);

        Assert.That((summary.Read, summary.Inserted, summary.Rejected), Is.EqualTo((6L, 0L, 6L)));
        Assert.That(summary.Problems.Select(p => (p.Line, p.Column, p.Value)), Is.EqualTo(new[]
        {
            (2, "to", "不存在的公司"),
            (3, "to", "丁科技有限公司"),
            (4, "from", Supplier[..17] + "0"),
            (5, "kind", "partner"),
            (6, "from_region", "火星"),
            (7, "to", "苏州乙液压有限公司"),
        }));
        Assert.That(summary.Problems[0].Reason, Is.EqualTo("no stored company matches; import the company first (companies are matched by USCC, or by full name and region)"));
        Assert.That(summary.Problems[3].Reason, Is.EqualTo("kind must be supplies (供应), invests-in (投资) or controls (控股)"));
        Assert.That(summary.Problems[5].Reason, Is.EqualTo("a company cannot be related to itself"));
    }

    [Test]
    public async Task Relations_all_or_nothing_and_dry_run_write_nothing()
    {
        await SeedCompaniesAsync();
        var path = store.Write("relations.csv", $"from,to,kind\n苏州乙液压有限公司,随州市甲专用汽车有限公司,supplies\n苏州乙液压有限公司,不存在的公司,supplies\n");
        var supplier = (await store.Store.GetCompanyByUsccAsync(Supplier, CancellationToken.None))!.Id;

        var allOrNothing = await ImportRelationsAsync(path, new ImportOptions(AllOrNothing: true));
        var dryRun = await ImportRelationsAsync(path, new ImportOptions(DryRun: true));

        Assert.That((allOrNothing.Inserted, allOrNothing.Rejected, allOrNothing.Written), Is.EqualTo((1L, 1L, false)), "counts say what would have happened");
        Assert.That((dryRun.Inserted, dryRun.Rejected, dryRun.Written), Is.EqualTo((1L, 1L, false)));
        Assert.That(await store.Store.ListRelationsAsync(supplier, CancellationToken.None), Is.Empty);
    }

    private string WriteChainFolder(string flows)
    {
        var folder = Path.Combine(store.Directory, "chain-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "chains.csv"), "code,name,category,description\nXC,新材料,other,测试链\n");
        File.WriteAllText(Path.Combine(folder, "segments.csv"), """
            chain,code,name,tier,parent,aliases,products,keywords,industry_codes
            XC,XC-A,原料,上游,,,,,
            XC,XC-B,加工,中游,,,,,
            XC,XC-C,应用,下游,,,,,
            """);
        File.WriteAllText(Path.Combine(folder, "flows.csv"), flows);
        return folder;
    }

    [Test]
    public async Task A_chain_definition_imports_and_reimporting_it_changes_nothing()
    {
        var folder = WriteChainFolder("chain,from,to,description\nXC,XC-A,XC-B,\nXC,XC-B,XC-C,\n");

        var first = await store.ChainImporter.ImportFolderAsync(folder, "xc", ImportOptions.Default, CancellationToken.None);
        var again = await store.ChainImporter.ImportFolderAsync(folder, "xc", ImportOptions.Default, CancellationToken.None);
        var stored = await store.Store.GetChainAsync("XC", CancellationToken.None);

        Assert.That((first.Read, first.Inserted, first.Written), Is.EqualTo((1L, 1L, true)), string.Join("; ", first.Problems));
        Assert.That((again.Inserted, again.Updated, again.Unchanged), Is.EqualTo((0L, 0L, 1L)));
        Assert.That(stored!.Segments.Select(s => s.Tier), Is.EqualTo(new[] { Tier.Upstream, Tier.Midstream, Tier.Downstream }));
        Assert.That(stored.Flows, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_cyclic_chain_is_rejected_with_the_cycle_reported_and_nothing_written()
    {
        var folder = WriteChainFolder("chain,from,to,description\nXC,XC-A,XC-B,\nXC,XC-B,XC-C,\nXC,XC-C,XC-A,\n");
        var zip = Path.Combine(store.Directory, "xc.zip");
        ZipFile.CreateFromDirectory(folder, zip);
        var extracted = Directory.CreateDirectory(Path.Combine(store.Directory, "extracted")).FullName;

        var extractProblem = await ChainImporter.ExtractZipAsync(zip, "xc.zip", extracted, 1 << 20, CancellationToken.None);
        var summary = await store.ChainImporter.ImportFolderAsync(extracted, "xc.zip", ImportOptions.Default, CancellationToken.None);

        Assert.That(extractProblem, Is.Null);
        Assert.That((summary.Written, summary.Rejected), Is.EqualTo((false, 1L)));
        Assert.That(summary.Problems, Is.EqualTo(new[]
        {
            new ImportProblem("flows.csv", 2, "from", "XC-A,XC-B,XC-C", "chain XC: flow edges form a cycle: XC-A → XC-B → XC-C → XC-A"),
        }));
        Assert.That(await store.Store.GetChainAsync("XC", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task A_chain_reusing_a_segment_code_of_another_chain_writes_nothing()
    {
        var folder = WriteChainFolder("chain,from,to,description\n");
        File.WriteAllText(Path.Combine(folder, "segments.csv"), "chain,code,name,tier\nXC,ZQ-HYD,液压,上游\n");

        var summary = await store.ChainImporter.ImportFolderAsync(folder, "xc", ImportOptions.Default, CancellationToken.None);

        Assert.That(summary.Written, Is.False);
        Assert.That(summary.Problems.Single().Reason, Is.EqualTo("chain XC: segment code ZQ-HYD already belongs to chain ZQ"));
        Assert.That(await store.Store.GetChainAsync("XC", CancellationToken.None), Is.Null);
    }

    // A chain-level membership is stored under the chain's code (ADR 0370): a segment may not carry a chain's code, so the code names one thing.
    [TestCase("XC,ZQ,专汽环节,上游\n", "chain XC: segment code ZQ is the code of a chain")]
    [TestCase("XC,XC,本链环节,上游\n", "chain XC: segment code XC is the code of a chain")]
    public async Task A_segment_carrying_a_chain_s_code_writes_nothing(string segmentRow, string reason)
    {
        var folder = WriteChainFolder("chain,from,to,description\n");
        File.WriteAllText(Path.Combine(folder, "segments.csv"), "chain,code,name,tier\n" + segmentRow);

        var summary = await store.ChainImporter.ImportFolderAsync(folder, "xc", ImportOptions.Default, CancellationToken.None);

        Assert.That(summary.Written, Is.False);
        Assert.That(summary.Problems.Select(p => p.Reason), Does.Contain(reason));
        Assert.That(await store.Store.GetChainAsync("XC", CancellationToken.None), Is.Null);
    }
}
