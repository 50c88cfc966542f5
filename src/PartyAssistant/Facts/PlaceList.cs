using System.Text.RegularExpressions;

namespace PartyAssistant.Facts;

/// <summary>
/// The rest of a list of places after a role's own words: "đảng uỷ xã<b>, phường, thị trấn</b>",
/// "chi bộ<b> thôn, tổ dân phố</b>". The role then names every body of the list, not one of them.
/// </summary>
public static partial class PlaceList
{
    /// <summary>How long the place list is that continues a role name at the start of <paramref name="rest"/>; 0 when none does.</summary>
    public static int TailLength(string rest) => Tail().Match(rest).Length;

    /// <summary>Whether the role name before <paramref name="rest"/> is only the first of a comma-separated list ("đảng uỷ xã, phường tiếp nhận …").</summary>
    public static bool ContinuesWithComma(string rest) => rest.StartsWith(',') && TailLength(rest) > 0;

    [GeneratedRegex(@"^(\s*,?\s*(phường|thị trấn|thành phố|thành uỷ|thành ủy|xã|thôn|tổ dân phố|ấp|khóm|huyện|đặc khu))+(?!\p{L})", RegexOptions.IgnoreCase)]
    private static partial Regex Tail();
}
