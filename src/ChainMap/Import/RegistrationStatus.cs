using ChainMap.Text;

namespace ChainMap.Import;

/// <summary>
/// What a register's 登记状态 / 经营状态 says of a company (企查查, 天眼查 and the market-regulation registers
/// write 存续（在营、开业、在册）, 在业, 注销, 吊销，未注销, 撤销, 迁出 …). A closed company is no target: its row is
/// not imported. A company that moved its registration away (迁出) exists, but the row's place may be the old one.
/// </summary>
internal static class RegistrationStatus
{
    /// <summary>The words that say a company no longer trades, in the order they are looked for.</summary>
    public static readonly IReadOnlyList<string> ClosedWords = ["吊销", "注销", "撤销", "责令关闭", "关闭", "歇业", "停业", "清算", "除名"];

    /// <summary>The word of <see cref="ClosedWords"/> the status names, or null when it does not say the company is closed.</summary>
    public static string? Closed(string? status)
    {
        // 吊销，未注销 (revoked, not yet deregistered) is closed by its first word; 未注销 alone says nothing.
        var folded = ChineseText.Fold(status).Replace("未注销", string.Empty, StringComparison.Ordinal);
        if (folded.Length == 0)
        {
            return null;
        }

        foreach (var word in ClosedWords)
        {
            if (folded.Contains(word, StringComparison.Ordinal))
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>True when the status says the registration moved to another authority (迁出).</summary>
    public static bool MovedOut(string? status) => ChineseText.Fold(status).Contains("迁出", StringComparison.Ordinal);
}
