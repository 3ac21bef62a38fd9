using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMap.Api;

/// <summary>The ProblemDetails (RFC 9457) that several features return.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string detail, string title) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: title);

    public static ProblemHttpResult ChainNotFound(string code) =>
        NotFound($"No chain has the code or name '{code}'. GET /api/chains lists them.", "Chain not found");

    public static ProblemHttpResult BadRequest(string detail, string title) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: title);
}
