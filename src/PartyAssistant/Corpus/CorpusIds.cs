using System.Text.RegularExpressions;
using PartyAssistant.Text;

namespace PartyAssistant.Corpus;

/// <summary>
/// The shape of document and section ids: lower case a–z, digits and '-', so they can be typed in
/// a chat ("xem qd-213/dieu-2.3") and used as file names.
/// </summary>
public static partial class CorpusIds
{
    public static bool IsValid(string id) => IdPattern().IsMatch(id);

    /// <summary>"Thông tin văn bản" → "thong-tin-van-ban"; cut at a hyphen when longer than <paramref name="maxLength"/>.</summary>
    public static string Slug(string text, int maxLength = int.MaxValue)
    {
        var slug = NonSlug().Replace(VietnameseText.Fold(text).ToLowerInvariant(), "-").Trim('-');
        return slug.Length > maxLength ? slug[..maxLength].TrimEnd('-') : slug;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
