using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Seeding;
using ChainMap.Storage;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Storage;

/// <summary>The demo set (ADR 0195): counted and removed by what the demo loader wrote, the same on both stores.</summary>
public abstract partial class StoreContract
{
    private static readonly ImportStamp DemoRun = new("imp-demo-1", "demo/companies.csv", new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero));
    private static readonly ImportStamp RealRun = new("imp-real-1", "city-list.csv", new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));
    private static readonly ImportStamp LaterRun = new("imp-real-2", "city-list-2.csv", new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));

    /// <summary>Removes a run's change log, as a store seeded before change logs (ADR 0191) has none.</summary>
    private protected abstract Task ForgetChangeLogAsync(string importId);

    private sealed record DemoSeed(long DemoA, long DemoB, long Real, long RealMarked, long RealOther, long DemoChannel, long RealChannel);

    /// <summary>
    /// The demo import creates 甲 and 乙 (both marked 示例); a real import creates a company of 甲's name without the mark,
    /// one of its own that carries the mark, and another; a later real import matches 乙. Demo-sourced relations and a
    /// demo channel with links; a real relation from a real company to 甲, and one between two real companies; a real
    /// channel linked to 乙 and to a real company.
    /// </summary>
    private async Task<DemoSeed> SeedDemoAsync()
    {
        await SeedRegionsAsync();
        await Store.SaveChainAsync(TestData.SmallChain(), CancellationToken.None);
        var demo = await Store.UpsertCompaniesAsync(
        [
            Company("随州示例甲专用汽车有限公司(示例)", "421303", null, "T1-VEH", 5000m),
            Company("苏州示例乙液压有限公司(示例)", "320506", null, "T1-PART", 800m),
        ], DemoRun, CancellationToken.None);
        var real = await Store.UpsertCompaniesAsync(
        [
            Company("随州示例甲专用汽车有限公司", "421303", null, "T1-VEH", 3000m),
            Company("随州自有丙车桥有限公司(示例)", "421303", null, "T1-PART", 100m),
            Company("苏州真实丁液压有限公司", "320506", null, "T1-PART", 900m),
        ], RealRun, CancellationToken.None);
        var later = await Store.UpsertCompaniesAsync([Company("苏州示例乙液压有限公司(示例)", "320506", null, "T1-PART", 1200m)], LaterRun, CancellationToken.None);
        Assert.That(later[0].Kind, Is.EqualTo(UpsertKind.Updated), "the later import matched the demo company");
        var (demoA, demoB) = (demo[0].CompanyId, demo[1].CompanyId);
        var (realA, marked, other) = (real[0].CompanyId, real[1].CompanyId, real[2].CompanyId);
        await Store.SaveRelationsAsync(
        [
            new CompanyRelation(demoA, demoB, CompanyRelationKind.Supplies, null, "demo/relations.csv"),
            new CompanyRelation(realA, demoA, CompanyRelationKind.InvestsIn, null, "city-relations.csv"),
            new CompanyRelation(realA, other, CompanyRelationKind.Supplies, null, "city-relations.csv"),
        ], CancellationToken.None);
        var channels = await Store.UpsertChannelsAsync(
        [
            new ChannelRecord("DEMO-SH", "上海示例随州商会(示例)", ChannelKind.ChamberOfCommerce, null, [], null, null, "demo/channels.csv"),
            new ChannelRecord("CITY-SH", "上海市随州商会", ChannelKind.ChamberOfCommerce, null, [], null, null, "city-channels.csv"),
        ], CancellationToken.None);
        var (demoChannel, realChannel) = (channels["DEMO-SH"], channels["CITY-SH"]);
        await Store.SaveChannelLinksAsync(
        [
            new ChannelLink(demoChannel, demoA, null, ChannelRole.Member, null, "demo/channel-links.csv"),
            new ChannelLink(demoChannel, other, null, ChannelRole.Member, null, "demo/channel-links.csv"),
            new ChannelLink(realChannel, demoB, null, ChannelRole.Member, null, "city-links.csv"),
            new ChannelLink(realChannel, realA, null, ChannelRole.Member, null, "city-links.csv"),
        ], CancellationToken.None);
        return new DemoSeed(demoA, demoB, realA, marked, other, demoChannel, realChannel);
    }

    [Test]
    public async Task The_demo_is_what_the_demo_runs_created_and_its_removal_takes_exactly_that_and_its_network()
    {
        var seed = await SeedDemoAsync();

        var survey = await Store.SurveyDemoAsync(DemoIdentity.Default, CancellationToken.None);
        var removal = await Store.RemoveDemoAsync(DemoIdentity.Default, CancellationToken.None);

        Assert.That(survey.Decision.Companies, Is.EquivalentTo(new[] { seed.DemoA, seed.DemoB }), "a company named like the demo, or marked (示例) by an analyst, is not the demo's");
        Assert.That(survey.Removed, Is.False);
        // Relations: demo-sourced 甲→乙 and the real one to 甲; links: both of the demo channel and the real channel's to 乙.
        Assert.That(survey.Counts, Is.EqualTo(new DemoCounts(2, 1, 3, 2, 1)));
        Assert.That(removal.Removed, Is.True);
        Assert.That(removal.Counts, Is.EqualTo(survey.Counts));
        Assert.That(await Store.GetCompanyAsync(seed.DemoA, CancellationToken.None), Is.Null);
        Assert.That(await Store.GetCompanyAsync(seed.DemoB, CancellationToken.None), Is.Null, "a later import's match stays a demo company");
        foreach (var kept in new[] { seed.Real, seed.RealMarked, seed.RealOther })
        {
            Assert.That(await Store.GetCompanyAsync(kept, CancellationToken.None), Is.Not.Null);
        }

        Assert.That((await Store.ListRelationsAsync(seed.Real, CancellationToken.None)).Select(r => (r.FromCompanyId, r.ToCompanyId)), Is.EqualTo(new[] { (seed.Real, seed.RealOther) }));
        Assert.That(await Store.GetChannelAsync(seed.DemoChannel, 10, CancellationToken.None), Is.Null);
        Assert.That((await Store.GetChannelAsync(seed.RealChannel, 10, CancellationToken.None))!.LinkCount, Is.EqualTo(1));
        Assert.That(await Store.CountCompaniesAsync(CancellationToken.None), Is.EqualTo(3));
        var presence = await Store.CountBySegmentAsync("T1", ["320500"], CancellationToken.None);
        Assert.That(presence.Single(p => p.SegmentCode == "T1-PART").Companies, Is.EqualTo(1), "discovery counts only 丁 in Suzhou");

        var after = await Store.SurveyDemoAsync(DemoIdentity.Default, CancellationToken.None);
        var again = await Store.RemoveDemoAsync(DemoIdentity.Default, CancellationToken.None);
        Assert.That((after.Counts.Any, again.Removed), Is.EqualTo((false, false)));
    }

    [Test]
    public async Task The_demo_is_not_removed_while_a_project_refers_to_a_demo_company_and_nothing_changes()
    {
        var seed = await SeedDemoAsync();
        var project = await Store.CreateProjectAsync(seed.DemoB, Fields(), Created(new DateOnly(2026, 2, 1)), CancellationToken.None);

        var outcome = await Store.RemoveDemoAsync(DemoIdentity.Default, CancellationToken.None);

        Assert.That(outcome.Removed, Is.False);
        Assert.That(outcome.Decision.Projects.Select(p => (p.ProjectId, p.CompanyId)), Is.EqualTo(new[] { (project.ProjectId, seed.DemoB) }));
        Assert.That(outcome.Decision.Blockers.Single(), Does.Contain($"project {project.ProjectId}").And.Contain("苏州示例乙液压有限公司(示例)"));
        Assert.That(await Store.GetCompanyAsync(seed.DemoA, CancellationToken.None), Is.Not.Null);
        Assert.That(await Store.GetChannelAsync(seed.DemoChannel, 10, CancellationToken.None), Is.Not.Null);
        Assert.That((await Store.SurveyDemoAsync(DemoIdentity.Default, CancellationToken.None)).Counts, Is.EqualTo(new DemoCounts(2, 1, 3, 2, 1)));
    }

    [Test]
    public async Task In_a_store_seeded_before_change_logs_the_demo_is_what_was_created_at_the_demo_runs_time()
    {
        var seed = await SeedDemoAsync();
        await ForgetChangeLogAsync(DemoRun.ImportId);

        var removal = await Store.RemoveDemoAsync(DemoIdentity.Default, CancellationToken.None);

        Assert.That(removal.Removed, Is.True);
        Assert.That(removal.Decision.Companies, Is.EquivalentTo(new[] { seed.DemoA, seed.DemoB }));
        Assert.That(await Store.CountCompaniesAsync(CancellationToken.None), Is.EqualTo(3));
        Assert.That(await Store.GetCompanyAsync(seed.RealMarked, CancellationToken.None), Is.Not.Null);
    }
}
