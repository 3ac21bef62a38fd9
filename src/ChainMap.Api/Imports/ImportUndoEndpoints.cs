using System.Security.Claims;
using ChainMap.Api.Access;
using ChainMap.Import;
using ChainMap.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMap.Api.Imports;

internal static class ImportUndoEndpoints
{
    public static IEndpointRouteBuilder MapImportUndo(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/imports").WithTags("Imports")
            .MapPost("/{id}/undo", UndoImport).WithName("UndoImport").RequireAuthorization(Policies.Curate)
            .WithSummary("Undo a company import: remove the companies it created, restore the values and memberships it changed; 409 naming the later changes that depend on it, or when it has nothing to undo. The job then reads state \"undone\"");
        return app;
    }

    internal static async Task<Results<Ok<ImportJobResponse>, ProblemHttpResult>> UndoImport(
        string id, ClaimsPrincipal user, ImportUndoing undoing, CancellationToken cancellationToken)
    {
        var result = await undoing.UndoAsync(id, $"{user.UserName()} ({user.UserId()})", cancellationToken);
        return result.Status switch
        {
            UndoStatus.Undone => TypedResults.Ok(result.Job!.ToResponse(1)),
            UndoStatus.NotFound => Problems.NotFound($"No import job has the id '{id}'. GET /api/imports lists recent ones.", "Import not found"),
            UndoStatus.NothingToUndo => TypedResults.Problem(
                result.Reasons[0] + "; nothing was changed.", statusCode: StatusCodes.Status409Conflict, title: "Nothing to undo",
                extensions: new Dictionary<string, object?> { ["code"] = "nothing-to-undo", ["state"] = result.Job!.State.ToWire() }),
            _ => TypedResults.Problem(
                $"Import {id} cannot be undone: later changes depend on it: {string.Join("; ", result.Reasons)}. Nothing was changed.",
                statusCode: StatusCodes.Status409Conflict, title: "Later changes depend on this import",
                extensions: new Dictionary<string, object?> { ["code"] = "undo-blocked", ["dependents"] = result.Reasons }),
        };
    }
}
