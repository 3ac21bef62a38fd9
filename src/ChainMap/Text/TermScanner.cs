namespace ChainMap.Text;

/// <summary>
/// Finds which of a fixed list of words occur in a text in one pass over the text (an Aho–Corasick automaton built once, ADR 0780),
/// instead of one <see cref="string.IndexOf(string, StringComparison)"/> per word. Ordinal, like <c>text.Contains(word, Ordinal)</c>:
/// <see cref="Find"/> answers exactly the indexes <i>i</i> for which <c>text.Contains(words[i], StringComparison.Ordinal)</c> holds
/// (an empty word is never reported). Immutable once built, so one scanner serves every thread.
/// </summary>
internal sealed class TermScanner
{
    /// <summary>The transitions out of the root, by character: most characters of a text lead back to it.</summary>
    private readonly int[] rootNext = new int[char.MaxValue + 1];

    /// <summary>The transitions out of every other state, keyed by state and character.</summary>
    private readonly Dictionary<long, int> next = [];

    /// <summary>Per state: the longest proper suffix of its string that is a state.</summary>
    private readonly int[] fail;

    /// <summary>Per state: the distinct word spelled by it (−1 when none).</summary>
    private readonly int[] wordAt;

    /// <summary>Per state: the nearest state down its <see cref="fail"/> chain that spells a word (−1 when none).</summary>
    private readonly int[] outputLink;

    /// <summary>Per distinct word: the indexes in the caller's list that hold it, ascending.</summary>
    private readonly int[][] indexesOf;

    [ThreadStatic]
    private static bool[]? seenBuffer;

    [ThreadStatic]
    private static List<int>? foundBuffer;

    /// <summary>Builds the automaton over <paramref name="words"/> (duplicates allowed: each index is reported).</summary>
    public TermScanner(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var distinct = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Length == 0)
            {
                continue;
            }

            if (!distinct.TryGetValue(words[i], out var list))
            {
                distinct[words[i]] = list = [];
            }

            list.Add(i);
        }

        indexesOf = [.. distinct.Values.Select(l => l.ToArray())];
        var depth = new List<int> { 0 };
        var wordOfState = new List<int> { -1 };
        var id = 0;
        foreach (var word in distinct.Keys)
        {
            var state = 0;
            foreach (var c in word)
            {
                var to = Step(state, c);
                if (to == 0)
                {
                    to = depth.Count;
                    depth.Add(depth[state] + 1);
                    wordOfState.Add(-1);
                    if (state == 0)
                    {
                        rootNext[c] = to;
                    }
                    else
                    {
                        next[Key(state, c)] = to;
                    }
                }

                state = to;
            }

            wordOfState[state] = id++;
        }

        var states = depth.Count;
        wordAt = [.. wordOfState];
        fail = new int[states];
        outputLink = new int[states];
        var children = new List<(int Child, char C)>[states];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (rootNext[c] != 0)
            {
                (children[0] ??= []).Add((rootNext[c], (char)c));
            }
        }

        foreach (var (key, to) in next)
        {
            (children[(int)(key >> 16)] ??= []).Add((to, (char)(key & 0xFFFF)));
        }

        // Breadth first: a state's failure is found from its parent's, which is shallower.
        var queue = new Queue<int>();
        outputLink[0] = -1;
        queue.Enqueue(0);
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            foreach (var (child, c) in children[state] ?? [])
            {
                var f = 0;
                if (state != 0)
                {
                    for (f = fail[state]; ; f = fail[f])
                    {
                        var to = Step(f, c);
                        if (to != 0 || f == 0)
                        {
                            f = to;
                            break;
                        }
                    }
                }

                fail[child] = f;
                outputLink[child] = wordAt[f] >= 0 ? f : outputLink[f];
                queue.Enqueue(child);
            }
        }
    }

    /// <summary>
    /// The indexes of the words that occur in <paramref name="text"/>, ascending (the caller's list order), each once. Empty when none.
    /// </summary>
    public List<int> Find(string? text)
    {
        var result = new List<int>();
        AddFound(text, result);
        result.Sort();
        return result;
    }

    /// <summary>
    /// Appends to <paramref name="result"/> the indexes of the words that occur in <paramref name="text"/>, each once, in no set order:
    /// <see cref="Find"/> without its list, for a caller that reads several texts into one list and sorts it once (ADR 0835).
    /// </summary>
    public void AddFound(string? text, List<int> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        // The words met so far, by id: all false between calls (each call clears what it set), one array per thread; likewise the
        // list of the ids met, so that a call allocates nothing of its own.
        var seen = seenBuffer is { } buffer && buffer.Length >= indexesOf.Length ? buffer : seenBuffer = new bool[indexesOf.Length];
        var found = foundBuffer ??= [];
        found.Clear();
        try
        {
            var state = 0;
            foreach (var c in text)
            {
                while (true)
                {
                    var to = Step(state, c);
                    if (to != 0 || state == 0)
                    {
                        state = to;
                        break;
                    }

                    state = fail[state];
                }

                for (var s = wordAt[state] >= 0 ? state : outputLink[state]; s > 0; s = outputLink[s])
                {
                    var word = wordAt[s];
                    if (!seen[word])
                    {
                        seen[word] = true;
                        found.Add(word);
                    }
                }
            }

            foreach (var word in found)
            {
                result.AddRange(indexesOf[word]);
            }
        }
        finally
        {
            foreach (var word in found)
            {
                seen[word] = false;
            }

            found.Clear();
        }
    }

    // TryGetValue on the dictionary itself: GetValueOrDefault is an extension over IReadOnlyDictionary, one interface call per
    // character of every text (ADR 0835).
    private int Step(int state, char c) =>
        state == 0 ? rootNext[c] : next.TryGetValue(Key(state, c), out var to) ? to : 0;

    private static long Key(int state, char c) => ((long)state << 16) | c;
}
