using ChainMap.Domain;

namespace ChainMap.Storage;

/// <summary>How many companies, with how much registered capital (万元) and summed strength.</summary>
internal sealed record PresenceFigures(int Companies, decimal RegisteredCapital, double Strength)
{
    public static readonly PresenceFigures None = new(0, 0, 0);

    public PresenceFigures Plus(PresenceFigures other) =>
        new(Companies + other.Companies, RegisteredCapital + other.RegisteredCapital, Strength + other.Strength);
}

/// <summary>One segment's own companies (sub-segments not included): inside the home region and elsewhere.</summary>
internal sealed record SegmentStats(string SegmentCode, PresenceFigures Local, PresenceFigures Elsewhere);

/// <summary>Companies of one segment in one province and city (city null for a province without cities in the data).</summary>
internal sealed record SegmentPlaceCount(string SegmentCode, string ProvinceCode, string? CityCode, int Companies, decimal RegisteredCapital);

/// <summary>
/// What a ranked target list searches: companies in any of <see cref="SegmentCodes"/>, located in
/// <see cref="RegionCodes"/> (null: everywhere) and never in <see cref="ExcludedRegionCodes"/> (the
/// home region), carrying any of <see cref="Tags"/> (empty: no condition) and at least
/// <see cref="MinCapital"/> registered capital. <see cref="PerSegment"/> bounds the candidates per segment;
/// <see cref="MinStrength"/> (null: none) leaves out weaker candidates, so a caller that already holds
/// better ones reads no more than it needs. <see cref="CountTotal"/>: also count the matching companies.
/// </summary>
internal sealed record TargetCandidateQuery(
    IReadOnlyCollection<string> SegmentCodes,
    IReadOnlyCollection<string>? RegionCodes,
    IReadOnlyCollection<string> ExcludedRegionCodes,
    IReadOnlyCollection<string> Tags,
    decimal? MinCapital,
    int PerSegment,
    double? MinStrength = null,
    bool CountTotal = true);

/// <summary>A company in one of the searched segments (a company in several appears once per segment).</summary>
internal sealed record TargetCandidate(long CompanyId, string SegmentCode, double Strength);

/// <summary>
/// The strongest <see cref="TargetCandidateQuery.PerSegment"/> candidates of each segment, and how many distinct
/// companies match in all (regardless of <see cref="TargetCandidateQuery.MinStrength"/>; 0 when not asked to count).
/// </summary>
internal sealed record TargetCandidateSet(IReadOnlyList<TargetCandidate> Candidates, long Total);

/// <summary>
/// A list's candidates (<see cref="IDiscoveryStore.FindTargetCandidatesAsync"/>) and the companies (<see cref="IDiscoveryStore.GetCompaniesAsync"/>)
/// a ranking needs with them: those of the candidates found and of the ids it asked for besides, except those it said it holds.
/// </summary>
internal sealed record TargetCandidatesRead(TargetCandidateSet Candidates, IReadOnlyList<Company> Companies)
{
    /// <summary>The candidates, then the companies not held: two reads one after the other.</summary>
    public static async Task<TargetCandidatesRead> OneAfterTheOtherAsync(
        IDiscoveryStore store, TargetCandidateQuery query, IReadOnlyCollection<long> alsoIds, IReadOnlySet<long> held, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var set = await store.FindTargetCandidatesAsync(query, cancellationToken);
        var ids = set.Candidates.Select(c => c.CompanyId).Concat(alsoIds).Where(id => !held.Contains(id)).Distinct().ToList();
        return new TargetCandidatesRead(set, await store.GetCompaniesAsync(ids, cancellationToken));
    }
}

/// <summary>A relation between a company outside the home region and one inside it. <see cref="OutsideIsFrom"/>: the outside company is the relation's From.</summary>
internal sealed record HomeRelationTie(long HomeCompanyId, string HomeCompanyName, CompanyRelationKind Kind, bool OutsideIsFrom);

/// <summary>
/// A channel the company is linked to that leads home: <see cref="HopsToHome"/> is 0 when the channel is
/// itself tied to the home region, 1 when a home company or a home-tied channel is linked to it, 2 one step further.
/// </summary>
internal sealed record HomeChannelTie(long ChannelId, string ChannelName, ChannelKind Kind, ChannelRole Role, int HopsToHome);

/// <summary>The inputs of <see cref="Discovery.ChannelHops.Compute"/> as a store loads them.</summary>
internal sealed record HomeChannelGraph(IReadOnlyList<long> TiedHome, IReadOnlyList<long> WithHomeMember, IReadOnlyList<(long Channel, long Member)> Links);

/// <summary>The channels' distances from home (<see cref="Discovery.ChannelHops"/>) and the home-tie facts read with them (ADR 0445).</summary>
internal sealed record HomeTieFactsRead(IReadOnlyDictionary<long, int> ChannelHops, IReadOnlyList<HomeTieFacts> Facts)
{
    /// <summary>The channel graph, the distances worked out from it, then the facts with them: two reads one after the other.</summary>
    public static async Task<HomeTieFactsRead> OneAfterTheOtherAsync(
        IDiscoveryStore store, IReadOnlyCollection<string> homeRegionCodes, IReadOnlyCollection<string>? segmentCodes, CancellationToken cancellationToken)
    {
        var graph = await store.LoadHomeChannelGraphAsync(homeRegionCodes, cancellationToken);
        var hops = Discovery.ChannelHops.Compute(graph.TiedHome, graph.WithHomeMember, graph.Links);
        return new HomeTieFactsRead(hops, await store.ListHomeTieFactsAsync(homeRegionCodes, hops, segmentCodes, cancellationToken));
    }
}

/// <summary>
/// A company outside the home region with a direct tie to it: what ranking and filtering read of it (<see cref="Facts"/>) plus its
/// ties as its reasons name them (the home companies by name, the channels with name, kind and role). A kept answer (ADR 0295) holds
/// it as one object, the facts' fields with these ties in place of theirs (<see cref="Discovery.HomeTiedCompanyJson"/>, ADR 0405).
/// </summary>
internal sealed record HomeTiedCompany(HomeTieFacts Facts, IReadOnlyList<HomeRelationTie> Relations, IReadOnlyList<HomeChannelTie> Channels)
{
    public long CompanyId => Facts.CompanyId;

    /// <summary>A tied company from what ranking read of it and what its reasons name (none read: no relation, no channel).</summary>
    public static HomeTiedCompany Of(HomeTieFacts facts, HomeTieDetails? details) => new(facts, details?.Relations ?? [], details?.Channels ?? []);

    /// <summary>A tied company read with its named ties: <paramref name="facts"/> (their ties not read) take the ties without the names.</summary>
    public static HomeTiedCompany Named(HomeTieFacts facts, IReadOnlyList<HomeRelationTie> relations, IReadOnlyList<HomeChannelTie> channels) => new(
        facts with
        {
            Relations = relations.Select(r => new HomeRelationKind(r.HomeCompanyId, r.Kind, r.OutsideIsFrom)).ToList(),
            Channels = channels.Select(c => new HomeChannelHops(c.ChannelId, c.HopsToHome)).ToList(),
        },
        relations,
        channels);
}

/// <summary>A relation of a tied company with a home company, without the home company's name.</summary>
internal readonly record struct HomeRelationKind(long HomeCompanyId, CompanyRelationKind Kind, bool OutsideIsFrom);

/// <summary>A channel that leads a tied company home, by id, and its steps to home (<see cref="HomeChannelTie.HopsToHome"/>).</summary>
internal readonly record struct HomeChannelHops(long ChannelId, int HopsToHome);

/// <summary>
/// What ranking needs of a home-tied company (ADR 0385): the fields a list filters on, its strength and segments, and its ties
/// without the names and roles that only its reasons show (<see cref="HomeTieDetails"/>, read for the companies a page shows).
/// </summary>
internal sealed record HomeTieFacts(
    long CompanyId,
    string ProvinceCode,
    string? CityCode,
    string? CountyCode,
    double Strength,
    decimal? RegisteredCapital,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> SegmentCodes,
    IReadOnlyList<HomeRelationKind> Relations,
    IReadOnlyList<HomeChannelHops> Channels);

/// <summary>The ties of a home-tied company as its reasons name them: the home companies by name, the channels with name, kind and role.</summary>
internal sealed record HomeTieDetails(long CompanyId, IReadOnlyList<HomeRelationTie> Relations, IReadOnlyList<HomeChannelTie> Channels);

internal enum PathNodeKind
{
    Company,
    Channel,
}

/// <summary>A node of an introduction path. <see cref="IsHome"/>: a home-region company, or a channel tied to the home region.</summary>
internal sealed record PathNode(PathNodeKind Kind, long Id, string Name, string? RegionCode, ChannelKind? ChannelKind, bool IsHome);

/// <summary>
/// One hop. Either a company relation (<see cref="Relation"/>: stored as From → To, or To → From when
/// <see cref="Reversed"/>), or a channel link (<see cref="Role"/>: From is the channel and To its
/// member, or the other way round when <see cref="Reversed"/>).
/// </summary>
internal sealed record PathStep(PathNode From, PathNode To, CompanyRelationKind? Relation, ChannelRole? Role, bool Reversed);

/// <summary>A way from a target company to the home region: at most the asked number of steps, ending at a home node, no home node before.</summary>
internal sealed record IntroductionPath(long TargetId, IReadOnlyList<PathStep> Steps);

internal interface IDiscoveryStore
{
    /// <summary>
    /// Per segment of a chain (own memberships, sub-segments separate): companies inside
    /// <paramref name="homeRegionCodes"/> and companies elsewhere. Segments without companies may be absent.
    /// </summary>
    Task<IReadOnlyList<SegmentStats>> GetSegmentStatsAsync(string chainCode, IReadOnlyCollection<string> homeRegionCodes, CancellationToken cancellationToken);

    /// <summary>
    /// Where a chain's companies are: counts per segment, province and city, for companies in
    /// <paramref name="regionCodes"/> (null: everywhere) and outside <paramref name="excludedRegionCodes"/>.
    /// </summary>
    Task<IReadOnlyList<SegmentPlaceCount>> CountSegmentPlacesAsync(string chainCode, IReadOnlyCollection<string>? regionCodes, IReadOnlyCollection<string> excludedRegionCodes, CancellationToken cancellationToken);

    /// <summary>
    /// The pre-filtered candidates of a target list: per segment the strongest <see cref="TargetCandidateQuery.PerSegment"/>
    /// matching companies (strength descending, then id), and the number of distinct matching companies.
    /// </summary>
    Task<TargetCandidateSet> FindTargetCandidatesAsync(TargetCandidateQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="FindTargetCandidatesAsync"/> and the companies of the candidates found and of <paramref name="alsoIds"/> that are not
    /// in <paramref name="held"/>: the same answer as the two reads one after the other, which a store may read at once (ADR 0490:
    /// Neo4j reads a ranking group's candidates and their companies in one request).
    /// </summary>
    Task<TargetCandidatesRead> FindTargetCandidatesWithCompaniesAsync(
        TargetCandidateQuery query, IReadOnlyCollection<long> alsoIds, IReadOnlySet<long> held, CancellationToken cancellationToken) =>
        TargetCandidatesRead.OneAfterTheOtherAsync(this, query, alsoIds, held, cancellationToken);

    /// <summary>
    /// What the channels' distances from home are worked out from (<see cref="Discovery.ChannelHops"/>): the channels tied to a
    /// division in <paramref name="homeRegionCodes"/>, those with a member company there, and every link between channels.
    /// </summary>
    Task<HomeChannelGraph> LoadHomeChannelGraphAsync(IReadOnlyCollection<string> homeRegionCodes, CancellationToken cancellationToken);

    /// <summary>
    /// Every company outside <paramref name="homeRegionCodes"/> that has a relation with a company inside it, or a
    /// link to one of the channels of <paramref name="channelHops"/> (channel id → steps to home, as
    /// <see cref="Discovery.ChannelHops"/> decided them; see <see cref="HomeChannelTie"/>). With <paramref name="segmentCodes"/>
    /// (ADR 0300), only those with a confirmed membership in one of them, each with only those segments in
    /// <see cref="HomeTieFacts.SegmentCodes"/> of its <see cref="HomeTiedCompany.Facts"/>; without, all of them with all their confirmed segments.
    /// </summary>
    Task<IReadOnlyList<HomeTiedCompany>> ListHomeTiedCompaniesAsync(IReadOnlyCollection<string> homeRegionCodes, IReadOnlyDictionary<long, int> channelHops, IReadOnlyCollection<string>? segmentCodes, CancellationToken cancellationToken);

    /// <summary>
    /// The companies of <see cref="ListHomeTiedCompaniesAsync"/> with only what ranking needs (ADR 0385): each relation's home
    /// company by id, each channel by id with its steps to home; the same companies, fields and segments.
    /// </summary>
    Task<IReadOnlyList<HomeTieFacts>> ListHomeTieFactsAsync(IReadOnlyCollection<string> homeRegionCodes, IReadOnlyDictionary<long, int> channelHops, IReadOnlyCollection<string>? segmentCodes, CancellationToken cancellationToken);

    /// <summary>
    /// The channels' distances from home (<see cref="Discovery.ChannelHops"/> over <see cref="LoadHomeChannelGraphAsync"/>) and
    /// <see cref="ListHomeTieFactsAsync"/> with them: the same answer as the two reads one after the other, which a store may read
    /// at once (ADR 0445: Neo4j sends the graph and the facts in one request).
    /// </summary>
    Task<HomeTieFactsRead> ReadHomeTieFactsAsync(IReadOnlyCollection<string> homeRegionCodes, IReadOnlyCollection<string>? segmentCodes, CancellationToken cancellationToken) =>
        HomeTieFactsRead.OneAfterTheOtherAsync(this, homeRegionCodes, segmentCodes, cancellationToken);

    /// <summary>
    /// The relations and channel links (as <see cref="ListHomeTiedCompaniesAsync"/> gives them) of the companies
    /// <paramref name="companyIds"/> outside <paramref name="homeRegionCodes"/>; a company without any is absent.
    /// </summary>
    Task<IReadOnlyList<HomeTieDetails>> ListHomeTieDetailsAsync(IReadOnlyCollection<long> companyIds, IReadOnlyCollection<string> homeRegionCodes, IReadOnlyDictionary<long, int> channelHops, CancellationToken cancellationToken);

    /// <summary>Companies by id with their memberships, in the order asked; unknown ids are skipped.</summary>
    Task<IReadOnlyList<Company>> GetCompaniesAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken);

    /// <summary>
    /// For each target, up to <paramref name="perTarget"/> introduction paths of at most <paramref name="maxHops"/> steps
    /// through company relations (either direction) and channel links to a home node (a company in
    /// <paramref name="homeRegionCodes"/> or a channel tied to it); fewest steps first, then the strongest
    /// (<see cref="IntroductionWeights"/>). Targets without a path have none in the result.
    /// </summary>
    Task<IReadOnlyList<IntroductionPath>> FindIntroductionPathsAsync(IReadOnlyCollection<long> targetIds, IReadOnlyCollection<string> homeRegionCodes, int maxHops, int perTarget, CancellationToken cancellationToken);
}
