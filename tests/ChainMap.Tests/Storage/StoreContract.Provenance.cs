using System.Text.Json;
using ChainMap.Curation;
using ChainMap.Import;
using ChainMap.Storage;

namespace ChainMap.Tests.Storage;

/// <summary>
/// The compact provenance (ADR 0350): a store holding the form before it (field → source, as versions before migration 235
/// wrote it) answers exactly as before, on SQLite after the migration converts it and on Neo4j, which reads both forms.
/// </summary>
public abstract partial class StoreContract
{
    /// <summary>
    /// Writes <paramref name="oldForm"/> (field → source JSON) as each company's stored provenance, as a store of the time had it,
    /// and brings the store up to date (SQLite: migration 235 runs again and must write what the store writes now).
    /// </summary>
    private protected abstract Task WriteProvenanceBeforeCompactionAsync(IReadOnlyDictionary<long, string> oldForm);

    [Test]
    public async Task Provenance_stored_in_the_form_before_ADR_0350_answers_the_same_for_sources_review_re_import_and_undo()
    {
        var (kept, created) = await SeedUndoAsync();
        await EditAsync(kept, new CompanyEdit { Products = new Given<string?>("液压缸") });
        var before = await SourcesAsync(kept, created);
        var queued = (await QueueAsync(import: UndoFirst.ImportId)).Total;
        var queuedSecond = (await QueueAsync(import: UndoSecond.ImportId)).Total;
        var oldForm = new Dictionary<long, string>();
        foreach (var id in new[] { kept, created })
        {
            var fields = (await Store.GetCompanyForEditAsync(id, CancellationToken.None))!.Provenance.Fields;
            oldForm[id] = JsonSerializer.Serialize(CompanyFields.Names.Where(fields.ContainsKey).ToDictionary(f => f, f => fields[f]));
        }

        Assert.That(oldForm[created], Does.StartWith("""{"name":"imp-undo-2","""), "the old form names every field");
        await WriteProvenanceBeforeCompactionAsync(oldForm);

        Assert.That(await SourcesAsync(kept, created), Is.EqualTo(before));
        Assert.That(before[kept].Single(s => s.Field == "products").By, Is.EqualTo("张三"));
        Assert.That(before[kept].Single(s => s.Field == "registered_capital").ImportId, Is.EqualTo(UndoSecond.ImportId));
        Assert.That(((await QueueAsync(import: UndoFirst.ImportId)).Total, (await QueueAsync(import: UndoSecond.ImportId)).Total), Is.EqualTo((queued, queuedSecond)));
        Assert.That((queued, queuedSecond), Is.EqualTo((2L, 3L)), "甲's two memberships; 甲's and 乙's three");

        // An import keeps the analyst's value it meets in the old form and stamps what it changes.
        var row = Company("随州撤销甲有限公司", "421303", null, "T1-PART", 1200m) with { Products = "别的", Employees = 40 };
        var outcome = (await Store.UpsertCompaniesAsync([row], UndoThird, CancellationToken.None))[0];
        Assert.That((outcome.Kind, outcome.AnalystValuesKept), Is.EqualTo((UpsertKind.Updated, 1)));
        var after = (await SourcesAsync(kept, created))[kept];
        Assert.That(after.Single(s => s.Field == "products").By, Is.EqualTo("张三"));
        Assert.That(after.Single(s => s.Field == "employees").ImportId, Is.EqualTo(UndoThird.ImportId));
        Assert.That(after.Single(s => s.Field == "name").ImportId, Is.EqualTo(UndoFirst.ImportId));
        Assert.That((await Store.GetCompanyAsync(kept, CancellationToken.None))!.Products, Is.EqualTo("液压缸"));

        // The undo of the second import restores the capital and its provenance from the change log.
        var undo = await Store.UndoImportAsync(UndoneJob(UndoSecond.ImportId), UndoThird.At, CancellationToken.None);
        Assert.That(undo.Undone, Is.True, string.Join("; ", undo.Decision?.Blockers ?? []));
        var undone = (await SourcesAsync(kept))[kept];
        Assert.That(undone.Single(s => s.Field == "registered_capital").ImportId, Is.EqualTo(UndoFirst.ImportId));
        Assert.That(undone.Single(s => s.Field == "employees").ImportId, Is.EqualTo(UndoThird.ImportId));
        Assert.That((await QueueAsync(import: UndoSecond.ImportId)).Total, Is.Zero);
    }

    private async Task<Dictionary<long, List<(string Field, string ImportId, string FileName, DateTimeOffset At, string? By)>>> SourcesAsync(params long[] ids)
    {
        var result = new Dictionary<long, List<(string, string, string, DateTimeOffset, string?)>>();
        foreach (var id in ids)
        {
            result[id] = (await Store.GetCompanyProvenanceAsync(id, CancellationToken.None)).Select(p => (p.Field, p.ImportId, p.FileName, p.At, p.By)).ToList();
        }

        return result;
    }
}
