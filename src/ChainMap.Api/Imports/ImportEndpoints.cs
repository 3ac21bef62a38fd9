using System.Security.Claims;
using ChainMap.Api.Access;
using ChainMap.Import;
using ChainMap.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChainMap.Api.Imports;

internal static class ImportEndpoints
{
    private const int MaxPreviewColumns = 500;
    private const int MaxPreviewHeaderLength = 200;
    private const int MaxPreviewRows = 25;
    private const int MaxPreviewCellLength = 10_000;

    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/imports").WithTags("Imports");
        group.MapPost("/companies", ImportCompanies).WithName("ImportCompanies").RequireAuthorization(Access.Policies.Import)
            .WithSummary("Upload a company list (CSV in UTF-8, GBK or UTF-16 with its BOM as Excel's Unicode text, or .xlsx / .xls) as multipart field 'file'; options dryRun, allOrNothing, overwriteAnalyst (replace values analysts set by hand; by default they are kept and counted), mapping (JSON). Returns the queued job")
            .Accepts<IFormFile>("multipart/form-data");
        group.MapPost("/companies/columns", CompanyColumns).WithName("CompanyImportColumns")
            .WithSummary("How a company file's header would be read, before uploading it: for each column the field it fills (name, uscc, industry …), "
                + "whenEmpty when it only fills the rows where an earlier column of the same field is empty, or null when it is ignored. Body: header (the column names) and an optional mapping (the same JSON text as the upload's)");
        group.MapPost("/relations", ImportRelations).WithName("ImportRelations").RequireAuthorization(Access.Policies.Import)
            .WithSummary("Upload company relations (supplier → customer, investor → investee) as multipart field 'file'. Returns the queued job")
            .Accepts<IFormFile>("multipart/form-data");
        group.MapPost("/chains", ImportChains).WithName("ImportChains").RequireAuthorization(Access.Policies.Import)
            .WithSummary("Upload chain definitions: a .zip holding chains.csv, segments.csv, flows.csv, or those three files as parts. Returns the queued job")
            .Accepts<IFormFile>("multipart/form-data");
        group.MapGet("/", ListImports).WithName("ListImports").WithSummary("Recent import jobs, newest first");
        group.MapGet("/{id}", GetImport).WithName("GetImport").WithSummary("An import job: state, progress and row counts");
        group.MapPost("/{id}/cancel", CancelImport).WithName("CancelImport").RequireAuthorization(Access.Policies.Import)
            .WithSummary("Stops a queued or running import job (its submitter or an admin): it ends cancelled and rolls back what it had not committed. 202 with the job; 409 when it has already finished");
        group.MapGet("/{id}/errors", GetImportErrors).WithName("GetImportErrors")
            .WithSummary("The row-level problem report (file, line, column, value, reason): CSV by default, JSON with Accept: application/json or ?format=json (paged with page and pageSize, at most 1000; the job's problems count is the total)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces<IReadOnlyList<ImportProblemResponse>>(StatusCodes.Status200OK, "application/json");
        return app;
    }

    internal static Task<Results<Accepted<ImportJobResponse>, ValidationProblem, ProblemHttpResult>> ImportCompanies(
        HttpRequest request, ImportJobs jobs, IOptions<ImportServiceOptions> options, CancellationToken cancellationToken) =>
        EnqueueSingleFileAsync(ImportKinds.Companies, request, jobs, options.Value, cancellationToken);

    internal static Results<Ok<CompanyColumnsResponse>, ValidationProblem> CompanyColumns(CompanyColumnsRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var header = request.Header ?? [];
        var nextRow = request.NextRow;
        var headerRow = 0;
        if (request.Rows is { } rows && request.Header is null)
        {
            // The file's first rows: the header is found among them as the import finds it.
            if (rows.Count > MaxPreviewRows || rows.Any(row => row is null || row.Count > MaxPreviewColumns || row.Any(cell => cell is null || cell.Length > MaxPreviewCellLength)))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["rows"] = [$"the file's first rows: at most {MaxPreviewRows} rows of at most {MaxPreviewColumns} cells of at most {MaxPreviewCellLength} characters, none null"],
                }, title: "Invalid header or mapping");
            }

            if (rows.Count > 0)
            {
                (headerRow, _) = ChainMap.Import.CompanyColumns.LocateHeader(rows, mapped: !string.IsNullOrWhiteSpace(request.Mapping));
                header = rows[headerRow];
                nextRow = rows.Skip(headerRow + 1).FirstOrDefault(row => row.Any(cell => cell.Trim().Length > 0));
            }
        }

        if (header.Count == 0)
        {
            errors["header"] = ["give the file's column names: header is empty"];
        }
        else if (header.Count > MaxPreviewColumns)
        {
            errors["header"] = [$"{header.Count} columns: at most {MaxPreviewColumns}"];
        }
        else
        {
            for (var at = 0; at < header.Count && errors.Count == 0; at++)
            {
                if (header[at] is null)
                {
                    errors[$"header[{at}]"] = ["a column name is null: give an empty string for a column without a name"];
                }
                else if (header[at].Length > MaxPreviewHeaderLength && request.Rows is null)
                {
                    errors[$"header[{at}]"] = [$"a column name of {header[at].Length} characters: at most {MaxPreviewHeaderLength}"];
                }
            }
        }

        IReadOnlyDictionary<string, string>? mapping = null;
        if (errors.Count == 0 && !string.IsNullOrWhiteSpace(request.Mapping))
        {
            mapping = CompanyColumnMap.ParseMapping(request.Mapping, out var mappingError);
            if (mappingError is not null)
            {
                errors["mapping"] = [mappingError];
            }
        }

        if (errors.Count == 0 && request.NextRow is { } given && request.Rows is null && (given.Count > MaxPreviewColumns || given.Any(cell => cell is null || cell.Length > MaxPreviewHeaderLength)))
        {
            errors["nextRow"] = [$"the row under the header: at most {MaxPreviewColumns} cells of at most {MaxPreviewHeaderLength} characters, none null"];
        }

        // As the import does (CompanyImporter): without a mapping, a second header row joins the header.
        var secondHeaderRow = errors.Count == 0 && mapping is null && nextRow is not null && ChainMap.Import.CompanyColumns.IsSecondHeaderRow(header, nextRow);
        if (secondHeaderRow)
        {
            header = ChainMap.Import.CompanyColumns.MergeHeaderRows(header, nextRow!);
        }

        CompanyColumnMap? map = null;
        if (errors.Count == 0)
        {
            map = CompanyColumnMap.Build(header, mapping, out var buildError);
            if (buildError is not null)
            {
                errors["mapping"] = [buildError];
            }
        }

        if (errors.Count > 0 || map is null)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid header or mapping");
        }

        return TypedResults.Ok(new CompanyColumnsResponse(map.Columns, map.Has(ChainMap.Import.CompanyColumns.Name), secondHeaderRow, headerRow));
    }

    internal static Task<Results<Accepted<ImportJobResponse>, ValidationProblem, ProblemHttpResult>> ImportRelations(
        HttpRequest request, ImportJobs jobs, IOptions<ImportServiceOptions> options, CancellationToken cancellationToken) =>
        EnqueueSingleFileAsync(ImportKinds.Relations, request, jobs, options.Value, cancellationToken);

    internal static async Task<Results<Accepted<ImportJobResponse>, ValidationProblem, ProblemHttpResult>> ImportChains(
        HttpRequest request, ImportJobs jobs, IOptions<ImportServiceOptions> options, CancellationToken cancellationToken)
    {
        var folder = jobs.CreateWorkFolder();
        var queued = false;
        try
        {
            var upload = await MultipartUpload.ReadAsync(request, Directory.CreateDirectory(Path.Combine(folder, "upload")).FullName, options.Value.MaxUploadBytes, options.Value.MaxUploadParts, cancellationToken);
            if (UploadProblem(upload) is { } problem)
            {
                return problem;
            }

            var (importOptions, errors) = ReadOptions(request, upload.Fields, allowMapping: false);
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors, title: "Invalid import options");
            }

            var definition = Directory.CreateDirectory(Path.Combine(folder, "chains")).FullName;
            string fileName;
            var zip = upload.Files.FirstOrDefault(f => f.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase));
            if (zip is not null)
            {
                if (await ChainImporter.ExtractZipAsync(zip.Path, zip.FileName, definition, options.Value.MaxUploadBytes, cancellationToken) is { } zipProblem)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [zipProblem.Reason] }, title: "Unreadable chain definition");
                }

                fileName = zip.FileName;
            }
            else
            {
                var named = upload.Files
                    .Select(f => (File: f, Name: ChainImporter.FileNames.FirstOrDefault(n => n.Equals(f.FileName, StringComparison.OrdinalIgnoreCase) || n.Equals(f.FieldName + ".csv", StringComparison.OrdinalIgnoreCase))))
                    .Where(x => x.Name is not null)
                    .ToList();
                if (named.Count == 0)
                {
                    return TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { ["file"] = ["upload a .zip holding chains.csv, segments.csv and flows.csv, or those files as parts named chains, segments and flows"] },
                        title: "No chain definition uploaded");
                }

                foreach (var (file, name) in named)
                {
                    File.Move(file.Path, Path.Combine(definition, name!), overwrite: true);
                }

                fileName = string.Join(", ", named.Select(n => n.Name));
            }

            var job = await jobs.EnqueueAsync(ImportKinds.Chains, fileName, folder, definition, importOptions, request.HttpContext.User.UserId(), cancellationToken);
            queued = true;
            return TypedResults.Accepted($"/api/imports/{job.Id}", job.ToResponse(null));
        }
        finally
        {
            if (!queued)
            {
                TryDelete(folder);
            }
        }
    }

    internal static async Task<Ok<IReadOnlyList<ImportJobResponse>>> ListImports(ImportJobs jobs, CancellationToken cancellationToken, int limit = 50)
    {
        var list = await jobs.ListAsync(Math.Clamp(limit, 1, 500), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ImportJobResponse>>(list.Select(j => j.Job.ToResponse(j.Progress)).ToList());
    }

    internal static async Task<Results<Ok<ImportJobResponse>, ProblemHttpResult>> GetImport(string id, ImportJobs jobs, CancellationToken cancellationToken)
    {
        var found = await jobs.GetAsync(id, cancellationToken);
        return found is { } job ? TypedResults.Ok(job.Job.ToResponse(job.Progress)) : ImportNotFound(id);
    }

    internal static async Task<Results<Accepted<ImportJobResponse>, ProblemHttpResult>> CancelImport(
        string id, ClaimsPrincipal user, ImportJobs jobs, CancellationToken cancellationToken)
    {
        if (await jobs.GetAsync(id, cancellationToken) is not { } found)
        {
            return ImportNotFound(id);
        }

        var by = $"{user.UserName()} ({user.UserId()})";
        switch (jobs.Cancel(id, user.UserId(), user.IsAdmin(), by))
        {
            case CancelOutcome.Forbidden:
                return TypedResults.Problem($"Only the user who uploaded import '{id}' or an admin may cancel it.", statusCode: StatusCodes.Status403Forbidden, title: "Not your import");
            case CancelOutcome.NotRunning:
                return TypedResults.Problem($"Import '{id}' has already ended ({found.Job.State.ToWire()}); there is nothing to cancel.", statusCode: StatusCodes.Status409Conflict, title: "Import already finished");
            default:
                var now = await jobs.GetAsync(id, cancellationToken);
                return TypedResults.Accepted($"/api/imports/{id}", (now ?? found).Job.ToResponse((now ?? found).Progress));
        }
    }

    internal static async Task<Results<PushStreamHttpResult, Ok<IAsyncEnumerable<ImportProblemResponse>>, ProblemHttpResult>> GetImportErrors(
        string id, HttpRequest request, ImportJobs jobs, ChainMap.Storage.IImportJobStore store, CancellationToken cancellationToken, string? format = null,
        int? page = null, int? pageSize = null)
    {
        if (await jobs.GetAsync(id, cancellationToken) is not { } job)
        {
            return ImportNotFound(id);
        }

        var json = string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)
            || (format is null && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)));
        if (!json && format is not null && !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Invalid("format", $"format must be csv or json, got '{format}'.", "Invalid format");
        }

        if (Paging.Check(page ?? 1, pageSize ?? DefaultProblemPageSize, MaxProblemPageSize) is { } pagingProblem)
        {
            return pagingProblem;
        }

        if (json)
        {
            // Paged when page or pageSize is given (the job's problems count is the total); else the whole report.
            var problems = store.ReadImportProblemsAsync(id, cancellationToken);
            if (page is not null || pageSize is not null)
            {
                var size = pageSize ?? DefaultProblemPageSize;
                problems = Slice(problems, ((long)(page ?? 1) - 1) * size, size);
            }

            return TypedResults.Ok(Select(problems));
        }

        var download = $"{Path.GetFileNameWithoutExtension(job.Job.FileName)}-{id}-errors.csv";
        return TypedResults.Stream(
            stream => ImportReportCsv.WriteAsync(store.ReadImportProblemsAsync(id, cancellationToken), stream, cancellationToken),
            "text/csv; charset=utf-8",
            download);
    }

    private static async Task<Results<Accepted<ImportJobResponse>, ValidationProblem, ProblemHttpResult>> EnqueueSingleFileAsync(
        string kind, HttpRequest request, ImportJobs jobs, ImportServiceOptions options, CancellationToken cancellationToken)
    {
        var folder = jobs.CreateWorkFolder();
        var queued = false;
        try
        {
            var upload = await MultipartUpload.ReadAsync(request, folder, options.MaxUploadBytes, options.MaxUploadParts, cancellationToken);
            if (UploadProblem(upload) is { } problem)
            {
                return problem;
            }

            var (importOptions, errors) = ReadOptions(request, upload.Fields, allowMapping: kind == ImportKinds.Companies);
            var mappingFile = upload.Files.FirstOrDefault(f => f.FieldName.Equals("mapping", StringComparison.OrdinalIgnoreCase));
            if (mappingFile is not null && kind == ImportKinds.Companies && errors.Count == 0)
            {
                var mapping = CompanyColumnMap.ParseMapping(await File.ReadAllTextAsync(mappingFile.Path, cancellationToken), out var error);
                if (error is not null)
                {
                    errors["mapping"] = [error];
                }

                importOptions = importOptions with { Mapping = mapping };
            }

            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors, title: "Invalid import options");
            }

            var files = upload.Files.Where(f => !f.FieldName.Equals("mapping", StringComparison.OrdinalIgnoreCase)).ToList();
            if (files.Count != 1)
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["file"] = [files.Count == 0 ? "no file was uploaded: send it in a multipart part named 'file'" : "upload one file per import"] },
                    title: "No file uploaded");
            }

            var job = await jobs.EnqueueAsync(kind, files[0].FileName, folder, files[0].Path, importOptions, request.HttpContext.User.UserId(), cancellationToken);
            queued = true;
            return TypedResults.Accepted($"/api/imports/{job.Id}", job.ToResponse(null));
        }
        finally
        {
            if (!queued)
            {
                TryDelete(folder);
            }
        }
    }

    private static ProblemHttpResult? UploadProblem(UploadResult upload) => upload.ErrorStatus is { } status
        ? TypedResults.Problem(upload.Error, statusCode: status, title: status switch
        {
            StatusCodes.Status413PayloadTooLarge => "Upload too large",
            StatusCodes.Status415UnsupportedMediaType => "Not a multipart upload",
            _ => "Invalid upload",
        })
        : null;

    /// <summary>Options from form fields, or from the query string when not in the form.</summary>
    private static (ImportOptions Options, Dictionary<string, string[]> Errors) ReadOptions(HttpRequest request, IReadOnlyDictionary<string, string> fields, bool allowMapping)
    {
        var errors = new Dictionary<string, string[]>();
        string? Value(string name) => fields.TryGetValue(name, out var v) ? v : request.Query.TryGetValue(name, out var q) ? q.ToString() : null;

        bool Flag(string name)
        {
            var text = Value(name)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return false;
            }

            switch (text.ToLowerInvariant())
            {
                case "true" or "1" or "yes" or "on":
                    return true;
                case "false" or "0" or "no" or "off":
                    return false;
                default:
                    errors[name] = [$"'{text}' is not true or false"];
                    return false;
            }
        }

        foreach (var name in fields.Keys.Where(k => !KnownFields.Contains(k)))
        {
            // Nothing sent is ignored silently: a misspelt option would otherwise just not apply.
            errors[name] = [$"unknown form field '{name}'; the options are {string.Join(", ", KnownFields)}"];
        }

        var options = new ImportOptions(Flag("dryRun"), Flag("allOrNothing")) { OverwriteAnalyst = Flag("overwriteAnalyst") };
        var mappingText = Value("mapping");
        if (!string.IsNullOrWhiteSpace(mappingText))
        {
            if (!allowMapping)
            {
                errors["mapping"] = ["a column mapping applies to company imports only"];
            }
            else
            {
                var mapping = CompanyColumnMap.ParseMapping(mappingText, out var error);
                if (error is not null)
                {
                    errors["mapping"] = [error];
                }

                options = options with { Mapping = mapping };
            }
        }

        return (options, errors);
    }

    private static readonly string[] KnownFields = ["dryRun", "allOrNothing", "overwriteAnalyst", "mapping"];

    private const int DefaultProblemPageSize = 100;
    private const int MaxProblemPageSize = Paging.ImportProblemsMaxPageSize;

    private static async IAsyncEnumerable<ImportProblem> Slice(IAsyncEnumerable<ImportProblem> problems, long skip, int take)
    {
        var index = 0L;
        await foreach (var problem in problems)
        {
            if (index++ < skip)
            {
                continue;
            }

            yield return problem;
            if (index - skip >= take)
            {
                yield break;
            }
        }
    }

    private static async IAsyncEnumerable<ImportProblemResponse> Select(IAsyncEnumerable<ImportProblem> problems)
    {
        await foreach (var problem in problems)
        {
            yield return problem.ToResponse();
        }
    }

    private static ProblemHttpResult ImportNotFound(string id) =>
        Problems.NotFound($"No import job has the id '{id}'. GET /api/imports lists recent ones.", "Import not found");

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner; nothing refers to it.
        }
    }
}
