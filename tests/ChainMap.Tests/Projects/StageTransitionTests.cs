using ChainMap.Projects;
using ChainMap.Storage;
using ChainMap.Storage.Sqlite;
using ChainMap.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ChainMap.Tests.Projects;

/// <summary>Every lifecycle rule, through <see cref="ProjectService"/> over a real SQLite store; a refused change leaves the project as it was.</summary>
public sealed class StageTransitionTests
{
    private static readonly DateOnly Start = new(2026, 3, 1);

    private string directory = null!;
    private IChainMapStore store = null!;
    private FakeTimeProvider time = null!;
    private ProjectService service = null!;
    private long companyId;

    [SetUp]
    public async Task CreateStore()
    {
        directory = Directory.CreateTempSubdirectory("chainmap-lifecycle-").FullName;
        store = new SqliteStore(Path.Combine(directory, "test.db"), TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        await store.SaveChainAsync(TestData.SmallChain(), CancellationToken.None);
        var company = new CompanyRecord("n:甲|320506", null, "苏州甲液压有限公司", "苏州甲液压", "320506", "320000", "320500", "320506",
            null, null, null, null, null, [], null, null, 0, []);
        companyId = (await store.UpsertCompaniesAsync([company], new ImportStamp("i", "t.csv", DateTimeOffset.UnixEpoch), CancellationToken.None))[0].CompanyId;
        time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 10, 0, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        service = new ProjectService(store, time);
    }

    [TearDown]
    public void DeleteStore()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static ProjectFields Fields => new("甲液压项目", "T1", null, ProjectChannel.Chamber, null, "csj", "421303", 1000m, false, null);

    private async Task<long> CreateAtAsync(ProjectStage stage = ProjectStage.Planning, string? reason = null)
    {
        var created = await service.CreateAsync(companyId, Fields, stage, Start, "线索", reason, "张三", CancellationToken.None);
        Assert.That(created.Problem, Is.Null, created.Problem?.Detail);
        return created.Value!.Project.Id;
    }

    private Task<ProjectOutcome<ProjectFile>> MoveAsync(long id, ProjectStage to, DateOnly? date = null, string? reason = null, long? expectedVersion = null) =>
        service.ChangeStageAsync(id, to, date ?? Start, "note", reason, "李四", expectedVersion, CancellationToken.None);

    private async Task<(Project Project, int History)> StateAsync(long id)
    {
        var file = await store.GetProjectFileAsync(id, CancellationToken.None);
        return (file!.Project, file.History.Count);
    }

    private static void AssertRefused(ProjectOutcome<ProjectFile> outcome, string rule, params string[] detailParts)
    {
        Assert.That(outcome.Value, Is.Null);
        Assert.That(outcome.Problem, Is.Not.Null);
        Assert.That(outcome.Problem!.Kind, Is.EqualTo(ProjectProblemKind.Conflict));
        Assert.That(outcome.Problem.Rule, Is.EqualTo(rule));
        foreach (var part in detailParts)
        {
            Assert.That(outcome.Problem.Detail, Does.Contain(part));
        }
    }

    [Test]
    public async Task Forward_one_step_needs_no_reason_and_is_recorded_with_date_author_and_note()
    {
        var id = await CreateAtAsync();

        var moved = await MoveAsync(id, ProjectStage.Negotiating, new DateOnly(2026, 3, 10));

        Assert.That(moved.Problem, Is.Null);
        Assert.That(moved.Value!.Project.Stage, Is.EqualTo(ProjectStage.Negotiating));
        Assert.That(moved.Value.Project.Version, Is.EqualTo(2));
        var last = moved.Value.History[^1];
        Assert.That((last.From, last.To, last.Date, last.By, last.Note, last.Reason), Is.EqualTo(
            ((ProjectStage?)ProjectStage.Planning, ProjectStage.Negotiating, new DateOnly(2026, 3, 10), "李四", "note", (string?)null)));
        Assert.That(last.RecordedAt, Is.EqualTo(time.GetUtcNow()));
    }

    [Test]
    public async Task Whole_lifecycle_one_step_at_a_time_reaches_达效()
    {
        var id = await CreateAtAsync();
        var day = Start;
        foreach (var stage in ProjectTerms.OrderedStages.Skip(1))
        {
            day = day.AddDays(7);
            Assert.That((await MoveAsync(id, stage, day)).Problem, Is.Null, stage.ToChinese());
        }

        var (project, history) = await StateAsync(id);
        Assert.That(project.Stage, Is.EqualTo(ProjectStage.Effective));
        Assert.That(history, Is.EqualTo(7));
    }

    [Test]
    public async Task Skipping_stages_without_a_reason_is_refused_naming_them_and_the_project_stays()
    {
        var id = await CreateAtAsync();
        await MoveAsync(id, ProjectStage.Negotiating);
        var before = await StateAsync(id);

        var refused = await MoveAsync(id, ProjectStage.Landed, reason: "  ");

        AssertRefused(refused, "skip-needs-reason", "洽谈 → 落地", "签约");
        Assert.That(refused.Problem!.From, Is.EqualTo(ProjectStage.Negotiating));
        Assert.That(refused.Problem.To, Is.EqualTo(ProjectStage.Landed));
        Assert.That(await StateAsync(id), Is.EqualTo(before));
    }

    [Test]
    public async Task Skipping_stages_with_a_reason_is_applied_and_keeps_the_reason()
    {
        var id = await CreateAtAsync();

        var moved = await MoveAsync(id, ProjectStage.Signed, reason: "老乡推荐，直接签约");

        Assert.That(moved.Problem, Is.Null);
        Assert.That(moved.Value!.Project.Stage, Is.EqualTo(ProjectStage.Signed));
        Assert.That(moved.Value.History[^1].Reason, Is.EqualTo("老乡推荐，直接签约"));
    }

    [Test]
    public async Task Moving_backwards_without_a_reason_is_refused_and_the_project_stays()
    {
        var id = await CreateAtAsync();
        await MoveAsync(id, ProjectStage.Negotiating);
        await MoveAsync(id, ProjectStage.Signed);
        var before = await StateAsync(id);

        var refused = await MoveAsync(id, ProjectStage.Negotiating);

        AssertRefused(refused, "backward-needs-reason", "签约 → 洽谈");
        Assert.That(await StateAsync(id), Is.EqualTo(before));
    }

    [Test]
    public async Task Moving_backwards_with_a_reason_is_applied()
    {
        var id = await CreateAtAsync();
        await MoveAsync(id, ProjectStage.Negotiating);
        await MoveAsync(id, ProjectStage.Signed);

        var moved = await MoveAsync(id, ProjectStage.Negotiating, reason: "合同条款重谈");

        Assert.That(moved.Problem, Is.Null);
        Assert.That(moved.Value!.Project.Stage, Is.EqualTo(ProjectStage.Negotiating));
    }

    [Test]
    public async Task Change_dated_before_the_previous_change_is_refused_and_the_project_stays()
    {
        var id = await CreateAtAsync();
        await MoveAsync(id, ProjectStage.Negotiating, new DateOnly(2026, 4, 1));
        var before = await StateAsync(id);

        var refused = await MoveAsync(id, ProjectStage.Signed, new DateOnly(2026, 3, 31));

        AssertRefused(refused, "date-before-previous", "2026-03-31", "2026-04-01");
        Assert.That(refused.Problem!.Field, Is.EqualTo("date"));
        Assert.That(await StateAsync(id), Is.EqualTo(before));
    }

    [Test]
    public async Task Change_dated_the_same_day_as_the_previous_change_is_allowed()
    {
        var id = await CreateAtAsync();

        var moved = await MoveAsync(id, ProjectStage.Negotiating, Start);

        Assert.That(moved.Problem, Is.Null);
    }

    [Test]
    public async Task Even_a_change_with_a_reason_cannot_be_dated_before_the_previous_one()
    {
        var id = await CreateAtAsync();

        var refused = await MoveAsync(id, ProjectStage.Terminated, Start.AddDays(-1), reason: "企业放弃");

        AssertRefused(refused, "date-before-previous");
    }

    [Test]
    public async Task Change_dated_in_the_future_is_invalid()
    {
        var id = await CreateAtAsync();
        var before = await StateAsync(id);

        var refused = await MoveAsync(id, ProjectStage.Negotiating, new DateOnly(2026, 6, 17));
        var tomorrow = await MoveAsync(id, ProjectStage.Negotiating, new DateOnly(2026, 6, 16));

        Assert.That(refused.Problem!.Kind, Is.EqualTo(ProjectProblemKind.Invalid));
        Assert.That(refused.Problem.Field, Is.EqualTo("date"));
        Assert.That(before.Project.Stage, Is.EqualTo(ProjectStage.Planning));
        Assert.That(tomorrow.Problem, Is.Null, "one day of slack for users ahead of the server's clock");
    }

    [Test]
    public async Task Change_without_a_date_is_dated_today()
    {
        var id = await CreateAtAsync();

        var moved = await service.ChangeStageAsync(id, ProjectStage.Negotiating, null, null, null, "李四", null, CancellationToken.None);

        Assert.That(moved.Value!.Project.StageDate, Is.EqualTo(new DateOnly(2026, 6, 15)));
    }

    [Test]
    public async Task Terminating_without_a_reason_is_refused_and_the_project_stays()
    {
        var id = await CreateAtAsync();
        var before = await StateAsync(id);

        var refused = await MoveAsync(id, ProjectStage.Terminated);

        AssertRefused(refused, "terminate-needs-reason", "谋划 → 终止");
        Assert.That(await StateAsync(id), Is.EqualTo(before));
    }

    [Test]
    public async Task Terminating_with_a_reason_is_applied_from_any_stage()
    {
        var id = await CreateAtAsync();
        await MoveAsync(id, ProjectStage.Negotiating);

        var dropped = await MoveAsync(id, ProjectStage.Terminated, reason: "企业转投他市");

        Assert.That(dropped.Value!.Project.Stage, Is.EqualTo(ProjectStage.Terminated));
        Assert.That(dropped.Value.History[^1].Reason, Is.EqualTo("企业转投他市"));
    }

    [Test]
    public async Task After_终止_a_change_without_a_reason_is_refused_as_a_reopening()
    {
        var id = await CreateAtAsync();
        await MoveAsync(id, ProjectStage.Terminated, reason: "企业放弃");
        var before = await StateAsync(id);

        var refused = await MoveAsync(id, ProjectStage.Negotiating);

        AssertRefused(refused, "reopen-needs-reason", "终止 → 洽谈");
        Assert.That(await StateAsync(id), Is.EqualTo(before));
    }

    [Test]
    public async Task After_终止_a_reason_reopens_the_project_at_any_stage()
    {
        var id = await CreateAtAsync();
        await MoveAsync(id, ProjectStage.Negotiating);
        await MoveAsync(id, ProjectStage.Terminated, reason: "企业放弃");

        var reopened = await MoveAsync(id, ProjectStage.Signed, reason: "企业回心转意并签约");

        Assert.That(reopened.Problem, Is.Null);
        Assert.That(reopened.Value!.Project.Stage, Is.EqualTo(ProjectStage.Signed));
        Assert.That(StageRules.Classify(reopened.Value.History[^1].From, reopened.Value.History[^1].To), Is.EqualTo(TransitionKind.Reopen));
    }

    [Test]
    public async Task Terminating_a_terminated_project_again_is_refused()
    {
        var id = await CreateAtAsync();
        await MoveAsync(id, ProjectStage.Terminated, reason: "企业放弃");

        var refused = await MoveAsync(id, ProjectStage.Terminated, reason: "再次放弃");

        AssertRefused(refused, "same-stage", "终止");
    }

    [Test]
    public async Task Moving_to_the_current_stage_is_refused()
    {
        var id = await CreateAtAsync();

        var refused = await MoveAsync(id, ProjectStage.Planning, reason: "why not");

        AssertRefused(refused, "same-stage", "谋划");
    }

    [Test]
    public async Task Change_expecting_a_stale_version_is_refused_and_the_project_stays()
    {
        var id = await CreateAtAsync();
        await MoveAsync(id, ProjectStage.Negotiating);
        var before = await StateAsync(id);

        var refused = await MoveAsync(id, ProjectStage.Signed, expectedVersion: 1);

        AssertRefused(refused, "version-conflict", "version 2", "洽谈");
        Assert.That(refused.Problem!.CurrentVersion, Is.EqualTo(2));
        Assert.That(await StateAsync(id), Is.EqualTo(before));
    }

    [Test]
    public async Task Of_two_concurrent_changes_from_the_same_state_only_one_applies()
    {
        var id = await CreateAtAsync();

        var outcomes = await Task.WhenAll(
            MoveAsync(id, ProjectStage.Negotiating, expectedVersion: 1),
            MoveAsync(id, ProjectStage.Terminated, reason: "企业放弃", expectedVersion: 1));
        var (project, history) = await StateAsync(id);

        Assert.That(outcomes.Count(o => o.Problem is null), Is.EqualTo(1));
        Assert.That(outcomes.Single(o => o.Problem is not null).Problem!.Kind, Is.EqualTo(ProjectProblemKind.Conflict));
        Assert.That(history, Is.EqualTo(2));
        Assert.That(project.Version, Is.EqualTo(2));
    }

    [Test]
    public async Task Creating_past_谋划_without_a_reason_is_invalid_and_creates_nothing()
    {
        var refused = await service.CreateAsync(companyId, Fields, ProjectStage.Signed, Start, null, null, "张三", CancellationToken.None);
        var all = await store.ListProjectsAsync(new ProjectQuery(null, null, null, null, null, null, 1, 10), CancellationToken.None);

        Assert.That(refused.Problem!.Kind, Is.EqualTo(ProjectProblemKind.Invalid));
        Assert.That(refused.Problem.Field, Is.EqualTo("reason"));
        Assert.That(refused.Problem.Detail, Does.Contain("谋划、洽谈"));
        Assert.That(all.Total, Is.Zero);
    }

    [Test]
    public async Task Creating_past_谋划_with_a_reason_records_the_starting_stage()
    {
        var id = await CreateAtAsync(ProjectStage.Signed, "系统上线前已签约，补录");
        var file = await store.GetProjectFileAsync(id, CancellationToken.None);

        Assert.That(file!.Project.Stage, Is.EqualTo(ProjectStage.Signed));
        Assert.That(file.History.Single().From, Is.Null);
        Assert.That(file.History.Single().Reason, Is.EqualTo("系统上线前已签约，补录"));
    }

    [Test]
    public async Task Creating_at_终止_is_invalid()
    {
        var refused = await service.CreateAsync(companyId, Fields, ProjectStage.Terminated, Start, null, "无", "张三", CancellationToken.None);

        Assert.That(refused.Problem!.Field, Is.EqualTo("stage"));
    }

    [Test]
    public async Task Creating_for_an_unknown_company_is_not_found()
    {
        var refused = await service.CreateAsync(companyId + 100, Fields, ProjectStage.Planning, Start, null, null, "张三", CancellationToken.None);

        Assert.That(refused.Problem!.Kind, Is.EqualTo(ProjectProblemKind.NotFound));
        Assert.That(refused.Problem.Detail, Does.Contain((companyId + 100).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task Blocker_cannot_be_closed_before_it_was_opened()
    {
        var id = await CreateAtAsync();
        var blocker = (await service.OpenBlockerAsync(id, BlockerKind.Land, "缺地", "自然资源局", new DateOnly(2026, 4, 1), null, "张三", CancellationToken.None)).Value!;

        var early = await service.CloseBlockerAsync(id, blocker.Id, new DateOnly(2026, 3, 31), null, "李四", CancellationToken.None);
        var ok = await service.CloseBlockerAsync(id, blocker.Id, new DateOnly(2026, 4, 1), "已解决", "李四", CancellationToken.None);
        var twice = await service.CloseBlockerAsync(id, blocker.Id, new DateOnly(2026, 4, 2), null, "王五", CancellationToken.None);

        Assert.That(early.Problem!.Field, Is.EqualTo("date"));
        Assert.That(ok.Value!.Status, Is.EqualTo(BlockerStatus.Closed));
        Assert.That(twice.Problem!.Kind, Is.EqualTo(ProjectProblemKind.Conflict));
    }
}
