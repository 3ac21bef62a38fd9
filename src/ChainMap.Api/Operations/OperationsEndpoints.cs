using System.Globalization;
using ChainMap.Api.Access;
using ChainMap.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChainMap.Api.Operations;

/// <summary>
/// A backup that was written: <see cref="File"/> is its name relative to the data directory
/// (<c>backups/chainmap-….db</c>); the server's own paths are not shown to callers.
/// </summary>
internal sealed record BackupResponse(string File, long Bytes, long Companies, DateTimeOffset At);

internal sealed record IntegrityResponse(bool Ok, IReadOnlyList<string> Problems);

internal static class OperationsEndpoints
{
    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Operations").RequireAuthorization(Policies.Admin);
        group.MapPost("/backup", Backup).WithName("BackupStore").WithSummary("Write a consistent copy of the embedded store while the service runs (admin)");
        group.MapGet("/integrity", CheckIntegrity).WithName("CheckStoreIntegrity").WithSummary("Run the embedded store's integrity check (admin)");
        return app;
    }

    internal static async Task<Results<Ok<BackupResponse>, ProblemHttpResult>> Backup(
        IStoreMaintenance maintenance, IOptions<StorageOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(options.Value.DataDirectory, "backups");
        var file = Path.Combine(folder, $"chainmap-{time.GetUtcNow().ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture)}.db");
        try
        {
            var result = await maintenance.BackupAsync(file, cancellationToken);
            return TypedResults.Ok(new BackupResponse(
                Path.GetRelativePath(options.Value.DataDirectory, result.Path).Replace('\\', '/'), result.Bytes, result.Companies, result.At));
        }
        catch (NotSupportedException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status501NotImplemented, title: "Backup not available on this store");
        }
    }

    internal static async Task<Results<Ok<IntegrityResponse>, ProblemHttpResult>> CheckIntegrity(IStoreMaintenance maintenance, CancellationToken cancellationToken)
    {
        try
        {
            var problems = await maintenance.CheckIntegrityAsync(cancellationToken);
            return TypedResults.Ok(new IntegrityResponse(problems.Count == 0, problems));
        }
        catch (NotSupportedException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status501NotImplemented, title: "Integrity check not available on this store");
        }
    }
}
