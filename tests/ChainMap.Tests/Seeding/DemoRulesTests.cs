using ChainMap.Seeding;

namespace ChainMap.Tests.Seeding;

/// <summary>Which companies are the demo's and when its removal is refused (ADR 0195): the rule both stores ask.</summary>
public sealed class DemoRulesTests
{
    private const string RunAt = "2026-01-05T08:00:00.0000000+00:00";
    private const string LaterAt = "2026-02-05T08:00:00.0000000+00:00";

    private static DemoFootprint Footprint(IReadOnlyList<DemoRun> runs, IReadOnlyList<DemoCreatedRange> created, IReadOnlyList<DemoCandidate> candidates,
        IReadOnlyList<DemoProjectReference>? projects = null, Dictionary<long, int>? activities = null) =>
        new(runs, created, candidates, projects ?? [], activities ?? []);

    [Test]
    public void A_logged_run_owns_the_companies_of_its_created_ranges_made_at_its_time()
    {
        var footprint = Footprint(
            [new DemoRun("imp-demo", RunAt, Logged: true)],
            [new DemoCreatedRange("imp-demo", 1, 3)],
            [new DemoCandidate(1, "甲(示例)", RunAt), new DemoCandidate(2, "乙(示例)", RunAt), new DemoCandidate(3, "丙有限公司", LaterAt)]);

        var decision = DemoRules.Decide(footprint);

        Assert.That(decision.Companies, Is.EqualTo(new long[] { 1, 2 }), "id 3 was handed out again later: not the demo's");
        Assert.That(decision.Runs, Is.EqualTo(new[] { "imp-demo" }));
        Assert.That(decision.Refused, Is.False);
    }

    [Test]
    public void A_run_from_before_change_logs_owns_the_companies_created_at_its_time()
    {
        var footprint = Footprint(
            [new DemoRun("imp-old-demo", RunAt, Logged: false)],
            [],
            [new DemoCandidate(7, "甲(示例)", RunAt), new DemoCandidate(9, "乙有限公司(示例)", LaterAt)]);

        Assert.That(DemoRules.Decide(footprint).Companies, Is.EqualTo(new long[] { 7 }), "a company marked (示例) but created later is not the demo's");
    }

    [Test]
    public void Projects_and_activities_on_demo_companies_refuse_the_removal_each_named()
    {
        var footprint = Footprint(
            [new DemoRun("imp-demo", RunAt, Logged: true)],
            [new DemoCreatedRange("imp-demo", 1, 3)],
            [new DemoCandidate(1, "甲(示例)", RunAt), new DemoCandidate(2, "乙(示例)", RunAt), new DemoCandidate(3, "丙(示例)", RunAt)],
            [new DemoProjectReference(40, "甲项目", 1)],
            new Dictionary<long, int> { [1] = 2, [3] = 1 });

        var decision = DemoRules.Decide(footprint);

        Assert.That(decision.Refused, Is.True);
        Assert.That(decision.Blockers, Is.EqualTo(new[]
        {
            "project 40 (甲项目) refers to demo company 1 (甲(示例))",
            "1 activities refer to demo company 3 (丙(示例))",
        }));
    }

    [Test]
    public void Without_demo_runs_there_is_nothing()
    {
        var decision = DemoRules.Decide(DemoFootprint.Empty);

        Assert.That((decision.Companies.Count, decision.Runs.Count, decision.Refused), Is.EqualTo((0, 0, false)));
    }
}
