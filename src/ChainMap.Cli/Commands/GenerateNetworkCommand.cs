using System.CommandLine;
using System.Text;
using ChainMap.Import;
using ChainMap.Regions;
using ChainMap.Seeding;

namespace ChainMap.Cli.Commands;

/// <summary><c>chainmap generate-network</c>: writes the deterministic demo channels, channel links and company relations.</summary>
internal static class GenerateNetworkCommand
{
    public static Command Create()
    {
        var companies = new Option<FileInfo?>("--companies") { Description = "Company list written by generate-demo (default: DATA/demo/companies.csv)" };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed and companies, same files)", DefaultValueFactory = _ => 421300 };
        var members = new Option<int>("--members") { Description = "Typical number of member companies per association", DefaultValueFactory = _ => 20 };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Output folder (default: DATA/demo)" };
        var data = new Option<DirectoryInfo?>("--data") { Description = "Data folder with regions.csv, chains/ and home.json (default: found above the working directory)" };
        var command = new Command("generate-network", "Generate the deterministic demo network: channels.csv, channel-links.csv, relations.csv") { companies, seed, members, output, data };
        command.SetAction(async (result, cancellationToken) =>
        {
            var dataPath = DefaultData.Locate(result.GetValue(data)?.FullName)
                ?? throw new InvalidOperationException("No data folder found; pass --data.");
            // As the import reads it: zones, retired divisions and towns too.
            var regions = await DefaultData.ReadCatalogAsync(dataPath, cancellationToken);
            var home = await DefaultData.ReadHomeAsync(Path.Combine(dataPath, "home.json"), cancellationToken);
            var chains = await ChainCsv.ReadFolderAsync(Path.Combine(dataPath, "chains"), cancellationToken);
            var companyFile = result.GetValue(companies)?.FullName ?? Path.Combine(dataPath, "demo", "companies.csv");
            using var reader = new StreamReader(companyFile);
            var list = await SyntheticNetwork.ReadCompaniesAsync(reader, cancellationToken);
            var tables = SyntheticNetwork.Generate(list, chains.Chains, regions, home.Code, result.GetValue(seed), result.GetValue(members));
            var folder = result.GetValue(output)?.FullName ?? Path.Combine(dataPath, "demo");
            Directory.CreateDirectory(folder);
            foreach (var (file, header, rows) in new[]
            {
                (DemoNetwork.ChannelsFile, SyntheticNetwork.ChannelHeader, tables.Channels),
                (DemoNetwork.LinksFile, SyntheticNetwork.LinkHeader, tables.Links),
                (DemoNetwork.RelationsFile, SyntheticNetwork.RelationHeader, tables.Relations),
            })
            {
                await using var writer = new StreamWriter(Path.Combine(folder, file), false, new UTF8Encoding(false));
                await SyntheticNetwork.WriteCsvAsync(writer, header, rows, cancellationToken);
            }

            await Console.Out.WriteLineAsync($"Wrote {tables.Channels.Count} channels, {tables.Links.Count} links and {tables.Relations.Count} relations to {folder}");
            return 0;
        });
        return command;
    }
}
