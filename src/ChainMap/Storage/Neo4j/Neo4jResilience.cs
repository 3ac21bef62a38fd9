using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// The named pipelines of the Neo4j path. <see cref="PipelineName"/> runs every transaction, outermost first: total
/// timeout → retry → circuit breaker → attempt timeout. <see cref="OpeningPipelineName"/> runs the unit that opens an
/// import session's transaction (docs/adr/0080): total timeout → retry → the same circuit breaker, and no attempt
/// timeout (cutting an attempt short would leave its transaction open on the server, holding the company lock). The one
/// circuit breaker (<see cref="Neo4jCircuit.Breaker"/>) sits in both, so failures on either path open it for both. These
/// are the only retries on the Neo4j path (the HttpClient has no resilience handler of its own), and they retry whole
/// transactions, so a retried write either committed once or not at all.
/// Their timeouts, retry delays and break duration run on the system clock, never on the service's
/// <see cref="TimeProvider"/>: they time a server's replies, and a replaced clock (tests, a fixed business date) that does
/// not move would hold them, and the pipelines' disposal, which waits on that clock for calls still in flight, for ever.
/// </summary>
internal static class Neo4jResilience
{
    public const string PipelineName = "ChainMap.Neo4j";

    public const string OpeningPipelineName = "ChainMap.Neo4j.ImportOpening";

    /// <summary>Failures a retry may cure: the server unreachable or slow, or Neo4j saying so, or a write conflict.</summary>
    public static bool IsRetryable(Exception exception) => exception switch
    {
        Neo4jConflictException => true,
        _ => IsServerFailure(exception),
    };

    /// <summary>Failures that say the server is in trouble; they count towards opening the circuit.</summary>
    public static bool IsServerFailure(Exception exception) => exception switch
    {
        HttpRequestException => true,
        TimeoutRejectedException => true,
        Neo4jException neo4j => neo4j.IsTransient,
        _ => false,
    };

    public static IServiceCollection AddNeo4jResilience(this IServiceCollection services)
    {
        services.AddSingleton<Neo4jCircuit>();
        services.AddResiliencePipeline(PipelineName, (builder, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<Neo4jResilienceOptions>>().Value;
            builder.TimeProvider = TimeProvider.System;
            builder.AddTimeout(options.TotalTimeout);
            AddRetry(builder, options, onRetry: null);
            builder
                .AddPipeline(context.ServiceProvider.GetRequiredService<Neo4jCircuit>().Breaker)
                .AddTimeout(options.AttemptTimeout);
        });
        services.AddResiliencePipeline(OpeningPipelineName, (builder, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<Neo4jResilienceOptions>>().Value;
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Neo4jResilience).FullName!);
            builder.TimeProvider = TimeProvider.System;
            builder.AddTimeout(options.TotalTimeout);
            AddRetry(builder, options, args =>
            {
                logger.LogWarning("Opening an import transaction failed ({Message}); trying again", args.Outcome.Exception?.Message);
                return ValueTask.CompletedTask;
            });
            builder.AddPipeline(context.ServiceProvider.GetRequiredService<Neo4jCircuit>().Breaker);
        });
        return services;
    }

    private static void AddRetry(ResiliencePipelineBuilder builder, Neo4jResilienceOptions options, Func<OnRetryArguments<object>, ValueTask>? onRetry)
    {
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && IsRetryable(ex)),
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = onRetry,
            });
        }
    }
}

/// <summary>
/// The one circuit breaker of the Neo4j path, shared by its named pipelines, with its state and the failure that
/// opened it for the health endpoint.
/// </summary>
internal sealed class Neo4jCircuit
{
    public Neo4jCircuit(IOptions<Neo4jResilienceOptions> resilience)
    {
        var options = resilience.Value;
        Breaker = new ResiliencePipelineBuilder { TimeProvider = TimeProvider.System }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && Neo4jResilience.IsServerFailure(ex)),
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
                StateProvider = State,
                OnOpened = args =>
                {
                    LastFailure = args.Outcome.Exception?.Message;
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>The circuit breaker alone, added into every Neo4j pipeline.</summary>
    public ResiliencePipeline Breaker { get; }

    public CircuitBreakerStateProvider State { get; } = new();

    public string? LastFailure { get; set; }

    public bool IsOpen => State.CircuitState is CircuitState.Open or CircuitState.Isolated;
}
