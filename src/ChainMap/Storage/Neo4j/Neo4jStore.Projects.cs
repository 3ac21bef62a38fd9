using ChainMap.Projects;

namespace ChainMap.Storage.Neo4j;

/// <summary>Projects on Neo4j: not yet available (docs/neo4j.md, "Not yet on Neo4j").</summary>
internal sealed partial class Neo4jStore
{
    public Task<long?> CreateProjectAsync(long companyId, ProjectFields fields, StageChange initial, CancellationToken cancellationToken) => throw new NotSupportedException("Projects is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<ProjectFile?> GetProjectFileAsync(long projectId, CancellationToken cancellationToken) => throw new NotSupportedException("Projects is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<Paged<Project>> ListProjectsAsync(ProjectQuery query, CancellationToken cancellationToken) => throw new NotSupportedException("Projects is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<ProjectWriteResult> UpdateProjectAsync(long projectId, long expectedVersion, ProjectFields fields, string by, DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException("Projects is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<ProjectWriteResult> ApplyStageChangeAsync(long projectId, long expectedVersion, StageChange change, CancellationToken cancellationToken) => throw new NotSupportedException("Projects is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<Activity?> AddActivityAsync(NewActivity activity, CancellationToken cancellationToken) => throw new NotSupportedException("Projects is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<Paged<Activity>> ListActivitiesAsync(ActivityQuery query, CancellationToken cancellationToken) => throw new NotSupportedException("Projects is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<Blocker?> AddBlockerAsync(long projectId, NewBlocker blocker, CancellationToken cancellationToken) => throw new NotSupportedException("Projects is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<BlockerCloseResult> CloseBlockerAsync(long projectId, long blockerId, DateOnly closedOn, string by, string? note, CancellationToken cancellationToken) => throw new NotSupportedException("Projects is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<ResultsInput> GetResultsInputAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) => throw new NotSupportedException("Projects is not yet available on the Neo4j store (docs/neo4j.md)");
}
