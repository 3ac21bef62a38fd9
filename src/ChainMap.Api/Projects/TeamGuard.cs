using System.Security.Claims;
using ChainMap.Api.Access;
using ChainMap.Projects;
using ChainMap.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMap.Api.Projects;

/// <summary>
/// A team member changes only their own team's projects (admins change any). The check is made where a
/// handler loads the project it is about to change (<see cref="LoadToChangeAsync"/>), on the id the route
/// bound (<c>{id:long}</c>), so the check and the change can never read the id differently. It is made
/// again where a request names a team (create, move to another team, log an activity for a team).
/// </summary>
internal static class TeamGuard
{
    public static ProblemHttpResult? Check(ClaimsPrincipal user, string teamId) =>
        user.MayChangeTeam(teamId)
            ? null
            : TypedResults.Problem(
                $"This belongs to team '{teamId}'; {(user.TeamId() is { } own ? $"you may change only the projects of your own team '{own}'" : "your role does not change projects")}.",
                statusCode: StatusCodes.Status403Forbidden, title: "Not your team");

    /// <summary>
    /// Project <paramref name="id"/> with everything recorded against it when <paramref name="user"/> may change it;
    /// otherwise a 404 (no such project) or a 403 (another team's project). Field edits and stage changes made after
    /// this check are conditional on the version read here; blockers and activities only on the project existing (ADR 0101).
    /// </summary>
    public static async Task<(ProjectFile? File, ProblemHttpResult? Problem)> LoadToChangeAsync(
        long id, ClaimsPrincipal user, IProjectStore store, CancellationToken cancellationToken)
    {
        var file = await store.GetProjectFileAsync(id, cancellationToken);
        if (file is null)
        {
            return (null, ProjectService.ProjectNotFound(id).ToProblem());
        }

        return Check(user, file.Project.Fields.TeamId) is { } forbidden ? (null, forbidden) : (file, null);
    }
}
