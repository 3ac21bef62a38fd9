using System.IO.Compression;
using ChainMap.Chains;
using ChainMap.Domain;
using ChainMap.Export;
using ChainMap.Import;
using ChainMap.Regions;
using ChainMap.Storage;
using ChainMap.Storage.Sqlite;
using ChainMap.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ChainMap.Tests.Export;

/// <summary>Export a stored chain as the definition zip, import the zip into an empty SQLite store: the same chain comes back.</summary>
public sealed class ChainDefinitionRoundTripTests
{
    private readonly List<string> directories = [];

    [TearDown]
    public void DeleteStores()
    {
        SqliteConnection.ClearAllPools();
        foreach (var directory in directories)
        {
            Directory.Delete(directory, recursive: true);
        }

        directories.Clear();
    }

    [Test]
    public async Task Every_default_chain_exported_and_imported_into_an_empty_store_is_the_same_chain()
    {
        var defaults = await ChainCsv.ReadFolderAsync(Path.Combine(TestData.DataPath, "chains"), CancellationToken.None);
        var (source, sourceService) = await NewStoreAsync();
        foreach (var definition in defaults.Chains)
        {
            Assert.That((await sourceService.SaveAsync(definition, CancellationToken.None)).Saved, Is.True);
        }

        var (target, targetService) = await NewStoreAsync();
        foreach (var chain in await source.ListChainsAsync(CancellationToken.None))
        {
            var stored = (await source.GetChainAsync(chain.Code, CancellationToken.None))!;
            var imported = await ExportAndImportAsync(stored, targetService);

            Assert.That(imported.Problems, Is.Empty, chain.Code);
            ChainDefinitionAssert.Same((await target.GetChainAsync(chain.Code, CancellationToken.None))!, stored);
        }

        Assert.That((await target.ListChainsAsync(CancellationToken.None)).Select(c => c.Code), Is.EqualTo((await source.ListChainsAsync(CancellationToken.None)).Select(c => c.Code)));
    }

    [Test]
    public async Task Chain_with_quotes_commas_and_formula_like_names_round_trips_unchanged()
    {
        var definition = new ChainDefinition(
            new Chain("RT", "往返,测试\"链\"", ChainCategory.HighValueAdd, "多行\n说明, 含逗号"),
            [
                new Segment("RT-A", "RT", "=SUM(A1)", Tier.Upstream, null, ["别名,一", "别名二"], ["产品\"甲\""], ["-关键词"], ["3670"]),
                new Segment("RT-A-1", "RT", "@子环节", Tier.Upstream, "RT-A", [], [], [], []),
                new Segment("RT-B", "RT", "整车", Tier.Downstream, null, [], [], ["+号"], []),
            ],
            [new FlowEdge("RT", "RT-A", "RT-B", "供应, \"直供\"")]);
        var (source, sourceService) = await NewStoreAsync();
        Assert.That((await sourceService.SaveAsync(definition, CancellationToken.None)).Saved, Is.True);
        var (target, targetService) = await NewStoreAsync();

        var imported = await ExportAndImportAsync((await source.GetChainAsync("RT", CancellationToken.None))!, targetService);

        Assert.That(imported.Problems, Is.Empty);
        ChainDefinitionAssert.Same((await target.GetChainAsync("RT", CancellationToken.None))!, definition);
    }

    private static async Task<ChainCsv.ReadResult> ExportAndImportAsync(ChainDefinition stored, ChainService targetService)
    {
        var map = new ChainMapExport(stored.Chain, [], [], null);
        var output = new AsyncOnlyStream();
        await ChainMapWriter.WriteAsync(ChainMapFormats.Csv, map, stored, output, CancellationToken.None);

        using var zip = new ZipArchive(new MemoryStream(output.Bytes), ZipArchiveMode.Read);
        await using var chains = zip.GetEntry("chains.csv")!.Open();
        await using var segments = zip.GetEntry("segments.csv")!.Open();
        await using var flows = zip.GetEntry("flows.csv")!.Open();
        var read = await ChainCsv.ReadAsync(chains, segments, flows, CancellationToken.None);
        foreach (var definition in read.Chains)
        {
            var saved = await targetService.SaveAsync(definition, CancellationToken.None);
            Assert.That(saved.Problems, Is.Empty);
        }

        return read;
    }

    private async Task<(IChainMapStore Store, ChainService Service)> NewStoreAsync()
    {
        var directory = Directory.CreateTempSubdirectory("chainmap-export-").FullName;
        directories.Add(directory);
        var store = new SqliteStore(Path.Combine(directory, "store.db"), TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        return (store, new ChainService(store, new ChainDirectory(store, TimeProvider.System), Microsoft.Extensions.Options.Options.Create(ChainLimits.Default)));
    }
}
