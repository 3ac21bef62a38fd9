using ChainMap.Curation;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Projects;
using ChainMap.Storage;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Storage;

/// <summary>Undo of a company import from its change log (ADR 0191), the same on both stores.</summary>
public abstract partial class StoreContract
{
    private static readonly ImportStamp UndoFirst = new("imp-undo-1", "first.csv", new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private static readonly ImportStamp UndoSecond = new("imp-undo-2", "second.csv", new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
    private static readonly ImportStamp UndoThird = new("imp-undo-3", "third.csv", new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));

    private static ImportJob UndoneJob(string id) =>
        new(id, ImportKinds.Companies, "second.csv", ImportJobState.Undone, false, false, ImportCounts.Zero, true, UndoSecond.At, UndoSecond.At, UndoSecond.At, "undone by test");

    /// <summary>The first import stores 甲 (800, in 部件); the second raises its capital, adds 整车 and creates 乙.</summary>
    private async Task<(long Kept, long Created)> SeedUndoAsync()
    {
        await SeedRegionsAsync();
        await Store.SaveChainAsync(TestData.SmallChain(), CancellationToken.None);
        var kept = (await Store.UpsertCompaniesAsync([Company("随州撤销甲有限公司", "421303", null, "T1-PART", 800m)], UndoFirst, CancellationToken.None))[0].CompanyId;
        var second = await Store.UpsertCompaniesAsync(
        [
            Company("随州撤销甲有限公司", "421303", null, "T1-PART", 1200m) with
            {
                Memberships = [new SegmentMembership("T1-PART", "maker", 1.0, "test", "test.csv"), new SegmentMembership("T1-VEH", "maker", 1.0, "环节", "second.csv")],
            },
            Company("随州撤销乙有限公司", "421303", null, "T1-VEH", 300m),
        ], UndoSecond, CancellationToken.None);
        Assert.That(second.Select(o => o.Kind), Is.EqualTo(new[] { UpsertKind.Updated, UpsertKind.Inserted }));
        return (kept, second[1].CompanyId);
    }

    [Test]
    public async Task Undo_removes_what_the_import_created_and_restores_what_it_changed()
    {
        var (kept, created) = await SeedUndoAsync();

        var outcome = await Store.UndoImportAsync(UndoneJob(UndoSecond.ImportId), UndoThird.At, CancellationToken.None);

        Assert.That(outcome.Undone, Is.True, string.Join("; ", outcome.Decision?.Blockers ?? []));
        Assert.That(await Store.GetCompanyAsync(created, CancellationToken.None), Is.Null);
        var company = (await Store.GetCompanyAsync(kept, CancellationToken.None))!;
        Assert.That(company.RegisteredCapital, Is.EqualTo(800m));
        Assert.That(company.Memberships.Select(m => m.SegmentCode), Is.EqualTo(new[] { "T1-PART" }));
        var provenance = await Store.GetCompanyProvenanceAsync(kept, CancellationToken.None);
        Assert.That(provenance.Single(p => p.Field == "registered_capital").ImportId, Is.EqualTo(UndoFirst.ImportId));
        var presence = await Store.CountBySegmentAsync("T1", ["421300"], CancellationToken.None);
        Assert.That(presence.Any(p => p.SegmentCode == "T1-VEH"), Is.False, "discovery no longer counts what the import brought");
        Assert.That(await Store.CountCompaniesAsync(CancellationToken.None), Is.EqualTo(1));
    }

    [Test]
    public async Task Undo_is_refused_naming_a_later_import_and_a_project_and_changes_nothing()
    {
        var (kept, created) = await SeedUndoAsync();
        await Store.UpsertCompaniesAsync([Company("随州撤销甲有限公司", "421303", null, null, 1500m)], UndoThird, CancellationToken.None);
        var project = await Store.CreateProjectAsync(created, Fields(), Created(new DateOnly(2026, 2, 1)), CancellationToken.None);

        var outcome = await Store.UndoImportAsync(UndoneJob(UndoSecond.ImportId), UndoThird.At, CancellationToken.None);

        Assert.That(outcome.Undone, Is.False);
        Assert.That(outcome.Decision!.Blockers, Has.Some.Contains($"registered_capital of company {kept}"));
        Assert.That(outcome.Decision.Blockers, Has.Some.Contains(UndoThird.ImportId));
        Assert.That(outcome.Decision.Blockers, Has.Some.Contains($"project {project.ProjectId}"));
        Assert.That((await Store.GetCompanyAsync(kept, CancellationToken.None))!.RegisteredCapital, Is.EqualTo(1500m));
        Assert.That(await Store.GetCompanyAsync(created, CancellationToken.None), Is.Not.Null);
    }

    [Test]
    public async Task A_merged_company_blocks_the_undo_of_the_import_that_created_it_and_an_unknown_job_has_nothing_logged()
    {
        var (kept, created) = await SeedUndoAsync();
        await Store.MergeCompaniesAsync(kept, created, MergeExpectation.None, UndoThird.At, CancellationToken.None);

        var outcome = await Store.UndoImportAsync(UndoneJob(UndoSecond.ImportId), UndoThird.At, CancellationToken.None);
        var unknown = await Store.UndoImportAsync(UndoneJob("imp-never-ran"), UndoThird.At, CancellationToken.None);

        Assert.That(outcome.Decision!.Blockers, Has.Some.Contains($"was merged into company {kept}"));
        Assert.That(unknown.NothingLogged, Is.True);
    }
}
