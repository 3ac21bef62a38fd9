using System.Globalization;
using ChainMap.Discovery;
using ChainMap.Domain;
using ChainMap.Import;
using ChainMap.Regions;
using ChainMap.Storage;
using ChainMap.Text;

namespace ChainMap.Channels;

/// <summary>Counts of one channel import; rows with problems are skipped, the others are saved.</summary>
internal sealed record ChannelImportSummary(
    int ChannelsRead, int ChannelsSaved, int LinksRead, int LinksAdded, int LinksUpdated, int Rejected, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// Imports channels and their links from two tables (docs/discovery.md), read like every other upload
/// (<see cref="TableReader"/>: UTF-8, GB18030 or UTF-16 CSV, .xlsx or .xls):
/// channels (<c>code,name,kind,region,tied_regions,contact,note</c>) and links
/// (<c>channel,company_uscc,member_channel,role,note</c>). Headers may be the Chinese names too.
/// Channels are upserted by code, links by (channel, company) or (channel, member channel).
/// </summary>
internal sealed class ChannelImporter(IChannelStore store, ICompanyStore companyStore, RegionDirectory regions, DiscoveryCache cache)
{
    private static readonly Dictionary<string, string[]> ChannelHeaders = new(StringComparer.Ordinal)
    {
        ["code"] = ["code", "编码", "渠道编码", "代码"],
        ["name"] = ["name", "名称", "渠道名称"],
        ["kind"] = ["kind", "类型", "渠道类型"],
        ["region"] = ["region", "所在地", "所在地区", "地区"],
        ["tied_regions"] = ["tied_regions", "tiedregions", "关联地区", "籍贯", "对接地区"],
        ["contact"] = ["contact", "联系人", "联系方式"],
        ["note"] = ["note", "备注", "说明"],
    };

    private static readonly Dictionary<string, string[]> LinkHeaders = new(StringComparer.Ordinal)
    {
        ["channel"] = ["channel", "渠道", "渠道编码"],
        ["company_uscc"] = ["company_uscc", "companyuscc", "uscc", "统一社会信用代码", "企业统一社会信用代码"],
        ["member_channel"] = ["member_channel", "memberchannel", "成员渠道", "成员渠道编码"],
        ["role"] = ["role", "角色", "关系"],
        ["note"] = ["note", "备注", "说明"],
    };

    public async Task<ChannelImportSummary> ImportAsync(Stream? channels, string channelsName, Stream? links, string linksName, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        var catalog = await regions.GetCatalogAsync(cancellationToken);
        int channelsRead = 0, channelsSaved = 0, linksRead = 0, linksAdded = 0, rejected = 0;
        var known = new Dictionary<string, long>(StringComparer.Ordinal);

        if (channels is not null)
        {
            var records = new List<ChannelRecord>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            await foreach (var (line, row) in ReadAsync(channels, channelsName, ChannelHeaders, ["code", "name", "kind"], problems, cancellationToken))
            {
                channelsRead++;
                var record = ResolveChannel(channelsName, line, row, catalog, seen, problems);
                if (record is null)
                {
                    rejected++;
                    continue;
                }

                records.Add(record);
            }

            foreach (var batch in records.Chunk(1000))
            {
                foreach (var (code, id) in await store.UpsertChannelsAsync(batch, cancellationToken))
                {
                    known[code] = id;
                }
            }

            channelsSaved = records.Count;
        }

        var linksUpdated = 0;
        if (links is not null)
        {
            var pending = new List<(int Line, string Channel, string? Uscc, string? Member, ChannelRole Role, string? Note)>();
            await foreach (var (line, row) in ReadAsync(links, linksName, LinkHeaders, ["channel", "role"], problems, cancellationToken))
            {
                linksRead++;
                var parsed = ParseLink(linksName, line, row, problems);
                if (parsed is null)
                {
                    rejected++;
                    continue;
                }

                pending.Add((line, parsed.Value.Channel, parsed.Value.Uscc, parsed.Value.Member, parsed.Value.Role, parsed.Value.Note));
            }

            foreach (var batch in pending.Chunk(5000))
            {
                var missingCodes = batch.SelectMany(p => new[] { p.Channel, p.Member }).OfType<string>().Where(c => !known.ContainsKey(c)).Distinct().ToList();
                if (missingCodes.Count > 0)
                {
                    foreach (var (code, id) in await store.FindChannelIdsAsync(missingCodes, cancellationToken))
                    {
                        known[code] = id;
                    }
                }

                var companies = await companyStore.FindCompanyIdsAsync(batch.Where(p => p.Uscc is not null).Select(p => "u:" + p.Uscc).Distinct().ToList(), cancellationToken);
                var resolved = new List<ChannelLink>();
                foreach (var p in batch)
                {
                    if (!known.TryGetValue(p.Channel, out var channelId))
                    {
                        problems.Add(new(linksName, p.Line, "channel", p.Channel, "no channel has this code; import it in the channels file first"));
                        rejected++;
                        continue;
                    }

                    if (p.Uscc is not null)
                    {
                        if (!companies.TryGetValue("u:" + p.Uscc, out var companyId))
                        {
                            problems.Add(new(linksName, p.Line, "company_uscc", p.Uscc, "no company has this USCC; import the company first"));
                            rejected++;
                            continue;
                        }

                        resolved.Add(new ChannelLink(channelId, companyId, null, p.Role, p.Note, linksName));
                        continue;
                    }

                    if (!known.TryGetValue(p.Member!, out var memberId))
                    {
                        problems.Add(new(linksName, p.Line, "member_channel", p.Member, "no channel has this code"));
                        rejected++;
                        continue;
                    }

                    if (memberId == channelId)
                    {
                        problems.Add(new(linksName, p.Line, "member_channel", p.Member, "a channel cannot be linked to itself"));
                        rejected++;
                        continue;
                    }

                    resolved.Add(new ChannelLink(channelId, null, memberId, p.Role, p.Note, linksName));
                }

                var added = await store.SaveChannelLinksAsync(resolved, cancellationToken);
                linksAdded += added;
                linksUpdated += resolved.Count - added;
            }
        }

        await cache.ChangedAsync(cancellationToken);
        return new ChannelImportSummary(channelsRead, channelsSaved, linksRead, linksAdded, linksUpdated, rejected, problems);
    }

    private static ChannelRecord? ResolveChannel(string file, int line, Dictionary<string, string> row, RegionCatalog catalog, Dictionary<string, int> seen, List<ImportProblem> problems)
    {
        var before = problems.Count;
        var code = row.GetValueOrDefault("code")?.Trim() ?? string.Empty;
        var name = row.GetValueOrDefault("name")?.Trim() ?? string.Empty;
        var kindText = row.GetValueOrDefault("kind")?.Trim() ?? string.Empty;
        if (code.Length == 0 || code.Length > 64)
        {
            problems.Add(new(file, line, "code", code, "channel code is required (at most 64 characters)"));
        }
        else if (seen.TryGetValue(code, out var first))
        {
            problems.Add(new(file, line, "code", code, $"channel code already used on line {first} of this file"));
        }
        else
        {
            seen[code] = line;
        }

        if (name.Length == 0)
        {
            problems.Add(new(file, line, "name", name, "channel name is required"));
        }

        if (!ChannelKinds.TryParse(kindText, out var kind))
        {
            problems.Add(new(file, line, "kind", kindText, "unknown kind; use chamber (商会), industry-association (行业协会), alumni (校友会), hometown (同乡会), ambassador (招商大使) or person (亲友)"));
        }

        RegionPlace? region = null;
        var regionText = row.GetValueOrDefault("region")?.Trim() ?? string.Empty;
        if (regionText.Length > 0)
        {
            region = Place(file, line, "region", regionText, catalog, problems);
        }

        var ties = new List<RegionPlace>();
        foreach (var part in (row.GetValueOrDefault("tied_regions") ?? string.Empty).Split(['|', '、', ';', '；', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Place(file, line, "tied_regions", part, catalog, problems) is { } tie && ties.All(t => t.Code != tie.Code))
            {
                ties.Add(tie);
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new ChannelRecord(code, name, kind, region, ties, Empty(row.GetValueOrDefault("contact")), Empty(row.GetValueOrDefault("note")), file);
    }

    private static RegionPlace? Place(string file, int line, string column, string text, RegionCatalog catalog, List<ImportProblem> problems)
    {
        var match = catalog.Resolve(text);
        if (match.Region is { } region)
        {
            var (province, city, county) = catalog.Place(region.Code);
            return new RegionPlace(region.Code, province, city, county);
        }

        problems.Add(new(file, line, column, text, match.IsAmbiguous
            ? $"names several divisions ({string.Join("、", match.Candidates.Select(c => c.Code))}); use a code"
            : match.Group is not null ? "is a region group; use a province, city or county" : "no division has this code or name"));
        return null;
    }

    private static (string Channel, string? Uscc, string? Member, ChannelRole Role, string? Note)? ParseLink(string file, int line, Dictionary<string, string> row, List<ImportProblem> problems)
    {
        var before = problems.Count;
        var channel = row.GetValueOrDefault("channel")?.Trim() ?? string.Empty;
        var usccText = row.GetValueOrDefault("company_uscc")?.Trim() ?? string.Empty;
        var member = row.GetValueOrDefault("member_channel")?.Trim() ?? string.Empty;
        var roleText = row.GetValueOrDefault("role")?.Trim() ?? string.Empty;
        if (channel.Length == 0)
        {
            problems.Add(new(file, line, "channel", channel, "channel code is required"));
        }

        string? uscc = null;
        if ((usccText.Length > 0) == (member.Length > 0))
        {
            problems.Add(new(file, line, "company_uscc", usccText, "give exactly one of company_uscc and member_channel"));
        }
        else if (usccText.Length > 0)
        {
            if (Uscc.TryParse(usccText, out var parsed, out var error))
            {
                uscc = parsed.Value;
            }
            else
            {
                problems.Add(new(file, line, "company_uscc", usccText, $"invalid USCC: {error}"));
            }
        }

        if (!ChannelRoles.TryParse(roleText, out var role))
        {
            problems.Add(new(file, line, "role", roleText, "unknown role; use member (会员), officer (会长/理事), executive (高管), shareholder (股东), alumnus (校友), relative (亲友) or contact (联系人)"));
        }

        return problems.Count > before ? null : (channel, uscc, member.Length > 0 ? member : null, role, Empty(row.GetValueOrDefault("note")));
    }

    /// <summary>
    /// Reads a channel or link table through the same inspector and <see cref="TableReader"/> as the
    /// company import: UTF-8, GB18030 or UTF-16 (with its byte-order mark) CSV (any delimiter), .xlsx or .xls; binary
    /// and undecodable files are refused whole; stray control characters are removed from cells and reported as warnings.
    /// </summary>
    private static async IAsyncEnumerable<(int Line, Dictionary<string, string> Row)> ReadAsync(
        Stream stream, string file, Dictionary<string, string[]> headers, string[] required, List<ImportProblem> problems,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"chainmap-channels-{Guid.NewGuid():N}{Path.GetExtension(file)}");
        try
        {
            await using (var copy = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await stream.CopyToAsync(copy, cancellationToken);
            }

            var (reader, header, refused) = await TableReader.OpenWithHeaderAsync(path, file, cancellationToken);
            if (reader is null)
            {
                var problem = refused!.FileProblem ?? refused.Problems[0];
                throw new ImportRejectedException(string.Create(CultureInfo.InvariantCulture,
                    $"{file}{(problem.Line > 0 ? $" line {problem.Line}" : string.Empty)}: {problem.Reason}{(problem.Value is null ? string.Empty : $" ({problem.Value})")}"));
            }

            using (reader)
            {
                var fields = header.Select(h => headers.FirstOrDefault(p => p.Value.Contains(ChineseText.Fold(h))).Key).ToArray();
                var missing = required.Where(r => !fields.Contains(r)).ToList();
                if (missing.Count > 0)
                {
                    throw new ImportRejectedException($"{file}: missing column(s) {string.Join(", ", missing)} (found: {string.Join(", ", header)})");
                }

                while (await reader.ReadAsync(cancellationToken))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var row = new Dictionary<string, string>(StringComparer.Ordinal);
                    for (var i = 0; i < fields.Length; i++)
                    {
                        if (fields[i] is { } field && !row.ContainsKey(field))
                        {
                            row[field] = CompanyRowResolver.PlainText(reader[i]);
                        }
                    }

                    yield return (reader.Line, row);
                }

                if (reader.Failure is { } failure)
                {
                    problems.Add(failure);
                }

                problems.AddRange(reader.Warnings);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
