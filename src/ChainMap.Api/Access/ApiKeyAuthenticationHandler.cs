using System.Security.Claims;
using System.Text.Encodings.Web;
using ChainMap.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ChainMap.Api.Access;

/// <summary>
/// Authenticates <c>Authorization: Bearer cmk_...</c> (or <c>X-Api-Key</c>). The key itself is never
/// logged: failures log only the key id.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccessService access)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = Request.Headers.Authorization.ToString() is { Length: > 7 } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header[7..].Trim()
            : Request.Headers["X-Api-Key"].ToString().Trim();
        if (token.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        (User User, ApiKeyRecord Key)? found;
        try
        {
            found = await access.VerifyAsync(token, Context.RequestAborted);
        }
        catch (ChainMap.Storage.StoreUnavailableException) when (Context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)
        {
            // An endpoint open to all (health) still answers when the store is down.
            return AuthenticateResult.NoResult();
        }

        if (found is not { } match)
        {
            Logger.LogInformation("Rejected API key {KeyId}", ApiKeys.TryParse(token, out var id, out _) ? ChainMap.Text.LogText.Escape(id) : "(malformed)");
            return AuthenticateResult.Fail("The API key is unknown, wrong or revoked.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, match.User.Id),
            new(ClaimTypes.Name, match.User.Name),
            new(ClaimTypes.Role, match.User.Role.ToWire()),
            new(Policies.KeyClaim, match.Key.Id),
        };
        if (match.User.TeamId is not null)
        {
            claims.Add(new Claim(Policies.TeamClaim, match.User.TeamId));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var outcome = await HandleAuthenticateOnceSafeAsync();
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Sign-in required",
            outcome.Failure is { } failure
                ? $"{failure.Message} Ask an admin for a new key."
                : "Send an API key as 'Authorization: Bearer cmk_...'. The first admin key is printed once when the service starts with an empty store.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Not allowed", "Your role does not allow this action.");

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
