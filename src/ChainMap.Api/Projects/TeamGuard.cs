using System.Globalization;
using System.Security.Claims;
using ChainMap.Api.Access;
using ChainMap.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMap.Api.Projects;

/// <summary>
/// A team member changes only their own team's projects (admins change any). Applied as an
/// endpoint filter on every project route that changes something, and checked again where a
/// request names a team (create, move to another team, log an activity for a team).
/// </summary>
internal static class TeamGuard
{
    public static ProblemHttpResult? Check(ClaimsPrincipal user, string teamId) =>
        user.MayChangeTeam(teamId)
            ? null
            : TypedResults.Problem(
                $"This belongs to team '{teamId}'; {(user.TeamId() is { } own ? $"you may change only the projects of your own team '{own}'" : "your role does not change projects")}.",
                statusCode: StatusCodes.Status403Forbidden, title: "Not your team");

    /// <summary>Refuses a change to project <c>{id}</c> when it belongs to another team; an unknown project falls through to the handler's 404.</summary>
    public static RouteHandlerBuilder RequireOwnTeam(this RouteHandlerBuilder builder) => builder.AddEndpointFilter(async (context, next) =>
    {
        var http = context.HttpContext;
        if (http.Request.RouteValues.TryGetValue("id", out var raw)
            && long.TryParse(Convert.ToString(raw, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            var store = http.RequestServices.GetRequiredService<IChainMapStore>();
            if (await store.GetProjectFileAsync(id, http.RequestAborted) is { } file && Check(http.User, file.Project.Fields.TeamId) is { } forbidden)
            {
                return forbidden;
            }
        }

        return await next(context);
    });
}
