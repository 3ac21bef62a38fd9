using ChainMap.Domain;
using ChainMap.Storage;

namespace ChainMap.Discovery;

/// <summary>One hop of an introduction path with its wire relation name and a Chinese label.</summary>
internal sealed record DescribedStep(PathNode From, PathNode To, string Relation, bool Reversed, string Label);

/// <summary>An introduction path as a team reads it: hops, strength (product of hop weights), a one-line summary and the steps.</summary>
internal sealed record DescribedPath(int Hops, double Strength, string Summary, IReadOnlyList<DescribedStep> Steps);

/// <summary>Turns stored paths into sentences: who supplies whom, who is a member or officer of which channel.</summary>
internal static class PathDescriptions
{
    public static DescribedPath Describe(IntroductionPath path, string homeName)
    {
        var steps = path.Steps.Select(Describe).ToList();
        var strength = path.Steps.Aggregate(1.0, (w, s) => w * (s.Relation is { } r ? IntroductionWeights.Of(r) : IntroductionWeights.Of(s.Role ?? ChannelRole.Contact)));
        var end = path.Steps[^1].To;
        var endLabel = end.Kind == PathNodeKind.Company ? $"{homeName}本地企业" : $"与{homeName}直接相关的{end.ChannelKind?.ToChinese() ?? "渠道"}";
        var summary = string.Join(" → ", path.Steps.Select(s => s.From.Name).Append(end.Name)) + $"（{endLabel}，{steps.Count} 步）";
        return new DescribedPath(steps.Count, Math.Round(strength, 3), summary, steps);
    }

    private static DescribedStep Describe(PathStep step)
    {
        if (step.Relation is { } kind)
        {
            var (from, to) = step.Reversed ? (step.To, step.From) : (step.From, step.To);
            var verb = kind switch
            {
                CompanyRelationKind.Supplies => "向",
                CompanyRelationKind.InvestsIn => "投资",
                _ => "控股",
            };
            var label = kind == CompanyRelationKind.Supplies ? $"{from.Name} 向 {to.Name} 供货" : $"{from.Name} {verb} {to.Name}";
            return new DescribedStep(step.From, step.To, kind.ToWire(), step.Reversed, label);
        }

        var role = step.Role ?? ChannelRole.Contact;
        var (channel, member) = step.Reversed ? (step.To, step.From) : (step.From, step.To);
        return new DescribedStep(step.From, step.To, role.ToWire(), step.Reversed, ChannelLabel(channel, member, role));
    }

    /// <summary>Associations have members and officers; people are executives, shareholders, relatives or contacts of someone.</summary>
    public static string ChannelLabel(PathNode channel, PathNode member, ChannelRole role)
    {
        var isPerson = channel.ChannelKind is ChannelKind.Person or ChannelKind.InvestmentAmbassador;
        if (!isPerson)
        {
            return role switch
            {
                ChannelRole.Officer => $"{member.Name} 是 {channel.Name} 的会长/理事" + (member.Kind == PathNodeKind.Company ? "单位" : string.Empty),
                ChannelRole.Alumnus => $"{member.Name} 的负责人是 {channel.Name} 的校友",
                ChannelRole.Member => $"{member.Name} 是 {channel.Name} 的会员",
                _ => $"{member.Name} 与 {channel.Name} 有联系（{role.ToChinese()}）",
            };
        }

        return role switch
        {
            ChannelRole.Executive => $"{channel.Name} 是 {member.Name} 的高管",
            ChannelRole.Shareholder => $"{channel.Name} 是 {member.Name} 的股东",
            ChannelRole.Relative => $"{channel.Name} 是 {member.Name} 负责人的亲友",
            ChannelRole.Alumnus => $"{channel.Name} 与 {member.Name} 的负责人是校友",
            ChannelRole.Officer => $"{channel.Name} 是 {member.Name} 的负责人之一",
            ChannelRole.Member => $"{channel.Name} 是 {member.Name} 的成员",
            _ => $"{channel.Name} 与 {member.Name} 相熟",
        };
    }
}
