using System.Globalization;
using ChainMap.Chains;
using ChainMap.Domain;
using ChainMap.Projects;
using ChainMap.Regions;
using ChainMap.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMap.Api.Projects;

/// <summary>Parsing and resolving what project requests name, and turning <see cref="ProjectProblem"/>s into ProblemDetails.</summary>
internal static class ProjectInput
{
    public const int MaxNameLength = 200;

    public const int MaxTextLength = 4000;

    /// <summary>Null when <paramref name="text"/> is empty; otherwise the date, or an error for <paramref name="field"/>.</summary>
    public static DateOnly? Date(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = [$"'{text}' is not a date; write it as yyyy-MM-dd, e.g. 2026-03-01."];
        return null;
    }

    /// <summary>The longest code or name that names something to look up (chain, segment, team, unit, stage, kind, ...).</summary>
    public const int MaxLookupLength = 200;

    public static void Length(string? text, int max, string field, Dictionary<string, string[]> errors)
    {
        if (text is not null && text.Length > max)
        {
            errors[field] = [$"is {text.Length} characters long; at most {max} are allowed."];
        }
    }

    /// <summary>
    /// Caps what names something to look up, so that an overlong value is a 400 naming its field rather than a
    /// 404 or a parse error that repeats it. Call after parsing: this message replaces the parser's.
    /// </summary>
    public static void Lookups(Dictionary<string, string[]> errors, params (string Field, string? Text)[] fields)
    {
        foreach (var (field, text) in fields)
        {
            Length(text, MaxLookupLength, field, errors);
        }
    }

    public static ProjectStage? Stage(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (ProjectTerms.TryParseStage(text, out var stage))
        {
            return stage;
        }

        errors[field] = [$"'{text}' is not a stage; use one of {string.Join(", ", ProjectTerms.AllStages.Select(s => $"{s.ToWire()} ({s.ToChinese()})"))}."];
        return null;
    }

    public static ProjectChannel? Channel(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (ProjectTerms.TryParseChannel(text, out var channel))
        {
            return channel;
        }

        errors["channel"] = [$"'{text}' is not a channel; use one of {string.Join(", ", ProjectTerms.AllChannels.Select(c => $"{c.ToWire()} ({c.ToChinese()})"))}."];
        return null;
    }

    public static void Investment(decimal? value, Dictionary<string, string[]> errors)
    {
        if (value is { } amount && !WanYuan.InRange(amount))
        {
            errors["plannedInvestment"] = [$"is {amount.ToString(CultureInfo.InvariantCulture)}; planned investment must be {WanYuan.RangeText}."];
        }
    }

    /// <summary>The company named by id or USCC: a ProblemDetails when neither is given, the USCC is malformed or no such company exists.</summary>
    public static async Task<(ProjectCompany? Company, ProblemHttpResult? Problem)> CompanyAsync(
        long? companyId, string? uscc, ICompanyStore store, CancellationToken cancellationToken)
    {
        Company? company;
        string named;
        if (companyId is { } id)
        {
            named = id.ToString(CultureInfo.InvariantCulture);
            company = await store.GetCompanyAsync(id, cancellationToken);
        }
        else if (!string.IsNullOrWhiteSpace(uscc))
        {
            named = uscc.Trim();
            if (!Uscc.TryParse(uscc, out var parsed, out var error))
            {
                return (null, Invalid("uscc", $"'{uscc}' is not a valid USCC: {error}"));
            }

            company = await store.GetCompanyByUsccAsync(parsed.Value, cancellationToken);
        }
        else
        {
            return (null, Invalid("companyId", "name the company by companyId or uscc; a project is always about a company already in ChainMap."));
        }

        return company is null
            ? (null, ProjectService.CompanyNotFound(named).ToProblem())
            : (new ProjectCompany(company.Id, company.Name, company.Uscc), null);
    }

    public static async Task<(ChainDefinition? Chain, ProblemHttpResult? Problem)> ChainAsync(string? chain, ChainDirectory chains, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(chain))
        {
            return (null, Invalid("chain", "is required: the code or name of the chain the project belongs to (GET /api/chains)."));
        }

        var definition = await chains.GetDefinitionAsync(chain, cancellationToken);
        return definition is null ? (null, Problems.ChainNotFound(chain)) : (definition, null);
    }

    /// <summary>The segment of <paramref name="chain"/> named by code, name or alias; null text means none.</summary>
    public static (string? Code, ProblemHttpResult? Problem) Segment(string? text, ChainDefinition chain)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        var found = new SegmentMatcher([chain]).FindExact(text);
        return found is null
            ? (null, Problems.NotFound($"Chain {chain.Chain.Code} ({chain.Chain.Name}) has no segment with the code, name or alias '{text}'.", "Segment not found"))
            : (found.Code, null);
    }

    public static (ResidentTeam? Team, ProblemHttpResult? Problem) Team(string? text, HomeRegion home, string field = "team")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, Invalid(field, "is required: the id or name of the responsible resident team (GET /api/home lists them)."));
        }

        var team = ProjectService.FindTeam(home, text);
        return team is null
            ? (null, Problems.NotFound($"No resident team has the id or name '{text}'. Teams: {string.Join("、", home.Teams.Select(t => $"{t.Id} {t.Name}"))}.", "Team not found"))
            : (team, null);
    }

    public static (ReceivingUnit? Unit, ProblemHttpResult? Problem) Unit(string? text, HomeRegion home)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, Invalid("unit", "is required: the code or name of the receiving unit (曾都区, 随县, ...)."));
        }

        var unit = ProjectService.FindUnit(home, text);
        return unit is null
            ? (null, Problems.NotFound($"No receiving unit has the code or name '{text}'. Units: {string.Join("、", home.Units.Select(u => $"{u.Code} {u.Name}"))}.", "Unit not found"))
            : (unit, null);
    }

    public static async Task<ProjectNames> NamesAsync(IEnumerable<string> chainCodes, RegionDirectory regions, IChainStore store, CancellationToken cancellationToken)
    {
        var chains = new Dictionary<string, ChainDefinition>(StringComparer.Ordinal);
        foreach (var code in chainCodes.Distinct(StringComparer.Ordinal))
        {
            if (await store.GetChainAsync(code, cancellationToken) is { } definition)
            {
                chains[code] = definition;
            }
        }

        return new ProjectNames(await regions.GetHomeAsync(cancellationToken), chains);
    }

    public static ProblemHttpResult Invalid(string field, string message) =>
        TypedResults.Problem(
            $"{field} {message}",
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid request",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });

    public static ProblemHttpResult ToProblem(this ProjectProblem problem)
    {
        var extensions = new Dictionary<string, object?>();
        if (problem.Field is { } field)
        {
            extensions["field"] = field;
            if (problem.Kind == ProjectProblemKind.Invalid)
            {
                extensions["errors"] = new Dictionary<string, string[]> { [field] = [problem.Detail] };
            }
        }

        if (problem.Rule is { } rule)
        {
            extensions["rule"] = rule;
        }

        if (problem.From is { } from)
        {
            extensions["from"] = from.ToWire();
        }

        if (problem.To is { } to)
        {
            extensions["to"] = to.ToWire();
        }

        if (problem.CurrentVersion is { } version)
        {
            extensions["currentVersion"] = version;
        }

        if (problem.ExistingProjectId is { } existing)
        {
            extensions["existingProjectId"] = existing;
        }

        var status = problem.Kind switch
        {
            ProjectProblemKind.NotFound => StatusCodes.Status404NotFound,
            ProjectProblemKind.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return TypedResults.Problem(problem.Detail, statusCode: status, title: problem.Title, extensions: extensions);
    }
}
