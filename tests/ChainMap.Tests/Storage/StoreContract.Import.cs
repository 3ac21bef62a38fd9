using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Storage;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Storage;

/// <summary>The import-side of the store port: sessions, provenance, company references, jobs and problem reports.</summary>
public abstract partial class StoreContract
{
    private static readonly DateTimeOffset JobTime = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    [Test]
    public async Task An_import_session_not_committed_writes_nothing()
    {
        await using (var session = await Store.BeginCompanyImportAsync(Stamp, CancellationToken.None))
        {
            var outcomes = await session.UpsertAsync([Company("甲公司", "421303"), Company("乙公司", "320506")], CancellationToken.None);
            Assert.That(outcomes.Select(o => o.Kind), Is.EqualTo(new[] { UpsertKind.Inserted, UpsertKind.Inserted }));
        }

        Assert.That(await Store.CountCompaniesAsync(CancellationToken.None), Is.Zero);
    }

    [Test]
    public async Task An_import_session_commits_in_steps_and_later_batches_see_earlier_rows()
    {
        await using (var session = await Store.BeginCompanyImportAsync(Stamp, CancellationToken.None))
        {
            await session.UpsertAsync([Company("甲公司", "421303")], CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
            var again = await session.UpsertAsync([Company("甲公司", "421303", capital: 10), Company("甲公司", "421303", capital: 10)], CancellationToken.None);
            Assert.That(again.Select(o => o.Kind), Is.EqualTo(new[] { UpsertKind.Updated, UpsertKind.Unchanged }));
        }

        var stored = (await Store.SearchCompaniesAsync(new CompanyQuery(null, null, null, null, 1, 10), CancellationToken.None)).Items.Single();
        Assert.That(stored.RegisteredCapital, Is.Null, "the batch after the commit was rolled back with the session");
    }

    [Test]
    public async Task A_batch_of_many_new_companies_and_later_rows_merging_into_them_is_written_in_order()
    {
        await Store.SaveChainAsync(TestData.SmallChain(), CancellationToken.None);
        var rows = Enumerable.Range(0, 130)
            .Select(i => Company($"甲{i:D3}液压有限公司", "421303", Uscc.FromBody($"91421303MA4K{i:D3}X7").Value, i % 2 == 0 ? "T1-PART" : "T1-VEH", 100 + i))
            .ToList();
        // Later rows of the same batch meet companies created earlier in it: one changes a value, one adds a segment.
        rows.Add(rows[3] with { RegisteredCapital = 9999 });
        rows.Add(rows[120] with { Memberships = [new SegmentMembership("T1-RAW", "maker", 1.0, "test", "test.csv")] });

        var outcomes = await Store.UpsertCompaniesAsync(rows, Stamp, CancellationToken.None);

        Assert.That(outcomes.Take(130).Select(o => o.Kind), Is.All.EqualTo(UpsertKind.Inserted));
        Assert.That(outcomes.Skip(130).Select(o => (o.Kind, o.CompanyId)),
            Is.EqualTo(new[] { (UpsertKind.Updated, outcomes[3].CompanyId), (UpsertKind.Updated, outcomes[120].CompanyId) }));
        Assert.That(await Store.CountCompaniesAsync(CancellationToken.None), Is.EqualTo(130));
        Assert.That((await Store.GetCompanyAsync(outcomes[3].CompanyId, CancellationToken.None))!.RegisteredCapital, Is.EqualTo(9999m));
        Assert.That((await Store.GetCompanyAsync(outcomes[120].CompanyId, CancellationToken.None))!.Memberships.Select(m => m.SegmentCode),
            Is.EquivalentTo(new[] { "T1-PART", "T1-RAW" }));
        Assert.That((await Store.GetCompanyAsync(outcomes[129].CompanyId, CancellationToken.None))!.Memberships.Select(m => m.SegmentCode),
            Is.EqualTo(new[] { "T1-VEH" }));
    }

    [Test]
    public async Task A_row_with_a_uscc_merges_into_its_namesake_stored_without_one()
    {
        var uscc = Uscc.FromBody("91421303MA4K0L2X7").Value;
        var id = (await Store.UpsertCompaniesAsync([Company("甲公司", "421303")], Stamp, CancellationToken.None))[0].CompanyId;

        var outcome = (await Store.UpsertCompaniesAsync([Company("甲公司", "421300", uscc)], Stamp with { ImportId = "imp-test-2" }, CancellationToken.None))[0];
        var stored = await Store.GetCompanyByUsccAsync(uscc, CancellationToken.None);

        Assert.That((outcome.Kind, outcome.CompanyId), Is.EqualTo((UpsertKind.Updated, id)));
        Assert.That(stored!.Id, Is.EqualTo(id));
        Assert.That(stored.RegionCode, Is.EqualTo("421303"));
        Assert.That(await Store.CountCompaniesAsync(CancellationToken.None), Is.EqualTo(1));
    }

    [Test]
    public async Task A_name_matching_two_stored_companies_is_a_conflict()
    {
        await Store.UpsertCompaniesAsync(
            [Company("甲公司", "421303", Uscc.FromBody("91421303MA4K0L2X7").Value), Company("甲公司", "421381", Uscc.FromBody("91421381MA4K0L2X7").Value)],
            Stamp, CancellationToken.None);

        var outcome = (await Store.UpsertCompaniesAsync([Company("甲公司", "421300")], Stamp, CancellationToken.None))[0];

        Assert.That(outcome.Kind, Is.EqualTo(UpsertKind.Conflict));
        Assert.That(outcome.Detail, Does.StartWith("'甲公司' matches 2 stored companies"));
        Assert.That(await Store.CountCompaniesAsync(CancellationToken.None), Is.EqualTo(2));
    }

    [Test]
    public async Task Provenance_names_the_import_file_and_time_of_each_field()
    {
        var id = (await Store.UpsertCompaniesAsync([Company("甲公司", "421303", capital: 5)], Stamp, CancellationToken.None))[0].CompanyId;
        var later = new ImportStamp("imp-test-2", "later.csv", Stamp.At.AddDays(1));
        await Store.UpsertCompaniesAsync([Company("甲公司", "421303", capital: 6)], later, CancellationToken.None);

        var provenance = await Store.GetCompanyProvenanceAsync(id, CancellationToken.None);

        Assert.That(provenance, Is.EqualTo(new[]
        {
            new FieldSource("name", "imp-test-1", "test.csv", Stamp.At),
            new FieldSource("region", "imp-test-1", "test.csv", Stamp.At),
            new FieldSource("registered_capital", "imp-test-2", "later.csv", later.At),
        }));
        Assert.That(await Store.GetCompanyProvenanceAsync(999_999, CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task Company_references_match_by_uscc_or_by_name_within_a_region()
    {
        var uscc = Uscc.FromBody("91421303MA4K0L2X7").Value;
        var ids = (await Store.UpsertCompaniesAsync(
            [Company("甲公司", "421303", uscc), Company("乙公司", "421303"), Company("乙公司", "320506")], Stamp, CancellationToken.None)).Select(o => o.CompanyId).ToList();

        CompanyReference[] references =
        [
            new CompanyReference(uscc, null, null),
            new CompanyReference(null, "乙公司", "421300"),
            new CompanyReference(null, "乙公司", null),
            new CompanyReference(null, "丙公司", null),
        ];
        var (usccs, nameKeys) = CompanyReferences.Keys(references);
        var keys = await Store.FindCompanyKeysAsync(usccs, nameKeys, CancellationToken.None);
        var matches = CompanyReferences.Match(references, keys);

        Assert.That(keys.Select(k => (k.Id, k.Uscc, k.NameKey, k.CountyCode)), Is.EquivalentTo(new[]
        {
            (ids[0], (string?)uscc, "甲公司", (string?)"421303"), (ids[1], null, "乙公司", "421303"), (ids[2], null, "乙公司", "320506"),
        }));

        Assert.That(matches[0], Is.EqualTo(new[] { ids[0] }));
        Assert.That(matches[1], Is.EqualTo(new[] { ids[1] }));
        Assert.That(matches[2], Is.EquivalentTo(new[] { ids[1], ids[2] }));
        Assert.That(matches[3], Is.Empty);
    }

    private static ImportJob Job(string id, ImportJobState state, int minutes) =>
        new(id, "companies", $"{id}.csv", state, false, true, new ImportCounts(10, 7, 1, 1, 1, 2, 3), state == ImportJobState.Succeeded,
            JobTime.AddMinutes(minutes), JobTime.AddMinutes(minutes), state is ImportJobState.Succeeded ? JobTime.AddMinutes(minutes + 1) : null, null);

    [Test]
    public async Task Import_jobs_round_trip_newest_first()
    {
        await Store.SaveImportJobAsync(Job("imp-a", ImportJobState.Succeeded, 0), CancellationToken.None);
        await Store.SaveImportJobAsync(Job("imp-b", ImportJobState.Queued, 5), CancellationToken.None);
        await Store.SaveImportJobAsync(Job("imp-b", ImportJobState.Running, 5), CancellationToken.None);

        var listed = await Store.ListImportJobsAsync(10, CancellationToken.None);

        Assert.That(listed.Select(j => (j.Id, j.State)), Is.EqualTo(new[] { ("imp-b", ImportJobState.Running), ("imp-a", ImportJobState.Succeeded) }));
        Assert.That(await Store.GetImportJobAsync("imp-a", CancellationToken.None), Is.EqualTo(Job("imp-a", ImportJobState.Succeeded, 0)));
        Assert.That(await Store.GetImportJobAsync("nope", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task An_import_job_keeps_whether_it_was_asked_to_overwrite_analysts_values()
    {
        await Store.SaveImportJobAsync(Job("imp-over", ImportJobState.Queued, 0) with { OverwriteAnalyst = true }, CancellationToken.None);
        await Store.SaveImportJobAsync(Job("imp-over", ImportJobState.Succeeded, 0) with { OverwriteAnalyst = true }, CancellationToken.None);
        await Store.SaveImportJobAsync(Job("imp-keep", ImportJobState.Succeeded, 1), CancellationToken.None);

        Assert.That((await Store.GetImportJobAsync("imp-over", CancellationToken.None))!.OverwriteAnalyst, Is.True);
        Assert.That((await Store.GetImportJobAsync("imp-keep", CancellationToken.None))!.OverwriteAnalyst, Is.False);
        Assert.That((await Store.ListImportJobsAsync(10, CancellationToken.None)).Select(j => (j.Id, j.OverwriteAnalyst)),
            Is.EqualTo(new[] { ("imp-keep", false), ("imp-over", true) }));
    }

    [Test]
    public async Task Unfinished_import_jobs_are_marked_failed_and_finished_ones_are_left_alone()
    {
        await Store.SaveImportJobAsync(Job("imp-a", ImportJobState.Succeeded, 0), CancellationToken.None);
        await Store.SaveImportJobAsync(Job("imp-b", ImportJobState.Running, 1), CancellationToken.None);
        await Store.SaveImportJobAsync(Job("imp-c", ImportJobState.Queued, 2), CancellationToken.None);

        var marked = await Store.FailUnfinishedImportJobsAsync("interrupted", JobTime.AddHours(1), CancellationToken.None);

        Assert.That(marked, Is.EqualTo(2));
        var running = await Store.GetImportJobAsync("imp-b", CancellationToken.None);
        Assert.That((running!.State, running.Message, running.FinishedAt), Is.EqualTo((ImportJobState.Failed, "interrupted", (DateTimeOffset?)JobTime.AddHours(1))));
        Assert.That((await Store.GetImportJobAsync("imp-a", CancellationToken.None))!.State, Is.EqualTo(ImportJobState.Succeeded));
    }

    [Test]
    public async Task Import_problems_are_stored_in_order_and_replaced_whole()
    {
        await Store.SaveImportJobAsync(Job("imp-a", ImportJobState.Running, 0), CancellationToken.None);
        ImportProblem[] problems =
        [
            new("a.csv", 3, "统一社会信用代码", "X", "invalid USCC"),
            new("a.csv", 2, null, null, "whole file", ProblemSeverity.Warning),
        ];
        await Store.SaveImportProblemsAsync("imp-a", [new ImportProblem("old.csv", 1, null, null, "old")], CancellationToken.None);
        await Store.SaveImportProblemsAsync("imp-a", problems, CancellationToken.None);

        var read = new List<ImportProblem>();
        await foreach (var problem in Store.ReadImportProblemsAsync("imp-a", CancellationToken.None))
        {
            read.Add(problem);
        }

        Assert.That(read, Is.EqualTo(problems));
    }
}
