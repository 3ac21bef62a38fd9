using System.Globalization;
using System.Text;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Storage;

namespace ChainMap.Tests.Import;

/// <summary>
/// The first import into an empty SQLite store looks up only the USCCs it has itself written (ADR 0280): rows repeated
/// in the file further than a batch apart, and companies another writer stores between its commits, must still be
/// found, exactly as an import into a store with companies finds them.
/// </summary>
public sealed class FirstImportTests
{
    private ImportTestStore store = null!;

    [SetUp]
    public async Task SetUp() => store = await ImportTestStore.CreateAsync();

    [TearDown]
    public async Task TearDown() => await store.DisposeAsync();

    private static string UsccOf(int i) => Uscc.FromBody("91421303MA" + i.ToString("D7", CultureInfo.InvariantCulture)).Value;

    private static string NameOf(int i) => "随州" + i.ToString(CultureInfo.InvariantCulture) + "号液压有限公司";

    /// <summary>
    /// A file of <paramref name="companies"/> companies (line i + 2 is company i, capital 100), then company 1 again with
    /// capital 900, company 2's USCC under another name, and company 3 again with its name in Traditional script.
    /// </summary>
    private static string FileWithRepeatsFarApart(int companies)
    {
        var text = new StringBuilder("企业名称,统一社会信用代码,行政区划代码,注册资本(万元)\n");
        for (var i = 0; i < companies; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{NameOf(i)},{UsccOf(i)},421303,100\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{NameOf(1)},{UsccOf(1)},421303,900\n");
        text.Append(CultureInfo.InvariantCulture, $"另一家公司,{UsccOf(2)},421303,100\n");
        text.Append(CultureInfo.InvariantCulture, $"隨州3號液壓有限公司,{UsccOf(3)},421303,100\n");
        return text.ToString();
    }

    [Test]
    public async Task Rows_repeated_more_than_a_batch_apart_merge_into_the_company_the_first_import_wrote()
    {
        var companies = CompanyImporter.BatchSize + 10;
        var path = store.Write("first.csv", FileWithRepeatsFarApart(companies));

        var summary = await store.ImportAsync(path);

        Assert.That((summary.Read, summary.Inserted, summary.Updated + summary.Unchanged, summary.Rejected),
            Is.EqualTo((companies + 3L, (long)companies, 2L, 1L)), "companies 1 and 3 found again, the USCC under another name refused");
        Assert.That(await store.CountAsync(), Is.EqualTo(companies));
        Assert.That((await store.Store.GetCompanyByUsccAsync(UsccOf(1), CancellationToken.None))!.RegisteredCapital, Is.EqualTo(900m));
        var conflict = summary.Problems.Single(p => p.Severity == ProblemSeverity.Error);
        Assert.That((conflict.Line, conflict.Column, conflict.Value), Is.EqualTo((companies + 3, "统一社会信用代码", UsccOf(2))));
        Assert.That(conflict.Reason, Does.Contain(NameOf(2)));
    }

    [Test]
    public async Task A_dry_run_of_a_first_import_counts_the_far_repeats_as_the_import_does_and_writes_nothing()
    {
        var companies = CompanyImporter.BatchSize + 10;
        var path = store.Write("first.csv", FileWithRepeatsFarApart(companies));

        var dry = await store.ImportAsync(path, new ImportOptions(DryRun: true));
        var counted = await store.CountAsync();
        var real = await store.ImportAsync(path);

        Assert.That(counted, Is.EqualTo(0));
        Assert.That((dry.Read, dry.Inserted, dry.Updated, dry.Unchanged, dry.Rejected),
            Is.EqualTo((real.Read, real.Inserted, real.Updated, real.Unchanged, real.Rejected)));
        Assert.That(dry.Problems.Select(p => (p.Line, p.Column, p.Reason)), Is.EqualTo(real.Problems.Select(p => (p.Line, p.Column, p.Reason))));
    }

    [Test]
    public async Task The_first_import_gives_the_same_companies_as_the_same_file_imported_into_a_store_with_a_company()
    {
        var companies = CompanyImporter.BatchSize + 10;
        var content = FileWithRepeatsFarApart(companies);
        await using var other = await ImportTestStore.CreateAsync();
        // The other store holds one company before the same file: its import takes the lookups of a store with companies.
        await other.ImportAsync(other.Write("seed.csv", $"企业名称,统一社会信用代码,行政区划代码\n先来的公司,{UsccOf(companies + 100)},421303\n"));

        var first = await store.ImportAsync(store.Write("first.csv", content));
        var general = await other.ImportAsync(other.Write("first.csv", content));

        Assert.That((first.Inserted, first.Updated, first.Unchanged, first.Rejected), Is.EqualTo((general.Inserted, general.Updated, general.Unchanged, general.Rejected)));
        Assert.That(first.Problems.Select(p => (p.Line, p.Column, p.Value, p.Reason.Replace("(company 3)", string.Empty, StringComparison.Ordinal))),
            Is.EqualTo(general.Problems.Select(p => (p.Line, p.Column, p.Value, p.Reason.Replace("(company 4)", string.Empty, StringComparison.Ordinal)))),
            "the same problems on the same lines (the company ids differ by the one stored before)");
        foreach (var i in new[] { 0, 1, 2, 3, companies - 1 })
        {
            var a = await store.Store.GetCompanyByUsccAsync(UsccOf(i), CancellationToken.None);
            var b = await other.Store.GetCompanyByUsccAsync(UsccOf(i), CancellationToken.None);
            Assert.That((a!.Name, a.RegionCode, a.RegisteredCapital), Is.EqualTo((b!.Name, b.RegionCode, b.RegisteredCapital)), $"company {i}");
        }
    }

    [Test]
    public async Task A_company_another_writer_stores_between_the_first_imports_commits_is_found_by_its_uscc()
    {
        var stamp = new ImportStamp("imp-first", "first.csv", DateTimeOffset.UnixEpoch);
        IReadOnlyList<UpsertOutcome> later;
        await using (var session = await store.Store.BeginCompanyImportAsync(stamp, CancellationToken.None))
        {
            await session.UpsertAsync([Record(NameOf(0), UsccOf(0), 100)], CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);

            // Between two commits of the import, another connection stores a company.
            await store.Store.UpsertCompaniesAsync(
                [Record(NameOf(1), UsccOf(1), 100)], new ImportStamp("imp-other", "other.csv", DateTimeOffset.UnixEpoch), CancellationToken.None);

            later = await session.UpsertAsync([Record(NameOf(1), UsccOf(1), 900), Record(NameOf(0), UsccOf(0), 100)], CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        Assert.That(later.Select(o => o.Kind), Is.EqualTo(new[] { UpsertKind.Updated, UpsertKind.Unchanged }));
        Assert.That(await store.CountAsync(), Is.EqualTo(2));
        Assert.That((await store.Store.GetCompanyByUsccAsync(UsccOf(1), CancellationToken.None))!.RegisteredCapital, Is.EqualTo(900m));
    }

    private static CompanyRecord Record(string name, string uscc, decimal capital) =>
        new($"u:{uscc}", uscc, name, name, "421303", "420000", "421300", "421303", capital, null, null, null, null, [], null, null,
            CompanyStrength.Score(capital, null, null, null, []), []);

    /// <summary>A store whose sessions keep what the importer told them about the file's size (ADR 0380).</summary>
    private sealed class ToldStore(ICompanyImportStore inner) : ICompanyImportStore
    {
        public List<long> Told { get; } = [];

        public async Task<ICompanyImportSession> BeginCompanyImportAsync(ImportStamp stamp, CancellationToken cancellationToken) =>
            new Session(await inner.BeginCompanyImportAsync(stamp, cancellationToken), Told);

        private sealed class Session(ICompanyImportSession inner, List<long> told) : ICompanyImportSession
        {
            public int CommitEvery => inner.CommitEvery;

            public void ExpectRows(long rows)
            {
                told.Add(rows);
                inner.ExpectRows(rows);
            }

            public Task<IReadOnlyList<UpsertOutcome>> UpsertAsync(IReadOnlyList<CompanyRecord> batch, CancellationToken cancellationToken) =>
                inner.UpsertAsync(batch, cancellationToken);

            public Task CommitAsync(CancellationToken cancellationToken) => inner.CommitAsync(cancellationToken);

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }

    [Test]
    public async Task The_importer_tells_the_store_before_each_batch_about_how_many_rows_the_file_holds()
    {
        const int companies = 12_000;
        var told = new ToldStore((ICompanyImportStore)store.Store);
        var importer = new CompanyImporter(told, store.Regions, store.Chains, TimeProvider.System);
        var path = store.Write("large.csv", FileWithRepeatsFarApart(companies));

        var summary = await importer.ImportFileAsync(path, "large.csv", ImportOptions.Default, null, null, CancellationToken.None);

        Assert.That(summary.Inserted, Is.EqualTo(companies));
        Assert.That(told.Told, Has.Count.EqualTo(3), "one estimate before each of the three batches");
        // Read from the share of the file's bytes behind the rows read: within a tenth after the first batch of
        // 5,000 (the readers' buffers run a little ahead), exact once the file is read to its end.
        Assert.That(told.Told[0], Is.InRange(companies * 0.9, companies * 1.1));
        Assert.That(told.Told[^1], Is.EqualTo(companies + 3));
    }
}
