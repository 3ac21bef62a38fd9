namespace ChainMap.Api;

/// <summary>Cache rules for the web page's files (wwwroot).</summary>
internal static class WebPageCaching
{
    /// <summary>
    /// Browsers must revalidate the page's files on each use (a cheap 304 thanks to the ETag): without a
    /// Cache-Control header they guess a freshness lifetime and could run an upgraded service with
    /// yesterday's modules.
    /// </summary>
    public static IApplicationBuilder UseWebPageRevalidation(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.OnStarting(() =>
            {
                if (!context.Response.Headers.ContainsKey("Cache-Control"))
                {
                    context.Response.Headers.CacheControl = "no-cache";
                }

                return Task.CompletedTask;
            });
        }

        await next(context);
    });
}
