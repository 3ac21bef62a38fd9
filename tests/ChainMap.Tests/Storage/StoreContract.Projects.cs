using ChainMap.Projects;
using ChainMap.Storage;
using ChainMap.Tests.Support;

namespace ChainMap.Tests.Storage;

/// <summary>Project, activity and blocker storage: what every adapter must do for the lifecycle and the results.</summary>
public abstract partial class StoreContract
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static ProjectFields Fields(string team = "csj", string unit = "421303", string chain = "T1", bool key = false, decimal? investment = 12345.67m) =>
        new("甲液压项目", chain, "T1-PART", ProjectChannel.Chamber, "浙江湖北商会", team, unit, investment, key, "首次接触");

    private static StageChange Created(DateOnly date, ProjectStage stage = ProjectStage.Planning) => new(null, stage, date, "张三", "线索", null, At);

    private async Task<long> SeedCompanyAsync(string name = "苏州乙液压有限公司")
    {
        await Store.SaveChainAsync(TestData.SmallChain(), CancellationToken.None);
        var outcome = await Store.UpsertCompaniesAsync([Company(name, "320506", null, "T1-PART", 800)], Stamp, CancellationToken.None);
        return outcome[0].CompanyId;
    }

    [Test]
    public async Task Created_project_reads_back_with_fields_company_and_first_history_entry()
    {
        var company = await SeedCompanyAsync();

        var id = await Store.CreateProjectAsync(company, Fields(key: true), Created(new DateOnly(2026, 2, 1)), CancellationToken.None);
        Assert.That(id.Status, Is.EqualTo(ProjectCreateStatus.Created));
        var file = await Store.GetProjectFileAsync(id.ProjectId, CancellationToken.None);

        Assert.That(file, Is.Not.Null);
        Assert.That(file!.Project.Fields, Is.EqualTo(Fields(key: true)));
        Assert.That(file.Project.Company.Name, Is.EqualTo("苏州乙液压有限公司"));
        Assert.That(file.Project.Stage, Is.EqualTo(ProjectStage.Planning));
        Assert.That(file.Project.StageDate, Is.EqualTo(new DateOnly(2026, 2, 1)));
        Assert.That(file.Project.Version, Is.EqualTo(1));
        Assert.That(file.Project.CreatedBy, Is.EqualTo("张三"));
        Assert.That(file.History, Is.EqualTo(new[] { Created(new DateOnly(2026, 2, 1)) }));
        Assert.That(file.Activities, Is.Empty);
        Assert.That(file.Blockers, Is.Empty);
    }

    [Test]
    public async Task Project_for_an_unknown_company_is_not_created()
    {
        await SeedCompanyAsync();

        var id = await Store.CreateProjectAsync(987654, Fields(), Created(new DateOnly(2026, 2, 1)), CancellationToken.None);
        var list = await Store.ListProjectsAsync(new ProjectQuery(null, null, null, null, null, null, 1, 10), CancellationToken.None);

        Assert.That(id.Status, Is.EqualTo(ProjectCreateStatus.CompanyNotFound));
        Assert.That(list.Total, Is.Zero);
    }

    [Test]
    public async Task Stage_change_appends_history_and_moves_the_project()
    {
        var id = (await Store.CreateProjectAsync(await SeedCompanyAsync(), Fields(), Created(new DateOnly(2026, 2, 1)), CancellationToken.None)).ProjectId;
        var change = new StageChange(ProjectStage.Planning, ProjectStage.Negotiating, new DateOnly(2026, 2, 10), "李四", "首次会谈", null, At.AddDays(9));

        var result = await Store.ApplyStageChangeAsync(id, 1, change, CancellationToken.None);
        var file = await Store.GetProjectFileAsync(id, CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ProjectWriteResult(ProjectWriteStatus.Applied, 2, ProjectStage.Negotiating)));
        Assert.That(file!.Project.Stage, Is.EqualTo(ProjectStage.Negotiating));
        Assert.That(file.Project.StageDate, Is.EqualTo(new DateOnly(2026, 2, 10)));
        Assert.That(file.Project.UpdatedBy, Is.EqualTo("李四"));
        Assert.That(file.History, Has.Count.EqualTo(2));
        Assert.That(file.History[1], Is.EqualTo(change));
    }

    [Test]
    public async Task Of_two_stage_changes_expecting_the_same_version_exactly_one_applies()
    {
        var id = (await Store.CreateProjectAsync(await SeedCompanyAsync(), Fields(), Created(new DateOnly(2026, 2, 1)), CancellationToken.None)).ProjectId;
        var toNegotiating = new StageChange(ProjectStage.Planning, ProjectStage.Negotiating, new DateOnly(2026, 2, 10), "甲", null, null, At);
        var toTerminated = new StageChange(ProjectStage.Planning, ProjectStage.Terminated, new DateOnly(2026, 2, 10), "乙", null, "企业放弃", At);

        var results = await Task.WhenAll(
            Store.ApplyStageChangeAsync(id, 1, toNegotiating, CancellationToken.None),
            Store.ApplyStageChangeAsync(id, 1, toTerminated, CancellationToken.None));
        var file = await Store.GetProjectFileAsync(id, CancellationToken.None);

        Assert.That(results.Count(r => r.Status == ProjectWriteStatus.Applied), Is.EqualTo(1));
        Assert.That(results.Count(r => r.Status == ProjectWriteStatus.Conflict), Is.EqualTo(1));
        Assert.That(results.Single(r => r.Status == ProjectWriteStatus.Conflict).Version, Is.EqualTo(2), "the loser learns the current version");
        Assert.That(file!.History, Has.Count.EqualTo(2), "only the winner is in the history");
        Assert.That(file.Project.Version, Is.EqualTo(2));
        Assert.That(file.Project.Stage, Is.EqualTo(file.History[1].To));
    }

    [Test]
    public async Task Stage_change_on_an_unknown_project_is_not_found()
    {
        var change = new StageChange(ProjectStage.Planning, ProjectStage.Negotiating, new DateOnly(2026, 2, 10), "甲", null, null, At);

        var result = await Store.ApplyStageChangeAsync(4242, 1, change, CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(ProjectWriteStatus.NotFound));
    }

    [Test]
    public async Task Field_update_with_a_stale_version_writes_nothing()
    {
        var id = (await Store.CreateProjectAsync(await SeedCompanyAsync(), Fields(), Created(new DateOnly(2026, 2, 1)), CancellationToken.None)).ProjectId;
        var first = await Store.UpdateProjectAsync(id, 1, Fields(team: "zsj"), "甲", At, CancellationToken.None);

        var stale = await Store.UpdateProjectAsync(id, 1, Fields(team: "cy", investment: null), "乙", At, CancellationToken.None);
        var file = await Store.GetProjectFileAsync(id, CancellationToken.None);

        Assert.That(first.Status, Is.EqualTo(ProjectWriteStatus.Applied));
        Assert.That(stale, Is.EqualTo(new ProjectWriteResult(ProjectWriteStatus.Conflict, 2, ProjectStage.Planning)));
        Assert.That(file!.Project.Fields.TeamId, Is.EqualTo("zsj"));
        Assert.That(file.Project.Fields.PlannedInvestment, Is.EqualTo(12345.67m));
        Assert.That(file.Project.UpdatedBy, Is.EqualTo("甲"));
    }

    [Test]
    public async Task Projects_are_listed_by_every_filter_key_projects_first()
    {
        var company = await SeedCompanyAsync();
        var a = (await Store.CreateProjectAsync(company, Fields(team: "csj", unit: "421303"), Created(new DateOnly(2026, 2, 1)), CancellationToken.None)).ProjectId;
        var b = (await Store.CreateProjectAsync(await SeedCompanyAsync("苏州丁液压有限公司"), Fields(team: "zsj", unit: "421381", key: true), Created(new DateOnly(2026, 1, 1)), CancellationToken.None)).ProjectId;
        var c = (await Store.CreateProjectAsync(await SeedCompanyAsync("苏州戊液压有限公司"), Fields(team: "csj", unit: "421381"), Created(new DateOnly(2026, 3, 1)), CancellationToken.None)).ProjectId;
        await Store.ApplyStageChangeAsync(c, 1, new StageChange(ProjectStage.Planning, ProjectStage.Negotiating, new DateOnly(2026, 3, 2), "甲", null, null, At), CancellationToken.None);

        async Task<List<long>> Ids(ProjectQuery q) => (await Store.ListProjectsAsync(q, CancellationToken.None)).Items.Select(p => p.Id).ToList();
        var all = new ProjectQuery(null, null, null, null, null, null, 1, 10);

        Assert.That(await Ids(all), Is.EqualTo(new[] { b, c, a }), "key first, then latest stage date");
        Assert.That(await Ids(all with { TeamId = "csj" }), Is.EqualTo(new[] { c, a }));
        Assert.That(await Ids(all with { UnitCode = "421381" }), Is.EqualTo(new[] { b, c }));
        Assert.That(await Ids(all with { Stages = [ProjectStage.Negotiating] }), Is.EqualTo(new[] { c }));
        Assert.That(await Ids(all with { IsKey = false }), Is.EqualTo(new[] { c, a }));
        Assert.That(await Ids(all with { ChainCode = "OTHER" }), Is.Empty);
        Assert.That(await Ids(all with { CompanyId = company }), Is.EqualTo(new[] { a }));
        var page2 = await Store.ListProjectsAsync(all with { Page = 2, PageSize = 2 }, CancellationToken.None);
        Assert.That(page2.Items.Select(p => p.Id), Is.EqualTo(new[] { a }));
        Assert.That(page2.Total, Is.EqualTo(3));
    }

    [Test]
    public async Task Activities_are_stored_against_projects_or_companies_and_filtered()
    {
        var company = await SeedCompanyAsync();
        var project = (await Store.CreateProjectAsync(company, Fields(), Created(new DateOnly(2026, 2, 1)), CancellationToken.None)).ProjectId;
        var visit = await Store.AddActivityAsync(
            new NewActivity(project, company, ActivityKind.Visit, null, new DateOnly(2026, 2, 3), ["王总", "李经理"], "参观工厂", "csj", "张三", At), CancellationToken.None);
        var call = await Store.AddActivityAsync(
            new NewActivity(null, company, ActivityKind.Call, null, new DateOnly(2026, 3, 5), [], null, "zsj", "李四", At), CancellationToken.None);

        var byTeam = await Store.ListActivitiesAsync(new ActivityQuery("csj", null, null, null, null, 1, 10), CancellationToken.None);
        var inMarch = await Store.ListActivitiesAsync(new ActivityQuery(null, null, null, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), 1, 10), CancellationToken.None);
        var ofCompany = await Store.ListActivitiesAsync(new ActivityQuery(null, null, company, null, null, 1, 10), CancellationToken.None);
        var file = await Store.GetProjectFileAsync(project, CancellationToken.None);

        Assert.That(visit!.PeopleMet, Is.EqualTo(new[] { "王总", "李经理" }));
        Assert.That(visit.Company.Name, Is.EqualTo("苏州乙液压有限公司"));
        Assert.That(byTeam.Items.Select(a => a.Id), Is.EqualTo(new[] { visit.Id }));
        Assert.That(inMarch.Items.Select(a => a.Id), Is.EqualTo(new[] { call!.Id }));
        Assert.That(ofCompany.Items.Select(a => a.Id), Is.EqualTo(new[] { call.Id, visit.Id }), "newest first");
        Assert.That(file!.Activities.Select(a => a.Id), Is.EqualTo(new[] { visit.Id }), "a project shows only its own activities");
    }

    [Test]
    public async Task Activity_for_a_project_of_another_company_is_refused()
    {
        var company = await SeedCompanyAsync();
        var other = (await Store.UpsertCompaniesAsync([Company("随州丙机械有限公司", "421303")], Stamp, CancellationToken.None))[0].CompanyId;
        var project = (await Store.CreateProjectAsync(company, Fields(), Created(new DateOnly(2026, 2, 1)), CancellationToken.None)).ProjectId;

        var wrong = await Store.AddActivityAsync(new NewActivity(project, other, ActivityKind.Visit, null, new DateOnly(2026, 2, 3), [], null, "csj", "甲", At), CancellationToken.None);
        var unknown = await Store.AddActivityAsync(new NewActivity(null, 999999, ActivityKind.Visit, null, new DateOnly(2026, 2, 3), [], null, "csj", "甲", At), CancellationToken.None);

        Assert.That(wrong, Is.Null);
        Assert.That(unknown, Is.Null);
        Assert.That((await Store.ListActivitiesAsync(new ActivityQuery(null, null, null, null, null, 1, 10), CancellationToken.None)).Total, Is.Zero);
    }

    [Test]
    public async Task Blocker_opens_counts_on_the_project_and_closes_once()
    {
        var project = (await Store.CreateProjectAsync(await SeedCompanyAsync(), Fields(), Created(new DateOnly(2026, 2, 1)), CancellationToken.None)).ProjectId;
        var blocker = await Store.AddBlockerAsync(project, new NewBlocker(BlockerKind.Land, "缺 50 亩工业用地", "自然资源局", new DateOnly(2026, 2, 5), "张三"), CancellationToken.None);
        var open = (await Store.GetProjectFileAsync(project, CancellationToken.None))!.Project.OpenBlockers;

        var closed = await Store.CloseBlockerAsync(project, blocker!.Id, new DateOnly(2026, 3, 1), "李四", "已挂牌", CancellationToken.None);
        var again = await Store.CloseBlockerAsync(project, blocker.Id, new DateOnly(2026, 3, 9), "王五", "重复", CancellationToken.None);
        var wrongProject = await Store.CloseBlockerAsync(project + 1, blocker.Id, new DateOnly(2026, 3, 9), "王五", null, CancellationToken.None);
        var file = await Store.GetProjectFileAsync(project, CancellationToken.None);

        Assert.That(open, Is.EqualTo(1));
        Assert.That(closed.Status, Is.EqualTo(BlockerCloseStatus.Closed));
        Assert.That(closed.Blocker, Is.EqualTo(blocker with { Status = BlockerStatus.Closed, ClosedOn = new DateOnly(2026, 3, 1), ClosedBy = "李四", ClosingNote = "已挂牌" }));
        Assert.That(again.Status, Is.EqualTo(BlockerCloseStatus.AlreadyClosed));
        Assert.That(again.Blocker!.ClosedBy, Is.EqualTo("李四"), "closing twice changes nothing");
        Assert.That(wrongProject.Status, Is.EqualTo(BlockerCloseStatus.NotFound));
        Assert.That(file!.Project.OpenBlockers, Is.Zero);
        Assert.That(file.Blockers.Single().Status, Is.EqualTo(BlockerStatus.Closed));
    }

    [Test]
    public async Task Blocker_on_an_unknown_project_is_not_stored()
    {
        var blocker = await Store.AddBlockerAsync(777, new NewBlocker(BlockerKind.Energy, "能耗指标", null, new DateOnly(2026, 2, 5), "张三"), CancellationToken.None);

        Assert.That(blocker, Is.Null);
    }

    [Test]
    public async Task Results_input_holds_changes_up_to_the_end_and_activities_inside_the_period()
    {
        var company = await SeedCompanyAsync();
        var early = (await Store.CreateProjectAsync(company, Fields(), Created(new DateOnly(2025, 12, 1)), CancellationToken.None)).ProjectId;
        await Store.ApplyStageChangeAsync(early, 1, new StageChange(ProjectStage.Planning, ProjectStage.Negotiating, new DateOnly(2026, 1, 15), "甲", null, null, At), CancellationToken.None);
        await Store.ApplyStageChangeAsync(early, 2, new StageChange(ProjectStage.Negotiating, ProjectStage.Signed, new DateOnly(2026, 4, 2), "甲", null, null, At), CancellationToken.None);
        var late = (await Store.CreateProjectAsync(await SeedCompanyAsync("苏州丁液压有限公司"), Fields(), Created(new DateOnly(2026, 5, 1)), CancellationToken.None)).ProjectId;
        foreach (var day in new[] { new DateOnly(2025, 12, 31), new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 1) })
        {
            await Store.AddActivityAsync(new NewActivity(early, company, ActivityKind.Call, null, day, [], null, "csj", "甲", At), CancellationToken.None);
        }

        var input = await Store.GetResultsInputAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), CancellationToken.None);

        var timeline = input.Timelines.Single(t => t.Project.Id == early);
        Assert.That(timeline.Changes.Select(c => c.To), Is.EqualTo(new[] { ProjectStage.Planning, ProjectStage.Negotiating }), "the April change is after the period");
        Assert.That(input.Timelines.Single(t => t.Project.Id == late).Changes, Is.Empty);
        Assert.That(input.Activities.Select(a => a.Date), Is.EqualTo(new[] { new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31) }));
        Assert.That(input.Activities.All(a => a.ProjectId == early && a.TeamId == "csj"), Is.True);
    }
}
