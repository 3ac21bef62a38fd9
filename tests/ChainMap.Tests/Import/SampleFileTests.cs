using ChainMap.Import;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Import;

/// <summary>The sample files that docs/import.md points users to import as documented.</summary>
public sealed class SampleFileTests
{
    [Test]
    public async Task The_sample_company_and_relation_files_import_cleanly()
    {
        await using var store = await ImportTestStore.CreateAsync();
        var samples = Path.Combine(TestData.DataPath, "samples");

        var companies = await store.ImportAsync(Path.Combine(samples, "companies-sample.csv"));
        var relations = await store.Relations.ImportFileAsync(Path.Combine(samples, "relations-sample.csv"), "relations-sample.csv", ImportOptions.Default, null, CancellationToken.None);
        var mushrooms = (await store.Store.SearchCompaniesAsync(new ChainMap.Storage.CompanyQuery("香菇", null, null, null, 1, 5), CancellationToken.None)).Items.Single();

        Assert.That((companies.Read, companies.Inserted, companies.Rejected, companies.Unassigned), Is.EqualTo((7L, 7L, 0L, 0L)), string.Join("; ", companies.Problems));
        Assert.That(companies.Problems, Is.Empty);
        Assert.That((relations.Read, relations.Inserted, relations.Rejected), Is.EqualTo((3L, 3L, 0L)), string.Join("; ", relations.Problems));
        Assert.That((mushrooms.CountyCode, mushrooms.Tags.Single()), Is.EqualTo(("421321", "规上企业")));
    }
}
