using System.Globalization;
using ChainMap.Channels;
using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Storage;
using CsvHelper;
using Microsoft.Extensions.Logging;

namespace ChainMap.Seeding;

/// <summary>
/// Loads the demo network from <c>data/demo/</c>: channels and their links through the channel
/// importer, and company relations (<c>relations.csv</c>: <c>from_uscc,to_uscc,kind,note</c>) through
/// a small loader until the general relations importer replaces it. Missing files are skipped.
/// </summary>
internal sealed class DemoNetwork(ICompanyStore store, ChannelImporter channels, DiscoveryCache cache, ILogger<DemoNetwork> logger)
{
    public const string ChannelsFile = "channels.csv";
    public const string LinksFile = "channel-links.csv";
    public const string RelationsFile = "relations.csv";

    public async Task LoadAsync(string dataPath, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(dataPath, "demo");
        var relations = Path.Combine(folder, RelationsFile);
        if (File.Exists(relations))
        {
            await using var stream = File.OpenRead(relations);
            var (saved, skipped) = await LoadRelationsAsync(stream, DemoIdentity.Default.SourcePrefix + RelationsFile, cancellationToken);
            logger.LogInformation("Loaded demo relations: {Saved} new, {Skipped} skipped", saved, skipped);
        }

        var channelPath = Path.Combine(folder, ChannelsFile);
        var linkPath = Path.Combine(folder, LinksFile);
        if (File.Exists(channelPath))
        {
            await using var channelStream = File.OpenRead(channelPath);
            await using var linkStream = File.Exists(linkPath) ? File.OpenRead(linkPath) : null;
            var summary = await channels.ImportAsync(channelStream, DemoIdentity.Default.SourcePrefix + ChannelsFile, linkStream, DemoIdentity.Default.SourcePrefix + LinksFile, cancellationToken);
            logger.LogInformation("Loaded demo channels: {Channels} channels, {Links} links, {Rejected} rejected", summary.ChannelsSaved, summary.LinksAdded, summary.Rejected);
        }

        await cache.ChangedAsync(cancellationToken);
    }

    /// <summary>Reads relation rows by USCC and saves those whose both companies exist; returns (new, skipped).</summary>
    public async Task<(int Saved, int Skipped)> LoadRelationsAsync(Stream csvStream, string fileName, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(csvStream);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        await csv.ReadAsync();
        csv.ReadHeader();
        var rows = new List<(string From, string To, CompanyRelationKind Kind, string? Note)>();
        var skipped = 0;
        while (await csv.ReadAsync())
        {
            if (CompanyRelationKinds.TryParse(csv.GetField("kind"), out var kind)
                && Uscc.TryParse(csv.GetField("from_uscc"), out var from) && Uscc.TryParse(csv.GetField("to_uscc"), out var to))
            {
                var note = csv.GetField("note");
                rows.Add((from.Value, to.Value, kind, string.IsNullOrWhiteSpace(note) ? null : note));
            }
            else
            {
                skipped++;
            }
        }

        var saved = 0;
        foreach (var batch in rows.Chunk(5000))
        {
            var ids = await store.FindCompanyIdsAsync(batch.SelectMany(r => new[] { "u:" + r.From, "u:" + r.To }).Distinct().ToList(), cancellationToken);
            var relations = new List<CompanyRelation>();
            foreach (var row in batch)
            {
                if (ids.TryGetValue("u:" + row.From, out var fromId) && ids.TryGetValue("u:" + row.To, out var toId))
                {
                    relations.Add(new CompanyRelation(fromId, toId, row.Kind, row.Note, fileName));
                }
                else
                {
                    skipped++;
                }
            }

            saved += await store.SaveRelationsAsync(relations, cancellationToken);
        }

        return (saved, skipped);
    }
}
