using System.ComponentModel.DataAnnotations;

namespace ChainMap.Api.Access;

/// <summary>Authentication and request limits.</summary>
internal sealed class AccessOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// An admin API key (cmk_&lt;id&gt;_&lt;secret&gt;) to create on first start instead of a generated one,
    /// for automation (env <c>Auth__BootstrapAdminKey</c>). Stored as a hash only.
    /// </summary>
    public string? BootstrapAdminKey { get; set; }

    /// <summary>Requests per second allowed to one credential (or one anonymous client address), sustained.</summary>
    [Range(1, 10_000_000)]
    public int PermitsPerSecond { get; set; } = 100;

    /// <summary>Burst size of the per-credential token bucket.</summary>
    [Range(1, 10_000_000)]
    public int Burst { get; set; } = 400;

    /// <summary>Largest request body accepted by default (uploads set their own limit).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Origins allowed to call the API from a browser (CORS); empty means none (closed).</summary>
    public string[] AllowedOrigins { get; set; } = [];
}
