using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChainMap.Chains;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Regions;
using ChainMap.Storage;
using CsvHelper;
using Microsoft.Extensions.Logging;

namespace ChainMap.Seeding;

/// <summary>
/// Loads the data folder (regions, region groups, home region, chains, demo companies) into an
/// empty store, through the same import code users run. Another city replaces the folder's files.
/// </summary>
internal sealed class DefaultData(
    IRegionStore store,
    IChainStore chainStore,
    RegionDirectory regions,
    ChainDirectory chains,
    ChainService chainService,
    CompanyImporter companies,
    DemoNetwork network,
    ILogger<DefaultData> logger)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Finds the data folder: the configured path, else a <c>data/</c> folder above the working directory or the program.</summary>
    public static string? Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data");
                if (File.Exists(Path.Combine(candidate, "regions.csv")) && Directory.Exists(Path.Combine(candidate, "chains")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Loads everything when the store holds no chain yet, the demo companies and network only with <paramref name="includeDemo"/>
    /// (<see cref="StorageOptions.SeedDemoData"/>); returns false when the store already had data.
    /// </summary>
    public async Task<bool> LoadIfEmptyAsync(string dataPath, bool includeDemo, CancellationToken cancellationToken)
    {
        if ((await chainStore.ListChainsAsync(cancellationToken)).Count > 0)
        {
            return false;
        }

        await LoadAsync(dataPath, includeDemo, cancellationToken);
        return true;
    }

    /// <summary>
    /// Adds to a store loaded earlier the development zones of <c>zones.csv</c> it does not hold yet (a zone list grows with the
    /// data folder, ADR 0690; a store is loaded once): only zones whose code is new and whose host county or city the store holds.
    /// Nothing stored is changed or removed. Returns how many were added.
    /// </summary>
    public async Task<int> AddNewZonesAsync(string dataPath, CancellationToken cancellationToken)
    {
        var zonesFile = Path.Combine(dataPath, "zones.csv");
        if (!File.Exists(zonesFile))
        {
            return 0;
        }

        var stored = (await store.ListRegionsAsync(cancellationToken)).Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var divisions = await ReadRegionsAsync(Path.Combine(dataPath, "regions.csv"), cancellationToken);
        var added = (await ReadZonesAsync(zonesFile, divisions, cancellationToken))
            .Where(z => !stored.Contains(z.Code) && z.ParentCode is not null && stored.Contains(z.ParentCode))
            .ToList();
        if (added.Count > 0)
        {
            await store.SaveRegionsAsync(added, cancellationToken);
            regions.Invalidate();
            logger.LogInformation("Added {Zones} development zones of {Path} the store did not hold: {Names}", added.Count, zonesFile,
                string.Join("、", added.Take(10).Select(z => z.Name)) + (added.Count > 10 ? " …" : ""));
        }

        return added.Count;
    }

    public async Task LoadAsync(string dataPath, bool includeCompanies, CancellationToken cancellationToken)
    {
        var regionList = await ReadRegionsAsync(Path.Combine(dataPath, "regions.csv"), cancellationToken);
        await store.SaveRegionsAsync(regionList, cancellationToken);
        var zonesFile = Path.Combine(dataPath, "zones.csv");
        if (File.Exists(zonesFile))
        {
            // Saved after the divisions: a zone's parent (its host county or city) must exist first.
            await store.SaveRegionsAsync(await ReadZonesAsync(zonesFile, regionList, cancellationToken), cancellationToken);
        }

        await store.SaveRegionGroupsAsync(await ReadGroupsAsync(Path.Combine(dataPath, "region-groups.csv"), cancellationToken), cancellationToken);
        await store.SaveHomeAsync(await ReadHomeAsync(Path.Combine(dataPath, "home.json"), cancellationToken), cancellationToken);
        regions.Invalidate();

        var read = await ChainCsv.ReadFolderAsync(Path.Combine(dataPath, "chains"), cancellationToken);
        if (read.Problems.Count > 0)
        {
            throw new InvalidDataException("The default chain definitions are invalid: " + string.Join("; ", read.Problems.Select(p => $"{p.File}:{p.Line} {p.Column} {p.Reason}")));
        }

        foreach (var definition in read.Chains)
        {
            var result = await chainService.SaveAsync(definition, cancellationToken);
            if (!result.Saved)
            {
                throw new InvalidDataException($"Chain {definition.Chain.Code}: " + string.Join("; ", result.Problems.Select(p => p.Message)));
            }
        }

        chains.Invalidate();
        logger.LogInformation("Loaded {Regions} regions and {Chains} chains from {Path}", regionList.Count, read.Chains.Count, dataPath);

        var demo = Path.Combine(dataPath, "demo", "companies.csv");
        if (includeCompanies && File.Exists(demo))
        {
            await using var stream = File.OpenRead(demo);
            var summary = await companies.ImportCsvAsync(stream, DemoIdentity.Default.CompanyFile, cancellationToken);
            logger.LogInformation("Loaded demo companies: {Inserted} inserted, {Rejected} rejected", summary.Inserted, summary.Rejected);
            await network.LoadAsync(dataPath, cancellationToken);
        }
    }

    public static async Task<IReadOnlyList<Region>> ReadRegionsAsync(string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var list = new List<Region>();
        await foreach (var row in csv.GetRecordsAsync<RegionRow>(cancellationToken))
        {
            if (!RegionLevels.TryParse(row.level, out var level))
            {
                throw new InvalidDataException($"{path}: region {row.code} has level '{row.level}'; expected province, city or county");
            }

            list.Add(new Region(row.code, row.name, level, string.IsNullOrWhiteSpace(row.parent_code) ? null : row.parent_code));
        }

        return list;
    }

    /// <summary>
    /// Reads <c>zones.csv</c> (<c>code,name,city_code,host_code</c>) as <see cref="RegionLevel.Zone"/> regions whose
    /// parent is the host county when given, else the city; both must be divisions of <paramref name="divisions"/>.
    /// </summary>
    public static async Task<IReadOnlyList<Region>> ReadZonesAsync(string path, IReadOnlyList<Region> divisions, CancellationToken cancellationToken)
    {
        var byCode = divisions.ToDictionary(r => r.Code, StringComparer.Ordinal);
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var list = new List<Region>();
        await foreach (var row in csv.GetRecordsAsync<ZoneRow>(cancellationToken))
        {
            var parent = string.IsNullOrWhiteSpace(row.host_code) ? row.city_code : row.host_code.Trim();
            if (byCode.ContainsKey(row.code))
            {
                throw new InvalidDataException($"{path}: zone {row.code} {row.name} has the code of a division");
            }

            if (!byCode.TryGetValue(row.city_code, out var city) || city.Level != RegionLevel.City
                || !byCode.TryGetValue(parent, out var host) || (host.Code != city.Code && host.ParentCode != city.Code))
            {
                throw new InvalidDataException($"{path}: zone {row.code} {row.name}: city_code must be a city of regions.csv and host_code empty or a county of that city");
            }

            list.Add(new Region(row.code, row.name.Trim(), RegionLevel.Zone, parent));
        }

        return list;
    }

    /// <summary>
    /// Reads <c>region-history.csv</c> (<c>code,name,parent_name,in_use,retired,successor_code,successor_name</c>): retired
    /// divisions and the current division each lies in now. An empty list when the file is missing (another region set).
    /// </summary>
    public static IReadOnlyList<RetiredDivision> ReadRetired(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<RetiredRow>().Select(r => new RetiredDivision(r.code.Trim(), r.name.Trim(), r.successor_code.Trim())).ToList();
    }

    /// <summary>
    /// Reads <c>towns.csv</c> (<c>name,county_code</c>): township-level units and the county (or NBS zone) each lies in.
    /// An empty list when the file is missing (another region set).
    /// </summary>
    public static IReadOnlyList<Town> ReadTowns(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<TownRow>().Select(r => new Town(r.name.Trim(), r.county_code.Trim())).ToList();
    }

    /// <summary>
    /// Reads <c>listed-seats.csv</c> (<c>code,region_code,area</c>): each A-share stock code and the province (or 深圳市) of
    /// its company's seat, Tushare's <c>area</c> (ADR 0690). Empty when the file is absent.
    /// </summary>
    public static IReadOnlyList<ListedSeat> ReadListedSeats(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<ListedSeatRow>().Select(r => new ListedSeat(r.code.Trim(), r.region_code.Trim())).ToList();
    }

    /// <summary>
    /// The region catalog as the import reads it, from a data folder rather than a store (the CLI's <c>generate</c> and
    /// <c>benchmark</c> commands): divisions, zones, the home region's zones, region groups, retired divisions and towns.
    /// </summary>
    public static async Task<RegionCatalog> ReadCatalogAsync(string dataPath, CancellationToken cancellationToken)
    {
        var divisions = await ReadRegionsAsync(Path.Combine(dataPath, "regions.csv"), cancellationToken);
        var zonesFile = Path.Combine(dataPath, "zones.csv");
        List<Region> regions = File.Exists(zonesFile) ? [.. divisions, .. await ReadZonesAsync(zonesFile, divisions, cancellationToken)] : [.. divisions];
        var homeFile = Path.Combine(dataPath, "home.json");
        if (File.Exists(homeFile))
        {
            regions = [.. regions, .. RegionDirectory.HomeZones(await ReadHomeAsync(homeFile, cancellationToken), regions)];
        }

        return new RegionCatalog(
            regions,
            await ReadGroupsAsync(Path.Combine(dataPath, "region-groups.csv"), cancellationToken),
            ReadRetired(Path.Combine(dataPath, "region-history.csv")),
            ReadTowns(Path.Combine(dataPath, "towns.csv")),
            ReadListedSeats(Path.Combine(dataPath, "listed-seats.csv")));
    }

    public static async Task<IReadOnlyList<RegionGroup>> ReadGroupsAsync(string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<GroupRow>();
        await foreach (var row in csv.GetRecordsAsync<GroupRow>(cancellationToken))
        {
            rows.Add(row);
        }

        return rows.GroupBy(r => r.group)
            .Select(g => new RegionGroup(g.Key, g.Select(r => r.alias).FirstOrDefault(a => !string.IsNullOrWhiteSpace(a)), g.Select(r => r.member_code).ToList()))
            .ToList();
    }

    public static async Task<HomeRegion> ReadHomeAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<HomeRegion>(stream, JsonOptions, cancellationToken)
            ?? throw new InvalidDataException($"{path} is empty");
    }

#pragma warning disable IDE1006, SA1300 // CSV column names are the property names.
    private sealed record RegionRow(string code, string name, string level, string? parent_code);

    private sealed record ZoneRow(string code, string name, string city_code, string? host_code);

    private sealed record TownRow(string name, string county_code);

    private sealed record ListedSeatRow(string code, string region_code, string area);

    private sealed record RetiredRow(string code, string name, string? parent_name, string? in_use, string? retired, string successor_code, string? successor_name);

    private sealed record GroupRow(string group, string? alias, string member_code, string? member_name);
#pragma warning restore IDE1006, SA1300
}
