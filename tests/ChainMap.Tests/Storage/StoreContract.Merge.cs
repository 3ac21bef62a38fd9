using ChainMap.Curation;
using ChainMap.Domain;
using ChainMap.Projects;
using ChainMap.Storage;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Storage;

/// <summary>Company merge (ADR 0190): both stores write the same decision in one transaction, or nothing.</summary>
public abstract partial class StoreContract
{
    private static readonly string MergeUscc = Uscc.FromBody("91421303MA4K0L2X4").Value;
    private static readonly string OtherUscc = Uscc.FromBody("91421303MA4K0L2X5").Value;
    private static readonly DateTimeOffset MergedAt = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private sealed record MergeWorld(long Survivor, long Merged, long Customer, long Channel, long Project);

    /// <summary>
    /// 甲 (survivor, city-level region, a guess in 部件) and 甲专汽 (same company with a USCC, in 曾都区, a file's 部件 and 整车,
    /// relations both ways, a channel link, a project with an activity), and a customer 丙 both supply.
    /// </summary>
    private async Task<MergeWorld> SeedMergeAsync(string? survivorUscc = null)
    {
        await SeedRegionsAsync();
        await Store.SaveChainAsync(TestData.SmallChain(), CancellationToken.None);
        var ids = await Store.UpsertCompaniesAsync(
        [
            Company("随州甲专用汽车有限公司", "421300", survivorUscc, capital: 500m) with
            {
                Memberships = [new SegmentMembership("T1-PART", "maker", 0.7, "名称: 液压", MembershipSources.Classifier("a.csv"))],
            },
            Company("随州甲专汽", "421303", MergeUscc, capital: 9000m, tags: "专精特新") with
            {
                Memberships = [new SegmentMembership("T1-PART", "maker", 1.0, "环节", "b.csv"), new SegmentMembership("T1-VEH", "maker", 1.0, "环节", "b.csv")],
            },
            Company("武汉丙物流有限公司", "420100"),
        ], Stamp, CancellationToken.None);
        var (survivor, merged, customer) = (ids[0].CompanyId, ids[1].CompanyId, ids[2].CompanyId);
        await Store.SaveRelationsAsync(
        [
            new CompanyRelation(survivor, customer, CompanyRelationKind.Supplies, null, "r.csv"),
            new CompanyRelation(merged, customer, CompanyRelationKind.Supplies, "duplicate", "r.csv"),
            new CompanyRelation(customer, merged, CompanyRelationKind.InvestsIn, "参股", "r.csv"),
            new CompanyRelation(survivor, merged, CompanyRelationKind.Controls, null, "r.csv"),
        ], CancellationToken.None);
        var channel = (await Store.UpsertChannelsAsync([new ChannelRecord("SH-SZ", "上海市随州商会", ChannelKind.ChamberOfCommerce, null, [], null, null, "t")], CancellationToken.None))["SH-SZ"];
        await Store.SaveChannelLinksAsync([new ChannelLink(channel, merged, null, ChannelRole.Member, null, "t")], CancellationToken.None);
        var project = (await Store.CreateProjectAsync(merged, Fields(), Created(new DateOnly(2026, 2, 1)), CancellationToken.None)).ProjectId;
        await Store.AddActivityAsync(new NewActivity(project, merged, ActivityKind.Visit, null, new DateOnly(2026, 2, 3), [], null, "csj", "甲", At), CancellationToken.None);
        return new MergeWorld(survivor, merged, customer, channel, project);
    }

    [Test]
    public async Task Merge_moves_everything_to_the_survivor_and_the_merged_id_points_to_it()
    {
        var w = await SeedMergeAsync();

        var outcome = await Store.MergeCompaniesAsync(w.Survivor, w.Merged, MergeExpectation.None, MergedAt, CancellationToken.None);

        Assert.That(outcome.Merged, Is.True);
        Assert.That(await Store.GetCompanyAsync(w.Merged, CancellationToken.None), Is.Null);
        Assert.That(await Store.GetMergedIntoAsync(w.Merged, CancellationToken.None), Is.EqualTo(w.Survivor));
        Assert.That(await Store.GetMergedIntoAsync(w.Survivor, CancellationToken.None), Is.Null);
        var company = (await Store.GetCompanyAsync(w.Survivor, CancellationToken.None))!;
        Assert.That((company.Name, company.Uscc, company.RegionCode, company.RegisteredCapital), Is.EqualTo(("随州甲专用汽车有限公司", MergeUscc, "421303", 500m)));
        Assert.That(company.Tags, Is.EqualTo(new[] { "专精特新" }));
        Assert.That(company.Memberships.OrderBy(m => m.SegmentCode).Select(m => (m.SegmentCode, m.Source)), Is.EqualTo(new[]
        {
            ("T1-PART", (string?)"b.csv"),
            ("T1-VEH", "b.csv"),
        }), "the file's membership beats the guess; a new segment is added");
        Assert.That((await Store.GetCompanyByUsccAsync(MergeUscc, CancellationToken.None))!.Id, Is.EqualTo(w.Survivor));
        Assert.That((await Store.GetCompanyProvenanceAsync(w.Survivor, CancellationToken.None)).Select(p => p.Field), Does.Contain("uscc"));

        var relations = await Store.ListRelationsAsync(w.Survivor, CancellationToken.None);
        Assert.That(relations.Select(r => (r.FromCompanyId, r.ToCompanyId, r.Kind)), Is.EquivalentTo(new[]
        {
            (w.Survivor, w.Customer, CompanyRelationKind.Supplies),
            (w.Customer, w.Survivor, CompanyRelationKind.InvestsIn),
        }), "both directions move; the relation between the two and the duplicate are gone");
        Assert.That((await Store.GetChannelAsync(w.Channel, 10, CancellationToken.None))!.Links.Select(l => l.CompanyId), Is.EqualTo(new long?[] { w.Survivor }));
        var file = (await Store.GetProjectFileAsync(w.Project, CancellationToken.None))!;
        Assert.That(file.Project.Company.Id, Is.EqualTo(w.Survivor));
        Assert.That(file.Activities.Select(a => a.Company.Id), Is.EqualTo(new[] { w.Survivor }));

        var presence = await Store.CountBySegmentAsync("T1", ["421300"], CancellationToken.None);
        Assert.That(presence.Single(p => p.SegmentCode == "T1-VEH").Companies, Is.EqualTo(1), "discovery counts the survivor once, in its new place");
        Assert.That(presence.Single(p => p.SegmentCode == "T1-PART").Companies, Is.EqualTo(1));
        Assert.That(await Store.CountCompaniesAsync(CancellationToken.None), Is.EqualTo(2));
    }

    [Test]
    public async Task A_later_merge_of_the_survivor_carries_the_earlier_merged_id_along()
    {
        var w = await SeedMergeAsync();
        await Store.MergeCompaniesAsync(w.Survivor, w.Merged, MergeExpectation.None, MergedAt, CancellationToken.None);

        var again = await Store.MergeCompaniesAsync(w.Customer, w.Survivor, MergeExpectation.None, MergedAt, CancellationToken.None);

        Assert.That(again.Merged, Is.True);
        Assert.That(await Store.GetMergedIntoAsync(w.Merged, CancellationToken.None), Is.EqualTo(w.Customer));
        Assert.That(await Store.GetMergedIntoAsync(w.Survivor, CancellationToken.None), Is.EqualTo(w.Customer));
        Assert.That(await Store.ListRelationsAsync(w.Customer, CancellationToken.None), Is.Empty, "relations between the two are not kept as self-relations");
    }

    [Test]
    public async Task A_refused_or_impossible_merge_changes_nothing()
    {
        var w = await SeedMergeAsync(survivorUscc: OtherUscc);
        var before = await Store.GetCompanyAsync(w.Survivor, CancellationToken.None);

        var refused = await Store.MergeCompaniesAsync(w.Survivor, w.Merged, MergeExpectation.None, MergedAt, CancellationToken.None);
        var missing = await Store.MergeCompaniesAsync(w.Survivor, 987_654, MergeExpectation.None, MergedAt, CancellationToken.None);

        Assert.That(refused.Decision!.Refusal, Is.EqualTo(MergeRefusal.DifferentUscc));
        Assert.That(missing.Missing, Is.EqualTo(new long[] { 987_654 }));
        Assert.That(await Store.GetCompanyAsync(w.Survivor, CancellationToken.None), Is.EqualTo(before).Using<Company>(SameCompany));
        Assert.That(await Store.GetCompanyAsync(w.Merged, CancellationToken.None), Is.Not.Null);
        Assert.That(await Store.GetMergedIntoAsync(w.Merged, CancellationToken.None), Is.Null);
        Assert.That(await Store.ListRelationsAsync(w.Merged, CancellationToken.None), Has.Count.EqualTo(3));
        Assert.That((await Store.GetProjectFileAsync(w.Project, CancellationToken.None))!.Project.Company.Id, Is.EqualTo(w.Merged));
    }

    [Test]
    public async Task Two_open_projects_are_not_merged_onto_one_company()
    {
        var w = await SeedMergeAsync();
        var second = await Store.CreateProjectAsync(w.Survivor, Fields(), Created(new DateOnly(2026, 2, 1)), CancellationToken.None);

        var refused = await Store.MergeCompaniesAsync(w.Survivor, w.Merged, MergeExpectation.None, MergedAt, CancellationToken.None);

        Assert.That(refused.Decision!.Refusal, Is.EqualTo(MergeRefusal.OpenProjects));
        Assert.That(refused.Decision.OpenProjectIds, Is.EquivalentTo(new[] { w.Project, second.ProjectId }));
        Assert.That(await Store.GetCompanyAsync(w.Merged, CancellationToken.None), Is.Not.Null);
    }

    private static bool SameCompany(Company a, Company b) =>
        a.Id == b.Id && a.Uscc == b.Uscc && a.Name == b.Name && a.RegionCode == b.RegionCode && a.RegisteredCapital == b.RegisteredCapital
        && a.Tags.SequenceEqual(b.Tags) && a.Memberships.SequenceEqual(b.Memberships);

    [Test]
    public async Task A_merge_keeps_the_merged_companys_rejections_unless_the_survivor_has_an_analysts_membership_and_moves_its_version_on()
    {
        var w = await SeedMergeAsync();
        var at = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

        // The merged company: an analyst moved it out of 整车 (rejection) and said it is not in 原料 or 服务.
        // The survivor: an analyst confirmed it in 服务; it has a guess in 部件 and a rejection of 液压泵.
        await Store.ApplyMembershipWritesAsync(
        [
            new MembershipWrite(w.Merged, "T1-VEH", null),
            new MembershipWrite(w.Merged, "T1-RAW", null),
            new MembershipWrite(w.Merged, "T1-SVC", null),
            new MembershipWrite(w.Survivor, "T1-SVC", AnalystMembership("T1-SVC")),
            new MembershipWrite(w.Survivor, "T1-PART-PUMP", null),
        ], NoVersions, at, "analyst one", CancellationToken.None);
        var survivorVersion = (await Store.GetCompanyAsync(w.Survivor, CancellationToken.None))!.Version;
        var mergedVersion = (await Store.GetCompanyAsync(w.Merged, CancellationToken.None))!.Version;

        var stale = await Store.MergeCompaniesAsync(w.Survivor, w.Merged, new MergeExpectation(survivorVersion, mergedVersion - 1), MergedAt, CancellationToken.None);
        Assert.That((stale.Merged, stale.Decision!.Refusal, stale.Decision.StaleCompanyId, stale.Decision.CurrentVersion),
            Is.EqualTo((false, MergeRefusal.StaleVersion, (long?)w.Merged, (long?)mergedVersion)));
        Assert.That(await Store.GetCompanyAsync(w.Merged, CancellationToken.None), Is.Not.Null, "a stale merge changes nothing");

        var outcome = await Store.MergeCompaniesAsync(w.Survivor, w.Merged, new MergeExpectation(survivorVersion, mergedVersion), MergedAt, CancellationToken.None);

        Assert.That(outcome.Merged, Is.True);
        var company = (await Store.GetCompanyAsync(w.Survivor, CancellationToken.None))!;
        Assert.That(company.Version, Is.EqualTo(survivorVersion + 1), "a merge into a company moves its version on");
        Assert.That(company.Memberships.OrderBy(m => m.SegmentCode).Select(m => (m.SegmentCode, m.Source)), Is.EqualTo(new[]
        {
            ("T1-PART", (string?)"b.csv"),
            ("T1-SVC", MembershipSources.Analyst),
        }), "the analyst's 服务 stays despite the merged company's rejection");
        var rejections = await Store.ListRejectionsAsync([w.Survivor], CancellationToken.None);
        Assert.That(rejections.Select(r => (r.SegmentCode, r.By)), Is.EqualTo(new[]
        {
            ("T1-PART-PUMP", "analyst one"),
            ("T1-RAW", (string?)"analyst one"),
            ("T1-VEH", "analyst one"),
        }), "the merged company's rejections move (with who and when); its rejection of the analyst's 服务 does not");
        Assert.That(rejections.Select(r => r.At).Distinct(), Is.EqualTo(new[] { at }));

        // The moved rejection keeps a later import's 整车 out, as it did on the merged company.
        await Store.UpsertCompaniesAsync([Company("随州甲专用汽车有限公司", "421303", MergeUscc, capital: 500m, segment: "T1-VEH")], Stamp, CancellationToken.None);
        Assert.That((await Store.GetCompanyAsync(w.Survivor, CancellationToken.None))!.Memberships.Select(m => m.SegmentCode), Does.Not.Contain("T1-VEH"));
    }
}
