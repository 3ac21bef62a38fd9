using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ChainMap.Cli.Commands;

/// <summary>
/// The HTTP requests the Neo4j store sends while a trace runs (<c>benchmark neo4j --trace</c>): when each started
/// (from the start of the trace), how long it took with its answer read, its statements (first line of each) and
/// the answer's size. Where a list's time goes, request by request (ADR 0355).
/// </summary>
internal sealed class Neo4jRequestTrace
{
    private readonly ConcurrentQueue<Call> calls = new();
    private readonly AsyncLocal<int> owner = new();
    private Stopwatch? clock;

    /// <summary>One request: its start and duration, the list whose flow sent it (<see cref="Own"/>), its statements' first lines, and the answer's bytes.</summary>
    public sealed record Call(TimeSpan Start, TimeSpan Duration, int Owner, IReadOnlyList<string> Statements, long Bytes);

    /// <summary>Starts recording every request (times from now on).</summary>
    public void Start()
    {
        calls.Clear();
        clock = Stopwatch.StartNew();
    }

    public TimeSpan Now => clock?.Elapsed ?? TimeSpan.Zero;

    /// <summary>Marks the requests of this async flow (and of the work it starts in the background) as <paramref name="list"/>'s.</summary>
    public void Own(int list) => owner.Value = list;

    /// <summary>The requests that ran (at least partly) between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public IReadOnlyList<Call> Between(TimeSpan from, TimeSpan to) =>
        [.. calls.Where(c => c.Start < to && c.Start + c.Duration > from).Select(c => c with { Start = c.Start - from }).OrderBy(c => c.Start)];

    public void Stop() => clock = null;

    /// <summary>The handler in the Neo4j HTTP client's pipeline (one per pipeline; they share the trace).</summary>
    public DelegatingHandler Handler() => new TraceHandler(this);

    /// <summary>Prints the calls of one traced list, and how many ran side by side with another.</summary>
    public static void Print(string title, TimeSpan total, int list, IReadOnlyList<Call> calls)
    {
        var others = calls.Where(c => c.Owner != list).ToList();
        calls = [.. calls.Where(c => c.Owner == list)];
        var overlapping = calls.Count(c => calls.Any(o => !ReferenceEquals(o, c) && o.Start < c.Start + c.Duration && c.Start < o.Start + o.Duration));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{title}: {total.TotalMilliseconds:0} ms, {calls.Count} HTTP requests ({calls.Sum(c => c.Statements.Count)} statements), {calls.Sum(c => c.Duration.TotalMilliseconds):0} ms in requests, {overlapping} of them beside another; {others.Count} requests of earlier lists' background work ran within it ({others.Sum(c => c.Duration.TotalMilliseconds):0} ms)"));
        Console.WriteLine("| # | start ms | ms | statements | answer bytes |");
        Console.WriteLine("| ---: | ---: | ---: | --- | ---: |");
        var i = 0;
        foreach (var call in calls.Concat(others))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {(call.Owner == list ? (++i).ToString(CultureInfo.InvariantCulture) : $"list {call.Owner}, background")} | {call.Start.TotalMilliseconds:0} | {call.Duration.TotalMilliseconds:0.0} | {string.Join(" ; ", call.Statements).Replace("|", "\\|", StringComparison.Ordinal)} | {call.Bytes:N0} |"));
        }
    }

    private static IReadOnlyList<string> FirstLines(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var statements = json.RootElement.TryGetProperty("statements", out var all) ? all.EnumerateArray().Select(s => s.GetProperty("statement").GetString() ?? string.Empty)
                : json.RootElement.TryGetProperty("statement", out var one) ? [one.GetString() ?? string.Empty]
                : [];
            return [.. statements.Select(s => s.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty)];
        }
        catch (JsonException)
        {
            return ["(not JSON)"];
        }
    }

    private sealed class TraceHandler(Neo4jRequestTrace trace) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (trace.clock is not { } clock)
            {
                return await base.SendAsync(request, cancellationToken);
            }

            var start = clock.Elapsed;
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            trace.calls.Enqueue(new Call(start, clock.Elapsed - start, trace.owner.Value, FirstLines(body), response.Content.Headers.ContentLength ?? 0));
            return response;
        }
    }
}
