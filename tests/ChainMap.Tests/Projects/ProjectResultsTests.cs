using System.Globalization;
using ChainMap.Projects;
using ChainMap.Storage;

namespace ChainMap.Tests.Projects;

/// <summary>
/// The results rules (docs/projects.md) on a hand-made set of projects; every expected figure is
/// worked out by hand in the comments. Period: 2026-01-01 to 2026-03-31 (Q1).
/// </summary>
public sealed class ProjectResultsTests
{
    internal static readonly DateOnly From = new(2026, 1, 1);
    internal static readonly DateOnly To = new(2026, 3, 31);

    // P1 csj 曾都区(421303) ZQ chamber 10000: 谋划 2025-12-01 → 洽谈 01-10 → 签约 02-20
    //    first reached in Q1: 洽谈, 签约 (谋划 was in 2025). Stays ending in Q1: 谋划 12-01..01-10 = 40 d, 洽谈 01-10..02-20 = 41 d.
    // P2 csj 广水市(421381) ZQ hometown 5000: 谋划 01-05 → 洽谈 01-25 → 落地 03-01 (skip, with reason)
    //    reached in Q1: 谋划, 洽谈, 签约 (passed over on 03-01), 落地. Stays: 谋划 20 d, 洽谈 01-25..03-01 = 35 d.
    // P3 zsj 曾都区 SW chamber 20000: 谋划 02-01 → 洽谈 02-11 → 终止 03-15
    //    reached: 谋划, 洽谈, 终止. Stays: 谋划 10 d, 洽谈 02-11..03-15 = 32 d.
    // P4 zsj 随州高新区(SZGXQ) SW ambassador, no investment: 谋划 2025-11-01 → 洽谈 2025-12-01 → 签约 01-15
    //    → 洽谈 02-01 (back) → 签约 03-10 → 落地 04-05 (after Q1)
    //    reached in Q1: 签约 once (01-15; re-reaching on 03-10 is not counted again). 落地 is after Q1.
    //    Stays ending in Q1: 洽谈 12-01..01-15 = 45 d, 签约 01-15..02-01 = 17 d, 洽谈 02-01..03-10 = 37 d
    //    (签约 03-10..04-05 ends after Q1; 谋划 ended in 2025).
    // P5 csj 广水市 ZQ chamber 8000: created at 签约 on 03-20 (with reason): reaches 谋划, 洽谈, 签约 on 03-20; no stays.
    // P6 team "gone" (no longer in home.json) 曾都区 ZQ chamber 3000: no change on or before 03-31.
    internal static ResultsInput Input() => new(
        [
            Timeline(1, "csj", "421303", "ZQ", ProjectChannel.Chamber, 10000m, ("2025-12-01", ProjectStage.Planning), ("2026-01-10", ProjectStage.Negotiating), ("2026-02-20", ProjectStage.Signed)),
            Timeline(2, "csj", "421381", "ZQ", ProjectChannel.Hometown, 5000m, ("2026-01-05", ProjectStage.Planning), ("2026-01-25", ProjectStage.Negotiating), ("2026-03-01", ProjectStage.Landed)),
            Timeline(3, "zsj", "421303", "SW", ProjectChannel.Chamber, 20000m, ("2026-02-01", ProjectStage.Planning), ("2026-02-11", ProjectStage.Negotiating), ("2026-03-15", ProjectStage.Terminated)),
            Timeline(4, "zsj", "SZGXQ", "SW", ProjectChannel.Ambassador, null,
                ("2025-11-01", ProjectStage.Planning), ("2025-12-01", ProjectStage.Negotiating), ("2026-01-15", ProjectStage.Signed),
                ("2026-02-01", ProjectStage.Negotiating), ("2026-03-10", ProjectStage.Signed), ("2026-04-05", ProjectStage.Landed)),
            Timeline(5, "csj", "421381", "ZQ", ProjectChannel.Chamber, 8000m, ("2026-03-20", ProjectStage.Signed)),
            Timeline(6, "gone", "421303", "ZQ", ProjectChannel.Chamber, 3000m),
        ],
        [
            // a1, a2 on P1 by csj; a3 on P3 by zsj; a4 company-only by zsj; a5 company-only by csj; a6 on P4 (a zsj project) by csj.
            new ActivityFact(1, 1, "csj", new DateOnly(2026, 1, 12)),
            new ActivityFact(2, 1, "csj", new DateOnly(2026, 2, 18)),
            new ActivityFact(3, 3, "zsj", new DateOnly(2026, 2, 5)),
            new ActivityFact(4, null, "zsj", new DateOnly(2026, 3, 1)),
            new ActivityFact(5, null, "csj", new DateOnly(2026, 3, 30)),
            new ActivityFact(6, 4, "csj", new DateOnly(2026, 1, 20)),
        ]);

    private static ProjectTimeline Timeline(long id, string team, string unit, string chain, ProjectChannel channel, decimal? investment, params (string Date, ProjectStage To)[] changes)
    {
        var fields = new ProjectFields($"P{id}", chain, null, channel, null, team, unit, investment, false, null);
        var history = new List<StageChange>();
        ProjectStage? from = null;
        foreach (var (date, to) in changes)
        {
            history.Add(new StageChange(from, to, DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture), "t", null, "r", DateTimeOffset.UnixEpoch));
            from = to;
        }

        var last = history.Count == 0 ? ProjectStage.Planning : history[^1].To;
        var project = new Project(id, new ProjectCompany(id, $"C{id}", null), fields, last, history.Count == 0 ? To : history[^1].Date, history.Count, 0,
            DateTimeOffset.UnixEpoch, "t", DateTimeOffset.UnixEpoch, "t");
        return new ProjectTimeline(project, history);
    }

    private static ResultsReport Compute(ResultsDimension by, params KnownGroup[] known) => ProjectResults.Compute(Input(), From, To, by, known);

    private static GroupResults Group(ResultsReport report, string key) => report.Groups.Single(g => g.Key == key);

    private static (int Projects, decimal Investment) Reached(GroupResults group, ProjectStage stage)
    {
        var figures = group.Stages.Single(s => s.Stage == stage);
        return (figures.Projects, figures.PlannedInvestment);
    }

    private static (int Reached, int Converted, double? Rate) Conversion(GroupResults group, ProjectStage from)
    {
        var c = group.Conversions.Single(x => x.From == from);
        return (c.Reached, c.Converted, c.Rate);
    }

    private static (int Stays, double? Median) Days(GroupResults group, ProjectStage stage)
    {
        var figures = group.Stages.Single(s => s.Stage == stage);
        return (figures.CompletedStays, figures.MedianDays);
    }

    [Test]
    public void By_team_counts_first_arrivals_investment_conversion_medians_and_activities()
    {
        var report = Compute(ResultsDimension.Team, new("csj", "长三角驻点招商专班"), new("zsj", "珠三角驻点招商专班"), new("cy", "成渝驻点招商专班"));
        var csj = Group(report, "csj");
        var zsj = Group(report, "zsj");

        // csj = P1, P2, P5.
        // 谋划: P2 (01-05) + P5 (03-20) = 2, 5000 + 8000 = 13000 (P1 reached 谋划 in 2025).
        Assert.That(Reached(csj, ProjectStage.Planning), Is.EqualTo((2, 13000m)));
        // 洽谈: P1 + P2 + P5 = 3, 10000 + 5000 + 8000 = 23000.
        Assert.That(Reached(csj, ProjectStage.Negotiating), Is.EqualTo((3, 23000m)));
        // 签约: P1 (02-20) + P2 (passed over on 03-01) + P5 (03-20) = 3, 23000.
        Assert.That(Reached(csj, ProjectStage.Signed), Is.EqualTo((3, 23000m)));
        // 落地: P2 = 1, 5000.
        Assert.That(Reached(csj, ProjectStage.Landed), Is.EqualTo((1, 5000m)));
        Assert.That(Reached(csj, ProjectStage.Started), Is.EqualTo((0, 0m)));
        Assert.That(Reached(csj, ProjectStage.Terminated), Is.EqualTo((0, 0m)));
        // 谋划→洽谈: of {P2, P5}, both had reached 洽谈 by 03-31: 2/2.
        Assert.That(Conversion(csj, ProjectStage.Planning), Is.EqualTo((2, 2, (double?)1.0)));
        // 签约→落地: of {P1, P2, P5}, only P2: 1/3 = 0.3333.
        Assert.That(Conversion(csj, ProjectStage.Signed), Is.EqualTo((3, 1, (double?)0.3333)));
        // 落地→开工: of {P2}, none: 0/1 = 0.
        Assert.That(Conversion(csj, ProjectStage.Landed), Is.EqualTo((1, 0, (double?)0.0)));
        // 开工→投产: nobody reached 开工: no rate.
        Assert.That(Conversion(csj, ProjectStage.Started), Is.EqualTo((0, 0, (double?)null)));
        // Stays in 谋划 ending in Q1: P1 40, P2 20 → median (20 + 40) / 2 = 30.
        Assert.That(Days(csj, ProjectStage.Planning), Is.EqualTo((2, (double?)30.0)));
        // Stays in 洽谈: P1 41, P2 35 → median 38.
        Assert.That(Days(csj, ProjectStage.Negotiating), Is.EqualTo((2, (double?)38.0)));
        // No stay in 签约 ended (P5 and P1 are still there); P2 never stayed in 签约.
        Assert.That(Days(csj, ProjectStage.Signed), Is.EqualTo((0, (double?)null)));
        // Activities by team of the activity: a1, a2, a5, a6 = 4 (a6 is on a zsj project but csj logged it).
        Assert.That(csj.Activities, Is.EqualTo(4));

        // zsj = P3, P4.
        // 谋划: P3 = 1, 20000. 洽谈: P3 = 1, 20000 (P4's was in 2025). 签约: P4 once = 1, no investment = 0. 终止: P3 = 1, 20000.
        Assert.That(Reached(zsj, ProjectStage.Planning), Is.EqualTo((1, 20000m)));
        Assert.That(Reached(zsj, ProjectStage.Negotiating), Is.EqualTo((1, 20000m)));
        Assert.That(Reached(zsj, ProjectStage.Signed), Is.EqualTo((1, 0m)));
        Assert.That(Reached(zsj, ProjectStage.Landed), Is.EqualTo((0, 0m)), "P4 landed on 04-05, after the period");
        Assert.That(Reached(zsj, ProjectStage.Terminated), Is.EqualTo((1, 20000m)));
        // 洽谈→签约: of {P3}, none (terminated): 0/1. 签约→落地: of {P4}, none by 03-31: 0/1.
        Assert.That(Conversion(zsj, ProjectStage.Negotiating), Is.EqualTo((1, 0, (double?)0.0)));
        Assert.That(Conversion(zsj, ProjectStage.Signed), Is.EqualTo((1, 0, (double?)0.0)));
        // 谋划 stays: P3 10 → 10. 洽谈 stays: P3 32, P4 45, P4 37 → sorted 32, 37, 45 → 37. 签约 stays: P4 17 → 17.
        Assert.That(Days(zsj, ProjectStage.Planning), Is.EqualTo((1, (double?)10.0)));
        Assert.That(Days(zsj, ProjectStage.Negotiating), Is.EqualTo((3, (double?)37.0)));
        Assert.That(Days(zsj, ProjectStage.Signed), Is.EqualTo((1, (double?)17.0)));
        // a3, a4 = 2.
        Assert.That(zsj.Activities, Is.EqualTo(2));
    }

    [Test]
    public void By_team_lists_every_known_team_and_teams_no_longer_in_the_home_data()
    {
        var report = Compute(ResultsDimension.Team, new("csj", "长三角驻点招商专班"), new("zsj", "珠三角驻点招商专班"), new("cy", "成渝驻点招商专班"));
        var cy = Group(report, "cy");

        Assert.That(report.Groups.Select(g => g.Key), Is.EqualTo(new[] { "csj", "zsj", "cy", "gone" }));
        Assert.That(cy.Name, Is.EqualTo("成渝驻点招商专班"));
        Assert.That(cy.Stages.Sum(s => s.Projects) + cy.Activities, Is.Zero);
        Assert.That(Group(report, "gone").Name, Is.EqualTo("gone"));
        Assert.That(Group(report, "gone").Stages.Sum(s => s.Projects), Is.Zero, "P6 has no change on or before the end of the period");
    }

    [Test]
    public void Total_adds_up_every_project_and_activity()
    {
        var total = Compute(ResultsDimension.Team).Total;

        // 谋划: P2, P3, P5 = 3, 5000 + 20000 + 8000 = 33000.
        Assert.That(Reached(total, ProjectStage.Planning), Is.EqualTo((3, 33000m)));
        // 洽谈: P1, P2, P3, P5 = 4, 10000 + 5000 + 20000 + 8000 = 43000.
        Assert.That(Reached(total, ProjectStage.Negotiating), Is.EqualTo((4, 43000m)));
        // 签约: P1, P2, P4, P5 = 4, 10000 + 5000 + 0 + 8000 = 23000.
        Assert.That(Reached(total, ProjectStage.Signed), Is.EqualTo((4, 23000m)));
        Assert.That(Reached(total, ProjectStage.Landed), Is.EqualTo((1, 5000m)));
        Assert.That(Reached(total, ProjectStage.Terminated), Is.EqualTo((1, 20000m)));
        // 洽谈→签约: of {P1, P2, P3, P5}, P1, P2, P5 signed: 3/4 = 0.75. 签约→落地: of {P1, P2, P4, P5}, P2: 1/4 = 0.25.
        Assert.That(Conversion(total, ProjectStage.Negotiating), Is.EqualTo((4, 3, (double?)0.75)));
        Assert.That(Conversion(total, ProjectStage.Signed), Is.EqualTo((4, 1, (double?)0.25)));
        // 谋划 stays 40, 20, 10 → 20. 洽谈 stays 41, 35, 32, 45, 37 → sorted 32, 35, 37, 41, 45 → 37.
        Assert.That(Days(total, ProjectStage.Planning), Is.EqualTo((3, (double?)20.0)));
        Assert.That(Days(total, ProjectStage.Negotiating), Is.EqualTo((5, (double?)37.0)));
        Assert.That(total.Activities, Is.EqualTo(6));
    }

    [Test]
    public void By_unit_groups_by_receiving_unit_and_puts_company_only_activities_apart()
    {
        var report = Compute(ResultsDimension.Unit, new("421303", "曾都区"), new("421321", "随县"), new("421381", "广水市"), new("SZGXQ", "随州高新区"));
        var zengdu = Group(report, "421303");
        var guangshui = Group(report, "421381");
        var zone = Group(report, "SZGXQ");

        // 曾都区 = P1, P3 (+ P6 with nothing in Q1).
        // 谋划: P3 = 1, 20000. 洽谈: P1 + P3 = 2, 30000. 签约: P1 = 1, 10000. 终止: P3 = 1, 20000.
        Assert.That(Reached(zengdu, ProjectStage.Planning), Is.EqualTo((1, 20000m)));
        Assert.That(Reached(zengdu, ProjectStage.Negotiating), Is.EqualTo((2, 30000m)));
        Assert.That(Reached(zengdu, ProjectStage.Signed), Is.EqualTo((1, 10000m)));
        Assert.That(Reached(zengdu, ProjectStage.Terminated), Is.EqualTo((1, 20000m)));
        // 洽谈→签约: of {P1, P3}, P1: 1/2 = 0.5.
        Assert.That(Conversion(zengdu, ProjectStage.Negotiating), Is.EqualTo((2, 1, (double?)0.5)));
        // 谋划 stays: P1 40, P3 10 → 25. 洽谈 stays: P1 41, P3 32 → 36.5.
        Assert.That(Days(zengdu, ProjectStage.Planning), Is.EqualTo((2, (double?)25.0)));
        Assert.That(Days(zengdu, ProjectStage.Negotiating), Is.EqualTo((2, (double?)36.5)));
        // a1, a2 (P1), a3 (P3) = 3.
        Assert.That(zengdu.Activities, Is.EqualTo(3));

        // 广水市 = P2, P5: 谋划, 洽谈, 签约 each 2 projects, 5000 + 8000 = 13000; 落地 P2 = 1, 5000.
        Assert.That(Reached(guangshui, ProjectStage.Signed), Is.EqualTo((2, 13000m)));
        Assert.That(Reached(guangshui, ProjectStage.Landed), Is.EqualTo((1, 5000m)));
        // 签约→落地: of {P2, P5}, P2: 1/2.
        Assert.That(Conversion(guangshui, ProjectStage.Signed), Is.EqualTo((2, 1, (double?)0.5)));
        Assert.That(guangshui.Activities, Is.Zero);

        // 随州高新区 = P4: 签约 once, no investment; a6 counts here, by the project's unit, not the logging team.
        Assert.That(Reached(zone, ProjectStage.Signed), Is.EqualTo((1, 0m)));
        Assert.That(zone.Activities, Is.EqualTo(1));

        // a4, a5 have no project: their own group. 3 + 0 + 1 + 2 = 6 activities in all.
        Assert.That(Group(report, ProjectResults.NoProjectKey).Activities, Is.EqualTo(2));
        Assert.That(Group(report, ProjectResults.NoProjectKey).Name, Is.EqualTo("（未关联项目）"));
        Assert.That(Group(report, "421321").Activities + Group(report, "421321").Stages.Sum(s => s.Projects), Is.Zero);
        Assert.That(report.Groups.Sum(g => g.Activities), Is.EqualTo(6));
    }

    [Test]
    public void By_chain_groups_by_the_project_chain()
    {
        var report = Compute(ResultsDimension.Chain, new("ZQ", "专汽"), new("SW", "生物医药"));
        var zq = Group(report, "ZQ");
        var sw = Group(report, "SW");

        // 专汽 = P1, P2, P5 (+ P6): same as csj: 谋划 2 / 13000, 洽谈 3 / 23000, 签约 3 / 23000, 落地 1 / 5000.
        Assert.That(Reached(zq, ProjectStage.Planning), Is.EqualTo((2, 13000m)));
        Assert.That(Reached(zq, ProjectStage.Negotiating), Is.EqualTo((3, 23000m)));
        Assert.That(Reached(zq, ProjectStage.Signed), Is.EqualTo((3, 23000m)));
        Assert.That(Reached(zq, ProjectStage.Landed), Is.EqualTo((1, 5000m)));
        // Activities on 专汽 projects: a1, a2 = 2.
        Assert.That(zq.Activities, Is.EqualTo(2));

        // 生物医药 = P3, P4: 谋划 1 / 20000, 签约 1 / 0, 终止 1 / 20000; activities a3 (P3), a6 (P4) = 2.
        Assert.That(Reached(sw, ProjectStage.Planning), Is.EqualTo((1, 20000m)));
        Assert.That(Reached(sw, ProjectStage.Signed), Is.EqualTo((1, 0m)));
        Assert.That(Reached(sw, ProjectStage.Terminated), Is.EqualTo((1, 20000m)));
        Assert.That(Days(sw, ProjectStage.Negotiating), Is.EqualTo((3, (double?)37.0)));
        Assert.That(sw.Activities, Is.EqualTo(2));
        Assert.That(Group(report, ProjectResults.NoProjectKey).Activities, Is.EqualTo(2));
    }

    [Test]
    public void By_channel_groups_by_where_the_lead_came_from()
    {
        var known = ProjectTerms.AllChannels.Select(c => new KnownGroup(c.ToWire(), c.ToChinese())).ToArray();
        var report = Compute(ResultsDimension.Channel, known);
        var chamber = Group(report, "chamber");
        var hometown = Group(report, "hometown");
        var ambassador = Group(report, "ambassador");

        // 商会 = P1, P3, P5 (+ P6).
        // 谋划: P3 + P5 = 2, 28000. 洽谈: P1 + P3 + P5 = 3, 38000. 签约: P1 + P5 = 2, 18000. 终止: P3 = 1, 20000.
        Assert.That(chamber.Name, Is.EqualTo("商会"));
        Assert.That(Reached(chamber, ProjectStage.Planning), Is.EqualTo((2, 28000m)));
        Assert.That(Reached(chamber, ProjectStage.Negotiating), Is.EqualTo((3, 38000m)));
        Assert.That(Reached(chamber, ProjectStage.Signed), Is.EqualTo((2, 18000m)));
        Assert.That(Reached(chamber, ProjectStage.Terminated), Is.EqualTo((1, 20000m)));
        // 洽谈→签约: of {P1, P3, P5}, P1 and P5: 2/3 = 0.6667.
        Assert.That(Conversion(chamber, ProjectStage.Negotiating), Is.EqualTo((3, 2, (double?)0.6667)));
        // a1, a2, a3 = 3.
        Assert.That(chamber.Activities, Is.EqualTo(3));

        // 老乡 = P2: 谋划, 洽谈, 签约, 落地, each 1 and 5000.
        Assert.That(ProjectTerms.OrderedStages.Take(4).Select(s => Reached(hometown, s)), Is.All.EqualTo((1, 5000m)));
        // 招商大使 = P4: 签约 1, 0; a6.
        Assert.That(Reached(ambassador, ProjectStage.Signed), Is.EqualTo((1, 0m)));
        Assert.That(ambassador.Activities, Is.EqualTo(1));
        Assert.That(report.Groups.Select(g => g.Key).Take(known.Length), Is.EqualTo(known.Select(k => k.Key)), "every channel is listed, in order");
    }

    [Test]
    public void A_period_before_anything_happened_is_all_zeros()
    {
        var report = ProjectResults.Compute(Input() with { Activities = [] }, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), ResultsDimension.Team, []);

        Assert.That(report.Total.Stages.Sum(s => s.Projects), Is.Zero);
        Assert.That(report.Total.Conversions.All(c => c.Rate is null), Is.True);
    }
}
