using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMap.Api;

/// <summary>
/// The one page/pageSize check of every paged endpoint: page is 1 or more, pageSize between 1 and the
/// endpoint's maximum, and page × pageSize within the endpoint's depth (the ranking's 10,000 for target
/// lists; otherwise what an offset can hold). A value that is not a whole number never gets here: the
/// binder's failure becomes the same validation problem (see <see cref="ApiSetup"/>). Limits: docs/README.
/// </summary>
internal static class Paging
{
    public const int TargetsMaxPageSize = 100;
    public const int CompaniesMaxPageSize = 200;
    public const int ChannelsMaxPageSize = 200;
    public const int ProjectsMaxPageSize = 500;
    public const int ActivitiesMaxPageSize = 500;
    public const int ImportProblemsMaxPageSize = 1000;

    /// <summary>What is wrong with <paramref name="page"/> and <paramref name="pageSize"/>, keyed by parameter name; empty when nothing.</summary>
    public static Dictionary<string, string[]> Errors(int page, int pageSize, int maxPageSize, long maxDepth = int.MaxValue)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (page < 1)
        {
            errors["page"] = [$"page must be 1 or more, got {page}."];
        }

        if (pageSize < 1 || pageSize > maxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {maxPageSize}, got {pageSize}."];
        }

        if (errors.Count == 0 && (long)page * pageSize > maxDepth)
        {
            errors["page"] = [$"page × pageSize may reach at most {maxDepth} items deep, got {(long)page * pageSize}; narrow the filters instead."];
        }

        return errors;
    }

    /// <summary>Adds the paging errors to <paramref name="errors"/> (endpoints that collect every bad parameter).</summary>
    public static void AddErrors(IDictionary<string, string[]> errors, int page, int pageSize, int maxPageSize, long maxDepth = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (key, value) in Errors(page, pageSize, maxPageSize, maxDepth))
        {
            errors[key] = value;
        }
    }

    /// <summary>The validation problem for bad paging, or null when the page is fine.</summary>
    public static ProblemHttpResult? Check(int page, int pageSize, int maxPageSize, long maxDepth = int.MaxValue)
    {
        var errors = Errors(page, pageSize, maxPageSize, maxDepth);
        return errors.Count == 0 ? null : Problems.Invalid(errors, title: errors.Count == 1 && errors.ContainsKey("pageSize") ? "Invalid page size" : "Invalid page");
    }
}
