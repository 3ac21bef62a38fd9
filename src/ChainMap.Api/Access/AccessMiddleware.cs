using ChainMap.Access;
using ChainMap.Storage;

namespace ChainMap.Api.Access;

/// <summary>Security headers on every response, and an audit entry for every change request.</summary>
internal static class AccessMiddleware
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase)
                ? "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'"
                : "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            return Task.CompletedTask;
        });
        await next(context);
    });

    /// <summary>
    /// Records who changed what and when (method, path, status) for authenticated callers. Bodies are never
    /// recorded: they may hold keys. Unauthenticated requests are not recorded (they changed nothing and
    /// anyone can send them, so they would let anyone grow the store), and what is stored is cut to
    /// <see cref="AuditEntry.MaxPathLength"/> and <see cref="AuditEntry.MaxMethodLength"/> (ADR 0115).
    /// </summary>
    public static IApplicationBuilder UseAuditLog(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method)
            || !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var store = context.RequestServices.GetRequiredService<IAccessStore>();
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        try
        {
            await store.AppendAuditAsync(AuditEntry.Create(
                time.GetUtcNow(), context.User.UserId(), context.User.UserName(),
                context.Request.Method, context.Request.Path.Value ?? "", context.Response.StatusCode), CancellationToken.None);
        }
        catch (StoreUnavailableException)
        {
            // The change itself failed the same way; nothing was changed to audit.
        }
    });
}
