using ChainMap.Discovery;
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

    /// <summary>
    /// A bad query parameter: a validation problem (400) whose <c>errors</c> are keyed by the parameter's
    /// name, plus <c>field</c> naming it (as the exports always did).
    /// </summary>
    public static ProblemHttpResult Invalid(string parameter, string detail, string title) =>
        Invalid(new Dictionary<string, string[]> { [parameter] = [detail] }, detail, title);

    /// <summary>Several bad parameters at once, each keyed by its name.</summary>
    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors, string? detail = null, string title = "Invalid parameters")
    {
        ArgumentNullException.ThrowIfNull(errors);
        var problem = new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = title,
            Detail = detail ?? string.Join(" ", errors.SelectMany(e => e.Value.Select(m => m.StartsWith(e.Key, StringComparison.Ordinal) ? m : $"{e.Key}: {m}"))),
        };
        if (errors.Count == 1)
        {
            problem.Extensions["field"] = errors.Keys.Single();
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>A refused target filter, the same on every route that takes target filters.</summary>
    public static ProblemHttpResult For(TargetFilterError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Kind == TargetFilterErrorKind.Invalid)
        {
            return Invalid(error.Parameter, error.Message, error.Title);
        }

        return TypedResults.Problem(
            error.Message, statusCode: StatusCodes.Status404NotFound, title: error.Title,
            extensions: new Dictionary<string, object?> { ["field"] = error.Parameter });
    }
}
