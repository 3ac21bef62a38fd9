using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChainMap.Storage.Neo4j;

/// <summary>JSON on the wire to and from Neo4j: parameters out, plain values and errors back.</summary>
internal static class Neo4jJson
{
    /// <summary>
    /// Parameters are plain JSON. Doubles always carry a decimal point so that Neo4j stores 1.0 as a
    /// float, not as the integer 1.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new FloatConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static ByteArrayContent Content(object body, string mediaType = "application/json")
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, Options));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        return content;
    }

    /// <summary>Reads a response body as JSON; a body that is not JSON becomes an error naming the HTTP status.</summary>
    public static async Task<JsonElement> ReadBodyAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        try
        {
            if (bytes.Length > 0)
            {
                return JsonSerializer.Deserialize<JsonElement>(bytes);
            }
        }
        catch (JsonException)
        {
            // Not JSON: a proxy's error page, or not a Neo4j server at all; reported below.
        }

        var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 200)).ReplaceLineEndings(" ").Trim();
        var code = $"HTTP {(int)response.StatusCode}";
        throw response.StatusCode switch
        {
            HttpStatusCode.NotFound => new Neo4jException(code, $"{what} was not found at {response.RequestMessage?.RequestUri}; check Neo4j:Uri and Neo4j:Api", response.StatusCode),
            _ when response.IsSuccessStatusCode => new Neo4jException(code, $"{what} answered without a JSON body: '{text}'", response.StatusCode),
            _ => new Neo4jException(code, $"{what} answered {(int)response.StatusCode} {response.ReasonPhrase}: '{text}'", response.StatusCode),
        };
    }

    /// <summary>Throws the first of the body's <c>errors</c>, if any: Neo4j reports errors in the body whatever the HTTP status.</summary>
    public static void ThrowIfErrors(JsonElement body, HttpStatusCode status) => ThrowIfErrors(body, status, null);

    /// <summary>
    /// As <see cref="ThrowIfErrors(JsonElement, HttpStatusCode)"/>, for a request of several <paramref name="statements"/> on the
    /// transactional API, sent with <c>includeStats</c>: the server runs them in order and stops at the first that fails; the
    /// results before it carry their stats, and the failed one, when it had started, has none (<see cref="Neo4jException.Statement"/>,
    /// ADR 0445).
    /// </summary>
    public static void ThrowIfErrors(JsonElement body, HttpStatusCode status, IReadOnlyList<CypherStatement>? statements)
    {
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("errors", out var errors)
            && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            var first = errors[0];
            var code = first.TryGetProperty("code", out var c) ? c.GetString() ?? "Neo.Unknown" : "Neo.Unknown";
            var message = first.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty;
            var completed = statements is { Count: > 1 } && body.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array
                ? results.EnumerateArray().TakeWhile(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("stats", out _)).Count()
                : -1;
            var failed = completed >= 0 && completed < statements!.Count
                ? new FailedStatement(completed, statements.Count, statements[completed].Text)
                : null;
            throw new Neo4jException(code, message, status, failed);
        }
    }

    /// <summary>
    /// Turns a typed value of the Query API (<c>{"$type": "Integer", "_value": "123"}</c>) into plain
    /// JSON: integers and floats become numbers, nodes and relationships their property maps, paths
    /// lists, temporal, spatial and binary values strings.
    /// </summary>
    public static JsonElement Untype(JsonElement typed)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WritePlain(writer, typed);
        }

        return JsonSerializer.Deserialize<JsonElement>(buffer.WrittenSpan);
    }

    /// <summary>The <c>values</c> of a Query API answer (rows of typed values) as rows of plain values, in one pass.</summary>
    public static List<JsonElement[]> UntypeRows(JsonElement values)
    {
        if (values.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var row in values.EnumerateArray())
            {
                writer.WriteStartArray();
                foreach (var cell in row.EnumerateArray())
                {
                    WritePlain(writer, cell);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        var plain = JsonSerializer.Deserialize<JsonElement>(buffer.WrittenSpan);
        return plain.EnumerateArray().Select(row => row.EnumerateArray().ToArray()).ToList();
    }

    /// <summary>
    /// A value of the transactional API's <c>rest</c> format (Neo4j 3.x) as the <c>row</c> format gives it: a node or
    /// relationship (an object with <c>self</c>, <c>metadata</c> with its <c>id</c>, and <c>data</c>), wherever it is inside the value, becomes its
    /// properties (<c>data</c>). A value with none (every statement ChainMap runs returns properties) is returned as is.
    /// </summary>
    public static JsonElement Unrest(JsonElement value)
    {
        if (!HasRestEntity(value))
        {
            return value;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteUnrested(writer, value);
        }

        return JsonSerializer.Deserialize<JsonElement>(buffer.WrittenSpan);
    }

    private static bool IsRestEntity(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object
        && value.TryGetProperty("self", out var self) && self.ValueKind == JsonValueKind.String
        && value.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
        && metadata.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number
        && value.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object;

    private static bool HasRestEntity(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().Any(HasRestEntity),
        JsonValueKind.Object => IsRestEntity(value) || value.EnumerateObject().Any(p => HasRestEntity(p.Value)),
        _ => false,
    };

    private static void WriteUnrested(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    WriteUnrested(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in (IsRestEntity(value) ? value.GetProperty("data") : value).EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    WriteUnrested(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    private static void WritePlain(Utf8JsonWriter writer, JsonElement typed)
    {
        if (typed.ValueKind != JsonValueKind.Object || !typed.TryGetProperty("$type", out var typeElement))
        {
            // Not a typed value (plain JSON answer): copy as is.
            typed.WriteTo(writer);
            return;
        }

        var value = typed.TryGetProperty("_value", out var v) ? v : default;
        switch (typeElement.GetString())
        {
            case "Null":
                writer.WriteNullValue();
                break;
            case "Integer" when value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer):
                writer.WriteNumberValue(integer);
                break;
            case "Float" when value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case "List" or "Path" when value.ValueKind == JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    WritePlain(writer, item);
                }

                writer.WriteEndArray();
                break;
            case "Map" when value.ValueKind == JsonValueKind.Object:
                WriteMap(writer, value);
                break;
            case "Node" or "Relationship" when value.ValueKind == JsonValueKind.Object:
                if (value.TryGetProperty("_properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
                {
                    WriteMap(writer, properties);
                }
                else
                {
                    writer.WriteStartObject();
                    writer.WriteEndObject();
                }

                break;
            default:
                // Boolean, String, dates, times, durations, points, Base64, NaN/Infinity floats: their _value as is.
                if (value.ValueKind == JsonValueKind.Undefined)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    value.WriteTo(writer);
                }

                break;
        }
    }

    private static void WriteMap(Utf8JsonWriter writer, JsonElement map)
    {
        writer.WriteStartObject();
        foreach (var property in map.EnumerateObject())
        {
            writer.WritePropertyName(property.Name);
            WritePlain(writer, property.Value);
        }

        writer.WriteEndObject();
    }

    private sealed class FloatConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"{value} cannot be sent to Neo4j as a JSON number", nameof(value));
            }

            var text = value.ToString("R", CultureInfo.InvariantCulture);
            writer.WriteRawValue(text.AsSpan().IndexOfAny('.', 'E', 'e') >= 0 ? text : text + ".0", skipInputValidation: true);
        }
    }
}

/// <summary>Reading plain values out of result rows and map values.</summary>
internal static class Neo4jValues
{
    public static bool IsNull(this JsonElement value) => value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    public static string? AsString(this JsonElement value) => value.IsNull() ? null : value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();

    public static string AsRequiredString(this JsonElement value) => value.AsString() ?? throw new InvalidDataException("Neo4j returned null where a string was expected");

    public static long AsInt64(this JsonElement value) => value.ValueKind == JsonValueKind.String
        ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture)
        : value.GetInt64();

    public static long? AsNullableInt64(this JsonElement value) => value.IsNull() ? null : value.AsInt64();

    public static double AsDouble(this JsonElement value) => value.ValueKind == JsonValueKind.String
        ? double.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
        : value.GetDouble();

    public static double? AsNullableDouble(this JsonElement value) => value.IsNull() ? null : value.AsDouble();

    public static bool AsBoolean(this JsonElement value) => value.ValueKind == JsonValueKind.True;

    public static IReadOnlyList<string> AsStringList(this JsonElement value) => value.ValueKind == JsonValueKind.Array
        ? value.EnumerateArray().Where(v => !v.IsNull()).Select(v => v.AsRequiredString()).ToList()
        : [];

    /// <summary>A property of a map value; missing and null are both null.</summary>
    public static JsonElement Get(this JsonElement map, string name) =>
        map.ValueKind == JsonValueKind.Object && map.TryGetProperty(name, out var value) ? value : default;
}
