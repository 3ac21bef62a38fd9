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
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger")
                ? "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'"
                : "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            return Task.CompletedTask;
        });
        await next(context);
    });

    /// <summary>Records who changed what and when (method, path, status). Bodies are never recorded: they may hold keys.</summary>
    public static IApplicationBuilder UseAuditLog(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method)
            || !context.Request.Path.StartsWithSegments("/api"))
        {
            return;
        }

        var store = context.RequestServices.GetRequiredService<IChainMapStore>();
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        try
        {
            await store.AppendAuditAsync(new AuditEntry(
                0, time.GetUtcNow(), context.User.UserId(), context.User.Identity?.IsAuthenticated == true ? context.User.UserName() : null,
                context.Request.Method, context.Request.Path.Value ?? "", context.Response.StatusCode), CancellationToken.None);
        }
        catch (StoreUnavailableException)
        {
            // The change itself failed the same way; nothing was changed to audit.
        }
    });
}
