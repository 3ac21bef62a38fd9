using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ChainMap.Storage.Neo4j;

/// <summary>
/// The named pipeline every Neo4j transaction runs in, outermost first: total timeout → retry →
/// circuit breaker → attempt timeout. It is the only retry on the Neo4j path (the HttpClient has no
/// resilience handler of its own), and it retries whole transactions, so a retried write either
/// committed once or not at all.
/// </summary>
internal static class Neo4jResilience
{
    public const string PipelineName = "ChainMap.Neo4j";

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
            var circuit = context.ServiceProvider.GetRequiredService<Neo4jCircuit>();
            builder.AddTimeout(options.TotalTimeout);
            if (options.MaxRetryAttempts > 0)
            {
                builder.AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && IsRetryable(ex)),
                    MaxRetryAttempts = options.MaxRetryAttempts,
                    Delay = options.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                });
            }

            builder
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions
                {
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && IsServerFailure(ex)),
                    FailureRatio = options.FailureRatio,
                    MinimumThroughput = options.MinimumThroughput,
                    SamplingDuration = options.SamplingDuration,
                    BreakDuration = options.BreakDuration,
                    StateProvider = circuit.State,
                    OnOpened = args =>
                    {
                        circuit.LastFailure = args.Outcome.Exception?.Message;
                        return ValueTask.CompletedTask;
                    },
                })
                .AddTimeout(options.AttemptTimeout);
        });
        return services;
    }
}

/// <summary>The circuit breaker's state and the failure that opened it, for the health endpoint.</summary>
internal sealed class Neo4jCircuit
{
    public CircuitBreakerStateProvider State { get; } = new();

    public string? LastFailure { get; set; }

    public bool IsOpen => State.CircuitState is CircuitState.Open or CircuitState.Isolated;
}
