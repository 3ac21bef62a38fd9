using System.Globalization;
using System.Text.Json;
using ChainMap.Api.Access;
using ChainMap.Curation;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Regions;
using ChainMap.Storage;
using ChainMap.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ChainMap.Api.Companies;

/// <summary>
/// Analysts edit a company's own fields and delete companies (issue 16, ADR 0185). Both expect the company's
/// version; every changed field's provenance becomes "analyst" with the user and the time.
/// </summary>
internal static class CompanyEditEndpoints
{
    /// <summary>The fields a PATCH may carry besides <c>version</c>, as the wire names them.</summary>
    internal static readonly string[] EditableFields =
        ["name", "region", "tags", "registeredCapital", "revenue", "employees", "products", "address", "founded", "listedCode"];

    private const int MaxNameLength = 200;
    private const int MaxTextLength = ImportLimits.MaxFieldLength;
    private const int MaxTags = 50;
    private static readonly char[] TagSeparators = [',', '，', ';', '；', '、', '|'];

    public static IEndpointRouteBuilder MapCompanyEdits(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/companies").WithTags("Companies");
        group.MapPatch("/{id}", EditCompany).WithName("EditCompany").RequireAuthorization(Policies.Curate)
            .WithSummary("Edit a company's fields (analysts, admins): body {version, and any of name, region (code or name), tags, registeredCapital, revenue, employees, products, address, founded, listedCode}; null clears an optional field. Answers the company detail; 409 with currentVersion when the version is stale");
        group.MapDelete("/{id}", DeleteCompany).WithName("DeleteCompany").RequireAuthorization(Policies.Curate)
            .WithSummary("Delete a company with its memberships, relations and channel links (analysts, admins): ?version= is required; 409 naming the projects that refer to it");
        return app;
    }

    internal static async Task<Results<Ok<CompanyDetailResponse>, ValidationProblem, ProblemHttpResult>> EditCompany(
        string id, [FromBody] Dictionary<string, JsonElement>? body, HttpContext http, ICompanyStore store, RegionDirectory regions,
        CompanyCuration curation, CancellationToken cancellationToken)
    {
        var catalog = await regions.GetCatalogAsync(cancellationToken);
        var (version, edit, errors) = Parse(body, catalog);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, title: "Invalid company edit");
        }

        var (company, problem) = await CompanyEndpoints.FindCompanyAsync(id, store, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (company is null)
        {
            return CompanyNotFound(id);
        }

        var analyst = new Analyst(http.User.UserId(), http.User.UserName());
        var result = await curation.EditAsync(company.Id, version, edit, analyst, cancellationToken);
        switch (result.Status)
        {
            case CompanyCurationStatus.NotFound:
                return CompanyNotFound(id);
            case CompanyCurationStatus.VersionConflict:
                return StaleVersion(company.Id, version, result.Version);
            case CompanyCurationStatus.IdentityCollision:
                var other = result.Other!;
                return TypedResults.Problem(
                    $"Company {other.Id.ToString(CultureInfo.InvariantCulture)} ({other.Name}, region {other.RegionCode}) already has this name in this region: an import would take the two for one company. Merge them instead, or choose another name or region; nothing was changed.",
                    statusCode: StatusCodes.Status409Conflict, title: "Another company has this identity",
                    extensions: new Dictionary<string, object?> { ["otherCompanyId"] = other.Id, ["field"] = result.ChangedFields.Contains("name") ? "name" : "region" });
        }

        var updated = await store.GetCompanyAsync(company.Id, cancellationToken);
        return updated is null ? CompanyNotFound(id) : TypedResults.Ok(await CompanyEndpoints.DetailAsync(updated, store, regions, cancellationToken));
    }

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteCompany(
        string id, string? version, ICompanyStore store, CompanyCuration curation, CancellationToken cancellationToken)
    {
        if (!long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var expected) || expected < 1)
        {
            return Problems.Invalid("version", $"version is required: the company's version as shown in its detail (a whole number from 1), not '{version}'.", "Invalid company version");
        }

        var (company, problem) = await CompanyEndpoints.FindCompanyAsync(id, store, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (company is null)
        {
            return CompanyNotFound(id);
        }

        var result = await curation.DeleteAsync(company.Id, expected, cancellationToken);
        switch (result.Status)
        {
            case CompanyCurationStatus.Done:
                return TypedResults.NoContent();
            case CompanyCurationStatus.NotFound:
                return CompanyNotFound(id);
            case CompanyCurationStatus.VersionConflict:
                return StaleVersion(company.Id, expected, result.Version);
        }

        var projects = result.Projects ?? [];
        var named = string.Join("; ", projects.Select(p => $"{p.ProjectId.ToString(CultureInfo.InvariantCulture)} {p.Name}"));
        var activities = result.Activities > 0 ? $"{result.Activities.ToString(CultureInfo.InvariantCulture)} activit{(result.Activities == 1 ? "y" : "ies")} without a project" : null;
        var blockers = string.Join(" and ", new[] { projects.Count > 0 ? $"project{(projects.Count == 1 ? "" : "s")} {named}" : null, activities }.Where(s => s is not null));
        return TypedResults.Problem(
            $"Company {company.Id.ToString(CultureInfo.InvariantCulture)} ({company.Name}) cannot be deleted while {blockers} refer{(projects.Count + result.Activities == 1 ? "s" : "")} to it; nothing was deleted.",
            statusCode: StatusCodes.Status409Conflict, title: "Company in use by projects",
            extensions: new Dictionary<string, object?>
            {
                ["projects"] = projects.Select(p => new { id = p.ProjectId, name = p.Name }).ToList(),
                ["activities"] = result.Activities,
            });
    }

    /// <summary>The version and the edit a body asks for, or the problems of each field by its wire name.</summary>
    internal static (long Version, CompanyEdit Edit, Dictionary<string, string[]> Errors) Parse(Dictionary<string, JsonElement>? body, RegionCatalog catalog)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var edit = new CompanyEdit();
        if (body is null)
        {
            errors["version"] = ["the body must be a JSON object with the company's version and the fields to change"];
            return (0, edit, errors);
        }

        foreach (var key in body.Keys.Where(k => k != "version" && !EditableFields.Contains(k)))
        {
            errors[key] = [$"'{key}' cannot be edited here; the fields are {string.Join(", ", EditableFields)}"];
        }

        long version = 0;
        if (!body.TryGetValue("version", out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out version) || version < 1)
        {
            errors["version"] = ["version is required: the company's version as shown in its detail (a whole number from 1)"];
        }

        if (!body.Keys.Any(k => EditableFields.Contains(k)))
        {
            errors["fields"] = [$"nothing to change: give at least one of {string.Join(", ", EditableFields)}"];
        }

        void Error(string field, string message) => errors[field] = [message];

        if (body.TryGetValue("name", out var name))
        {
            var text = name.ValueKind == JsonValueKind.String ? name.GetString()!.Trim() : null;
            if (string.IsNullOrEmpty(text) || text.Length > MaxNameLength || ChineseText.NormalizeCompanyName(text).Length == 0)
            {
                Error("name", $"name must be a company name of 1 to {MaxNameLength} characters");
            }
            else
            {
                edit = edit with { Name = text };
            }
        }

        if (body.TryGetValue("region", out var region))
        {
            var text = region.ValueKind == JsonValueKind.String ? region.GetString()!.Trim() : null;
            var match = catalog.Resolve(text);
            if (string.IsNullOrEmpty(text))
            {
                Error("region", "region must be a division's GB/T 2260 code or name (province, city or county, either script); it cannot be cleared");
            }
            else if (match.Region is { } found && !RegionCatalog.IsPlaceholder(found.Name))
            {
                var (province, city, county) = catalog.Place(found.Code);
                edit = edit with { Region = new EditedRegion(found.Code, province, city, county) };
            }
            else if (match.Group is not null)
            {
                Error("region", $"'{text}' is a region group, not a division; give a province, city or county");
            }
            else if (match.IsAmbiguous)
            {
                Error("region", $"'{text}' names several divisions: {string.Join("、", match.Candidates.Take(10).Select(c => $"{c.Code} {string.Concat(catalog.Lineage(c.Code).Select(r => r.Name))}"))}; use a code");
            }
            else
            {
                Error("region", $"no division has the code or name '{text}'");
            }
        }

        if (body.TryGetValue("tags", out var tags))
        {
            var list = tags.ValueKind switch
            {
                JsonValueKind.Null => [],
                JsonValueKind.String => tags.GetString()!.Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
                JsonValueKind.Array when tags.EnumerateArray().All(t => t.ValueKind == JsonValueKind.String) =>
                    tags.EnumerateArray().Select(t => t.GetString()!.Trim()).Where(t => t.Length > 0).ToList(),
                _ => null,
            };
            if (list is null)
            {
                Error("tags", "tags must be a list of texts (or one text separated by 、 , ;), or null for none");
            }
            else if (list.Count > MaxTags || list.Exists(t => t.Length > 50 || t.Contains('|', StringComparison.Ordinal)))
            {
                Error("tags", $"tags must be at most {MaxTags} texts of up to 50 characters each, without '|'");
            }
            else
            {
                edit = edit with { Tags = list.Select(ChineseText.ToSimplified).Distinct(StringComparer.Ordinal).ToList() };
            }
        }

        if (body.TryGetValue("registeredCapital", out var capital) && Amount("registeredCapital", capital, Error) is { } givenCapital)
        {
            edit = edit with { RegisteredCapital = givenCapital };
        }

        if (body.TryGetValue("revenue", out var revenue) && Amount("revenue", revenue, Error) is { } givenRevenue)
        {
            edit = edit with { Revenue = givenRevenue };
        }

        if (body.TryGetValue("employees", out var employees))
        {
            if (employees.ValueKind == JsonValueKind.Null)
            {
                edit = edit with { Employees = new Given<int?>(null) };
            }
            else if (employees.ValueKind == JsonValueKind.Number && employees.TryGetInt32(out var count) && count >= 0)
            {
                edit = edit with { Employees = new Given<int?>(count) };
            }
            else
            {
                Error("employees", $"employees must be a whole number from 0, or null; not {employees.GetRawText()}");
            }
        }

        if (body.TryGetValue("founded", out var founded))
        {
            if (founded.ValueKind == JsonValueKind.Null || (founded.ValueKind == JsonValueKind.String && founded.GetString()!.Trim().Length == 0))
            {
                edit = edit with { Founded = new Given<DateOnly?>(null) };
            }
            else if (founded.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(founded.GetString()!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && date.Year is >= 1800 and <= 2100)
            {
                edit = edit with { Founded = new Given<DateOnly?>(date) };
            }
            else
            {
                Error("founded", $"founded must be a date yyyy-MM-dd between 1800 and 2100, or null; not {founded.GetRawText()}");
            }
        }

        if (body.TryGetValue("products", out var products) && Text("products", products, MaxTextLength, Error) is { } givenProducts)
        {
            edit = edit with { Products = givenProducts };
        }

        if (body.TryGetValue("address", out var address) && Text("address", address, MaxTextLength, Error) is { } givenAddress)
        {
            edit = edit with { Address = givenAddress };
        }

        if (body.TryGetValue("listedCode", out var listed) && Text("listedCode", listed, 50, Error) is { } givenListed)
        {
            edit = edit with { ListedCode = givenListed };
        }

        return (version, edit, errors);
    }

    private static Given<decimal?>? Amount(string field, JsonElement value, Action<string, string> error)
    {
        if (value.ValueKind == JsonValueKind.Null || (value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length == 0))
        {
            return new Given<decimal?>(null);
        }

        var parsed = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var n) => n,
            JsonValueKind.String when decimal.TryParse(value.GetString()!.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var s) => s,
            _ => (decimal?)null,
        };
        if (parsed is { } amount && WanYuan.InRange(amount))
        {
            return new Given<decimal?>(amount);
        }

        error(field, $"{field} must be an amount in 万元 {WanYuan.RangeText}, or null; not {value.GetRawText()}");
        return null;
    }

    private static Given<string?>? Text(string field, JsonElement value, int maxLength, Action<string, string> error)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return new Given<string?>(null);
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is var text && text.Length <= maxLength)
        {
            return new Given<string?>(text.Length == 0 ? null : text);
        }

        error(field, $"{field} must be a text of at most {maxLength} characters, or null");
        return null;
    }

    internal static ProblemHttpResult StaleVersion(long id, long expected, long current, string? message = null) => TypedResults.Problem(
        message is null
            ? $"Company {id.ToString(CultureInfo.InvariantCulture)} is at version {current.ToString(CultureInfo.InvariantCulture)}, not {expected.ToString(CultureInfo.InvariantCulture)}: someone changed it since you read it. Reload it and make your change again; nothing was changed."
            : message + " Nothing was changed.",
        statusCode: StatusCodes.Status409Conflict, title: "Company changed meanwhile",
        extensions: new Dictionary<string, object?> { ["currentVersion"] = current, ["field"] = "version" });

    private static ProblemHttpResult CompanyNotFound(string id) => Problems.NotFound($"No company has the id or USCC '{id}'.", "Company not found");
}
