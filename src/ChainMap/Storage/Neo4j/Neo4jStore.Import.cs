using ChainMap.Import;

namespace ChainMap.Storage.Neo4j;

/// <summary>Import on Neo4j: not yet available (docs/neo4j.md, "Not yet on Neo4j").</summary>
internal sealed partial class Neo4jStore
{
    public Task<ICompanyImportSession> BeginCompanyImportAsync(ImportStamp stamp, CancellationToken cancellationToken) => throw new NotSupportedException("Import is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<IReadOnlyList<FieldSource>> GetCompanyProvenanceAsync(long companyId, CancellationToken cancellationToken) => throw new NotSupportedException("Import is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<IReadOnlyList<IReadOnlyList<long>>> MatchCompaniesAsync(IReadOnlyList<CompanyReference> references, CancellationToken cancellationToken) => throw new NotSupportedException("Import is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task SaveImportJobAsync(ImportJob job, CancellationToken cancellationToken) => throw new NotSupportedException("Import is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<ImportJob?> GetImportJobAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException("Import is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<IReadOnlyList<ImportJob>> ListImportJobsAsync(int limit, CancellationToken cancellationToken) => throw new NotSupportedException("Import is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task<int> FailUnfinishedImportJobsAsync(string message, DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException("Import is not yet available on the Neo4j store (docs/neo4j.md)");

    public Task SaveImportProblemsAsync(string jobId, IReadOnlyList<ImportProblem> problems, CancellationToken cancellationToken) => throw new NotSupportedException("Import is not yet available on the Neo4j store (docs/neo4j.md)");

    public IAsyncEnumerable<ImportProblem> ReadImportProblemsAsync(string jobId, CancellationToken cancellationToken) => throw new NotSupportedException("Import is not yet available on the Neo4j store (docs/neo4j.md)");
}
