using System.CommandLine;
using System.Text;
using ChainMap.Import;
using ChainMap.Regions;
using ChainMap.Seeding;

namespace ChainMap.Cli.Commands;

/// <summary><c>chainmap generate-demo</c>: writes the deterministic synthetic company list.</summary>
internal static class GenerateDemoCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "Number of companies", DefaultValueFactory = _ => 6000 };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same file)", DefaultValueFactory = _ => 421300 };
        var output = new Option<FileInfo>("--out") { Description = "Output CSV file", Required = true };
        var data = new Option<DirectoryInfo?>("--data") { Description = "Data folder with regions.csv, chains/ and home.json (default: found above the working directory)" };
        var profile = new Option<FileInfo?>("--profile") { Description = "Home region's known strengths and gaps (default: DATA/demo/home-profile.csv when it exists; without one every segment is a random draw)" };
        var command = new Command("generate-demo", "Generate a deterministic synthetic company list (CSV, UTF-8)") { count, seed, output, data, profile };
        command.SetAction(async (result, cancellationToken) =>
        {
            var dataPath = DefaultData.Locate(result.GetValue(data)?.FullName)
                ?? throw new InvalidOperationException("No data folder found; pass --data.");
            // As the import reads it: zones, retired divisions and towns too.
            var regions = await DefaultData.ReadCatalogAsync(dataPath, cancellationToken);
            var home = await DefaultData.ReadHomeAsync(Path.Combine(dataPath, "home.json"), cancellationToken);
            var chains = await ChainCsv.ReadFolderAsync(Path.Combine(dataPath, "chains"), cancellationToken);
            var profileFile = result.GetValue(profile)?.FullName ?? Path.Combine(dataPath, "demo", HomeProfile.FileName);
            if (result.GetValue(profile) is { Exists: false } missing)
            {
                throw new FileNotFoundException($"No profile file {missing.FullName}", missing.FullName);
            }

            var homeProfile = File.Exists(profileFile) ? await HomeProfile.ReadFileAsync(profileFile, chains.Chains, cancellationToken) : null;
            var file = result.GetValue(output)!;
            file.Directory?.Create();
            await using var writer = new StreamWriter(file.FullName, false, new UTF8Encoding(false));
            await SyntheticCompanies.WriteCsvAsync(writer, result.GetValue(count), result.GetValue(seed), chains.Chains, regions, home.Code, homeProfile, cancellationToken);
            var followed = homeProfile is null ? "no home profile" : $"home profile {profileFile} ({homeProfile.Segments.Count} segments)";
            await Console.Out.WriteLineAsync($"Wrote {result.GetValue(count)} synthetic companies to {file.FullName} following {followed}");
            return 0;
        });
        return command;
    }
}
