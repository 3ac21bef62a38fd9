using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using ChainMap.Api.Access;
using ChainMap.Storage;
using ChainMap.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ChainMap.Api;

/// <summary>Cross-cutting HTTP set-up: ProblemDetails for every error, JSON options, OpenAPI and Swagger UI.</summary>
internal static partial class ApiSetup
{
    public static IServiceCollection AddChainMapApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddSingleton<Targets.TargetPageJson>();
        services.ConfigureHttpJsonOptions(options =>
        {
            // Chinese stays readable in responses instead of \uXXXX escapes.
            options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            options.SerializerOptions.MaxDepth = 32;
        });
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(Policies.Configure);
        services.AddHostedService<AccessBootstrap>();
        services.AddHostedService<Targets.AnswerWarmup>();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<AccessOptions>>((kestrel, access) =>
        {
            kestrel.Limits.MaxRequestBodySize = access.Value.MaxRequestBodyBytes;
            kestrel.AddServerHeader = false;
        });
        services.AddCors();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var access = context.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value;
                // /health has its own bucket, so that a flood of anonymous calls cannot make a monitor
                // see the service as down; it is still limited, per client address.
                var partition = context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
                    ? "health:" + context.Connection.RemoteIpAddress
                    : context.User.FindFirst(Policies.KeyClaim)?.Value ?? "ip:" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = access.Burst,
                    TokensPerPeriod = access.PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = "This credential sent too many requests; retry after a second." },
                });
            };
        });
        // Malformed bodies and parameters throw, so that the exception handler can say which field was wrong.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddOpenApi();
        services.AddEndpointsApiExplorer();
        return services;
    }

    /// <summary>
    /// A query or route value that does not bind (page=abc, minCapital=x) is the same validation problem as
    /// any other bad parameter: <c>errors</c> keyed by the parameter's name. The binder names it only in its message.
    /// </summary>
    internal static HttpValidationProblemDetails? BadParameter(Exception? error, int status, string detail)
    {
        if (error is not Microsoft.AspNetCore.Http.BadHttpRequestException || BindFailure().Match(detail) is not { Success: true } match)
        {
            return null;
        }

        var name = match.Groups["name"].Value;
        var message = match.Groups["value"].Success
            ? $"{name} must be {Describe(match.Groups["type"].Value)}, got '{match.Groups["value"].Value}'."
            : $"{name} is required.";
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [name] = [message] })
        {
            Status = status,
            Title = "Invalid parameter",
            Detail = message,
        };
        problem.Extensions["field"] = name;
        return problem;
    }

    private static string Describe(string type) => type.Replace("Nullable<", string.Empty, StringComparison.Ordinal).TrimEnd('>', '?') switch
    {
        "int" or "Int32" or "long" or "Int64" => "a whole number",
        "decimal" or "Decimal" or "double" or "Double" => "a number",
        "bool" or "Boolean" => "true or false",
        var other => "a valid " + other,
    };

    [System.Text.RegularExpressions.GeneratedRegex("""^(?:Failed to bind parameter "(?<type>[^"]+) (?<name>[^" ]+)" from "(?<value>[^"]*)"|Required parameter "(?<type>[^"]+) (?<name>[^" ]+)" was not provided)""")]
    private static partial System.Text.RegularExpressions.Regex BindFailure();

    /// <summary>The thread pool's minimum of worker threads unless <c>Threads:MinWorkers</c> says otherwise (ADR 0315).</summary>
    public const int MinWorkerThreads = 16;

    public static WebApplication UseChainMapApi(this WebApplication app)
    {
        // Requests and the discovery builds in the background (warm-up, answers rebuilt after a kept one, rankings
        // ahead, refreshes) each hold a pool thread for every SQLite read (Microsoft.Data.Sqlite has no asynchronous
        // I/O). With the pool's default minimum (one per core) a request that comes while two builds run waits in the
        // pool's queue until it adds a thread (ADR 0315: 0.7 s seen before the first map call's first middleware).
        var minimum = app.Configuration.GetValue("Threads:MinWorkers", MinWorkerThreads);
        ThreadPool.GetMinThreads(out var workers, out var completions);
        if (minimum > workers)
        {
            ThreadPool.SetMinThreads(minimum, completions);
        }

        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A request that cannot be bound (a malformed body or parameter) is the caller's mistake, answered 400
            // with what was wrong: it is not an error of the service, so no error-level entry with a stack trace.
            SuppressDiagnosticsCallback = handled => handled.Exception is Microsoft.AspNetCore.Http.BadHttpRequestException,
            ExceptionHandler = HandleExceptionAsync,
        });
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/openapi/v1.json", "ChainMap API v1");
            options.DocumentTitle = "ChainMap API";
        });
        app.UseWebPageRevalidation();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        var origins = app.Services.GetRequiredService<IOptions<AccessOptions>>().Value.AllowedOrigins;
        if (origins.Length > 0)
        {
            app.UseCors(cors => cors.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod());
        }

        // Authentication first (the limiter partitions by the verified credential; a failed one falls in the
        // client address's bucket), then the limiter, and only then the audit log: what the limiter refuses
        // never reaches the store. The audit log itself keeps only authenticated requests (ADR 0115).
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuditLog();
        app.UseAuthorization();

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                app.Logger.LogInformation("ChainMap is running: open {Address}/ (API docs at {Address}/swagger, health at {Address}/health)", address, address, address);
            }
        });
        return app;
    }

    /// <summary>
    /// What a user reads when a write waited for the store past its limit: an import that commits only at its end (a dry
    /// run, an all-or-nothing import) or a writer of another process held it. Other imports let a write in within a batch.
    /// </summary>
    internal const string StoreBusyDetail = "Nothing was changed: another writer held the store for longer than this change can wait (an import that commits only at its end, a dry run or an all-or-nothing import, or another program writing to the store). Try again when it has ended.";

    private static async Task HandleExceptionAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is Microsoft.AspNetCore.Http.BadHttpRequestException rejected)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ChainMap.Api.BadRequest")
                .LogDebug("Bad request {Method} {Path}: {Reason}", context.Request.Method, LogText.Escape(context.Request.Path.Value), LogText.Escape(rejected.Message));
        }

        var (status, title, detail) = error switch
        {
            StoreUnavailableException unavailable => (StatusCodes.Status503ServiceUnavailable, "Store unavailable", unavailable.Message),
            // SQLITE_BUSY / SQLITE_LOCKED past the wait: another writer held the store (ADR 0440), nothing was changed.
            Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 } => (StatusCodes.Status503ServiceUnavailable, "Store busy", StoreBusyDetail),
            Microsoft.AspNetCore.Http.BadHttpRequestException bad => (bad.StatusCode, "Bad request",
                bad.InnerException is System.Text.Json.JsonException json ? $"{bad.Message} {json.Message}" : bad.Message),
            OperationCanceledException => (499, "Request cancelled", "The request was cancelled."),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", "An unexpected error occurred; it has been logged."),
        };
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = BadParameter(error, status, detail) ?? new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail },
            Exception = error,
        });
    }
}
