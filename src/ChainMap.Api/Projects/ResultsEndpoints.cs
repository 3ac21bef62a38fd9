using System.Globalization;
using ChainMap.Projects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace ChainMap.Api.Projects;

internal sealed record StageFiguresResponse(string Stage, string StageName, int Projects, decimal PlannedInvestment, int CompletedStays, double? MedianDays);

internal sealed record ConversionResponse(string From, string FromName, string To, string ToName, int Reached, int Converted, double? Rate);

internal sealed record GroupResultsResponse(string Key, string Name, IReadOnlyList<StageFiguresResponse> Stages, IReadOnlyList<ConversionResponse> Conversions, int Activities);

internal sealed record ResultsResponse(string From, string To, string By, IReadOnlyList<GroupResultsResponse> Groups, GroupResultsResponse Total);

/// <summary>以实绩论英雄: what each team, receiving unit, chain or channel achieved in a period (rules in docs/projects.md).</summary>
internal static class ResultsEndpoints
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapResults(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/results").WithTags("Results");
        group.MapGet("/", GetResults).WithName("GetResults").WithSummary("Projects and investment reaching each stage, conversion, median days per stage and activities, per team, unit, chain or channel");
        group.MapGet("/export", ExportResults).RequireAuthorization(Access.Policies.Export).WithName("ExportResults").WithSummary("The results as a CSV or xlsx download");
        return app;
    }

    internal static async Task<Results<Ok<ResultsResponse>, ValidationProblem>> GetResults(
        ProjectResults results, ProjectService projects, CancellationToken cancellationToken, string? from = null, string? to = null, string? by = null)
    {
        if (!TryReadPeriod(from, to, by, projects, out var period, out var errors))
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid results query");
        }

        var report = await results.ComputeAsync(period.From, period.To, period.By, cancellationToken);
        return TypedResults.Ok(report.ToResponse());
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportResults(
        HttpContext http, ProjectResults results, ProjectService projects, CancellationToken cancellationToken,
        string? format = null, string? from = null, string? to = null, string? by = null)
    {
        var ok = TryReadPeriod(from, to, by, projects, out var period, out var errors);
        var kind = (format ?? "csv").Trim().ToLowerInvariant();
        if (kind is not ("csv" or "xlsx"))
        {
            errors["format"] = [$"'{format}' is not an export format; use csv or xlsx."];
            ok = false;
        }

        if (!ok)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid results export");
        }

        var report = await results.ComputeAsync(period.From, period.To, period.By, cancellationToken);

        // A results table is a few dozen rows: built in memory, then sent with its length.
        using var buffer = new MemoryStream();
        if (kind == "csv")
        {
            await ResultsExport.WriteCsvAsync(report, buffer, cancellationToken);
        }
        else
        {
            await ResultsExport.WriteXlsxAsync(report, buffer, cancellationToken);
        }

        var range = $"{period.From:yyyy-MM-dd}_{period.To:yyyy-MM-dd}";
        var disposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = $"results-{ProjectResults.ToWire(period.By)}-{range}.{kind}",
        };
        disposition.FileNameStar = $"招商实绩_按{DimensionName(period.By)}_{range}.{kind}";
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return TypedResults.File(buffer.ToArray(), kind == "csv" ? "text/csv; charset=utf-8" : XlsxType);
    }

    internal static string DimensionName(ResultsDimension by) => by switch
    {
        ResultsDimension.Team => "专班",
        ResultsDimension.Unit => "承接单位",
        ResultsDimension.Chain => "产业链",
        _ => "渠道",
    };

    private static bool TryReadPeriod(
        string? from, string? to, string? by, ProjectService projects, out (DateOnly From, DateOnly To, ResultsDimension By) period, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var today = projects.Today;
        var fromDate = ProjectInput.Date(from, "from", errors) ?? new DateOnly(today.Year, 1, 1);
        var toDate = ProjectInput.Date(to, "to", errors) ?? today;
        if (fromDate > toDate)
        {
            errors["from"] = [$"{fromDate:yyyy-MM-dd} is after to ({toDate:yyyy-MM-dd})."];
        }

        if (!ProjectResults.TryParseDimension(by, out var dimension))
        {
            errors["by"] = [$"'{by}' is not a grouping; use team, unit, chain or channel."];
        }

        period = (fromDate, toDate, dimension);
        return errors.Count == 0;
    }

    internal static ResultsResponse ToResponse(this ResultsReport report) => new(
        report.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        report.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ProjectResults.ToWire(report.By),
        report.Groups.Select(g => g.ToResponse()).ToList(),
        report.Total.ToResponse());

    private static GroupResultsResponse ToResponse(this GroupResults group) => new(
        group.Key,
        group.Name,
        group.Stages.Select(s => new StageFiguresResponse(s.Stage.ToWire(), s.Stage.ToChinese(), s.Projects, s.PlannedInvestment, s.CompletedStays, s.MedianDays)).ToList(),
        group.Conversions.Select(c => new ConversionResponse(c.From.ToWire(), c.From.ToChinese(), c.To.ToWire(), c.To.ToChinese(), c.Reached, c.Converted, c.Rate)).ToList(),
        group.Activities);
}
