using System.Reflection;

namespace PartyAssistant.Text;

/// <summary>Data files shipped inside an assembly (word lists, message tables), read as NFC text.</summary>
public static class EmbeddedFiles
{
    /// <param name="folder">The folder the file was embedded from ("Words", "Messages").</param>
    /// <param name="missing">What the user is told when the program was built without the file.</param>
    public static string Read(Assembly assembly, string folder, string name, string missing)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith($".{folder}.{name}", StringComparison.Ordinal))
            ?? throw new InvalidOperationException(missing);
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return VietnameseText.Normalize(reader.ReadToEnd());
    }
}
