namespace ChainMap.Projects;

/// <summary>What a user may edit on a project (everything but its company and its stage). Money in 万元.</summary>
internal sealed record ProjectFields(
    string Name,
    string ChainCode,
    string? SegmentCode,
    ProjectChannel Channel,
    string? ChannelDetail,
    string TeamId,
    string UnitCode,
    decimal? PlannedInvestment,
    bool IsKey,
    string? Notes);

/// <summary>The company a project is about, as stored when the project is read.</summary>
internal sealed record ProjectCompany(long Id, string Name, string? Uscc);

/// <summary>
/// A lead or project. <see cref="Version"/> grows by one on every write (fields or stage) and is
/// the token of optimistic concurrency. <see cref="StageDate"/> is the date of the last stage change.
/// <see cref="InvestmentProblem"/> says why a stored planned investment could not be read (malformed or
/// out of range, ADR 0100); the amount is then null and the next edit replaces it.
/// </summary>
internal sealed record Project(
    long Id,
    ProjectCompany Company,
    ProjectFields Fields,
    ProjectStage Stage,
    DateOnly StageDate,
    long Version,
    int OpenBlockers,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    string? InvestmentProblem = null);

/// <summary>
/// One change of stage. <see cref="From"/> is null for the first entry, made when the project was
/// created. <see cref="Date"/> is when it happened (as the user says); <see cref="RecordedAt"/> when it was written.
/// </summary>
internal sealed record StageChange(
    ProjectStage? From,
    ProjectStage To,
    DateOnly Date,
    string By,
    string? Note,
    string? Reason,
    DateTimeOffset RecordedAt);

/// <summary>
/// A visit, call, meeting or event, against a project or only a company. <see cref="PeopleMet"/> is the other
/// side, <see cref="OurPeople"/> ours (besides the recorder). <see cref="NextStep"/> is what is to happen next and
/// <see cref="NextStepDue"/> by when; a later activity on the same project (or company) supersedes it (ADR 0173).
/// </summary>
internal sealed record Activity(
    long Id,
    long? ProjectId,
    ProjectCompany Company,
    ActivityKind Kind,
    string? Title,
    DateOnly Date,
    IReadOnlyList<string> PeopleMet,
    string? Notes,
    string TeamId,
    string By,
    DateTimeOffset RecordedAt,
    IReadOnlyList<string>? OurPeople = null,
    string? NextStep = null,
    DateOnly? NextStepDue = null);

internal sealed record NewActivity(
    long? ProjectId,
    long CompanyId,
    ActivityKind Kind,
    string? Title,
    DateOnly Date,
    IReadOnlyList<string> PeopleMet,
    string? Notes,
    string TeamId,
    string By,
    DateTimeOffset RecordedAt,
    IReadOnlyList<string>? OurPeople = null,
    string? NextStep = null,
    DateOnly? NextStepDue = null);

/// <summary>A 要素保障 problem on a project, who is to solve it and by when (<see cref="DueOn"/>, optional).</summary>
internal sealed record Blocker(
    long Id,
    long ProjectId,
    BlockerKind Kind,
    string Description,
    string? Owner,
    BlockerStatus Status,
    DateOnly OpenedOn,
    string OpenedBy,
    DateOnly? ClosedOn,
    string? ClosedBy,
    string? ClosingNote,
    DateOnly? DueOn = null)
{
    /// <summary>Still open after its due date (the due day itself is not overdue).</summary>
    public bool IsOverdue(DateOnly today) => Status == BlockerStatus.Open && DueOn is { } due && due < today;
}

internal sealed record NewBlocker(BlockerKind Kind, string Description, string? Owner, DateOnly OpenedOn, string OpenedBy, DateOnly? DueOn = null);

/// <summary>A project with everything recorded against it, history in the order it happened.</summary>
internal sealed record ProjectFile(
    Project Project,
    IReadOnlyList<StageChange> History,
    IReadOnlyList<Activity> Activities,
    IReadOnlyList<Blocker> Blockers);
