using System.Net;
using System.Text;
using System.Text.Json;

namespace ChainMap.Tests.Storage.Neo4j;

/// <summary>One request as the server saw it.</summary>
internal sealed record RecordedRequest(HttpMethod Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonElement Json => JsonSerializer.Deserialize<JsonElement>(Body);

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}

/// <summary>
/// An in-process HTTP server: records every request and answers it with the next recorded
/// (documented) response, or with what <see cref="Respond"/> computes.
/// </summary>
internal sealed class ReplayHandler : HttpMessageHandler
{
    private readonly Queue<Func<RecordedRequest, HttpResponseMessage>> answers = new();

    public List<RecordedRequest> Requests { get; } = [];

    /// <summary>Answers requests once the queue is empty; by default every such request fails the test.</summary>
    public Func<RecordedRequest, HttpResponseMessage> Respond { get; set; } = request => throw new AssertionException($"unexpected request {request.Method} {request.Path}");

    public ReplayHandler Then(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        answers.Enqueue(_ => Response(status, json, headers));
        return this;
    }

    public ReplayHandler Then(Func<RecordedRequest, HttpResponseMessage> answer)
    {
        answers.Enqueue(answer);
        return this;
    }

    public static HttpResponseMessage Response(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(", ", h.Value));
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!.AbsolutePath, headers, body);
        Requests.Add(recorded);
        var answer = answers.Count > 0 ? answers.Dequeue()(recorded) : Respond(recorded);
        answer.RequestMessage = request;
        return answer;
    }
}
