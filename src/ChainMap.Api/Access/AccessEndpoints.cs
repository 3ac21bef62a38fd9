using System.Security.Claims;
using ChainMap.Access;
using ChainMap.Regions;
using ChainMap.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMap.Api.Access;

internal sealed record MeResponse(string Id, string Name, string Role, string? Team);

internal sealed record UserResponse(string Id, string Name, string Role, string? Team, DateTimeOffset CreatedAt);

internal sealed record CreateUserRequest(string Name, string Role, string? Team = null);

/// <summary>The new user and its first key; the key is shown only in this response.</summary>
internal sealed record CreatedUserResponse(UserResponse User, KeyResponse Key, string Token);

internal sealed record KeyResponse(string Id, string UserId, string Label, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

internal sealed record CreateKeyRequest(string UserId, string? Label = null);

internal sealed record CreatedKeyResponse(KeyResponse Key, string Token);

internal sealed record AuditResponse(long Id, DateTimeOffset At, string? UserId, string? UserName, string Method, string Path, int Status);

internal static class AccessEndpoints
{
    public static IEndpointRouteBuilder MapAccess(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", GetMe).WithTags("Access").WithName("GetMe").WithSummary("The signed-in user");
        var admin = app.MapGroup("/api").WithTags("Access").RequireAuthorization(Policies.Admin);
        admin.MapGet("/users", ListUsers).WithName("ListUsers").WithSummary("All users (admin)");
        admin.MapPost("/users", CreateUser).WithName("CreateUser").WithSummary("Create a user and its first API key (admin)");
        admin.MapGet("/keys", ListKeys).WithName("ListKeys").WithSummary("All API keys, without secrets (admin)");
        admin.MapPost("/keys", CreateKey).WithName("CreateKey").WithSummary("Create an API key for a user (admin)");
        admin.MapDelete("/keys/{id}", RevokeKey).WithName("RevokeKey").WithSummary("Revoke an API key (admin)");
        admin.MapGet("/audit", ListAudit).WithName("ListAudit").WithSummary("The audit log of changes, newest first (admin)");
        return app;
    }

    internal static Ok<MeResponse> GetMe(ClaimsPrincipal user) =>
        TypedResults.Ok(new MeResponse(user.UserId() ?? "", user.UserName(), user.FindFirstValue(ClaimTypes.Role) ?? "", user.TeamId()));

    internal static async Task<Ok<IReadOnlyList<UserResponse>>> ListUsers(IAccessStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<UserResponse>>((await store.ListUsersAsync(cancellationToken)).Select(ToResponse).ToList());

    internal static async Task<Results<Created<CreatedUserResponse>, ValidationProblem>> CreateUser(
        CreateUserRequest request, AccessService access, RegionDirectory regions, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors["name"] = [$"name is required, at most {AccessLimits.MaxNameLength} characters"];
        }
        else if (AccessLimits.TooLong("name", request.Name.Trim(), AccessLimits.MaxNameLength) is { } longName)
        {
            errors["name"] = [longName];
        }

        var role = Role.Viewer;
        if (AccessLimits.TooLong("role", request.Role, AccessLimits.MaxRoleLength) is { } longRole)
        {
            errors["role"] = [longRole];
        }
        else if (!Roles.TryParse(request.Role, out role))
        {
            errors["role"] = [$"'{request.Role}' is not a role; use admin, analyst, team-member, planner or viewer"];
        }

        var home = await regions.GetHomeAsync(cancellationToken);
        if (AccessLimits.TooLong("team", request.Team, AccessLimits.MaxIdLength) is { } longTeam)
        {
            errors["team"] = [longTeam];
        }
        else if (role == Role.TeamMember && (request.Team is null || home.Teams.All(t => t.Id != request.Team)))
        {
            errors["team"] = [$"a team member needs a team; '{request.Team}' is not one of {string.Join(", ", home.Teams.Select(t => t.Id))}"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The user is invalid");
        }

        var (user, key) = await access.CreateUserAsync(request.Name.Trim(), role, role == Role.TeamMember ? request.Team : null, cancellationToken);
        return TypedResults.Created($"/api/users/{user.Id}", new CreatedUserResponse(ToResponse(user), ToResponse(key.Record), key.Token));
    }

    internal static async Task<Ok<IReadOnlyList<KeyResponse>>> ListKeys(IAccessStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<KeyResponse>>((await store.ListApiKeysAsync(cancellationToken)).Select(ToResponse).ToList());

    internal static async Task<Results<Created<CreatedKeyResponse>, ValidationProblem, ProblemHttpResult>> CreateKey(
        CreateKeyRequest request, AccessService access, IAccessStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (AccessLimits.TooLong("userId", request.UserId, AccessLimits.MaxIdLength) is { } longId)
        {
            errors["userId"] = [longId];
        }

        if (AccessLimits.TooLong("label", request.Label?.Trim(), AccessLimits.MaxLabelLength) is { } longLabel)
        {
            errors["label"] = [longLabel];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The key is invalid");
        }

        if (await store.GetUserAsync(request.UserId ?? "", cancellationToken) is null)
        {
            return Problems.NotFound($"No user has the id '{request.UserId}'.", "User not found");
        }

        var key = await access.IssueKeyAsync(request.UserId!, string.IsNullOrWhiteSpace(request.Label) ? "key" : request.Label.Trim(), cancellationToken);
        return TypedResults.Created($"/api/keys/{key.Record.Id}", new CreatedKeyResponse(ToResponse(key.Record), key.Token));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeKey(string id, AccessService access, CancellationToken cancellationToken)
    {
        if (AccessLimits.TooLong("id", id, AccessLimits.MaxIdLength) is { } longId)
        {
            return Problems.BadRequest(longId + ".", "Invalid key id");
        }

        return await access.RevokeAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound($"No active API key has the id '{id}'.", "Key not found");
    }

    internal static async Task<Results<Ok<IReadOnlyList<AuditResponse>>, ProblemHttpResult>> ListAudit(
        IAccessStore store, CancellationToken cancellationToken, DateTimeOffset? from = null, DateTimeOffset? to = null, string? user = null, int limit = 200)
    {
        if (limit is < 1 or > 5000)
        {
            return Problems.BadRequest($"limit must be between 1 and 5000, got {limit}.", "Invalid limit");
        }

        if (AccessLimits.TooLong("user", user, AccessLimits.MaxIdLength) is { } longUser)
        {
            return Problems.BadRequest(longUser + ".", "Invalid user");
        }

        var entries = await store.ListAuditAsync(new AuditQuery(from, to, user, limit), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AuditResponse>>(entries.Select(e => new AuditResponse(e.Id, e.At, e.UserId, e.UserName, e.Method, e.Path, e.Status)).ToList());
    }

    private static UserResponse ToResponse(User u) => new(u.Id, u.Name, u.Role.ToWire(), u.TeamId, u.CreatedAt);

    private static KeyResponse ToResponse(ApiKeyRecord k) => new(k.Id, k.UserId, k.Label, k.CreatedAt, k.RevokedAt);
}
