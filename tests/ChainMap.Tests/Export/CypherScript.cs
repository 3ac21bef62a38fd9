using System.Text;

namespace ChainMap.Tests.Export;

/// <summary>Splits a Cypher script into statements the way cypher-shell does: at ';' outside string literals, skipping // comments.</summary>
internal static class CypherScript
{
    public static List<string> Split(string script)
    {
        var statements = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        for (var i = 0; i < script.Length; i++)
        {
            var c = script[i];
            if (quote is not null)
            {
                current.Append(c);
                if (c == '\\' && i + 1 < script.Length)
                {
                    current.Append(script[++i]);
                }
                else if (c == quote)
                {
                    quote = null;
                }

                continue;
            }

            if (c is '\'' or '"')
            {
                quote = c;
                current.Append(c);
            }
            else if (c == '/' && i + 1 < script.Length && script[i + 1] == '/')
            {
                while (i < script.Length && script[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == ';')
            {
                statements.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (quote is not null)
        {
            throw new FormatException("unterminated string literal");
        }

        if (current.ToString().Trim().Length > 0)
        {
            statements.Add(current.ToString().Trim());
        }

        return statements;
    }
}
