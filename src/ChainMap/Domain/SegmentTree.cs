namespace ChainMap.Domain;

/// <summary>
/// The sub-segment hierarchy of some segments (parent links only, never flow edges): which
/// segments a segment stands for when it is chosen — itself and all its sub-segments.
/// </summary>
internal sealed class SegmentTree
{
    private readonly ILookup<string, Segment> children;

    public SegmentTree(IEnumerable<Segment> segments) =>
        children = segments.Where(s => s.ParentCode is not null).ToLookup(s => s.ParentCode!, StringComparer.Ordinal);

    /// <summary>The codes given and the codes of all their sub-segments, at any depth (cycles are harmless).</summary>
    public HashSet<string> SelfAndDescendants(IEnumerable<string> codes)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(codes);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (result.Add(current))
            {
                foreach (var child in children[current])
                {
                    stack.Push(child.Code);
                }
            }
        }

        return result;
    }

    /// <summary>A segment's code and those of all its sub-segments.</summary>
    public HashSet<string> SelfAndDescendants(string code) => SelfAndDescendants([code]);
}
