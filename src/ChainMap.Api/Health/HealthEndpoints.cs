using ChainMap.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMap.Api.Health;

internal sealed record HealthResponse(string Status, string Store, string? Problem);

internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth).WithTags("Health").WithName("GetHealth").WithSummary("Whether the service and its store answer").AllowAnonymous();
        return app;
    }

    internal static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> GetHealth(IStoreLifecycle store, CancellationToken cancellationToken)
    {
        var problem = await store.CheckHealthAsync(cancellationToken);
        return problem is null
            ? TypedResults.Ok(new HealthResponse("healthy", store.Provider, null))
            : TypedResults.Json(new HealthResponse("unhealthy", store.Provider, problem), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
