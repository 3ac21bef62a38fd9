namespace ChainMap.Tests.Support;

/// <summary>The fixed wording the 2021+ catalogue format (经营范围规范表述, ADR 0620) puts around every licence: its two closing notes
/// and the research-and-development item nearly every company carries.</summary>
internal static class CatalogueWording
{
    /// <summary>The note that closes the general section (一般项目).</summary>
    public const string GeneralNote = "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）";

    /// <summary>The note that closes the permit section (许可项目).</summary>
    public const string PermitNote = "（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）";

    /// <summary>The catalogue's research-and-development item.</summary>
    public const string Technology = "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广";
}
