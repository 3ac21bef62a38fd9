using ChainMap.Projects;
using ChainMap.Storage;

namespace ChainMap.Tests.Storage;

/// <summary>One open project per company, next steps on activities and due dates on blockers (ADR 0173), on every adapter.</summary>
public abstract partial class StoreContract
{
    [Test]
    public async Task Second_open_project_for_a_company_is_refused_naming_the_first()
    {
        var company = await SeedCompanyAsync();
        var first = await Store.CreateProjectAsync(company, Fields(), Created(new DateOnly(2026, 2, 1)), CancellationToken.None);

        var second = await Store.CreateProjectAsync(company, Fields(team: "zsj"), Created(new DateOnly(2026, 2, 2)), CancellationToken.None);
        var listed = await Store.ListProjectsAsync(new ProjectQuery(null, null, null, null, null, company, 1, 10), CancellationToken.None);

        Assert.That(second, Is.EqualTo(new ProjectCreateResult(ProjectCreateStatus.CompanyHasOpenProject, first.ProjectId)));
        Assert.That(listed.Items.Select(p => p.Id), Is.EqualTo(new[] { first.ProjectId }), "nothing of the second was written");
    }

    [Test]
    public async Task Terminated_project_does_not_block_a_new_one_for_its_company()
    {
        var company = await SeedCompanyAsync();
        var first = (await Store.CreateProjectAsync(company, Fields(), Created(new DateOnly(2026, 2, 1)), CancellationToken.None)).ProjectId;
        await Store.ApplyStageChangeAsync(
            first, 1, new StageChange(ProjectStage.Planning, ProjectStage.Terminated, new DateOnly(2026, 2, 5), "甲", null, "对方放弃", At), CancellationToken.None);

        var again = await Store.CreateProjectAsync(company, Fields(), Created(new DateOnly(2026, 3, 1)), CancellationToken.None);

        Assert.That(again.Status, Is.EqualTo(ProjectCreateStatus.Created));
        Assert.That(again.ProjectId, Is.Not.EqualTo(first));
    }

    [Test]
    public async Task Concurrent_creations_for_one_company_create_exactly_one_project()
    {
        var company = await SeedCompanyAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Store.CreateProjectAsync(company, Fields(), Created(new DateOnly(2026, 2, 1 + i)), CancellationToken.None)));
        var listed = await Store.ListProjectsAsync(new ProjectQuery(null, null, null, null, null, company, 1, 10), CancellationToken.None);

        Assert.That(results.Count(r => r.Status == ProjectCreateStatus.Created), Is.EqualTo(1));
        Assert.That(listed.Total, Is.EqualTo(1));
        Assert.That(results.Select(r => r.ProjectId).Distinct(), Is.EqualTo(new[] { listed.Items[0].Id }), "the refused ones name the one created");
    }

    [Test]
    public async Task Activity_keeps_our_people_next_step_and_its_due_date()
    {
        var company = await SeedCompanyAsync();
        var project = (await Store.CreateProjectAsync(company, Fields(), Created(new DateOnly(2026, 2, 1)), CancellationToken.None)).ProjectId;

        var added = await Store.AddActivityAsync(
            new NewActivity(project, company, ActivityKind.Visit, null, new DateOnly(2026, 2, 3), ["王总"], "参观工厂", "csj", "张三", At,
                ["李科长", "赵主任"], "寄送园区用地方案", new DateOnly(2026, 2, 20)),
            CancellationToken.None);
        var plain = await Store.AddActivityAsync(
            new NewActivity(project, company, ActivityKind.Call, null, new DateOnly(2026, 2, 4), [], null, "csj", "张三", At), CancellationToken.None);
        var file = await Store.GetProjectFileAsync(project, CancellationToken.None);
        var listed = await Store.ListActivitiesAsync(new ActivityQuery(null, project, null, null, null, 1, 10), CancellationToken.None);

        var stored = file!.Activities.Single(a => a.Id == added!.Id);
        Assert.That(stored.OurPeople, Is.EqualTo(new[] { "李科长", "赵主任" }));
        Assert.That(stored.NextStep, Is.EqualTo("寄送园区用地方案"));
        Assert.That(stored.NextStepDue, Is.EqualTo(new DateOnly(2026, 2, 20)));
        Assert.That(added!.NextStepDue, Is.EqualTo(new DateOnly(2026, 2, 20)), "as returned when added");
        Assert.That(listed.Items.Single(a => a.Id == added.Id).NextStep, Is.EqualTo("寄送园区用地方案"));
        var none = file.Activities.Single(a => a.Id == plain!.Id);
        Assert.That(none.OurPeople, Is.Empty);
        Assert.That(none.NextStep, Is.Null);
        Assert.That(none.NextStepDue, Is.Null);
    }

    [Test]
    public async Task Next_steps_are_the_latest_of_each_project_due_by_the_date_earliest_first()
    {
        var company = await SeedCompanyAsync();
        var other = await SeedCompanyAsync("苏州丁液压有限公司");
        var third = await SeedCompanyAsync("苏州戊液压有限公司");
        var project = (await Store.CreateProjectAsync(company, Fields(), Created(new DateOnly(2026, 2, 1)), CancellationToken.None)).ProjectId;
        var otherProject = (await Store.CreateProjectAsync(other, Fields(team: "zsj"), Created(new DateOnly(2026, 2, 1)), CancellationToken.None)).ProjectId;

        Task<Activity?> Add(long? p, long c, DateOnly on, string? step, DateOnly? due, string team = "csj") =>
            Store.AddActivityAsync(new NewActivity(p, c, ActivityKind.Visit, null, on, [], null, team, "甲", At, null, step, due), CancellationToken.None);

        var superseded = await Add(project, company, new DateOnly(2026, 2, 3), "寄送方案", new DateOnly(2026, 2, 10));
        var current = await Add(project, company, new DateOnly(2026, 2, 8), "约见董事长", new DateOnly(2026, 3, 1));
        var theirs = await Add(otherProject, other, new DateOnly(2026, 2, 5), "报价", new DateOnly(2026, 2, 12), "zsj");
        var tooLate = await Add(null, third, new DateOnly(2026, 2, 5), "回访", new DateOnly(2026, 4, 1));
        var companyOnly = await Add(null, other, new DateOnly(2026, 2, 1), "先打电话", new DateOnly(2026, 2, 2), "zsj");

        var dueByMarch = await Store.ListNextStepsAsync(null, new DateOnly(2026, 3, 1), 100, CancellationToken.None);
        var ofCsj = await Store.ListNextStepsAsync("csj", new DateOnly(2026, 12, 31), 100, CancellationToken.None);
        var first = await Store.ListNextStepsAsync(null, new DateOnly(2026, 12, 31), 1, CancellationToken.None);

        Assert.That(dueByMarch.Select(a => a.Id), Is.EqualTo(new[] { theirs!.Id, current!.Id }),
            "a later activity supersedes a project's earlier step and a company's step without a project; 1 March itself is included");
        Assert.That(dueByMarch.Select(a => a.Id), Does.Not.Contain(superseded!.Id).And.Not.Contain(companyOnly!.Id));
        Assert.That(ofCsj.Select(a => a.Id), Is.EqualTo(new[] { current.Id, tooLate!.Id }));
        Assert.That(first.Select(a => a.Id), Is.EqualTo(new[] { theirs.Id }));
        Assert.That(dueByMarch[1].NextStep, Is.EqualTo("约见董事长"));
    }

    [Test]
    public async Task Blocker_keeps_its_due_date_through_closing()
    {
        var project = (await Store.CreateProjectAsync(await SeedCompanyAsync(), Fields(), Created(new DateOnly(2026, 2, 1)), CancellationToken.None)).ProjectId;

        var due = await Store.AddBlockerAsync(project, new NewBlocker(BlockerKind.Land, "缺地", "自然资源局", new DateOnly(2026, 2, 5), "张三", new DateOnly(2026, 3, 31)), CancellationToken.None);
        var undated = await Store.AddBlockerAsync(project, new NewBlocker(BlockerKind.Energy, "能耗", null, new DateOnly(2026, 2, 6), "张三"), CancellationToken.None);
        var closed = await Store.CloseBlockerAsync(project, due!.Id, new DateOnly(2026, 3, 2), "李四", null, CancellationToken.None);
        var file = await Store.GetProjectFileAsync(project, CancellationToken.None);

        Assert.That(due.DueOn, Is.EqualTo(new DateOnly(2026, 3, 31)));
        Assert.That(undated!.DueOn, Is.Null);
        Assert.That(closed.Blocker!.DueOn, Is.EqualTo(new DateOnly(2026, 3, 31)));
        Assert.That(file!.Blockers.Single(b => b.Id == due.Id).DueOn, Is.EqualTo(new DateOnly(2026, 3, 31)));
        Assert.That(file.Blockers.Single(b => b.Id == undated.Id).DueOn, Is.Null);
    }
}
