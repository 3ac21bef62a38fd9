using ChainMap.Domain;
using ChainMap.Storage;
using ChainMap.Text;

namespace ChainMap.Projects;

internal enum ProjectProblemKind
{
    /// <summary>The input is wrong whatever the project's state (400).</summary>
    Invalid,

    /// <summary>The project, company or blocker does not exist (404).</summary>
    NotFound,

    /// <summary>The change is not allowed from the project's current state, or someone changed it first (409).</summary>
    Conflict,
}

/// <summary>
/// Why an operation on a project did not happen. <see cref="Field"/> names the input at fault;
/// <see cref="Rule"/>, <see cref="From"/> and <see cref="To"/> describe a refused stage change;
/// <see cref="ExistingProjectId"/> names the company's open project when a second one was refused.
/// </summary>
internal sealed record ProjectProblem(
    ProjectProblemKind Kind,
    string Title,
    string Detail,
    string? Field = null,
    string? Rule = null,
    ProjectStage? From = null,
    ProjectStage? To = null,
    long? CurrentVersion = null,
    long? ExistingProjectId = null);

/// <summary>Either a value or the problem that prevented it; nothing was written when there is a problem.</summary>
internal sealed record ProjectOutcome<T>(T? Value, ProjectProblem? Problem)
    where T : class
{
    public static implicit operator ProjectOutcome<T>(ProjectProblem problem) => new(null, problem);

    public static ProjectOutcome<T> Ok(T value) => new(value, null);
}

/// <summary>
/// The project lifecycle over the store: creation, stage changes under <see cref="StageRules"/> with
/// optimistic concurrency, field edits, activities and blockers. Callers resolve names to ids first.
/// </summary>
internal sealed class ProjectService(IProjectStore store, TimeProvider time)
{
    /// <summary>
    /// The latest date a change may carry: tomorrow in the server's time zone, so that a user a few
    /// hours ahead of the server can still record "today".
    /// </summary>
    public DateOnly LatestAllowedDate => Today.AddDays(1);

    public DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    public async Task<ProjectOutcome<ProjectFile>> CreateAsync(
        long companyId, ProjectFields fields, ProjectStage stage, DateOnly? date, string? note, string? reason, string by, CancellationToken cancellationToken)
    {
        var on = date ?? Today;
        if (FutureDate(on, "date") is { } future)
        {
            return future;
        }

        if (StageRules.CheckStart(stage, reason) is { } refusal)
        {
            return new ProjectProblem(
                ProjectProblemKind.Invalid, "Invalid starting stage", refusal.Detail,
                Field: refusal.Rule == "skip-needs-reason" ? "reason" : "stage", Rule: refusal.Rule, To: stage);
        }

        var initial = new StageChange(null, stage, on, by, Clean(note), Clean(reason), time.GetUtcNow());
        var created = await store.CreateProjectAsync(companyId, fields, initial, cancellationToken);
        return created.Status switch
        {
            ProjectCreateStatus.Created => ProjectOutcome<ProjectFile>.Ok((await store.GetProjectFileAsync(created.ProjectId, cancellationToken))!),
            ProjectCreateStatus.CompanyHasOpenProject => CompanyHasOpenProject(companyId, created.ProjectId),
            _ => CompanyNotFound(companyId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
    }

    /// <summary>
    /// Moves a project to <paramref name="to"/> if the rules allow it from the state just read and nobody
    /// changes the project in between; <paramref name="expectedVersion"/>, when given, must also match.
    /// </summary>
    public async Task<ProjectOutcome<ProjectFile>> ChangeStageAsync(
        long projectId, ProjectStage to, DateOnly? date, string? note, string? reason, string by, long? expectedVersion, CancellationToken cancellationToken)
    {
        var on = date ?? Today;
        if (FutureDate(on, "date") is { } future)
        {
            return future;
        }

        var file = await store.GetProjectFileAsync(projectId, cancellationToken);
        if (file is null)
        {
            return ProjectNotFound(projectId);
        }

        var project = file.Project;
        if (expectedVersion is { } expected && expected != project.Version)
        {
            return VersionConflict(project.Id, expected, project.Version, project.Stage, to);
        }

        if (StageRules.Check(project.Stage, project.StageDate, to, on, reason) is { } refusal)
        {
            return new ProjectProblem(
                ProjectProblemKind.Conflict, "Stage change not allowed", refusal.Detail,
                Field: refusal.Rule switch
                {
                    "date-before-previous" => "date",
                    "same-stage" => "stage",
                    _ => "reason",
                },
                Rule: refusal.Rule, From: project.Stage, To: to, CurrentVersion: project.Version);
        }

        // Reopening must not give the company a second open project. Checked here, not under the store's lock: a
        // reopen racing a creation for the same company can still pass (ADR 0173).
        if (project.Stage == ProjectStage.Terminated && to != ProjectStage.Terminated)
        {
            var others = await store.ListProjectsAsync(
                new ProjectQuery(null, null, ProjectTerms.AllStages.Where(s => s != ProjectStage.Terminated).ToList(), null, null, project.Company.Id, 1, 1),
                cancellationToken);
            if (others.Items.FirstOrDefault(p => p.Id != project.Id) is { } open)
            {
                return CompanyHasOpenProject(project.Company.Id, open.Id) with { Rule = "company-has-open-project", From = project.Stage, To = to, CurrentVersion = project.Version };
            }
        }

        var change = new StageChange(project.Stage, to, on, by, Clean(note), Clean(reason), time.GetUtcNow());
        var written = await store.ApplyStageChangeAsync(projectId, project.Version, change, cancellationToken);
        return written.Status switch
        {
            ProjectWriteStatus.Applied => ProjectOutcome<ProjectFile>.Ok((await store.GetProjectFileAsync(projectId, cancellationToken))!),
            ProjectWriteStatus.NotFound => ProjectNotFound(projectId),
            _ => VersionConflict(projectId, project.Version, written.Version, written.Stage ?? project.Stage, to),
        };
    }

    /// <summary>Replaces the editable fields when the project is still at <paramref name="expectedVersion"/>.</summary>
    public async Task<ProjectOutcome<ProjectFile>> UpdateAsync(long projectId, ProjectFields fields, long expectedVersion, string by, CancellationToken cancellationToken)
    {
        var written = await store.UpdateProjectAsync(projectId, expectedVersion, fields, by, time.GetUtcNow(), cancellationToken);
        return written.Status switch
        {
            ProjectWriteStatus.Applied => ProjectOutcome<ProjectFile>.Ok((await store.GetProjectFileAsync(projectId, cancellationToken))!),
            ProjectWriteStatus.NotFound => ProjectNotFound(projectId),
            _ => VersionConflict(projectId, expectedVersion, written.Version, written.Stage ?? ProjectStage.Planning, null),
        };
    }

    public async Task<ProjectOutcome<Activity>> LogActivityAsync(
        long? projectId, long companyId, ActivityKind kind, string? title, DateOnly? date, IReadOnlyList<string> peopleMet, string? notes, string teamId, string by,
        NextStepInput? next, CancellationToken cancellationToken)
    {
        var on = date ?? Today;
        if (FutureDate(on, "date") is { } future)
        {
            return future;
        }

        var nextStep = Clean(next?.NextStep);
        if (next?.Due is { } due)
        {
            if (nextStep is null)
            {
                return new ProjectProblem(ProjectProblemKind.Invalid, "Due date without a next step", $"nextStepDue {due:yyyy-MM-dd} is given but nextStep is empty: say what is to be done by then.", Field: "nextStep");
            }

            if (due < on)
            {
                return new ProjectProblem(ProjectProblemKind.Invalid, "Next step due before the activity", $"nextStepDue {due:yyyy-MM-dd} is before the activity's date {on:yyyy-MM-dd}.", Field: "nextStepDue");
            }
        }

        var people = peopleMet.Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        var ours = (next?.OurPeople ?? []).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        var added = await store.AddActivityAsync(
            new NewActivity(projectId, companyId, kind, Clean(title), on, people, Clean(notes), teamId, by, time.GetUtcNow(), ours, nextStep, next?.Due), cancellationToken);
        if (added is not null)
        {
            return ProjectOutcome<Activity>.Ok(added);
        }

        return projectId is { } p ? ProjectNotFound(p) : CompanyNotFound(companyId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<ProjectOutcome<Blocker>> OpenBlockerAsync(
        long projectId, BlockerKind kind, string description, string? owner, DateOnly? openedOn, DateOnly? dueOn, string by, CancellationToken cancellationToken)
    {
        var on = openedOn ?? Today;
        if (FutureDate(on, "date") is { } future)
        {
            return future;
        }

        if (dueOn is { } due && due < on)
        {
            return new ProjectProblem(ProjectProblemKind.Invalid, "Blocker due before it was opened", $"dueOn {due:yyyy-MM-dd} is before the blocker's date {on:yyyy-MM-dd}.", Field: "dueOn");
        }

        var added = await store.AddBlockerAsync(projectId, new NewBlocker(kind, description.Trim(), Clean(owner), on, by, dueOn), cancellationToken);
        return added is null ? ProjectNotFound(projectId) : ProjectOutcome<Blocker>.Ok(added);
    }

    public async Task<ProjectOutcome<Blocker>> CloseBlockerAsync(
        long projectId, long blockerId, DateOnly? closedOn, string? note, string by, CancellationToken cancellationToken)
    {
        var on = closedOn ?? Today;
        if (FutureDate(on, "date") is { } future)
        {
            return future;
        }

        var file = await store.GetProjectFileAsync(projectId, cancellationToken);
        if (file is null)
        {
            return ProjectNotFound(projectId);
        }

        var blocker = file.Blockers.FirstOrDefault(b => b.Id == blockerId);
        if (blocker is null)
        {
            return new ProjectProblem(ProjectProblemKind.NotFound, "Blocker not found", $"Project {projectId} has no blocker {blockerId}.");
        }

        if (blocker.Status == BlockerStatus.Closed)
        {
            return BlockerAlreadyClosed(blocker);
        }

        if (on < blocker.OpenedOn)
        {
            return new ProjectProblem(
                ProjectProblemKind.Invalid, "Invalid closing date",
                $"Blocker {blockerId} was opened on {blocker.OpenedOn:yyyy-MM-dd}; it cannot be closed earlier, on {on:yyyy-MM-dd}.", Field: "date");
        }

        var closed = await store.CloseBlockerAsync(projectId, blockerId, on, by, Clean(note), cancellationToken);
        return closed.Status switch
        {
            BlockerCloseStatus.Closed => ProjectOutcome<Blocker>.Ok(closed.Blocker!),
            BlockerCloseStatus.AlreadyClosed => BlockerAlreadyClosed(closed.Blocker!),
            _ => new ProjectProblem(ProjectProblemKind.NotFound, "Blocker not found", $"Project {projectId} has no blocker {blockerId}."),
        };
    }

    /// <summary>
    /// The current next steps (ADR 0173) due within <paramref name="days"/> days from today (the service's date), overdue ones
    /// included, earliest first; <paramref name="teamId"/> null means every team.
    /// </summary>
    public async Task<(DateOnly Today, IReadOnlyList<Activity> Steps)> NextStepsAsync(string? teamId, int days, int limit, CancellationToken cancellationToken)
    {
        var today = Today;
        return (today, await store.ListNextStepsAsync(teamId, today.AddDays(days), limit, cancellationToken));
    }

    /// <summary>The resident team whose id or name (either script) is <paramref name="text"/>; null when none.</summary>
    public static ResidentTeam? FindTeam(HomeRegion home, string? text)
    {
        var folded = ChineseText.Fold(text);
        return folded.Length == 0 ? null : home.Teams.FirstOrDefault(t => ChineseText.Fold(t.Id) == folded || ChineseText.Fold(t.Name) == folded);
    }

    /// <summary>The receiving unit whose code or name (either script) is <paramref name="text"/>; null when none.</summary>
    public static ReceivingUnit? FindUnit(HomeRegion home, string? text)
    {
        var folded = ChineseText.Fold(text);
        return folded.Length == 0 ? null : home.Units.FirstOrDefault(u => ChineseText.Fold(u.Code) == folded || ChineseText.Fold(u.Name) == folded);
    }

    public static ProjectProblem ProjectNotFound(long projectId) =>
        new(ProjectProblemKind.NotFound, "Project not found", $"No project has the id {projectId}.");

    public static ProjectProblem CompanyNotFound(string idOrUscc) =>
        new(ProjectProblemKind.NotFound, "Company not found", $"No company has the id or USCC '{idOrUscc}'. Import it first, or pick it from GET /api/companies.", Field: "company");

    public static ProjectProblem CompanyHasOpenProject(long companyId, long existingProjectId) =>
        new(ProjectProblemKind.Conflict, "Company already has a project",
            $"Company {companyId} already has the open project {existingProjectId} (/api/projects/{existingProjectId}); a company has one project at a time. Work on that one, or terminate it first.",
            Field: "company", Rule: "company-has-open-project", ExistingProjectId: existingProjectId);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private ProjectProblem? FutureDate(DateOnly date, string field) =>
        date > LatestAllowedDate
            ? new ProjectProblem(ProjectProblemKind.Invalid, "Date in the future", $"{field} {date:yyyy-MM-dd} is in the future; record what has happened (latest allowed: {LatestAllowedDate:yyyy-MM-dd}).", Field: field)
            : null;

    private static ProjectProblem VersionConflict(long projectId, long expected, long current, ProjectStage currentStage, ProjectStage? to) =>
        new(
            ProjectProblemKind.Conflict, "Project changed meanwhile",
            $"Project {projectId} is at version {current} (stage {currentStage.ToChinese()}), not the expected version {expected}: someone changed it first. Reload it and try again.",
            Field: "expectedVersion", Rule: "version-conflict", From: currentStage, To: to, CurrentVersion: current);

    private static ProjectProblem BlockerAlreadyClosed(Blocker blocker) =>
        new(ProjectProblemKind.Conflict, "Blocker already closed", $"Blocker {blocker.Id} was closed on {blocker.ClosedOn:yyyy-MM-dd} by {blocker.ClosedBy}.");
}

/// <summary>What an activity adds beyond who met whom: our side's people, the next step and its due date.</summary>
internal sealed record NextStepInput(IReadOnlyList<string>? OurPeople, string? NextStep, DateOnly? Due);
