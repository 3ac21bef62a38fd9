using System.Globalization;
using ChainMap.Domain;
using CsvHelper;
using CsvHelper.Configuration;

namespace ChainMap.Seeding;

/// <summary>How present the home region is in one segment, as the demo generator should show it.</summary>
internal enum HomePresence
{
    /// <summary>No home company at all: the map shows 空白.</summary>
    Absent,

    /// <summary>A few home companies, not a strength.</summary>
    Present,

    /// <summary>Many home companies: the map shows 优势.</summary>
    Strong,
}

/// <summary>
/// The home city's known strengths and gaps per segment (<c>data/demo/home-profile.csv</c>:
/// <c>segment,presence,note</c>, <c>#</c> lines are comments), which the demo generator follows so that
/// the first map a local official sees is believable. A plausible public profile, not statistics.
/// </summary>
internal sealed class HomeProfile
{
    public const string FileName = "home-profile.csv";

    private readonly Dictionary<string, HomePresence> presence;

    public HomeProfile(IReadOnlyDictionary<string, HomePresence> presence) =>
        this.presence = new Dictionary<string, HomePresence>(presence, StringComparer.Ordinal);

    /// <summary>The segments the profile names, by code.</summary>
    public IReadOnlyDictionary<string, HomePresence> Segments => presence;

    public HomePresence? For(string segmentCode) => presence.TryGetValue(segmentCode, out var value) ? value : null;

    public static async Task<HomeProfile> ReadFileAsync(string path, IReadOnlyList<ChainDefinition> chains, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        return await ReadAsync(reader, Path.GetFileName(path), chains, cancellationToken);
    }

    /// <summary>
    /// Reads and checks a profile: every segment must be a segment of <paramref name="chains"/>, named once,
    /// with presence <c>strong</c>, <c>present</c> or <c>absent</c>; a segment under an absent parent must be
    /// absent too (a parent's figures include its sub-segments). Errors name the line.
    /// </summary>
    public static async Task<HomeProfile> ReadAsync(TextReader reader, string source, IReadOnlyList<ChainDefinition> chains, CancellationToken cancellationToken)
    {
        var segments = chains.SelectMany(c => c.Segments).ToDictionary(s => s.Code, StringComparer.Ordinal);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { AllowComments = true, Comment = '#', TrimOptions = TrimOptions.Trim };
        using var csv = new CsvReader(reader, config);
        if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is not { } header
            || !header.Contains("segment", StringComparer.Ordinal) || !header.Contains("presence", StringComparer.Ordinal))
        {
            throw new InvalidDataException($"{source}: the header must have the columns segment,presence,note");
        }

        var presence = new Dictionary<string, HomePresence>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await csv.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = csv.Parser.RawRow;
            var code = csv.GetField("segment") ?? string.Empty;
            var value = csv.GetField("presence") ?? string.Empty;
            if (!segments.ContainsKey(code))
            {
                throw new InvalidDataException($"{source} line {line}: segment '{code}' is not a segment of data/chains/segments.csv");
            }

            if (lines.TryGetValue(code, out var first))
            {
                throw new InvalidDataException($"{source} line {line}: segment {code} is already named on line {first}");
            }

            presence[code] = value switch
            {
                "strong" => HomePresence.Strong,
                "present" => HomePresence.Present,
                "absent" => HomePresence.Absent,
                _ => throw new InvalidDataException($"{source} line {line}: segment {code} has presence '{value}'; expected strong, present or absent"),
            };
            lines[code] = line;
        }

        foreach (var (code, value) in presence)
        {
            if (value != HomePresence.Absent && segments[code].ParentCode is { } parent && presence.GetValueOrDefault(parent, HomePresence.Present) == HomePresence.Absent)
            {
                throw new InvalidDataException($"{source} line {lines[code]}: segment {code} cannot be {value.ToString().ToLowerInvariant()} under the absent segment {parent} (a parent counts its sub-segments' companies)");
            }
        }

        foreach (var segment in segments.Values.Where(s => s.ParentCode is { } parent && presence.GetValueOrDefault(parent, HomePresence.Present) == HomePresence.Absent && !presence.ContainsKey(s.Code)))
        {
            throw new InvalidDataException($"{source}: segment {segment.Code} is not named but its parent {segment.ParentCode} is absent; name it absent too");
        }

        return new HomeProfile(presence);
    }
}
