using ChainMap.Projects;

namespace ChainMap.Storage;

/// <summary>Project search; null filters match everything. Ordered key projects first, then latest stage date, then newest.</summary>
internal sealed record ProjectQuery(
    string? TeamId,
    string? UnitCode,
    IReadOnlyCollection<ProjectStage>? Stages,
    string? ChainCode,
    bool? IsKey,
    long? CompanyId,
    int Page,
    int PageSize);

/// <summary>Activity search by team, project, company and date range (inclusive); newest first.</summary>
internal sealed record ActivityQuery(
    string? TeamId,
    long? ProjectId,
    long? CompanyId,
    DateOnly? From,
    DateOnly? To,
    int Page,
    int PageSize);

internal enum ProjectWriteStatus
{
    Applied,
    NotFound,

    /// <summary>The project's version was not the expected one: someone else wrote first. Nothing was written.</summary>
    Conflict,
}

/// <summary>The outcome of a conditional project write, with the project's version and stage after it.</summary>
internal sealed record ProjectWriteResult(ProjectWriteStatus Status, long Version, ProjectStage? Stage);

internal enum ProjectCreateStatus
{
    Created,
    CompanyNotFound,

    /// <summary>The company already has a project that is not 终止; nothing was written.</summary>
    CompanyHasOpenProject,
}

/// <summary>
/// The outcome of creating a project: <see cref="ProjectId"/> is the new project when created, the company's
/// open project when it already has one, and 0 when the company does not exist.
/// </summary>
internal sealed record ProjectCreateResult(ProjectCreateStatus Status, long ProjectId);

internal enum BlockerCloseStatus
{
    Closed,
    NotFound,
    AlreadyClosed,
}

internal sealed record BlockerCloseResult(BlockerCloseStatus Status, Blocker? Blocker);

/// <summary>A project's stage changes up to a date, for the results computation.</summary>
internal sealed record ProjectTimeline(Project Project, IReadOnlyList<StageChange> Changes);

/// <summary>What the results computation needs to know of one activity.</summary>
internal sealed record ActivityFact(long Id, long? ProjectId, string TeamId, DateOnly Date);

/// <summary>The raw events behind the results of a period.</summary>
internal sealed record ResultsInput(IReadOnlyList<ProjectTimeline> Timelines, IReadOnlyList<ActivityFact> Activities);

internal interface IProjectStore
{
    /// <summary>
    /// Creates a project for an existing company with its first history entry (<paramref name="initial"/>,
    /// whose From is null) in one transaction; the project starts at version 1 in initial.To.
    /// A company has at most one open project (any stage but 终止): when it has one, nothing is written and the
    /// result names it; of two creations for the same company at the same time exactly one succeeds.
    /// </summary>
    Task<ProjectCreateResult> CreateProjectAsync(long companyId, ProjectFields fields, StageChange initial, CancellationToken cancellationToken);

    /// <summary>A project with its stage history (oldest first), activities (newest first) and blockers (open first, then newest); null when unknown.</summary>
    Task<ProjectFile?> GetProjectFileAsync(long projectId, CancellationToken cancellationToken);

    /// <summary>Projects matching every given filter, one page, with the total count.</summary>
    Task<Paged<Project>> ListProjectsAsync(ProjectQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the editable fields when the project is still at <paramref name="expectedVersion"/>,
    /// and increments the version; otherwise writes nothing and reports the conflict.
    /// </summary>
    Task<ProjectWriteResult> UpdateProjectAsync(long projectId, long expectedVersion, ProjectFields fields, string by, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically appends <paramref name="change"/> to the history and moves the project to change.To
    /// (stage date = change.Date, version + 1), only when the project is still at <paramref name="expectedVersion"/>.
    /// Of two changes expecting the same version, exactly one applies; the other gets
    /// <see cref="ProjectWriteStatus.Conflict"/> and nothing of it is written. The caller has checked the transition rules.
    /// </summary>
    Task<ProjectWriteResult> ApplyStageChangeAsync(long projectId, long expectedVersion, StageChange change, CancellationToken cancellationToken);

    /// <summary>Records an activity; returns it as stored, or null when its company or project does not exist.</summary>
    Task<Activity?> AddActivityAsync(NewActivity activity, CancellationToken cancellationToken);

    /// <summary>Activities matching every given filter, newest date first, one page.</summary>
    Task<Paged<Activity>> ListActivitiesAsync(ActivityQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The current next steps due on or before <paramref name="dueBy"/>, earliest due first, at most <paramref name="limit"/>:
    /// activities with a next step and a due date that no later activity (later date, or same date and higher id)
    /// of the same project supersedes; an activity without a project is superseded by any later activity with its company.
    /// <paramref name="teamId"/> filters on the team that logged the activity; null means every team.
    /// </summary>
    Task<IReadOnlyList<Activity>> ListNextStepsAsync(string? teamId, DateOnly dueBy, int limit, CancellationToken cancellationToken);

    /// <summary>Opens a blocker on a project; returns it as stored, or null when the project does not exist.</summary>
    Task<Blocker?> AddBlockerAsync(long projectId, NewBlocker blocker, CancellationToken cancellationToken);

    /// <summary>Closes an open blocker of a project; a blocker already closed is left as it was.</summary>
    Task<BlockerCloseResult> CloseBlockerAsync(long projectId, long blockerId, DateOnly closedOn, string by, string? note, CancellationToken cancellationToken);

    /// <summary>
    /// Every project with its stage changes dated on or before <paramref name="to"/> (oldest first; empty
    /// for a project created later), and the activities dated from <paramref name="from"/> to <paramref name="to"/> inclusive.
    /// </summary>
    Task<ResultsInput> GetResultsInputAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
