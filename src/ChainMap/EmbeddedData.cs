using System.Reflection;
using System.Text;

namespace ChainMap;

/// <summary>The files of data/ that the library embeds (ChainMap.csproj): read whole as UTF-8 text.</summary>
internal static class EmbeddedData
{
    /// <summary>The text of the embedded resource <paramref name="name"/>; <paramref name="file"/> names it in the error.</summary>
    public static string Read(string name, string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded table {file} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
