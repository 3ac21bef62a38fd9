using System.Security.Claims;
using ChainMap.Access;
using Microsoft.AspNetCore.Authorization;

namespace ChainMap.Api.Access;

/// <summary>
/// Who may do what (docs/access.md). Every endpoint needs a signed-in user unless it says
/// AllowAnonymous; writes name one of these policies.
/// </summary>
internal static class Policies
{
    public const string Import = "import";
    public const string EditChains = "edit-chains";
    public const string Export = "export";
    public const string Projects = "projects";
    public const string Admin = "admin";

    /// <summary>Changing company data by hand: edit, merge, delete, review memberships, undo an import, remove the demo set (issue #16).</summary>
    public const string Curate = "curate";

    public const string TeamClaim = "chainmap:team";
    public const string KeyClaim = "chainmap:key";

    public static void Configure(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Import, p => p.RequireRole(Role.Admin.ToWire(), Role.Analyst.ToWire()));
        options.AddPolicy(EditChains, p => p.RequireRole(Role.Admin.ToWire(), Role.Analyst.ToWire()));
        options.AddPolicy(Export, p => p.RequireRole(Role.Admin.ToWire(), Role.Analyst.ToWire(), Role.Planner.ToWire(), Role.TeamMember.ToWire()));
        options.AddPolicy(Projects, p => p.RequireRole(Role.Admin.ToWire(), Role.TeamMember.ToWire()));
        options.AddPolicy(Admin, p => p.RequireRole(Role.Admin.ToWire()));
        options.AddPolicy(Curate, p => p.RequireRole(Role.Admin.ToWire(), Role.Analyst.ToWire()));
    }

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string UserName(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name) ?? "anonymous";

    public static string? TeamId(this ClaimsPrincipal user) => user.FindFirstValue(TeamClaim);

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Role.Admin.ToWire());

    /// <summary>True when the user may change a project of <paramref name="teamId"/>: admins always, team members only their own team.</summary>
    public static bool MayChangeTeam(this ClaimsPrincipal user, string? teamId) =>
        user.IsAdmin() || (user.IsInRole(Role.TeamMember.ToWire()) && teamId is not null && user.TeamId() == teamId);
}
