using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using ChainMap.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ChainMap.Api;

/// <summary>Cross-cutting HTTP set-up: ProblemDetails for every error, JSON options, OpenAPI and Swagger UI.</summary>
internal static class ApiSetup
{
    public static IServiceCollection AddChainMapApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options =>
        {
            // Chinese stays readable in responses instead of \uXXXX escapes.
            options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.AddOpenApi();
        services.AddEndpointsApiExplorer();
        return services;
    }

    public static WebApplication UseChainMapApi(this WebApplication app)
    {
        app.UseExceptionHandler(handler => handler.Run(async context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var (status, title, detail) = error switch
            {
                StoreUnavailableException unavailable => (StatusCodes.Status503ServiceUnavailable, "Store unavailable", unavailable.Message),
                BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
                OperationCanceledException => (499, "Request cancelled", "The request was cancelled."),
                _ => (StatusCodes.Status500InternalServerError, "Internal error", "An unexpected error occurred; it has been logged."),
            };
            context.Response.StatusCode = status;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = status, Title = title, Detail = detail },
                Exception = error,
            });
        }));
        app.UseStatusCodePages();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/openapi/v1.json", "ChainMap API v1");
            options.DocumentTitle = "ChainMap API";
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();

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
}
