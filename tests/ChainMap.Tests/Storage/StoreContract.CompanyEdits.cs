using ChainMap.Curation;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Projects;
using ChainMap.Storage;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Storage;

/// <summary>
/// Analysts' company edits and deletes (ADR 0185): the version every write moves on, edits written only at the expected
/// version with their provenance and region, deletes that take memberships, relations and channel links with them or are
/// refused while a project refers to the company, and imports keeping analysts' values, the same on every store.
/// </summary>
public abstract partial class StoreContract
{
    private static readonly DateTimeOffset EditAt = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly string AnalystStamp = AnalystProvenance.Stamp(EditAt, "u-3", "张三");

    private protected async Task<StoredCompany> EditAsync(long id, CompanyEdit edit, long? expected = null)
    {
        var stored = (await Store.GetCompanyForEditAsync(id, CancellationToken.None))!;
        var decision = CompanyEditing.Apply(stored, edit, AnalystStamp);
        var written = await Store.SaveCompanyEditAsync(decision.Company, expected ?? stored.Version, decision.RegionChanged, EditAt, CancellationToken.None);
        Assert.That(written.Status, Is.EqualTo(CompanyWriteStatus.Written));
        return decision.Company;
    }

    [Test]
    public async Task A_company_starts_at_version_one_and_an_import_that_changes_it_moves_the_version_on()
    {
        var row = Company("苏州版本液压有限公司", "320506", capital: 800);
        var id = (await Store.UpsertCompaniesAsync([row], Stamp, CancellationToken.None))[0].CompanyId;
        Assert.That((await Store.GetCompanyAsync(id, CancellationToken.None))!.Version, Is.EqualTo(1));

        await Store.UpsertCompaniesAsync([row], Stamp with { ImportId = "imp-test-2" }, CancellationToken.None);
        Assert.That((await Store.GetCompanyAsync(id, CancellationToken.None))!.Version, Is.EqualTo(1), "an unchanged row writes nothing");

        await Store.UpsertCompaniesAsync([row with { RegisteredCapital = 900 }], Stamp with { ImportId = "imp-test-3" }, CancellationToken.None);
        Assert.That((await Store.GetCompanyAsync(id, CancellationToken.None))!.Version, Is.EqualTo(2));
        Assert.That((await Store.GetCompanyForEditAsync(id, CancellationToken.None))!.Version, Is.EqualTo(2));
    }

    [Test]
    public async Task An_edit_writes_fields_region_provenance_and_discovery_at_the_expected_version_only()
    {
        var graph = await DiscoveryGraph.BuildAsync(Store);
        var id = graph.Ids["C"];
        var before = (await Store.GetSegmentStatsAsync("T1", DiscoveryGraph.HomeCodes, CancellationToken.None)).Single(s => s.SegmentCode == "T1-PART");

        var edited = await EditAsync(id, new CompanyEdit
        {
            Name = "随州部件公司",
            Region = new EditedRegion("421303", "420000", "421300", "421303"),
            RegisteredCapital = new Given<decimal?>(40_000m),
            Products = new Given<string?>("液压缸"),
        });
        var stale = await Store.SaveCompanyEditAsync(edited with { Products = "别的" }, 1, false, EditAt, CancellationToken.None);

        var read = (await Store.GetCompanyAsync(id, CancellationToken.None))!;
        Assert.That((read.Name, read.RegionCode, read.CityCode, read.RegisteredCapital, read.Products, read.Version),
            Is.EqualTo(("随州部件公司", "421303", (string?)"421300", (decimal?)40_000m, (string?)"液压缸", 2L)));
        Assert.That(read.Uscc, Is.EqualTo(graph.Usccs["C"]), "the USCC stays");
        Assert.That(read.Memberships.Select(m => m.SegmentCode), Is.EqualTo(new[] { "T1-PART" }));
        Assert.That((stale.Status, stale.Version), Is.EqualTo((CompanyWriteStatus.VersionConflict, 2L)));
        var provenance = await Store.GetCompanyProvenanceAsync(id, CancellationToken.None);
        Assert.That(provenance.Where(p => p.IsAnalyst).Select(p => (p.Field, p.By, p.ById, p.At)),
            Is.EqualTo(new[] { ("name", "张三", "u-3", EditAt), ("region", "张三", "u-3", EditAt), ("registered_capital", "张三", "u-3", EditAt), ("products", "张三", "u-3", EditAt) }));
        Assert.That(provenance.Single(p => p.Field == "uscc").FileName, Is.EqualTo("graph.csv"));
        var after = (await Store.GetSegmentStatsAsync("T1", DiscoveryGraph.HomeCodes, CancellationToken.None)).Single(s => s.SegmentCode == "T1-PART");
        Assert.That((after.Local.Companies, after.Elsewhere.Companies), Is.EqualTo((before.Local.Companies + 1, before.Elsewhere.Companies - 1)), "moved home");
        var inSuizhou = await Store.SearchCompaniesAsync(new CompanyQuery(null, null, null, ["421300"], 1, 50), CancellationToken.None);
        Assert.That(inSuizhou.Items.Select(c => c.Id), Does.Contain(id));
        Assert.That((await Store.FindCompaniesByNameKeyAsync(edited.NameKey, CancellationToken.None)).Select(c => c.Id), Is.EqualTo(new[] { id }));
        Assert.That(await Store.FindCompaniesByNameKeyAsync(ChainMap.Text.ChineseText.NormalizeCompanyName("南京部件公司"), CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task Editing_or_deleting_an_unknown_company_is_not_found()
    {
        var ghost = Stored(Company("不存在公司", "421303")) with { Id = 424_242 };

        Assert.That(await Store.GetCompanyForEditAsync(424_242, CancellationToken.None), Is.Null);
        Assert.That((await Store.SaveCompanyEditAsync(ghost, 1, false, EditAt, CancellationToken.None)).Status, Is.EqualTo(CompanyWriteStatus.NotFound));
        Assert.That((await Store.DeleteCompanyAsync(424_242, 1, CancellationToken.None)).Status, Is.EqualTo(CompanyWriteStatus.NotFound));
        Assert.That(await Store.CountCompaniesAsync(CancellationToken.None), Is.Zero);
    }

    [Test]
    public async Task A_delete_takes_memberships_relations_and_channel_links_and_needs_the_current_version()
    {
        var graph = await DiscoveryGraph.BuildAsync(Store);
        var id = graph.Ids["D"];
        var before = (await Store.GetSegmentStatsAsync("T1", DiscoveryGraph.HomeCodes, CancellationToken.None)).Single(s => s.SegmentCode == "T1-SVC");
        var count = await Store.CountCompaniesAsync(CancellationToken.None);

        var stale = await Store.DeleteCompanyAsync(id, 5, CancellationToken.None);
        Assert.That((stale.Status, stale.Version), Is.EqualTo((CompanyWriteStatus.VersionConflict, 1L)));
        Assert.That(await Store.GetCompanyAsync(id, CancellationToken.None), Is.Not.Null, "a stale delete deletes nothing");

        var deleted = await Store.DeleteCompanyAsync(id, 1, CancellationToken.None);

        Assert.That(deleted.Status, Is.EqualTo(CompanyWriteStatus.Written));
        Assert.That(await Store.GetCompanyAsync(id, CancellationToken.None), Is.Null);
        Assert.That(await Store.CountCompaniesAsync(CancellationToken.None), Is.EqualTo(count - 1));
        Assert.That((await Store.ListRelationsAsync(graph.Ids["H1"], CancellationToken.None)).Select(r => r.ToCompanyId), Does.Not.Contain(id));
        Assert.That((await Store.GetChannelAsync(graph.ChannelIds["SH-SZ"], 10, CancellationToken.None))!.Links, Is.Empty);
        var after = (await Store.GetSegmentStatsAsync("T1", DiscoveryGraph.HomeCodes, CancellationToken.None)).SingleOrDefault(s => s.SegmentCode == "T1-SVC");
        Assert.That(after?.Elsewhere.Companies ?? 0, Is.EqualTo(before.Elsewhere.Companies - 1));
    }

    [Test]
    public async Task A_deleted_companys_id_is_never_given_to_a_new_company()
    {
        var first = (await Store.UpsertCompaniesAsync([Company("苏州编号甲有限公司", "320506"), Company("苏州编号乙有限公司", "320506")], Stamp, CancellationToken.None))
            .Select(o => o.CompanyId).ToList();
        Assert.That((await Store.DeleteCompanyAsync(first[1], 1, CancellationToken.None)).Status, Is.EqualTo(CompanyWriteStatus.Written));

        var next = (await Store.UpsertCompaniesAsync([Company("苏州编号丙有限公司", "320506")], Stamp with { ImportId = "imp-test-2" }, CancellationToken.None))[0].CompanyId;

        Assert.That(next, Is.GreaterThan(first[1]), "merge records, change logs and the audit log still name the deleted id");
    }

    [Test]
    public async Task A_delete_is_refused_naming_the_projects_that_refer_to_the_company()
    {
        var company = await SeedCompanyAsync("苏州项目液压有限公司");
        var project = (await Store.CreateProjectAsync(company, Fields(), Created(new DateOnly(2026, 2, 1)), CancellationToken.None)).ProjectId;

        var refused = await Store.DeleteCompanyAsync(company, 1, CancellationToken.None);

        Assert.That(refused.Status, Is.EqualTo(CompanyWriteStatus.Referenced));
        Assert.That(refused.Projects, Is.EqualTo(new[] { new CompanyProjectReference(project, "甲液压项目") }));
        Assert.That((await Store.GetCompanyAsync(company, CancellationToken.None))!.Memberships, Has.Count.EqualTo(1), "nothing deleted");
    }

    [Test]
    public async Task An_import_keeps_an_analysts_value_unless_asked_to_overwrite_it()
    {
        var row = Company("苏州分析液压有限公司", "320506", capital: 800);
        var id = (await Store.UpsertCompaniesAsync([row], Stamp, CancellationToken.None))[0].CompanyId;
        await EditAsync(id, new CompanyEdit { RegisteredCapital = new Given<decimal?>(1500m) });

        var kept = (await Store.UpsertCompaniesAsync([row with { RegisteredCapital = 900 }], Stamp with { ImportId = "imp-test-2" }, CancellationToken.None))[0];
        var afterKeep = (await Store.GetCompanyAsync(id, CancellationToken.None))!;
        var overwritten = (await Store.UpsertCompaniesAsync([row with { RegisteredCapital = 900 }], Stamp with { ImportId = "imp-test-3", OverwriteAnalyst = true }, CancellationToken.None))[0];
        var afterOverwrite = (await Store.GetCompanyAsync(id, CancellationToken.None))!;

        Assert.That((kept.Kind, kept.AnalystValuesKept), Is.EqualTo((UpsertKind.Unchanged, 1)));
        Assert.That((afterKeep.RegisteredCapital, afterKeep.Version), Is.EqualTo(((decimal?)1500m, 2L)));
        Assert.That((overwritten.Kind, overwritten.AnalystValuesKept), Is.EqualTo((UpsertKind.Updated, 0)));
        Assert.That((afterOverwrite.RegisteredCapital, afterOverwrite.Version), Is.EqualTo(((decimal?)900m, 3L)));
        Assert.That((await Store.GetCompanyProvenanceAsync(id, CancellationToken.None)).Single(p => p.Field == "registered_capital").ImportId, Is.EqualTo("imp-test-3"));
    }

    private static StoredCompany Stored(CompanyRecord row) => CompanyMerge.Insert(1, row, Stamp, _ => true).Company!;
}
